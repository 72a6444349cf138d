import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../test/support/databases.js';
import { systemActor, type Actor } from '../domain/auth/actor.js';
import { withActor } from './context.js';

const providerA = '06010001';
const providerB = '06010002';
const asProvider = (agb: string): Actor => ({ role: 'provider', userId: 1, email: 'a@example.nl', agb });
const purchaser: Actor = { role: 'purchaser', userId: 2, email: 'p@example.nl', agb: null };

describe.each(databaseKinds)('row-level security on %s', (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
    await withActor(t.db, systemActor('test'), async (tx) => {
      for (const agb of [providerA, providerB]) {
        await tx.insertInto('providers').values({ agb, name: `Ziekenhuis ${agb}`, type: 'ziekenhuis', city: 'Zwolle', zk_revenue_cents: 1 }).execute();
        await tx.insertInto('claims').values({
          claim_id: `C-${agb}`, uzovi: '3311', agb, bsn: '111222333', care_type: '11', specialism: '0320', diagnosis: '202',
          product_code: '979001234', start_date: '2018-01-02', end_date: '2018-01-05', amount_cents: 10000,
        }).execute();
      }
    });
  });
  afterAll(() => t.drop());

  it('runs as a role that is neither superuser, owner nor BYPASSRLS', async () => {
    const row = await withActor(t.db, purchaser, async (tx) =>
      (await sql<{ user: string; superuser: boolean; bypass: boolean; owner: string }>`
        select current_user as user, r.rolsuper as superuser, r.rolbypassrls as bypass,
               (select tableowner from pg_tables where tablename = 'providers') as owner
        from pg_roles r where r.rolname = current_user`.execute(tx)).rows[0],
    );
    expect(row).toMatchObject({ user: 'zorginkoop_app', superuser: false, bypass: false });
    expect(row?.owner).not.toBe('zorginkoop_app');
  });

  /** Tables with an `agb` column that are not one provider's data, and why. */
  const NOT_PROVIDER_SCOPED: Record<string, string> = {
    specialised_centres: 'public reference list of the centres allowed to give an add-on drug (ADD §3)',
    audit_log: 'append-only log; the application role may insert and read it, never change it (own guards)',
  };

  it('every other table with an agb column has forced row-level security, a policy and grants for the application role', async () => {
    const tables = (await sql<{ name: string; rls: boolean; forced: boolean; policies: number; readable: boolean }>`
      select c.relname as name, c.relrowsecurity as rls, c.relforcerowsecurity as forced,
             (select count(*)::int from pg_policy p where p.polrelid = c.oid) as policies,
             has_table_privilege('zorginkoop_app', c.oid, 'SELECT') as readable
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p')
        and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'agb' and not a.attisdropped)
      order by 1`.execute(t.db.kysely)).rows;
    expect(tables.length).toBeGreaterThan(20);
    const unprotected = tables
      .filter((r) => !(r.name in NOT_PROVIDER_SCOPED))
      .filter((r) => !r.rls || !r.forced || r.policies === 0 || !r.readable)
      .map((r) => `${r.name}: rls=${r.rls} forced=${r.forced} policies=${r.policies} readable=${r.readable}`);
    expect(unprotected).toEqual([]);
    for (const name of Object.keys(NOT_PROVIDER_SCOPED)) expect(tables.map((r) => r.name)).toContain(name);
  });

  it('shows a provider user only its own provider and claims', async () => {
    const seen = await withActor(t.db, asProvider(providerA), async (tx) => ({
      providers: (await tx.selectFrom('providers').select('agb').execute()).map((r) => r.agb),
      other: await tx.selectFrom('providers').select('agb').where('agb', '=', providerB).execute(),
      claims: (await tx.selectFrom('claims').select('claim_id').execute()).map((r) => r.claim_id),
    }));
    expect(seen.providers).toEqual([providerA]);
    expect(seen.other).toEqual([]);
    expect(seen.claims).toEqual([`C-${providerA}`]);
  });

  it('shows insurer staff every provider', async () => {
    const all = await withActor(t.db, purchaser, (tx) => tx.selectFrom('providers').select('agb').orderBy('agb').execute());
    expect(all.map((r) => r.agb)).toEqual([providerA, providerB]);
  });

  it('lets a provider user change nothing, not even its own provider row', async () => {
    const updated = withActor(t.db, asProvider(providerA), (tx) =>
      tx.updateTable('providers').set({ name: 'Gekaapt' }).where('agb', '=', providerA).execute(),
    );
    await expect(updated).rejects.toThrow(/row-level security|policy/i);
    const other = await withActor(t.db, asProvider(providerA), (tx) =>
      tx.updateTable('providers').set({ name: 'Gekaapt' }).where('agb', '=', providerB).executeTakeFirst(),
    );
    expect(Number(other.numUpdatedRows)).toBe(0);
  });

  it('shows nothing to an actor without a role setting (public)', async () => {
    const rows = await withActor(t.db, { role: 'public', userId: null, email: null, agb: null }, (tx) => tx.selectFrom('claims').select('claim_id').execute());
    expect(rows).toEqual([]);
  });

  it('keeps the settings local to the transaction', async () => {
    await withActor(t.db, asProvider(providerA), async () => {});
    const role = await sql<{ role: string | null }>`select nullif(current_setting('app.role', true), '') as role`.execute(t.db.kysely);
    expect(role.rows[0]?.role ?? null).toBeNull();
  });
});
