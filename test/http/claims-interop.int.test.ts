import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_LOGINS } from '../../src/app/demo/demo-users.js';
import { demoDataset, generateClaims, type DemoClaim } from '../../src/demo/index.js';
import { systemActor } from '../../src/domain/auth/actor.js';
import { canonicalUnits, CLAIM_FIELDS } from '../../src/domain/claims/claim-line.js';
import type { Claim } from '../../src/domain/claims/types.js';
import { expectOk } from '../../src/domain/errors.js';
import { zh308Field } from '../../src/interop/vektis/zh308-layout.js';
import { writeZh308 } from '../../src/interop/vektis/zh308.js';
import { checkZh309 } from '../../src/interop/vektis/zh309.js';
import { withActor } from '../../src/storage/context.js';
import { databaseKinds } from '../support/databases.js';
import { ApiClient, startTestServer, type TestServer } from '../support/server.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are asserted field by field
type Json = any;
type Role = 'purchaser' | 'controller' | 'provider';
const json = async (response: Response): Promise<Json> => response.json();
const login = (role: Role) => DEMO_LOGINS.find((l) => l.role === role)!;

const dataset = demoDataset('zorginkoop');
const toClaim = (c: DemoClaim): Claim => ({
  claimId: c.claimId, uzovi: c.uzovi, agb: c.agb, bsn: c.bsn, careType: c.careType, specialism: c.specialism, diagnosis: c.diagnosis, productCode: c.productCode,
  startDate: c.startDate, endDate: c.endDate, amountCents: c.amountCents, ziNumber: c.ziNumber ?? null, units: c.units === undefined ? null : canonicalUnits(String(c.units)),
});
const csvOf = (claims: DemoClaim[]): string =>
  [CLAIM_FIELDS.join(','), ...claims.map((c) => [c.claimId, c.uzovi, c.agb, c.bsn, c.careType, c.specialism, c.diagnosis, c.productCode, c.startDate, c.endDate, String(c.amountCents), c.ziNumber ?? '', c.units === undefined ? '' : String(c.units)].join(','))].join('\n') + '\n';
const demoClaims = (agbs: string[], count: number, seed: string, idPrefix: string): DemoClaim[] =>
  [...generateClaims({ seed, count, year: 2018, providers: dataset.providers.filter((p) => agbs.includes(p.agb)), products: dataset.products, drugs: dataset.drugs, anomalyRate: 0.02, idPrefix })];
const put = (record: string, number: string, raw: string): string => {
  const f = zh308Field(number);
  return record.slice(0, f.start - 1) + raw.padStart(f.length, '0') + record.slice(f.end);
};
const records = (text: string) => text.split('\r\n').slice(0, -1);

describe.each(databaseKinds)('claims interoperability (ZH308, ZH309, export) on %s', (kind) => {
  let server: TestServer;
  const clients = {} as Record<Role, ApiClient>;
  let own: string;
  let peer: string;

  const upload = (client: ApiClient, content: string, name: string, format?: string) => {
    const form = new FormData();
    form.append('file', new Blob([Buffer.from(content, 'latin1')]), name);
    return client.request('POST', `/api/claims/import${format ? `?format=${format}` : ''}`, form);
  };
  const storedRows = (prefix: string) =>
    withActor(server.db, systemActor('test'), (tx) =>
      tx.selectFrom('claims')
        .select(['claim_id', 'uzovi', 'agb', 'bsn', 'care_type', 'specialism', 'diagnosis', 'product_code', 'start_date', 'end_date', 'amount_cents', 'zi_number', 'units'])
        .where('claim_id', 'like', `${prefix}%`)
        .orderBy('claim_id')
        .execute(),
    );
  const count = async (query: ReturnType<typeof sql<{ n: number }>>) => (await query.execute(server.db.kysely)).rows[0]!.n;
  const auditCount = (event: string, outcome: string) => count(sql<{ n: number }>`select count(*)::int as n from audit_log where event = ${event} and outcome = ${outcome}`);

  beforeAll(async () => {
    server = await startTestServer({ databaseKind: kind, claims: 100 });
    own = server.seed.demoProviderAgb;
    peer = dataset.providers.find((p) => p.agb !== own && p.type === 'ziekenhuis')!.agb;
    for (const role of ['purchaser', 'controller', 'provider'] as const) {
      clients[role] = new ApiClient(server.url);
      expect((await clients[role].login(login(role).email, login(role).password)).status).toBe(200);
    }
  });
  afterAll(() => server.close());

  it('round trip: demo claims as ZH308 store exactly the claims their CSV stores; the ZH309 answer has one status per record', async () => {
    const demo = demoClaims([own], 150, 'interop-round-trip', 'RT-');
    expect(demo.some((c) => c.ziNumber !== undefined)).toBe(true);

    const viaCsv = await json(await upload(clients.controller, csvOf(demo), 'rt.csv'));
    expect(viaCsv).toMatchObject({ format: 'csv', accepted: demo.length, rejected: 0, stored: demo.length, errors: [] });
    const csvRows = await storedRows('RT-');
    expect(csvRows).toHaveLength(demo.length);
    await withActor(server.db, systemActor('test'), (tx) => tx.deleteFrom('claims').where('claim_id', 'like', 'RT-%').execute());
    expect(await storedRows('RT-')).toHaveLength(0);

    const zh308 = expectOk(writeZh308(demo.map(toClaim), { agb: own, invoiceNumber: 'RT2018', invoiceDate: '2019-01-31' }));
    const response = await upload(clients.controller, zh308, 'rt.zh308', 'zh308');
    expect(response.status).toBe(200);
    const viaZh308 = await json(response);
    expect(viaZh308).toMatchObject({ file: 'rt.zh308', format: 'zh308', accepted: demo.length, rejected: 0, stored: demo.length, duplicate_file: false, errors: [] });
    expect(viaZh308.import_id).toBeGreaterThan(viaCsv.import_id);
    expect(await storedRows('RT-')).toEqual(csvRows);

    const listed: Json[] = await json(await clients.provider.get(`/api/providers/${own}/claim-imports`));
    expect(listed.find((i) => i.id === viaZh308.import_id)).toMatchObject({ file_name: 'rt.zh308', format: 'zh308', records: demo.length, accepted: demo.length, rejected: 0 });
    const answer = await clients.provider.get(`/api/providers/${own}/claim-imports/${viaZh308.import_id}/zh309`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toMatch(/text\/plain/);
    const text = Buffer.from(await answer.arrayBuffer()).toString('latin1');
    expect(checkZh309(text)).toEqual({ ok: true, value: expect.objectContaining({ records: demo.length, accepted: demo.length, rejected: 0 }) });
    const retour = records(text).filter((r) => r.startsWith('04'));
    expect(retour).toHaveLength(demo.length);
    expect(new Set(retour.map((r) => r.slice(25, 89).trim()))).toEqual(new Set(demo.map((c) => c.claimId)));
  });

  it('rejects bad ZH308 records with line, field, position and code; answers them in the ZH309', async () => {
    const demo = demoClaims([own], 60, 'interop-bad', 'BAD-').filter((c) => c.ziNumber === undefined);
    const [a, b] = [demo[0]!, demo.find((c) => c.bsn !== demo[0]!.bsn)!];
    const lines = records(expectOk(writeZh308([a, b].map(toClaim), { agb: own, invoiceNumber: 'BAD1', invoiceDate: '2019-01-31' })));
    // 1: 01 | 2: 02 a | 3: 04 a | 4: 06 a | 5: 02 b | 6: 04 b | 7: 06 b | 8: 99
    lines[2] = `${lines[2]!.slice(0, 14)}12345678X${lines[2]!.slice(23)}`;
    for (const i of [4, 5, 6]) lines[i] = put(lines[i]!, lines[i]!.startsWith('02') ? '0203' : lines[i]!.startsWith('04') ? '0403' : '0603', '123456789');
    const report = await json(await upload(clients.controller, lines.map((l) => `${l}\r\n`).join(''), 'bad.zh308', 'zh308'));
    expect(report).toMatchObject({ accepted: 0, rejected: 2, stored: 0 });
    expect(report.errors).toEqual([
      expect.objectContaining({ line: 3, field: '0403 Burgerservicenummer (BSN) verzekerde (pos 15-23)', code: 'ZK-204' }),
      expect.objectContaining({ line: 6, field: '0403 Burgerservicenummer (BSN) verzekerde (pos 15-23)', code: 'ZK-109' }),
    ]);

    const text = Buffer.from(await (await clients.controller.get(`/api/providers/${own}/claim-imports/${report.import_id}/zh309`)).arrayBuffer()).toString('latin1');
    expect(checkZh309(text)).toMatchObject({ ok: true, value: { records: 2, accepted: 0, rejected: 2 } });
    const retour = records(text).filter((r) => r.startsWith('04'));
    expect(retour.map((r) => [r.slice(97, 98), r.slice(122, 126), r.slice(126, 130)])).toEqual([['A', 'Z204', '0403'], ['A', 'Z109', '0403']]);
  });

  it('refuses a ZH308 file whose sluitrecord does not add up, naming line and field, and stores nothing', async () => {
    const demo = demoClaims([own], 20, 'interop-trailer', 'TRL-');
    const lines = records(expectOk(writeZh308(demo.map(toClaim), { agb: own, invoiceNumber: 'TRL1', invoiceDate: '2019-01-31' })));
    lines[lines.length - 1] = put(lines.at(-1)!, '9904', '1');
    const imports = () => count(sql<{ n: number }>`select count(*)::int as n from claim_imports`);
    const before = await imports();
    const response = await upload(clients.controller, lines.map((l) => `${l}\r\n`).join(''), 'trailer.zh308', 'zh308');
    expect(response.status).toBe(400);
    const body = await json(response);
    expect(body.error.message).toMatch(/^trailer\.zh308: ZH308-bestand geweigerd/);
    expect(body.error.issues).toContainEqual(expect.objectContaining({ file: 'trailer.zh308', line: lines.length, field: '9904 Aantal prestatierecords (pos 15-20)', code: 'ZK-211' }));
    expect(await imports()).toBe(before);
    expect(await storedRows('TRL-')).toEqual([]);
    // The format may also come as a form field before the file.
    const form = new FormData();
    form.append('format', 'zh308');
    form.append('file', new Blob([Buffer.from(lines.map((l) => `${l}\r\n`).join(''), 'latin1')]), 'trailer.zh308');
    const viaField = await json(await clients.controller.request('POST', '/api/claims/import', form));
    expect(viaField.error.issues).toContainEqual(expect.objectContaining({ code: 'ZK-211' }));
    expect((await upload(clients.controller, 'x', 'x.txt', 'xml')).status).toBe(400);
  });

  it("shows a provider its own records only; another provider's ZH309 is refused and audited", async () => {
    const mixed = [...demoClaims([own], 3, 'interop-mix-own', 'MIXO-').slice(0, 3), ...demoClaims([peer], 2, 'interop-mix-peer', 'MIXP-').slice(0, 2)];
    const bad = { ...mixed[0]!, claimId: 'MIXO-BAD', startDate: '2018-02-30' };
    const report = await json(await upload(clients.controller, csvOf([...mixed, bad]), 'mixed.csv'));
    expect(report).toMatchObject({ accepted: 5, rejected: 1, errors: [expect.objectContaining({ line: 7, field: 'start_date', code: 'ZK-119' })] });

    const mine: Json[] = await json(await clients.provider.get(`/api/providers/${own}/claim-imports`));
    expect(mine.find((i) => i.id === report.import_id)).toMatchObject({ records: 4, accepted: 3, rejected: 1 });
    const ownAnswer = Buffer.from(await (await clients.provider.get(`/api/providers/${own}/claim-imports/${report.import_id}/zh309`)).arrayBuffer()).toString('latin1');
    expect(checkZh309(ownAnswer)).toMatchObject({ ok: true, value: { records: 4, accepted: 3, rejected: 1 } });
    expect(records(ownAnswer).filter((r) => r.startsWith('04')).every((r) => r.slice(89, 97) === own)).toBe(true);

    const peerAnswer = await clients.controller.get(`/api/providers/${peer}/claim-imports/${report.import_id}/zh309`);
    expect(checkZh309(Buffer.from(await peerAnswer.arrayBuffer()).toString('latin1'))).toMatchObject({ ok: true, value: { records: 2, accepted: 2 } });

    const denied = await auditCount('claims.zh309', 'denied');
    expect((await clients.provider.get(`/api/providers/${peer}/claim-imports/${report.import_id}/zh309`)).status).toBe(403);
    expect(await auditCount('claims.zh309', 'denied')).toBe(denied + 1);
    expect((await clients.provider.get(`/api/providers/${peer}/claim-imports`)).status).toBe(403);
    expect((await clients.provider.get(`/api/providers/${own}/claim-imports/999999/zh309`)).status).toBe(404);
    expect((await new ApiClient(server.url).get(`/api/providers/${own}/claim-imports/${report.import_id}/zh309`)).status).toBe(401);
    expect(await auditCount('claims.zh309', 'success')).toBeGreaterThanOrEqual(4);
  });

  it('exports the stored claims as csv, zh308 and fhir; each imports again to the same claims', async () => {
    const ownClaims = await count(sql<{ n: number }>`select count(*)::int as n from claims where agb = ${own} and start_date between '2018-01-01' and '2018-12-31'`);
    expect(ownClaims).toBeGreaterThan(0);
    const exported = async (query: string) => {
      const response = await clients.controller.get(`/api/claims/export?${query}`);
      expect(response.status, query).toBe(200);
      return Buffer.from(await response.arrayBuffer()).toString('latin1');
    };
    const exports = await auditCount('claims.export', 'success');
    const csv = await exported(`format=csv&agb=${own}&year=2018`);
    expect(csv.trim().split('\n')).toHaveLength(ownClaims + 1);
    expect(await json(await upload(clients.controller, csv, 'export.csv'))).toMatchObject({ accepted: ownClaims, rejected: 0, stored: 0, already_stored: ownClaims });

    const zh308 = await exported(`format=zh308&agb=${own}&year=2018`);
    expect(await json(await upload(clients.controller, zh308, 'export.zh308', 'zh308'))).toMatchObject({ format: 'zh308', accepted: ownClaims, rejected: 0, already_stored: ownClaims });

    const fhir = await exported(`format=fhir&agb=${own}&year=2018`);
    expect(JSON.parse(fhir)).toMatchObject({ resourceType: 'Bundle', type: 'collection' });
    expect(await json(await upload(clients.controller, fhir, 'export.json', 'fhir'))).toMatchObject({ format: 'fhir', accepted: ownClaims, rejected: 0, already_stored: ownClaims });
    expect(await auditCount('claims.export', 'success')).toBe(exports + 3);

    const several = await clients.controller.get('/api/claims/export?format=zh308');
    expect(several.status).toBe(400);
    expect((await json(several)).error.issues).toEqual([expect.objectContaining({ field: 'agb' })]);
    expect((await clients.provider.get(`/api/claims/export?format=csv&agb=${own}`)).status).toBe(403);
    expect((await clients.purchaser.get('/api/claims/export?format=csv')).status).toBe(403);
  });
});
