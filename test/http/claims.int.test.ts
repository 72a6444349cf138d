import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_LOGINS } from '../../src/app/demo/demo-users.js';
import { loadPolicyCatalogue } from '../../src/app/policies.js';
import { demoDataset, generateClaimsWithTruth, type DemoClaim } from '../../src/demo/index.js';
import { addWorkingDays } from '../../src/domain/calendar/working-days.js';
import { CLAIM_FIELDS } from '../../src/domain/claims/claim-line.js';
import { expectOk } from '../../src/domain/errors.js';
import { databaseKinds } from '../support/databases.js';
import { ApiClient, startTestServer, type TestServer } from '../support/server.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are asserted field by field
type Json = any;
type Role = 'purchaser' | 'controller' | 'medical-adviser' | 'provider';
const json = async (response: Response): Promise<Json> => response.json();
const login = (role: Role) => DEMO_LOGINS.find((l) => l.role === role)!;

const SENT_ON = '2019-03-04';
const at = (date: string, time = '09:00:00') => new Date(`${date}T${time}Z`);

const csvLine = (c: DemoClaim): string =>
  [c.claimId, c.uzovi, c.agb, c.bsn, c.careType, c.specialism, c.diagnosis, c.productCode, c.startDate, c.endDate, String(c.amountCents), c.ziNumber ?? '', c.units === undefined ? '' : String(c.units)].join(',');

/**
 * 1,000 demo claim lines of 2018 at the demo provider and two peer hospitals (more anomalies than
 * the default, so every rule has findings), with three lines corrupted in one field each.
 */
function claimsFile(own: string): { csv: string; bad: { line: number; field: string }[]; peers: string[] } {
  const dataset = demoDataset('zorginkoop');
  const ownProvider = dataset.providers.find((p) => p.agb === own)!;
  const peers = dataset.providers.filter((p) => p.agb !== own && p.type === 'ziekenhuis').slice(0, 2);
  const claims = [...generateClaimsWithTruth({ seed: 'claims-int', count: 1000, year: 2018, providers: [ownProvider, ...peers], products: dataset.products, drugs: dataset.drugs, anomalyRate: 0.05, idPrefix: 'IMP-' })].map((c) => ({ ...c.claim }));
  expect(claims).toHaveLength(1000);
  const corrupt: [number, keyof DemoClaim, string, string][] = [
    [9, 'bsn', '123456789', 'bsn'], // fails the elfproef
    [499, 'startDate', '2018-13-01', 'start_date'],
    [899, 'amountCents', '12.50', 'amount_cents'],
  ];
  const lines = claims.map(csvLine);
  for (const [index, key, value] of corrupt) lines[index] = csvLine({ ...claims[index]!, [key]: value } as DemoClaim);
  return { csv: [CLAIM_FIELDS.join(','), ...lines].join('\n') + '\n', bad: corrupt.map(([index, , , field]) => ({ line: index + 2, field })), peers: peers.map((p) => p.agb) };
}

describe.each(databaseKinds)('claims-control API on %s', (kind) => {
  let server: TestServer;
  const clients = {} as Record<Role, ApiClient>;
  let own: string;
  let peers: string[];
  let reclaimRules: Set<string>;
  let file: ReturnType<typeof claimsFile>;
  /** The demo provider's findings chosen for the hearing: three whose upholding is a reclaim, two rejections. */
  const pick = {} as { a: Json; b: Json; c: Json; reject1: Json; reject2: Json };

  /**
   * Moves the server clock. Sessions end on an idle time-out, so the users named log in again
   * (only those needed: log-ins are rate limited to 10 a minute).
   */
  async function moveClock(date: Date, roles: readonly Role[] = ['purchaser', 'controller', 'medical-adviser', 'provider']): Promise<void> {
    server.setNow(date);
    for (const role of roles) {
      clients[role] = new ApiClient(server.url);
      expect((await clients[role].login(login(role).email, login(role).password)).status).toBe(200);
    }
  }

  const upload = (client: ApiClient, csv: string) => {
    const form = new FormData();
    form.append('file', new Blob([csv], { type: 'text/csv' }), 'declaraties-2018.csv');
    return client.request('POST', '/api/claims/import', form);
  };
  const auditCount = async (event: string, outcome?: string): Promise<number> =>
    (await sql<{ n: number }>`select count(*)::int as n from audit_log where event = ${event} and (${outcome ?? null}::text is null or outcome = ${outcome ?? null})`.execute(server.db.kysely)).rows[0]!.n;

  beforeAll(async () => {
    server = await startTestServer({ databaseKind: kind, claims: 300 });
    own = server.seed.demoProviderAgb;
    file = claimsFile(own);
    peers = file.peers;
    const policies = expectOk(await loadPolicyCatalogue());
    reclaimRules = new Set(policies.all().flatMap((p) => p.claims_control.rules.filter((r) => r.on_confirmed === 'reclaim').map((r) => r.id)));
    await moveClock(at(SENT_ON));
  });
  afterAll(() => server.close());

  it('imports a claims file: the 3 bad lines reported with line and field, 997 stored; a second import adds nothing', async () => {
    const first = await upload(clients.controller, file.csv);
    expect(first.status).toBe(200);
    const report = await json(first);
    expect(report).toMatchObject({ file: 'declaraties-2018.csv', accepted: 997, rejected: 3, stored: 997, already_stored: 0, duplicate_file: false, errors_truncated: false });
    expect(report.errors.map((e: Json) => ({ line: e.line, field: e.field }))).toEqual(file.bad);
    expect(report.errors.map((e: Json) => e.code)).toEqual(['ZK-109', 'ZK-119', 'ZK-124']);
    for (const e of report.errors) expect(e.message.length).toBeGreaterThan(5);
    const stored = async () => (await sql<{ n: number }>`select count(*)::int as n from claims where claim_id like 'IMP-%'`.execute(server.db.kysely)).rows[0]!.n;
    expect(await stored()).toBe(997);

    const again = await json(await upload(clients.controller, file.csv));
    expect(again).toMatchObject({ accepted: 997, rejected: 3, stored: 0, duplicate_file: true });
    expect(await stored()).toBe(997);

    expect((await upload(clients.purchaser, file.csv)).status).toBe(403);
    expect((await upload(clients.provider, file.csv)).status).toBe(403);
    expect((await clients.controller.request('POST', '/api/claims/import', new FormData())).status).toBe(400);
  });

  it('runs the check and lists the findings by rule, with a summary per rule and provider for staff', async () => {
    expect((await clients.purchaser.post('/api/claims/check', { year: 2018 })).status).toBe(403);
    const response = await clients.controller.post('/api/claims/check', { year: 2018 });
    expect(response.status).toBe(200);
    const run = await json(response);
    expect(run.claims).toBeGreaterThanOrEqual(997);
    let total = 0;
    for (const [rule, count] of Object.entries(run.findings as Record<string, number>)) {
      const listed: Json[] = await json(await clients.controller.get(`/api/claims/findings?rule=${rule}&limit=10000`));
      expect(listed, rule).toHaveLength(count);
      for (const f of listed) expect(f).toMatchObject({ rule, status: 'open' });
      total += count;
    }
    for (const rule of ['duplicate', 'serial']) expect(run.findings[rule], rule).toBeGreaterThan(0);

    const summary = await json(await clients.controller.get('/api/claims/findings/summary?year=2018'));
    expect(summary.total.findings).toBe(total);
    expect(summary.by_rule.reduce((s: number, r: Json) => s + r.findings, 0)).toBe(total);
    expect(summary.by_provider.reduce((s: number, p: Json) => s + p.amount_at_stake_cents, 0)).toBe(summary.total.amount_at_stake_cents);
    expect(summary.by_rule.find((r: Json) => r.rule === 'serial').findings).toBe(run.findings.serial);
    expect(summary.by_provider.find((p: Json) => p.agb === own)).toBeDefined();
    expect((await clients.provider.get('/api/claims/findings/summary?year=2018')).status).toBe(403);
    expect((await clients.controller.get('/api/claims/findings?rule=no-such-rule')).status).toBe(400);

    // Nothing has been sent yet: the provider sees none of its findings.
    expect(await json(await clients.provider.get('/api/claims/findings'))).toEqual([]);

    const mine: Json[] = await json(await clients.controller.get(`/api/claims/findings?agb=${own}&limit=10000`));
    const reclaims = mine.filter((f) => f.action === 'reclaim' || (f.action === 'review' && reclaimRules.has(f.rule)));
    const rejects = mine.filter((f) => f.action === 'reject');
    expect(reclaims.length).toBeGreaterThanOrEqual(3);
    expect(rejects.length).toBeGreaterThanOrEqual(2);
    [pick.a, pick.b, pick.c] = reclaims;
    [pick.reject1, pick.reject2] = rejects;
  });

  it('hears the provider: send → respond → uphold; a reclaim waits for the response or the end of the term', async () => {
    const { controller, provider, purchaser } = clients;
    expect((await purchaser.post('/api/claims/findings/send', { agb: own })).status).toBe(403);
    const send = await controller.post('/api/claims/findings/send', { agb: own });
    expect(send.status).toBe(200);
    const sent = await json(send);
    const due = addWorkingDays(SENT_ON, 20);
    expect(due).toBe('2019-04-01');
    expect(sent).toMatchObject({ agb: own, response_due: due, response_working_days: 20 });
    expect(sent.sent).toBeGreaterThanOrEqual(5);
    expect(await json(await controller.post('/api/claims/findings/send', { agb: own }))).toMatchObject({ sent: 0, response_due: null });
    expect(await auditCount('claims.finding.send')).toBe(sent.sent);

    const visible: Json[] = await json(await provider.get('/api/claims/findings?limit=10000'));
    expect(visible).toHaveLength(sent.sent);
    for (const f of visible) expect(f).toMatchObject({ agb: own, status: 'sent' });

    // A reclaim before the provider was heard: refused, with the reason.
    const early = await controller.post(`/api/claims/findings/${pick.b.id}/decision`, { decision: 'uphold', note: 'Serieel zonder nieuwe zorgvraag.' });
    expect(early.status).toBe(409);
    expect((await json(early)).error.message).toContain('hoor en wederhoor');

    const response = await provider.post(`/api/providers/${own}/findings/${pick.a.id}/response`, { response: 'Het betreft een tweede, andere zorgvraag; zie het dossier.' });
    expect(response.status).toBe(200);
    expect(await json(response)).toMatchObject({ id: pick.a.id, status: 'responded', provider_response: 'Het betreft een tweede, andere zorgvraag; zie het dossier.' });
    expect((await provider.post(`/api/providers/${own}/findings/${pick.a.id}/response`, { response: 'Nogmaals.' })).status).toBe(409);

    const upheld = await controller.post(`/api/claims/findings/${pick.a.id}/decision`, { decision: 'uphold', note: 'Reactie beoordeeld; geen andere zorgvraag aangetoond.' });
    expect(upheld.status).toBe(200);
    expect(await json(upheld)).toMatchObject({ status: 'upheld', upheld_outcome: 'reclaim', decided_by: login('controller').email });
    expect((await controller.post(`/api/claims/findings/${pick.a.id}/decision`, { decision: 'withdraw', note: 'Toch niet.' })).status).toBe(409);

    // A rejection needs no hearing; a withdrawal is always possible (also by the medical adviser).
    expect(await json(await controller.post(`/api/claims/findings/${pick.reject1.id}/decision`, { decision: 'uphold', note: 'Dubbel gedeclareerd.' }))).toMatchObject({ status: 'upheld', upheld_outcome: 'reject' });
    expect(await json(await clients['medical-adviser'].post(`/api/claims/findings/${pick.reject2.id}/decision`, { decision: 'withdraw', note: 'Gerechtvaardigd na medisch advies.' }))).toMatchObject({ status: 'withdrawn' });
    expect((await purchaser.post(`/api/claims/findings/${pick.c.id}/decision`, { decision: 'uphold', note: 'Geen rol.' })).status).toBe(403);
    expect((await provider.post(`/api/claims/findings/${pick.c.id}/decision`, { decision: 'withdraw', note: 'Geen rol.' })).status).toBe(403);
    expect((await controller.post(`/api/claims/findings/${pick.c.id}/decision`, { decision: 'maybe', note: 'Onbekend.' })).status).toBe(400);

    // A response on the last day of the term is on time.
    await moveClock(at(due, '15:00:00'), ['provider', 'controller']);
    expect((await clients.provider.post(`/api/providers/${own}/findings/${pick.c.id}/response`, { response: 'Op de laatste dag.' })).status).toBe(200);
    expect((await clients.controller.post(`/api/claims/findings/${pick.b.id}/decision`, { decision: 'uphold', note: 'Nog binnen de termijn.' })).status).toBe(409);

    const audited = await sql<{ details: Json }>`select details from audit_log where event = 'claims.finding.decide' and object_id = ${String(pick.a.id)}`.execute(server.db.kysely);
    expect(audited.rows.map((r) => (typeof r.details === 'string' ? JSON.parse(r.details) : r.details))).toEqual([expect.objectContaining({ from: 'responded', to: 'upheld', decision: 'uphold', outcome: 'reclaim' })]);
  });

  it('refuses a response a day late, and upholds the reclaim once the term has passed', async () => {
    await moveClock(at(addWorkingDays(SENT_ON, 21)));
    const late = await clients.provider.post(`/api/providers/${own}/findings/${pick.b.id}/response`, { response: 'Te laat.' });
    expect(late.status).toBe(422);
    expect((await json(late)).error).toMatchObject({ code: 'deadline_passed' });
    const refusals = await sql<{ details: Json }>`select details from audit_log where event = 'claims.finding.respond' and outcome = 'denied' and object_id = ${String(pick.b.id)}`.execute(server.db.kysely);
    expect(refusals.rows.map((r) => (typeof r.details === 'string' ? JSON.parse(r.details) : r.details))).toEqual([expect.objectContaining({ status: 'sent', response_due: '2019-04-01', refused: 'deadline_passed' })]);

    const upheld = await clients.controller.post(`/api/claims/findings/${pick.b.id}/decision`, { decision: 'uphold', note: 'Geen reactie binnen de termijn.' });
    expect(upheld.status).toBe(200);
    expect(await json(upheld)).toMatchObject({ status: 'upheld', upheld_outcome: 'reclaim', provider_response: null });
    expect((await clients['medical-adviser'].post(`/api/claims/findings/${pick.c.id}/decision`, { decision: 'uphold', note: 'Reactie beoordeeld door de medisch adviseur.' })).status).toBe(200);
  });

  it('keeps a provider to its own findings', async () => {
    const { controller, provider } = clients;
    const peer = peers[0]!;
    const sent = await json(await controller.post('/api/claims/findings/send', { agb: peer }));
    expect(sent.sent).toBeGreaterThan(0);
    const peerFinding = sent.finding_ids[0];

    const visible: Json[] = await json(await provider.get('/api/claims/findings?limit=10000'));
    expect(visible.length).toBeGreaterThan(0);
    for (const f of visible) expect(f.agb).toBe(own);
    expect(visible.some((f) => f.id === peerFinding)).toBe(false);
    // The provider-scoped paths give the same findings, and one of them by id.
    expect(await json(await provider.get(`/api/providers/${own}/findings?limit=10000`))).toEqual(visible);
    expect(await json(await provider.get(`/api/providers/${own}/findings/${visible[0]!.id}`))).toMatchObject({ id: visible[0]!.id, agb: own });
    expect((await provider.get(`/api/providers/${own}/findings/${peerFinding}`)).status).toBe(404);
    expect((await controller.get(`/api/providers/${own}/findings/${peerFinding}`)).status).toBe(404);
    expect(await json(await controller.get(`/api/providers/${peer}/findings/${peerFinding}`))).toMatchObject({ id: peerFinding, agb: peer });
    const deniedBefore = await sql<{ n: number }>`select count(*)::int as n from audit_log where outcome = 'denied' and object_id = ${peer}`.execute(server.db.kysely);

    expect((await provider.get(`/api/claims/findings?agb=${peer}`)).status).toBe(403);
    expect((await provider.get(`/api/providers/${peer}/findings`)).status).toBe(403);
    expect((await provider.post(`/api/providers/${peer}/findings/${peerFinding}/response`, { response: 'Niet van mij.' })).status).toBe(403);
    expect((await provider.post(`/api/providers/${own}/findings/${peerFinding}/response`, { response: 'Niet van mij.' })).status).toBe(404);
    expect((await provider.get(`/api/claims/findings/${peerFinding}/detail`)).status).toBe(404);
    expect((await provider.get(`/api/providers/${peer}/reclaim-statement.pdf?year=2018`)).status).toBe(403);
    const deniedAfter = await sql<{ n: number }>`select count(*)::int as n from audit_log where outcome = 'denied' and object_id = ${peer}`.execute(server.db.kysely);
    expect(deniedAfter.rows[0]!.n - deniedBefore.rows[0]!.n).toBe(4);
    const status = await sql<{ status: string }>`select status from claim_findings where id = ${peerFinding}`.execute(server.db.kysely);
    expect(status.rows[0]?.status).toBe('sent');
  });

  it('opens patient-level detail only after a specific risk analysis, only to controller and medical adviser, and audits every view', async () => {
    const { controller, purchaser, provider } = clients;
    const adviser = clients['medical-adviser'];
    const a = pick.a;
    const claim = (await sql<{ bsn: string; diagnosis: string }>`select bsn, diagnosis from claims where claim_id = ${a.claim_id}`.execute(server.db.kysely)).rows[0]!;
    const before = await auditCount('claim.detail');
    const purpose = encodeURIComponent('materiële controle serialiteit');

    const refused = await controller.get(`/api/claims/findings/${a.id}/detail?purpose=${purpose}`);
    expect(refused.status).toBe(403);
    expect((await json(refused)).error.message).toContain('specifieke risicoanalyse');

    const created = await adviser.post('/api/claims/risk-analyses', { title: 'Serialiteit demo-ziekenhuis 2018', rationale: 'Het aandeel initiële subtrajecten binnen 120 dagen ligt ver boven dat van vergelijkbare ziekenhuizen.', rules: [a.rule], agb: own });
    expect(created.status).toBe(201);
    const analysis = await json(created);
    expect(analysis).toMatchObject({ rules: [a.rule], agb: own, created_by: login('medical-adviser').email });
    expect((await purchaser.post('/api/claims/risk-analyses', { title: 'Geen rol', rationale: 'Een inkoper legt geen risicoanalyse vast.' })).status).toBe(403);
    const outside = await controller.post(`/api/claims/risk-analyses/${analysis.id}/findings`, { finding_ids: [pick.reject1.id] });
    expect(outside.status).toBe(409);
    expect(await json(await controller.post(`/api/claims/risk-analyses/${analysis.id}/findings`, { finding_ids: [a.id] }))).toMatchObject({ analysis_id: analysis.id, attached: 1 });

    for (const client of [controller, adviser]) {
      const granted = await client.get(`/api/claims/findings/${a.id}/detail?purpose=${purpose}`);
      expect(granted.status).toBe(200);
      const detail = await json(granted);
      expect(detail).toMatchObject({ access: 'detail-control', risk_analysis: { id: analysis.id }, claim: { claim_id: a.claim_id, bsn: claim.bsn, diagnosis: claim.diagnosis } });
      const related = detail.related_claims.filter((r: Json) => r.related).map((r: Json) => r.claim_id);
      expect(related.sort()).toEqual([...a.related_claim_ids].sort());
      for (const r of detail.related_claims) expect(r.bsn).toBe(claim.bsn);
    }
    expect((await controller.get(`/api/claims/findings/${a.id}/detail`)).status).toBe(400);
    const purchaserView = await purchaser.get(`/api/claims/findings/${a.id}/detail?purpose=${purpose}`);
    expect(purchaserView.status).toBe(403);

    // The provider sees its own line with the BSN masked, and no diagnosis of other claims.
    const ownView = await json(await provider.get(`/api/claims/findings/${a.id}/detail`));
    expect(ownView).toMatchObject({ access: 'own-provider', risk_analysis: null, claim: { claim_id: a.claim_id, bsn: `*****${claim.bsn.slice(-4)}` } });
    expect(JSON.stringify(ownView)).not.toContain(claim.bsn);
    for (const r of ownView.related_claims) expect(r.diagnosis).toBeNull();

    // Six views: refused (no analysis), two granted, refused (no purpose), refused (purchaser), the provider's own.
    expect((await auditCount('claim.detail')) - before).toBe(6);
    const rows = await sql<{ outcome: string; object_id: string; role: string; purpose: string; details: unknown }>`
      select outcome, object_id, role, purpose, details from audit_log where event = 'claim.detail' and object_id = ${a.claim_id} order by seq`.execute(server.db.kysely);
    expect(rows.rows.map((r) => [r.role, r.outcome])).toEqual([
      ['controller', 'denied'], ['controller', 'success'], ['medical-adviser', 'success'], ['controller', 'denied'], ['purchaser', 'denied'], ['provider', 'success'],
    ]);
    expect(rows.rows[1]?.purpose).toBe('materiële controle serialiteit');
    for (const r of rows.rows) expect(JSON.stringify(r.details)).not.toContain(claim.bsn);
  });

  it('renders the reclaim statement (PDF, Excel) whose totals equal the upheld findings', async () => {
    const upheld: Json[] = await json(await clients.controller.get(`/api/claims/findings?agb=${own}&status=upheld&limit=10000`));
    expect(upheld.length).toBeGreaterThanOrEqual(4);
    // A claim is charged once: the largest amount among its upheld findings.
    const perClaim = new Map<string, number>();
    for (const f of upheld.filter((f) => f.action !== 'review' || reclaimRules.has(f.rule))) perClaim.set(f.claim_id, Math.max(perClaim.get(f.claim_id) ?? 0, f.amount_at_stake_cents));
    const expected = [...perClaim.values()].reduce((s, c) => s + c, 0);
    expect(expected).toBeGreaterThan(0);

    const xlsx = await clients.provider.get(`/api/providers/${own}/reclaim-statement.xlsx?year=2018`);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toMatch(/spreadsheetml/);
    expect(xlsx.headers.get('content-disposition')).toContain(`terugvordering-${own}-2018.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await xlsx.arrayBuffer()) as ArrayBuffer);
    const sheet = workbook.getWorksheet('Totalen per regel')!;
    const totalRow = sheet.getColumn(1).values.findIndex((v) => v === 'Totaal');
    expect(Math.round(Number(sheet.getRow(totalRow).getCell(4).value) * 100)).toBe(expected);
    const lines = workbook.getWorksheet('Bevindingen')!;
    const header = lines.getColumn(1).values.findIndex((v) => v === 'Bevinding');
    const ids = Array.from({ length: perClaim.size + 10 }, (_, i) => lines.getRow(header + 1 + i).getCell(1).value).filter((v) => typeof v === 'number');
    expect(ids.sort()).toEqual(upheld.filter((f) => f.action !== 'review' || reclaimRules.has(f.rule)).map((f) => f.id).sort());
    const text = JSON.stringify(lines.getSheetValues());
    const bsns = (await sql<{ bsn: string }>`select bsn from claims where claim_id in (${sql.join(upheld.map((f) => f.claim_id))})`.execute(server.db.kysely)).rows.map((r) => r.bsn);
    for (const bsn of bsns) expect(text).not.toContain(bsn);

    const pdf = await clients.purchaser.get(`/api/providers/${own}/reclaim-statement.pdf?year=2018`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
    expect(await auditCount('claims.reclaim-statement', 'success')).toBe(2);
  });
});
