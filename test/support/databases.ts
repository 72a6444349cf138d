/**
 * Storage tests run on every supported database: embedded PGlite (in memory) and PostgreSQL.
 * PostgreSQL comes from TEST_DATABASE_URL, default the local server on 127.0.0.1:5432; each test
 * file gets a fresh database of its own that is dropped afterwards. No database is ever mocked.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database, type DatabaseKind } from '../../src/storage/database.js';
import { migrate } from '../../src/storage/migrate.js';

const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export const databaseKinds: DatabaseKind[] = (process.env.TEST_DATABASES ?? 'pglite,postgres')
  .split(',')
  .map((k) => k.trim())
  .filter((k): k is DatabaseKind => k === 'pglite' || k === 'postgres');

export interface TestDatabase {
  db: Database;
  /** A connection URL for child processes (PostgreSQL only). */
  url: string | null;
  drop(): Promise<void>;
}

export async function createTestDatabase(kind: DatabaseKind, options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  if (kind === 'pglite') {
    const db = await openDatabase({ kind: 'pglite', dataDir: 'memory' });
    if (options.migrate !== false) await migrate(db);
    return { db, url: null, drop: () => db.close() };
  }
  const name = `zk_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 4 });
  if (options.migrate !== false) await migrate(db);
  return {
    db,
    url: url.toString(),
    drop: async () => {
      await db.close();
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}
