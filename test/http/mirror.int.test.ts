import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { mirrorReportFor } from '../../src/app/claims/mirror.js';
import { DEMO_LOGINS } from '../../src/app/demo/demo-users.js';
import { loadPolicyCatalogue, type PolicyCatalogue } from '../../src/app/policies.js';
import { systemActor } from '../../src/domain/auth/actor.js';
import { expectOk } from '../../src/domain/errors.js';
import { MIRROR_SETTING_RULES, MIRROR_TOPICS } from '../../src/domain/mirror/index.js';
import type { Policy } from '../../src/domain/policy/index.js';
import { withActor } from '../../src/storage/context.js';
import { databaseKinds } from '../support/databases.js';
import { ApiClient, startTestServer, type TestServer } from '../support/server.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are asserted field by field
type Json = any;
const login = (role: 'purchaser' | 'controller' | 'medical-adviser' | 'provider') => DEMO_LOGINS.find((l) => l.role === role)!;

async function client(server: TestServer, role: 'purchaser' | 'controller' | 'medical-adviser' | 'provider'): Promise<ApiClient> {
  const c = new ApiClient(server.url);
  expect((await c.login(login(role).email, login(role).password)).status).toBe(200);
  return c;
}

/** Duplicate-claim findings on 2018 claims: five for the demo provider, one each for a few peers. */
async function seedFindings(server: TestServer, own: string): Promise<void> {
  await withActor(server.db, systemActor('test'), async (tx) => {
    const run = await tx.insertInto('claim_check_runs').values({ year: 2018, started_by: 'test' }).returning('id').executeTakeFirstOrThrow();
    const claims = await sql<{ claim_id: string; agb: string; n: number }>`
      select claim_id, c.agb, row_number() over (partition by c.agb order by claim_id)::int as n
      from claims c join providers p on p.agb = c.agb
      where p.type = 'ziekenhuis' and c.start_date between '2018-01-01' and '2018-12-31' and c.amount_cents > 0`.execute(tx);
    const flagged = claims.rows.filter((c) => (c.agb === own ? c.n <= 5 : c.n === 1 && c.agb.endsWith('0')));
    await tx
      .insertInto('claim_findings')
      .values(flagged.map((c) => ({ run_id: run.id, claim_id: c.claim_id, agb: c.agb, rule: 'duplicate', source: 'MSZ §4A', amount_at_stake_cents: 100, action: 'reject' as const, reason: JSON.stringify({ rule: 'claims.duplicate' }) })))
      .execute();
  });
}

describe.each(databaseKinds)('mirror information API on %s', (kind) => {
  let server: TestServer;
  let provider: ApiClient;
  let controller: ApiClient;
  let purchaser: ApiClient;
  let adviser: ApiClient;
  let own: string;
  let allAgbs: string[];
  let other: string;

  beforeAll(async () => {
    // Enough claims that peers reach the minimum of 20 patients.
    server = await startTestServer({ databaseKind: kind, claims: 4000 });
    own = server.seed.demoProviderAgb;
    await seedFindings(server, own);
    [provider, controller, purchaser, adviser] = await Promise.all([client(server, 'provider'), client(server, 'controller'), client(server, 'purchaser'), client(server, 'medical-adviser')]);
    allAgbs = (await sql<{ agb: string }>`select agb from providers order by agb`.execute(server.db.kysely)).rows.map((r) => r.agb);
    other = allAgbs.find((a) => a !== own)!;
  });
  afterAll(() => server.close());

  it('shows a provider user its own report against anonymous peers', async () => {
    const response = await provider.get(`/api/providers/${own}/mirror?year=2018`);
    expect(response.status).toBe(200);
    const report: Json = await response.json();
    expect(report).toMatchObject({ agb: own, year: 2018, peer_group: { type: 'ziekenhuis', min_patients: 20, min_peers: 5 }, method: { percentiles: 'linear-interpolation', rank: 'mid-rank' } });
    expect(report.peer_group.providers).toBeGreaterThanOrEqual(5);
    const ids = report.indicators.map((i: Json) => i.id);
    expect(ids).toEqual(expect.arrayContaining(['follow-up-share', 'subtrajects-per-patient', 'credit-share', 'finding-share.duplicate']));
    for (const i of report.indicators) {
      const p = [i.percentiles.p10, i.percentiles.p25, i.percentiles.p50, i.percentiles.p75, i.percentiles.p90].map(Number);
      expect(p).toEqual([...p].sort((a, b) => a - b));
      expect(Number(i.rank)).toBeGreaterThanOrEqual(0);
      expect(Number(i.rank)).toBeLessThanOrEqual(1);
      expect(['above-p90', 'above-p75', 'normal', 'below-p25']).toContain(i.signal);
      expect(i.reason.source).toMatch(/^ADD §8/);
    }
    // Five duplicate findings on its own claims, against peers with none or one: well above P90.
    const duplicates = report.indicators.find((i: Json) => i.id === 'finding-share.duplicate');
    expect(duplicates).toMatchObject({ topic: 'feitelijke-levering', signal: 'above-p90' });
    expect(duplicates.reason.message).toContain('boven het 90e percentiel');
    expect(report.notice.message).toContain('Bij onvoldoende verbetering kan overgegaan worden tot controle.');
  });

  it('never puts another provider’s AGB or name in a report, whoever asks', async () => {
    const names = (await sql<{ agb: string; name: string }>`select agb, name from providers`.execute(server.db.kysely)).rows;
    for (const [who, c] of [['provider', provider], ['purchaser', purchaser]] as const) {
      const raw = await (await c.get(`/api/providers/${own}/mirror?year=2018`)).text();
      expect(raw, who).toContain(own);
      for (const agb of allAgbs.filter((a) => a !== own)) expect(raw.includes(agb), `${who}: ${agb}`).toBe(false);
      for (const p of names.filter((n) => n.agb !== own)) expect(raw.includes(`"${p.name}"`) || raw.includes(` ${p.name} `), `${who}: ${p.name}`).toBe(false);
    }
  });

  it('refuses a provider user another provider’s report and the overview, audited', async () => {
    const refused = await provider.get(`/api/providers/${other}/mirror?year=2018`);
    expect(refused.status).toBe(403);
    expect(await refused.text()).not.toContain('"indicators"');
    expect((await provider.get('/api/mirror?year=2018')).status).toBe(403);
    const denied = await sql<{ n: number }>`select count(*)::int as n from audit_log where event = 'mirror.read' and outcome = 'denied' and object_id = ${other}`.execute(server.db.kysely);
    expect(denied.rows[0]?.n).toBe(1);
    expect((await new ApiClient(server.url).get(`/api/providers/${own}/mirror?year=2018`)).status).toBe(401);
    expect((await provider.get(`/api/providers/${own}/mirror?year=18`)).status).toBe(400);
  });

  it('lets staff read any provider’s report and the overview with names', async () => {
    expect((await adviser.get(`/api/providers/${other}/mirror?year=2018`)).status).toBe(200);
    const response = await controller.get('/api/mirror?year=2018');
    expect(response.status).toBe(200);
    const overview: Json = await response.json();
    expect(overview.providers.length).toBeGreaterThan(5);
    const mine = overview.providers.find((p: Json) => p.agb === own);
    expect(mine).toMatchObject({ type: 'ziekenhuis' });
    expect(mine.name).toEqual(expect.any(String));
    expect(mine.attention).toEqual(expect.arrayContaining([expect.objectContaining({ id: 'finding-share.duplicate', signal: 'above-p90' })]));
    const counts = overview.providers.map((p: Json) => [p.signals['above-p90'], p.signals['above-p75']]);
    expect(counts).toEqual([...counts].sort((a, b) => b[0] - a[0] || b[1] - a[1]));
  });

  it('writes every read to the audit log, purpose spiegelinformatie, with the reader', async () => {
    await provider.get(`/api/providers/${own}/mirror?year=2018`);
    await controller.get('/api/mirror?year=2018');
    const rows = await sql<{ user_email: string; role: string; object_type: string; object_id: string; agb: string | null; purpose: string; outcome: string }>`
      select user_email, role, object_type, object_id, agb, purpose, outcome from audit_log where event = 'mirror.read' and outcome = 'success' order by seq`.execute(server.db.kysely);
    expect(rows.rows).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ user_email: login('provider').email, role: 'provider', object_type: 'mirror-report', object_id: `${own}/2018`, agb: own, purpose: 'spiegelinformatie' }),
        expect.objectContaining({ user_email: login('controller').email, role: 'controller', object_type: 'mirror-overview', object_id: '2018', purpose: 'spiegelinformatie' }),
        expect.objectContaining({ user_email: login('medical-adviser').email, object_id: `${other}/2018` }),
      ]),
    );
  });

  it('renders the report as a PDF for the provider itself and refuses others', async () => {
    const pdf = await provider.get(`/api/providers/${own}/mirror.pdf?year=2018`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
    expect((await provider.get(`/api/providers/${other}/mirror.pdf?year=2018`)).status).toBe(403);
  });

  it('takes the peer-group minimums from the MSZ policy of the year; another value in the policy changes the report', async () => {
    const catalogue = expectOk(await loadPolicyCatalogue());
    const msz = expectOk(catalogue.get('msz-2018'));
    const parameter = (id: string) => msz.parameters.find((p) => p.id === id)?.value;
    const report: Json = await (await provider.get(`/api/providers/${own}/mirror?year=2018`)).json();
    expect(report.peer_group).toMatchObject({ min_patients: parameter(MIRROR_SETTING_RULES.minPatients.parameter), min_peers: parameter(MIRROR_SETTING_RULES.minPeers.parameter) });
    const overview: Json = await (await controller.get('/api/mirror?year=2018')).json();
    expect(overview.settings).toEqual(Object.fromEntries(Object.entries(MIRROR_SETTING_RULES).map(([field, rule]) => [field, parameter(rule.parameter)])));
    // A claim year before the first policy uses the first policy's values.
    const earlier = await provider.get(`/api/providers/${own}/mirror?year=2017`);
    expect(earlier.status).toBe(200);
    expect((await earlier.json()).peer_group.min_peers).toBe(parameter('mirror_min_peers'));

    // The same database and use case under a policy that asks for more peers than there are: nothing is shown.
    const morePeers = report.peer_group.providers + 1;
    const stricter: Policy = { ...msz, parameters: msz.parameters.map((p) => (p.id === 'mirror_min_peers' && p.type === 'integer' ? { ...p, value: morePeers } : p)) };
    const policies: PolicyCatalogue = { ...catalogue, all: () => catalogue.all().map((p) => (p.id === msz.id ? stricter : p)) };
    const strict = expectOk(await mirrorReportFor({ db: server.db, actor: systemActor('test'), policies }, own, 2018));
    expect(report.indicators.length).toBeGreaterThan(0);
    expect(strict.indicators).toEqual([]);
    expect(strict.peer_group).toMatchObject({ providers: report.peer_group.providers, min_peers: morePeers });
    expect(strict.omitted.map((o) => o.id)).toEqual(expect.arrayContaining(report.indicators.map((i: Json) => i.id)));
  });

  it('uses the ADD §8 topics of the policy files', async () => {
    const ids = MIRROR_TOPICS.map((t) => t.id);
    for (const policy of expectOk(await loadPolicyCatalogue()).all()) {
      expect(policy.claims_control.mirror_information.topics.map((t) => t.id), policy.id).toEqual(ids);
    }
  });
});
