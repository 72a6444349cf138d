/**
 * Opens the database: PostgreSQL when a URL is given (production), otherwise embedded PGlite in a
 * data folder (development and demo). Both speak the same SQL, run the same migrations and enforce
 * the same row-level security, so every storage test runs on both.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
import { PgliteDialect } from './pglite-dialect.js';
import { repoRoot } from './paths.js';
import type { Schema } from './schema.js';

export type DatabaseKind = 'postgres' | 'pglite';

export interface Database {
  readonly kind: DatabaseKind;
  readonly kysely: Kysely<Schema>;
  /** A human description without credentials, for logs. */
  readonly description: string;
  close(): Promise<void>;
}

export type DatabaseConfig =
  | { kind: 'postgres'; url: string; poolSize?: number }
  | { kind: 'pglite'; dataDir: string | 'memory' };

export function databaseConfigFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  if (env.DATABASE_URL) return { kind: 'postgres', url: env.DATABASE_URL };
  const dataDir = env.ZORGINKOOP_DATA_DIR
    ? path.resolve(env.ZORGINKOOP_DATA_DIR)
    : path.join(repoRoot(), '.data');
  return { kind: 'pglite', dataDir };
}

/** int8 as a JavaScript number, refusing values beyond 2^53 rather than losing cents. */
function parseInt8(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new RangeError(`int8 value ${text} exceeds the safe integer range`);
  return value;
}

export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  if (config.kind === 'postgres') {
    const pool = new pg.Pool({
      connectionString: config.url,
      max: config.poolSize ?? 10,
      types: {
        // int8 as a checked number, `date` as its 'YYYY-MM-DD' text (as on PGlite): a calendar date has no time zone.
        getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
          oid === 20 ? parseInt8 : oid === 1082 ? (text: string) => text : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
      },
    });
    // An idle pooled connection that the server ends (restart, failover, DROP DATABASE … FORCE)
    // is reported on the pool; without a handler that would crash the process. The pool replaces it.
    pool.on('error', (error: Error & { code?: string }) => {
      if (error.code !== '57P01') console.error(`PostgreSQL: inactieve verbinding verbroken: ${error.message}`);
    });
    const kysely = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
    const url = new URL(config.url);
    return {
      kind: 'postgres',
      kysely,
      description: `PostgreSQL ${url.hostname}:${url.port || 5432}${url.pathname}`,
      close: () => kysely.destroy(),
    };
  }

  const releaseLock = config.dataDir === 'memory' ? () => {} : lockDataDir(config.dataDir);
  try {
    const pglite = await PGlite.create(config.dataDir === 'memory' ? undefined : path.join(config.dataDir, 'pglite'), {
      parsers: {
        [pgliteTypes.INT8]: parseInt8,
        [pgliteTypes.NUMERIC]: (text: string) => text,
        [pgliteTypes.DATE]: (text: string) => text,
      },
    });
    const kysely = new Kysely<Schema>({ dialect: new PgliteDialect(pglite) });
    return {
      kind: 'pglite',
      kysely,
      description: config.dataDir === 'memory' ? 'PGlite (in memory)' : `PGlite ${config.dataDir}`,
      close: async () => {
        await kysely.destroy();
        await pglite.close();
        releaseLock();
      },
    };
  } catch (error) {
    releaseLock();
    throw error;
  }
}

/**
 * PGlite is single-process: a second process on the same folder would corrupt it. A lock file with
 * the owner's pid refuses that clearly; a stale lock (dead pid) is taken over.
 */
function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const lockFile = path.join(dataDir, 'zorginkoop.lock');
  try {
    const holder = Number(readFileSync(lockFile, 'utf8').trim());
    if (holder && holder !== process.pid && isAlive(holder)) {
      throw new DataDirLockedError(dataDir, holder);
    }
  } catch (error) {
    if (error instanceof DataDirLockedError) throw error;
  }
  writeFileSync(lockFile, String(process.pid));
  return () => rmSync(lockFile, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `De embedded database in ${dataDir} is in gebruik door proces ${pid} (bijvoorbeeld 'zorginkoop serve'). ` +
        `Stop dat proces, kies een andere ZORGINKOOP_DATA_DIR, of gebruik PostgreSQL via DATABASE_URL.`,
    );
  }
}
