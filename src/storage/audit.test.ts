import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../test/support/databases.js';
import { systemActor, type Actor } from '../domain/auth/actor.js';
import { audit, verifyAuditChain } from './audit.js';
import { withActor } from './context.js';

const controller: Actor = { role: 'controller', userId: 7, email: 'c@example.nl', agb: null };

describe.each(databaseKinds)('audit log on %s', (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
    for (let i = 1; i <= 5; i++) {
      await withActor(t.db, controller, (tx) =>
        audit(tx, controller, { event: 'claim.read', action: 'R', purpose: 'controle', objectType: 'claim', objectId: `C${i}` }),
      );
    }
  });
  afterAll(() => t.drop());

  it('chains every record to the previous one', async () => {
    const result = await verifyAuditChain(t.db);
    expect(result).toMatchObject({ records: 5, valid: true, problems: [] });
    const rows = await withActor(t.db, systemActor(), (tx) => tx.selectFrom('audit_log').select(['seq', 'prev_hash', 'hash']).orderBy('seq').execute());
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(rows[0]?.prev_hash).toBe('0'.repeat(64));
    expect(rows[1]?.prev_hash).toBe(rows[0]?.hash);
  });

  it('refuses UPDATE, DELETE and TRUNCATE for the application role', async () => {
    await expect(withActor(t.db, controller, (tx) => tx.updateTable('audit_log').set({ purpose: 'x' } as never).execute())).rejects.toThrow();
    await expect(withActor(t.db, controller, (tx) => tx.deleteFrom('audit_log').execute())).rejects.toThrow();
    await expect(withActor(t.db, controller, (tx) => sql`truncate audit_log`.execute(tx))).rejects.toThrow();
    expect((await verifyAuditChain(t.db)).records).toBe(5);
  });

  it('detects a changed record and a removed record', async () => {
    // Tampering as the database owner, bypassing the guard triggers, is what verify must catch.
    await sql`alter table audit_log disable trigger audit_log_no_update`.execute(t.db.kysely);
    await sql`update audit_log set object_id = 'C999' where seq = 2`.execute(t.db.kysely);
    let result = await verifyAuditChain(t.db);
    expect(result.valid).toBe(false);
    expect(result.problems).toContainEqual({ seq: 2, problem: 'hash-mismatch' });

    await sql`update audit_log set object_id = 'C2' where seq = 2`.execute(t.db.kysely);
    expect((await verifyAuditChain(t.db)).valid).toBe(true);

    await sql`delete from audit_log where seq = 4`.execute(t.db.kysely);
    result = await verifyAuditChain(t.db);
    expect(result.valid).toBe(false);
    expect(result.problems.map((p) => p.seq)).toContain(5);
    await sql`alter table audit_log enable trigger audit_log_no_update`.execute(t.db.kysely);
  });
});
