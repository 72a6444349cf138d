import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/app/demo/seed-demo.js';
import { demoProviders } from '../../src/demo/providers.js';
import { EDGE_REVENUE_PROVIDER_KEY } from '../../src/demo/providers.js';
import { expectOk } from '../../src/domain/errors.js';
import { cliEnv, runCli } from '../support/cli.js';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';

// The purchasing command-line contract, against PostgreSQL (the storage layer itself is tested on both).
describe('zorginkoop purchasing commands', () => {
  let t: TestDatabase;
  let env: Record<string, string | undefined>;
  const providers = demoProviders('zorginkoop');
  const kernregioHospital = providers.find((p) => p.type === 'ziekenhuis' && p.kernregio && p.zkRevenueCents > 1_000_000_000)!;
  const outsideHospital = providers.find((p) => p.type === 'ziekenhuis' && !p.kernregio && p.zkRevenueCents > 1_000_000_000 && p.insurer === 'zk')!;
  const edge = providers.find((p) => p.key === EDGE_REVENUE_PROVIDER_KEY)!;

  const cli = async (args: string[]) => {
    const result = await runCli(args, env);
    return { ...result, json: result.stdout.trim().startsWith('{') || result.stdout.trim().startsWith('[') ? JSON.parse(result.stdout) : null };
  };

  beforeAll(async () => {
    t = await createTestDatabase('postgres');
    expectOk(await seedDemo(t.db, { seed: 'zorginkoop', claims: 3000 }));
    env = cliEnv({ url: t.url });
  });
  afterAll(() => t.drop());

  it('decides a transitieafspraak for a kernregio provider above EUR 10M that agrees on everything', async () => {
    await cli(['negotiation', 'set', '--provider', kernregioHospital.agb, '--year', '2018', '--price-volume', 'agreed', '--kernregio-conditions', 'agreed', '--no-new-provider']);
    const { code, json } = await cli(['agreement', 'decide', '--provider', kernregioHospital.agb, '--year', '2018', '--json']);
    expect(code).toBe(0);
    expect(json).toMatchObject({ type: 'transitie', years: 3, path: 'regular', status: 'final' });
    expect(json.reasons.length).toBeGreaterThan(2);
    for (const reason of json.reasons) expect(reason).toMatchObject({ rule: expect.any(String), source: expect.stringMatching(/MSZ/), inputs: expect.any(Object) });
  });

  it('follows the negotiation: strategy not agreed, rejected price, a new provider', async () => {
    await cli(['negotiation', 'set', '--provider', kernregioHospital.agb, '--year', '2018', '--kernregio-conditions', 'rejected']);
    expect((await cli(['agreement', 'decide', '--provider', kernregioHospital.agb, '--year', '2018', '--json'])).json).toMatchObject({ type: 'plafond', years: 1 });
    await cli(['negotiation', 'set', '--provider', kernregioHospital.agb, '--year', '2018', '--price-volume', 'rejected']);
    expect((await cli(['agreement', 'decide', '--provider', kernregioHospital.agb, '--year', '2018', '--json'])).json).toMatchObject({ type: 'none', years: 0 });
    await cli(['negotiation', 'set', '--provider', outsideHospital.agb, '--year', '2018', '--price-volume', 'agreed', '--new-provider']);
    expect((await cli(['agreement', 'decide', '--provider', outsideHospital.agb, '--year', '2018', '--json'])).json).toMatchObject({ type: 'plafond', years: 1 });
    await cli(['negotiation', 'set', '--provider', outsideHospital.agb, '--year', '2018', '--no-new-provider']);
    expect((await cli(['agreement', 'decide', '--provider', outsideHospital.agb, '--year', '2018', '--json'])).json).toMatchObject({ type: 'plafond', years: 2, path: 'regular' });
  });

  it('treats a revenue of exactly EUR 10M by the named boundary parameter (digital 2-year ceiling)', async () => {
    await cli(['negotiation', 'set', '--provider', edge.agb, '--year', '2018', '--price-volume', 'agreed', '--kernregio-conditions', 'agreed', '--multi-year', 'agreed', '--no-new-provider']);
    const { json } = await cli(['agreement', 'decide', '--provider', edge.agb, '--year', '2018', '--json']);
    expect(json).toMatchObject({ type: 'plafond', years: 2, path: 'digital' });
    const revenueReason = json.reasons.find((r: { rule: string }) => r.rule === 'agreement.revenue-threshold');
    expect(revenueReason.inputs).toMatchObject({ zk_revenue_cents: 1_000_000_000, threshold_cents: 1_000_000_000, boundary: 'exactly-threshold-counts-as-below' });
  });

  it('refuses bad input with exit code 1 and names the field', async () => {
    const badFact = await cli(['negotiation', 'set', '--provider', edge.agb, '--year', '2018', '--price-volume', 'misschien', '--json']);
    expect(badFact.code).toBe(1);
    expect(badFact.json.error.issues[0].field).toBe('price-volume');
    const badAgb = await cli(['agreement', 'decide', '--provider', '123', '--year', '2018', '--json']);
    expect(badAgb.code).toBe(1);
    const unknown = await cli(['agreement', 'decide', '--provider', '06999999', '--year', '2018', '--json']);
    expect(unknown.code).toBe(1);
    expect(unknown.json.error.code).toBe('not_found');
  });

  it('builds a proposal whose lines sum to its total to the cent', async () => {
    await cli(['negotiation', 'set', '--provider', outsideHospital.agb, '--year', '2018', '--price-volume', 'agreed']);
    const { code, json } = await cli(['proposal', '--provider', outsideHospital.agb, '--year', '2018', '--json']);
    expect(code).toBe(0);
    const sum = (lines: { amount_cents: number }[]) => lines.reduce((s, l) => s + l.amount_cents, 0);
    expect(sum(json.volume.lines)).toBe(json.volume.total_cents);
    expect(sum(json.financial.lines)).toBe(json.financial.amount_cents);
    expect(json.financial.amount_kind).toBe('plafond');
    expect(json.volume.lines.map((l: { id: string }) => l.id)).toEqual(expect.arrayContaining(['base', 'A1', 'A2', 'A3', 'B1', 'B2']));
    expect(json.price.lines.length).toBeGreaterThan(50);
  });

  it('simulates settlements with the worked examples of Fig. 1', async () => {
    const below = await cli(['settle', 'simulate', '--type', 'transitie', '--target-eur', '10000000', '--realised-eur', '9000000', '--under-share', '0.5', '--json']);
    expect(below.code).toBe(0);
    expect(below.json.payable_cents).toBe(950_000_000);
    expect(below.json.lines.reduce((s: number, l: { amount_cents: number }) => s + l.amount_cents, 0)).toBe(950_000_000);
    const above = await cli(['settle', 'simulate', '--type', 'transitie', '--target-eur', '10000000', '--realised-eur', '11000000', '--growth-share', '0.7', '--json']);
    expect(above.json.payable_cents).toBe(1_070_000_000);
    const ceiling = await cli(['settle', 'simulate', '--type', 'plafond', '--target-eur', '5000000', '--realised-eur', '6000000', '--excluded-eur', '250000.50', '--json']);
    expect(ceiling.json.payable_cents).toBe(500_000_000 + 25_000_050);
    const bad = await cli(['settle', 'simulate', '--type', 'transitie', '--target-eur', '100', '--realised-eur', '90', '--under-share', '1.5', '--json']);
    expect(bad.code).toBe(1);
  });

  it('settles a provider year with lines that reconcile to the payable amount', async () => {
    const { code, json } = await cli(['settle', '--provider', outsideHospital.agb, '--year', '2018', '--json']);
    expect(code).toBe(0);
    expect(json.settlement.lines.reduce((s: number, l: { amount_cents: number }) => s + l.amount_cents, 0)).toBe(json.settlement.payable_cents);
    expect(json.settlement.payable_cents).toBeLessThanOrEqual(json.settlement.target_cents + json.settlement.excluded_cents);
    expect(json.curve.length).toBeGreaterThan(10);
  });

  it('tests add-on nacalculatie eligibility on each of the three conditions', async () => {
    const yes = await cli(['addon', 'eligibility', '--expected-revenue-eur', '150000', '--q2-figures', 'on-time', '--efficiency', 'no-requirement', '--json']);
    expect(yes.json).toMatchObject({ nacalculatie: true, agreement: 'fda-nacalculatie' });
    expect(yes.json.conditions).toHaveLength(3);
    const small = await cli(['addon', 'eligibility', '--expected-revenue-eur', '90000', '--q2-figures', 'on-time', '--efficiency', 'met', '--json']);
    expect(small.json).toMatchObject({ nacalculatie: false, agreement: 'plafond' });
    const exactly = await cli(['addon', 'eligibility', '--expected-revenue-eur', '100000.00', '--q2-figures', 'on-time', '--efficiency', 'met', '--json']);
    expect(exactly.json.nacalculatie).toBe(false);
    const late = await cli(['addon', 'eligibility', '--expected-revenue-eur', '500000', '--q2-figures', 'late', '--efficiency', 'met', '--json']);
    expect(late.json.nacalculatie).toBe(false);
    expect(late.json.conditions.filter((c: { met: boolean }) => !c.met)).toHaveLength(1);
    const bad = await cli(['addon', 'eligibility', '--expected-revenue-eur', 'veel', '--q2-figures', 'on-time', '--efficiency', 'met', '--json']);
    expect(bad.code).toBe(1);
  });
});
