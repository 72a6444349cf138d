import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { DEMO_LOGINS } from '../../src/app/demo/demo-users.js';
import { databaseKinds } from '../support/databases.js';
import { ApiClient, startTestServer, type TestServer } from '../support/server.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are asserted field by field
type Json = any;
const json = async (response: Response): Promise<Json> => response.json();
const login = (role: 'purchaser' | 'controller' | 'provider') => DEMO_LOGINS.find((l) => l.role === role)!;
const sum = (lines: { amount_cents: number }[]) => lines.reduce((s, l) => s + l.amount_cents, 0);

describe.each(databaseKinds)('purchasing API on %s', (kind) => {
  let server: TestServer;
  let purchaser: ApiClient;
  let provider: ApiClient;
  let controller: ApiClient;
  let other: string;

  beforeAll(async () => {
    server = await startTestServer({ databaseKind: kind, claims: 1500 });
    purchaser = new ApiClient(server.url);
    provider = new ApiClient(server.url);
    controller = new ApiClient(server.url);
    await purchaser.login(login('purchaser').email, login('purchaser').password);
    await provider.login(login('provider').email, login('provider').password);
    await controller.login(login('controller').email, login('controller').password);
    const all: { agb: string }[] = await json(await purchaser.get('/api/providers'));
    other = all.find((p) => p.agb !== server.seed.demoProviderAgb)!.agb;
  });
  afterAll(() => server.close());

  it('lets a purchaser set the negotiation and see the decision follow', async () => {
    const agb = server.seed.demoProviderAgb;
    const set = await purchaser.request('PUT', `/api/providers/${agb}/negotiation`, { year: 2018, price_volume: 'agreed', kernregio_conditions: 'agreed', multi_year_content: 'agreed', new_provider: false });
    expect(set.status).toBe(200);
    const decision = await json(await purchaser.get(`/api/providers/${agb}/agreement?year=2018`));
    expect(decision).toMatchObject({ type: 'transitie', years: 3, status: 'final' });
    await purchaser.request('PUT', `/api/providers/${agb}/negotiation`, { year: 2018, price_volume: 'rejected' });
    expect(await json(await purchaser.get(`/api/providers/${agb}/agreement?year=2018`))).toMatchObject({ type: 'none', years: 0 });
    const settlement = await purchaser.get(`/api/providers/${agb}/settlement?year=2018`);
    expect(settlement.status).toBe(409);
    await purchaser.request('PUT', `/api/providers/${agb}/negotiation`, { year: 2018, price_volume: 'agreed' });
  });

  it('serves proposal and settlement that reconcile to the cent', async () => {
    const agb = server.seed.demoProviderAgb;
    const proposal = await json(await purchaser.get(`/api/providers/${agb}/proposal?year=2018`));
    expect(sum(proposal.volume.lines)).toBe(proposal.volume.total_cents);
    expect(sum(proposal.financial.lines)).toBe(proposal.financial.amount_cents);
    const settlement = await json(await purchaser.get(`/api/providers/${agb}/settlement?year=2018`));
    expect(sum(settlement.settlement.lines)).toBe(settlement.settlement.payable_cents);
    expect(settlement.settlement.target_cents).toBe(proposal.financial.amount_cents);
  });

  it('renders the proposal letter, price list, settlement statement and Fig. 1 chart', async () => {
    const agb = server.seed.demoProviderAgb;
    const pdf = await purchaser.get(`/api/providers/${agb}/proposal.pdf?year=2018`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
    const xlsx = await purchaser.get(`/api/providers/${agb}/price-list.xlsx?year=2018`);
    expect(xlsx.headers.get('content-type')).toMatch(/spreadsheetml/);
    expect(Buffer.from(await xlsx.arrayBuffer()).subarray(0, 2).toString()).toBe('PK');
    const csv = await (await purchaser.get(`/api/providers/${agb}/price-list.csv?year=2018`)).text();
    expect(csv.split('\n')[0]).toMatch(/Zorgproductcode;Omschrijving/);
    const statement = await json(await purchaser.get(`/api/providers/${agb}/settlement-statement?year=2018`));
    const settlement = await json(await purchaser.get(`/api/providers/${agb}/settlement?year=2018`));
    expect(statement.payable_cents).toBe(settlement.settlement.payable_cents);
    const settlementPdf = await purchaser.get(`/api/providers/${agb}/settlement.pdf?year=2018`);
    expect(settlementPdf.headers.get('content-type')).toBe('application/pdf');
    const svg = await purchaser.get(`/api/providers/${agb}/payment-curve.svg?year=2018`);
    expect(svg.headers.get('content-type')).toMatch(/image\/svg\+xml/);
    expect(await svg.text()).toMatch(/^<svg[\s\S]*Realisatie/);
    expect((await provider.get(`/api/providers/${other}/proposal.pdf?year=2018`)).status).toBe(403);
  });

  it('shows a provider user its own purchasing figures and refuses another provider, audited', async () => {
    const own = server.seed.demoProviderAgb;
    for (const path of ['agreement', 'proposal', 'negotiation', 'addon']) {
      expect((await provider.get(`/api/providers/${own}/${path}`)).status, path).toBe(200);
      const refused = await provider.get(`/api/providers/${other}/${path}`);
      expect(refused.status, path).toBe(403);
    }
    const denied = await sql<{ n: number }>`select count(*)::int as n from audit_log where outcome = 'denied' and object_id = ${other}`.execute(server.db.kysely);
    expect(denied.rows[0]?.n).toBeGreaterThanOrEqual(3);
    expect((await provider.request('PUT', `/api/providers/${own}/negotiation`, { year: 2018, price_volume: 'agreed' })).status).toBe(403);
    expect((await provider.get('/api/monitoring/ceilings?year=2018')).status).toBe(403);
    expect((await provider.post('/api/settlement/simulate', { type: 'plafond', target_cents: 1, realised_cents: 1 })).status).toBe(403);
  });

  it('simulates a settlement and validates its input', async () => {
    const ok = await controller.post('/api/settlement/simulate', { type: 'transitie', target_cents: 1_000_000_000, realised_cents: 900_000_000, under_share: '0.5' });
    expect(ok.status).toBe(200);
    expect((await json(ok)).settlement.payable_cents).toBe(950_000_000);
    const bad = await controller.post('/api/settlement/simulate', { type: 'transitie', target_cents: 1000, realised_cents: 900, under_share: '2' });
    expect(bad.status).toBe(400);
    expect((await json(bad)).error.issues[0].field).toBe('underShare');
  });

  it('answers add-on eligibility and the ceiling monitor', async () => {
    const eligibility = await json(await purchaser.post('/api/addon/eligibility', { expected_revenue_eur: '150000', q2_figures: 'on-time', efficiency: 'no-requirement' }));
    expect(eligibility).toMatchObject({ nacalculatie: true, agreement: 'fda-nacalculatie' });
    const withFda = await sql<{ agb: string }>`select agb from addon_agreements where year = 2022 order by agb limit 1`.execute(server.db.kysely);
    const addon = await json(await purchaser.get(`/api/providers/${withFda.rows[0]!.agb}/addon?year=2022`));
    expect(addon.agreement).not.toBeNull();
    expect(addon.post_calculation.totals).toBeDefined();
    const monitor = await controller.get('/api/monitoring/ceilings?year=2018&as_of=2018-09-30');
    expect(monitor.status).toBe(200);
    const body = await json(monitor);
    expect(body.providers.length).toBeGreaterThan(0);
    for (const row of body.providers) expect(['ok', 'warning', 'overrun-expected']).toContain(row.status);
    expect((await controller.get('/api/monitoring/ceilings?year=2018&as_of=2017-01-01')).status).toBe(400);
  });
});
