import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_LOGINS } from '../../src/app/demo/demo-users.js';
import { demoDataset, generateClaimsWithTruth } from '../../src/demo/index.js';
import { canonicalUnits } from '../../src/domain/claims/claim-line.js';
import type { Claim as ClaimLine } from '../../src/domain/claims/types.js';
import { claimsToFhirBundle } from '../../src/interop/fhir/claim-bundle.js';
import { decimalToCents } from '../../src/interop/fhir/money.js';
import { r4Errors } from '../../src/interop/fhir/r4-validator.js';
import { AGB_SYSTEM, CHECK_RULE_SYSTEM, CLAIM_ID_SYSTEM, RELATED_CLAIM_EXTENSION, RETURN_CODE_SYSTEM } from '../../src/interop/fhir/systems.js';
import { databaseKinds } from '../support/databases.js';
import { demoSecondFactorCode, startTestServer, type TestServer } from '../support/server.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- FHIR resources are asserted element by element
type Json = any;
type Role = 'purchaser' | 'controller' | 'provider';

/** A cookie-keeping client that sends and expects `application/fhir+json` (ApiClient always sends application/json). */
class FhirClient {
  private cookie = '';
  constructor(private readonly baseUrl: string) {}

  async login(role: Role): Promise<this> {
    const { email, password } = DEMO_LOGINS.find((l) => l.role === role)!;
    const response = await this.send('POST', '/api/auth/login', JSON.stringify({ email, password }), 'application/json');
    expect(response.status).toBe(200);
    if (((await response.json()) as { second_factor?: string }).second_factor === 'required') {
      const verified = await this.send('POST', '/api/auth/second-factor', JSON.stringify({ code: await demoSecondFactorCode(this.baseUrl, email) }), 'application/json');
      expect(verified.status).toBe(200);
    }
    return this;
  }

  async send(method: string, path: string, body?: string, type = 'application/fhir+json'): Promise<Response> {
    const response = await fetch(this.baseUrl + path, {
      method,
      headers: { accept: 'application/fhir+json', ...(this.cookie ? { cookie: this.cookie } : {}), ...(body !== undefined ? { 'content-type': type } : {}) },
      ...(body !== undefined ? { body } : {}),
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0] ?? '';
    return response;
  }

  /** A FHIR answer: the status, the media type checked, the resource validated by the independent validator. */
  async fhir(method: string, path: string, body?: string, type?: string): Promise<{ status: number; resource: Json }> {
    const response = await this.send(method, path, body, type);
    expect(response.headers.get('content-type')).toMatch(/^application\/fhir\+json/);
    const resource = await response.json();
    expect(r4Errors(resource), `${method} ${path}`).toEqual([]);
    return { status: response.status, resource };
  }
}

/** 120 demo claims of 2018 at the demo provider, then a copy of one of them under a later claim id (the duplicate), one without provider, one with a bad BSN. */
function uploadClaims(own: string): { bundle: Json; original: string; copy: string; missingProvider: number; badBsn: number; count: number } {
  const dataset = demoDataset('zorginkoop');
  const provider = dataset.providers.find((p) => p.agb === own)!;
  const claims: ClaimLine[] = [...generateClaimsWithTruth({ seed: 'fhir-int', count: 120, year: 2018, providers: [provider], products: dataset.products, drugs: dataset.drugs, anomalyRate: 0, idPrefix: 'FHIR-' })]
    .map(({ claim: c }) => ({ ...c, ziNumber: c.ziNumber ?? null, units: c.units === undefined ? null : canonicalUnits(String(c.units)) }));
  const original = claims.find((c) => c.ziNumber === null && c.amountCents > 0)!;
  const copy = { ...original, claimId: `${original.claimId}-KOPIE` };
  const bad = { ...claims[7]!, claimId: 'FHIR-BAD-BSN', bsn: '123456789' };
  const bundle: Json = claimsToFhirBundle([...claims, copy, bad]);
  const missing = { ...bundle.entry[3].resource };
  delete missing.provider;
  bundle.entry.push({ resource: missing });
  return { bundle, original: original.claimId, copy: copy.claimId, missingProvider: bundle.entry.length - 1, badBsn: bundle.entry.length - 2, count: bundle.entry.length };
}

const codesOf = (response: Json): string[] => (response.error ?? []).map((e: Json) => e.code.coding[0].code);
const rulesOf = (response: Json): string[] =>
  (response.item?.[0]?.adjudication ?? []).filter((a: Json) => a.category.coding[0].system === CHECK_RULE_SYSTEM).map((a: Json) => a.category.coding[0].code);

describe.each(databaseKinds)('FHIR R4 API on %s', (kind) => {
  let server: TestServer;
  const clients = {} as Record<Role, FhirClient>;
  let own: string;
  let other: string;
  const denied = async (event: string): Promise<number> =>
    (await sql<{ n: number }>`select count(*)::int as n from audit_log where event = ${event} and outcome = 'denied'`.execute(server.db.kysely)).rows[0]!.n;

  beforeAll(async () => {
    server = await startTestServer({ databaseKind: kind, claims: 200 });
    own = server.seed.demoProviderAgb;
    other = demoDataset('zorginkoop').providers.find((p) => p.agb !== own)!.agb;
    for (const role of ['purchaser', 'controller', 'provider'] as const) clients[role] = await new FhirClient(server.url).login(role);
  });
  afterAll(() => server.close());

  it('a Bundle of Claims in, a Bundle of ClaimResponses out: the injected duplicate has a duplicate adjudication on its item, rejected Claims their codes and paths', async () => {
    const upload = uploadClaims(own);
    const { status, resource: answer } = await clients.controller.fhir('POST', '/api/fhir/Bundle', JSON.stringify(upload.bundle));
    expect(status).toBe(200);
    expect(answer).toMatchObject({ resourceType: 'Bundle', type: 'collection' });
    const responses: Json[] = answer.entry.map((e: Json) => e.resource);
    expect(responses).toHaveLength(upload.count);
    for (const r of responses) expect(r.resourceType).toBe('ClaimResponse');
    // In order: the n-th ClaimResponse answers the n-th Claim.
    expect(responses.slice(0, 5).map((r) => r.request.identifier.value)).toEqual(upload.bundle.entry.slice(0, 5).map((e: Json) => e.resource.identifier[0].value));

    const byClaim = new Map(responses.filter((r) => r.request.identifier).map((r) => [r.request.identifier.value, r]));
    const copy = byClaim.get(upload.copy);
    expect(copy.outcome).toBe('partial');
    expect(rulesOf(copy)).toContain('duplicate');
    const duplicate = copy.item[0].adjudication.find((a: Json) => a.category.coding[0].code === 'duplicate');
    expect(duplicate.extension).toContainEqual({ url: RELATED_CLAIM_EXTENSION, valueIdentifier: { system: CLAIM_ID_SYSTEM, value: upload.original } });
    const claimed = upload.bundle.entry.find((e: Json) => e.resource.identifier[0].value === upload.copy).resource.item[0].net;
    expect(decimalToCents(duplicate.amount.value)).toEqual(decimalToCents(claimed.value));
    expect(duplicate.reason.text.length).toBeGreaterThan(10);
    expect(rulesOf(byClaim.get(upload.original))).not.toContain('duplicate');

    const missing = responses[upload.missingProvider];
    expect(missing.outcome).toBe('error');
    expect(codesOf(missing)).toEqual(['ZK-171']);
    expect(missing.error[0].code.text).toMatch(new RegExp(`^Bundle\\.entry\\[${upload.missingProvider}\\]\\.resource\\.provider: `));
    const badBsn = responses[upload.badBsn];
    expect(badBsn.outcome).toBe('error');
    expect(badBsn.error[0].code.coding[0]).toMatchObject({ system: RETURN_CODE_SYSTEM, code: 'ZK-109' });
    expect(badBsn.error[0].code.text).toMatch(/resource\.patient\.identifier: /);
    expect(responses.filter((r) => r.outcome === 'error')).toHaveLength(2);

    // Stored through the one pipeline: the accepted Claims, with their per-line status.
    const stored = (await sql<{ n: number }>`select count(*)::int as n from claims where claim_id like 'FHIR-%'`.execute(server.db.kysely)).rows[0]!.n;
    expect(stored).toBe(upload.count - 2);
    const imports = (await sql<{ format: string; accepted: number; rejected: number }>`select format, accepted, rejected from claim_imports where format = 'fhir'`.execute(server.db.kysely)).rows;
    expect(imports).toEqual([{ format: 'fhir', accepted: upload.count - 2, rejected: 2 }]);

    // The same Bundle again stores nothing and gives the same answer.
    const again = await clients.controller.fhir('POST', '/api/fhir/Bundle', JSON.stringify(upload.bundle), 'application/json');
    expect(again.resource.entry.map((e: Json) => [e.resource.outcome, codesOf(e.resource), rulesOf(e.resource)])).toEqual(responses.map((r) => [r.outcome, codesOf(r), rulesOf(r)]));
    expect((await sql<{ n: number }>`select count(*)::int as n from claim_imports where format = 'fhir'`.execute(server.db.kysely)).rows[0]!.n).toBe(1);
  });

  it('refuses what is not a Bundle of Claims, and users other than controllers, with an OperationOutcome', async () => {
    const notJson = await clients.controller.fhir('POST', '/api/fhir/Bundle', '{"resourceType": "Bundle",');
    expect(notJson.status).toBe(400);
    expect(notJson.resource.issue[0]).toMatchObject({ severity: 'error', code: 'structure', expression: ['Bundle'] });
    const transaction = await clients.controller.fhir('POST', '/api/fhir/Bundle', JSON.stringify({ resourceType: 'Bundle', type: 'transaction', entry: [] }));
    expect(transaction.status).toBe(400);
    expect(transaction.resource.issue[0].expression).toEqual(['Bundle.type']);
    const body = JSON.stringify(uploadClaims(own).bundle);
    expect((await clients.purchaser.fhir('POST', '/api/fhir/Bundle', body)).status).toBe(403);
    expect((await clients.provider.fhir('POST', '/api/fhir/Bundle', body)).status).toBe(403);
    expect((await new FhirClient(server.url).fhir('POST', '/api/fhir/Bundle', body)).status).toBe(401);
    // A controller who has given the password but not yet the second factor: refused by the door, still as an OperationOutcome.
    const pending = new FhirClient(server.url);
    const { email, password } = DEMO_LOGINS.find((l) => l.role === 'controller')!;
    expect((await pending.send('POST', '/api/auth/login', JSON.stringify({ email, password }), 'application/json')).status).toBe(200);
    const refused = await pending.fhir('POST', '/api/fhir/Bundle', body);
    expect(refused.status).toBe(403);
    expect(refused.resource).toMatchObject({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'security' }] });
    expect(refused.resource.issue[0].details.text).toContain('tweede factor');
  });

  it('providers as Organization: a searchset for staff, only its own for a provider user, AGB as identifier', async () => {
    const all = await clients.purchaser.fhir('GET', '/api/fhir/Organization');
    expect(all.status).toBe(200);
    expect(all.resource).toMatchObject({ resourceType: 'Bundle', type: 'searchset', total: demoDataset('zorginkoop').providers.length });
    const mine = await clients.provider.fhir('GET', '/api/fhir/Organization');
    expect(mine.resource.entry.map((e: Json) => e.resource.id)).toEqual([own]);
    const found = await clients.purchaser.fhir('GET', `/api/fhir/Organization?identifier=${encodeURIComponent(`${AGB_SYSTEM}|${other}`)}`);
    expect(found.resource.total).toBe(1);
    expect(found.resource.entry[0].resource.identifier).toContainEqual({ system: AGB_SYSTEM, value: other });

    const one = await clients.provider.fhir('GET', `/api/fhir/Organization/${own}`);
    expect(one.resource).toMatchObject({ resourceType: 'Organization', id: own });
    const before = await denied('provider.read');
    expect((await clients.provider.fhir('GET', `/api/fhir/Organization/${other}`)).status).toBe(403);
    expect(await denied('provider.read')).toBe(before + 1);
  });

  it("the agreement as Contract and the price list as ChargeItemDefinitions; a provider may not read another provider's Contract (audited)", async () => {
    const contract = await clients.provider.fhir('GET', `/api/providers/${own}/fhir/Contract?year=2018`);
    expect(contract.status).toBe(200);
    const c = contract.resource.entry[0].resource;
    expect(c).toMatchObject({ resourceType: 'Contract', id: `${own}-2018`, subject: [{ reference: `Organization/${own}` }] });
    expect(c.term.length).toBeGreaterThan(1);
    for (const t of c.term.slice(1)) expect(t.text).toMatch(/^\[[a-z0-9.-]+\] .+: /);

    const staff = await clients.purchaser.fhir('GET', `/api/providers/${own}/fhir/Contract`);
    expect(staff.resource.entry[0].resource.type).toEqual(c.type);

    const before = await denied('fhir.contract.read');
    const refused = await clients.provider.fhir('GET', `/api/providers/${other}/fhir/Contract`);
    expect(refused.status).toBe(403);
    expect(refused.resource).toMatchObject({ resourceType: 'OperationOutcome', issue: [{ code: 'forbidden' }] });
    expect(await denied('fhir.contract.read')).toBe(before + 1);
    expect((await clients.provider.fhir('GET', `/api/providers/${other}/fhir/ChargeItemDefinition`)).status).toBe(403);

    const prices = await clients.purchaser.fhir('GET', `/api/providers/${own}/fhir/ChargeItemDefinition?year=2018`);
    expect(prices.status).toBe(200);
    const definitions: Json[] = prices.resource.entry.map((e: Json) => e.resource);
    expect(definitions.length).toBe(prices.resource.total);
    expect(definitions.length).toBeGreaterThan(10);
    // The same prices as the proposal the purchasing API shows, to the cent: base = standard price, base + surcharge = price.
    const proposal = await (await clients.purchaser.send('GET', `/api/providers/${own}/proposal?year=2018`)).json();
    const lines = new Map<string, Json>(proposal.price.lines.map((l: Json) => [l.product_code, l]));
    expect(definitions.length).toBe(lines.size);
    for (const d of definitions) {
      const line = lines.get(d.code.coding[0].code);
      const [base, surcharge] = d.propertyGroup[0].priceComponent.map((p: Json) => decimalToCents(p.amount.value));
      expect(base).toEqual({ ok: true, cents: line.standard_price_cents });
      expect(base.cents + surcharge.cents).toBe(line.price_cents);
    }
    expect((await clients.purchaser.fhir('GET', `/api/providers/${own}/fhir/ChargeItemDefinition?year=1999`)).status).toBe(400);
  });
});
