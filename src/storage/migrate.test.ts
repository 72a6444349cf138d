import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../test/support/databases.js';
import { migrate } from './migrate.js';

describe.each(databaseKinds)('migrations on %s', (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(kind, { migrate: false });
  });
  afterAll(() => t.drop());

  it('applies every migration once and is idempotent', async () => {
    const first = await migrate(t.db);
    expect(first.applied).toContain('0001_foundation');
    const second = await migrate(t.db);
    expect(second.applied).toEqual([]);
    expect(second.current).toBe(first.current);
  });

  it('keeps invariants in the database', async () => {
    const bad = sql`insert into providers (agb, name, type, city, zk_revenue_cents) values ('1234', 'X', 'ziekenhuis', 'Zwolle', 0)`;
    await expect(bad.execute(t.db.kysely)).rejects.toThrow(/check constraint/);
    const negative = sql`insert into providers (agb, name, type, city, zk_revenue_cents) values ('06000001', 'X', 'ziekenhuis', 'Zwolle', -1)`;
    await expect(negative.execute(t.db.kysely)).rejects.toThrow(/check constraint/);
  });
});
