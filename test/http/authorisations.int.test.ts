/**
 * Prior authorisations (MSZ Bijlage 1 art. 6 items 13-23) through the real HTTP server on every
 * database, with the server clock moved through March 2018 (`setNow`): the requirement rules, a
 * submission with missing content, a refusal for another provider's AGB (audited), a question that
 * pauses the decision clock, decisions on working day 10 (on time) and 11 (late), the clock as both
 * sides see it, attachments, and the notifications to the other side; an assessment at the advising
 * dentist's consultation hour that pauses the clock up to and including its date (item 22). Then the
 * CLI on a database with the demo requests (seeded once; a second seed adds nothing).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_AUTHORISATIONS, seedAuthorisations } from '../../src/app/demo/seed-authorisations.js';
import { DEMO_LOGINS } from '../../src/app/demo/demo-users.js';
import { seedDemo } from '../../src/app/demo/seed-demo.js';
import { systemActor } from '../../src/domain/auth/actor.js';
import { expectOk } from '../../src/domain/errors.js';
import { withActor } from '../../src/storage/context.js';
import { openDatabase, type Database } from '../../src/storage/database.js';
import { migrate } from '../../src/storage/migrate.js';
import { cliEnv, runCli } from '../support/cli.js';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/databases.js';
import { ApiClient, startTestServer, type TestServer } from '../support/server.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are asserted field by field
type Json = any;
type Role = 'purchaser' | 'controller' | 'medical-adviser' | 'provider';
const json = async (response: Response): Promise<Json> => response.json();
const login = (role: Role) => DEMO_LOGINS.find((l) => l.role === role)!;

/** A minimal PDF (the server recognises files by their first bytes). */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

/** A complete request for an adult's implants, with one record as base64. */
const request = (reference: string, over: Record<string, unknown> = {}) => ({
  provider_reference: reference,
  patient: { bsn: '111222333', name: 'J. de Vries', birth_date: '1970-04-12' },
  treatment_kind: 'implantologie',
  treatment_date: '2018-05-14',
  treatment_plan: 'Twee implantaten in de onderkaak (36 en 46) met opbouw en kronen.',
  plan_lines: [
    { performance_code: 'J20', element_numbers: [36, 46], amount_cents: 45_000 },
    { performance_code: 'X21', element_numbers: [36], amount_cents: 2_495, description: 'OPG' },
  ],
  technique_costs_cents: 30_000,
  attachments: [{ kind: 'record', file_name: 'verwijsbrief.pdf', content_base64: PDF.toString('base64') }],
  ...over,
});

describe.each(databaseKinds)('prior authorisations on %s', (kind) => {
  let server: TestServer;
  const clients = {} as Record<Role, ApiClient>;
  let own: string;
  let other: string;
  const ids = { a: 0, b: 0, c: 0, d: 0, e: 0 };

  /** Moves the server clock to an Amsterdam wall time in March 2018 (CET) and keeps the sessions alive. */
  async function travel(local: string): Promise<void> {
    const now = new Date(`${local}+01:00`);
    server.setNow(now);
    await sql`update sessions set created_at = ${new Date(now.getTime() - 60_000)}, last_seen_at = ${now}, absolute_expires_at = ${new Date(now.getTime() + 3_600_000)}`.execute(server.db.kysely);
  }
  const audits = async (event: string, outcome: string, objectId?: string): Promise<number> =>
    (await sql<{ n: number }>`select count(*)::int as n from audit_log where event = ${event} and outcome = ${outcome} and (${objectId ?? null}::text is null or object_id = ${objectId ?? null})`.execute(server.db.kysely)).rows[0]!.n;
  const stored = () => withActor(server.db, systemActor('test'), async (tx) => Number((await tx.selectFrom('prior_authorisations').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n));
  const notifications = async (role: Role, kindPrefix: string): Promise<Json[]> =>
    (await json(await clients[role].get('/api/notifications?limit=200'))).notifications.filter((n: Json) => n.kind.startsWith(kindPrefix));
  const detail = async (role: Role, id: number) => json(role === 'provider' ? await clients.provider.get(`/api/providers/${own}/authorisations/${id}`) : await clients[role].get(`/api/authorisations/${id}`));

  beforeAll(async () => {
    server = await startTestServer({ databaseKind: kind, claims: 50 });
    own = server.seed.demoProviderAgb;
    other = (await sql<{ agb: string }>`select agb from providers where agb <> ${own} order by agb limit 1`.execute(server.db.kysely)).rows[0]!.agb;
    await travel('2018-03-05T10:00:00');
    for (const role of ['purchaser', 'controller', 'medical-adviser', 'provider'] as const) {
      clients[role] = new ApiClient(server.url);
      expect((await clients[role].login(login(role).email, login(role).password)).status, role).toBe(200);
    }
  });
  afterAll(() => server?.close());

  it('answers whether authorisation is needed and why, for any logged-in user, and stores nothing', async () => {
    const before = await stored();
    const adult = await clients.purchaser.post('/api/authorisations/requirement', { birth_date: '1970-04-12', treatment_date: '2018-05-14', treatment_kind: 'kinplastiek' });
    expect(adult.status).toBe(200);
    expect(await json(adult)).toMatchObject({ outcome: 'required', request: true, age: 48, reasons: [{ rule: 'authorisation.age' }, { rule: 'authorisation.adult-listed', source: 'MSZ Bijlage 1 art. 6 item 15c' }] });
    // 18 on the treatment date: free, except implants.
    const minor = await json(await clients.provider.post('/api/authorisations/requirement', { birth_date: '2000-05-14', treatment_date: '2019-05-13', treatment_kind: 'kinplastiek' }));
    expect(minor).toMatchObject({ outcome: 'not-required', request: false, age: 18, minor: true, reasons: [{}, { rule: 'authorisation.minor-free', source: 'MSZ Bijlage 1 art. 6 item 13' }] });
    const implants = await json(await clients.provider.post('/api/authorisations/requirement', { birth_date: '2000-05-14', treatment_date: '2019-05-13', treatment_kind: 'implantologie' }));
    expect(implants).toMatchObject({ outcome: 'required', reasons: [{}, { rule: 'authorisation.minor-exception' }] });
    const doubt = await json(await clients['medical-adviser'].post('/api/authorisations/requirement', { birth_date: '1970-04-12', treatment_date: '2018-05-14', treatment_kind: 'overige-kaakchirurgie', in_doubt: true }));
    expect(doubt).toMatchObject({ outcome: 'in-doubt', request: true, reasons: [{}, { rule: 'authorisation.zvw-2-7-5a-free' }, { rule: 'authorisation.in-doubt', source: 'MSZ Bijlage 1 art. 6 item 19' }] });

    const unknown = await clients.provider.post('/api/authorisations/requirement', { birth_date: '1970-02-30', treatment_date: '2018-05-14', treatment_kind: 'tanden-bleken' });
    expect(unknown.status).toBe(400);
    expect((await json(unknown)).error.issues.map((i: Json) => i.field)).toEqual(['birth_date', 'treatment_kind']);
    expect((await new ApiClient(server.url).post('/api/authorisations/requirement', { birth_date: '1970-04-12', treatment_date: '2018-05-14', treatment_kind: 'kinplastiek' })).status).toBe(401);

    const kinds = await json(await clients.provider.get('/api/authorisations/treatment-kinds'));
    expect(kinds.kinds.map((k: Json) => k.id)).toEqual(expect.arrayContaining(['implantologie', 'osteotomie-osas', 'kinplastiek', 'cosmetische-plastische-chirurgie', 'bijholte-kaakverbreding', 'botankers']));
    expect(await stored()).toBe(before);
  });

  it('submitting: authorisation-free stores nothing; missing content names its fields; a complete request is stored with its clock', async () => {
    const before = await stored();
    const free = await clients.provider.post(`/api/providers/${own}/authorisations`, request('FREE-1', { patient: { bsn: '111222333', name: 'A. Jansen', birth_date: '2000-05-14' }, treatment_kind: 'kinplastiek', treatment_date: '2018-05-14' }));
    expect(free.status).toBe(200);
    expect(await json(free)).toMatchObject({ submitted: false, authorisation: null, requirement: { outcome: 'not-required' } });
    expect(await stored()).toBe(before);
    // In doubt: stored after all.
    const doubt = await clients.provider.post(`/api/providers/${own}/authorisations`, request('DOUBT-1', { patient: { bsn: '111222333', name: 'A. Jansen', birth_date: '2000-05-14' }, treatment_kind: 'kinplastiek', in_doubt: true }));
    expect(doubt.status).toBe(201);
    ids.c = (await json(doubt)).authorisation.id;

    const incomplete = await clients.provider.post(`/api/providers/${own}/authorisations`, { treatment_kind: 'implantologie', treatment_date: '2018-05-14', patient: { birth_date: '1970-04-12' }, plan_lines: [{ performance_code: 'J20', element_numbers: [19], amount_cents: 100 }] });
    expect(incomplete.status).toBe(400);
    const issues = (await json(incomplete)).error.issues;
    expect(issues.map((i: Json) => i.field)).toEqual(['patient.bsn', 'patient.name', 'treatment_plan', 'plan_lines[0].element_numbers', 'technique_costs_cents', 'records']);
    expect(issues.find((i: Json) => i.field === 'records').code).toBe('records');
    expect(await stored()).toBe(before + 1);

    const created = await clients.provider.post(`/api/providers/${own}/authorisations`, request('KC-A'));
    expect(created.status).toBe(201);
    const a = (await json(created)).authorisation;
    ids.a = a.id;
    expect(a).toMatchObject({
      agb: own, status: 'submitted', provider_reference: 'KC-A', total_cents: 77_495, technique_costs_cents: 30_000,
      patient: { bsn: '111222333', name: 'J. de Vries' }, patient_bsn_masked: '*****2333',
      requirement: { outcome: 'required' }, attachments: [{ kind: 'record', file_name: 'verwijsbrief.pdf', media_type: 'application/pdf', size_bytes: PDF.length }],
      clock: { received_on: '2018-03-05', working_days: 10, due_date: '2018-03-19', working_days_used: 0, working_days_remaining: 10, late: false, paused: false },
      history: [{ event: 'submitted', role: 'provider', by: login('provider').email }],
    });
    expect((await clients.provider.post(`/api/providers/${own}/authorisations`, request('KC-A'))).status).toBe(409);

    // Multipart: the request as JSON in "request", files in "record" and "photo".
    const form = new FormData();
    const { attachments: _attachments, ...body } = request('KC-B');
    form.append('request', JSON.stringify(body));
    form.append('record', new Blob([new Uint8Array(PDF)], { type: 'application/pdf' }), 'dossier.pdf');
    form.append('photo', new Blob([new Uint8Array(PNG)], { type: 'image/png' }), 'foto.png');
    const multipart = await clients.provider.request('POST', `/api/providers/${own}/authorisations`, form);
    expect(multipart.status).toBe(201);
    const b = (await json(multipart)).authorisation;
    ids.b = b.id;
    expect(b.attachments.map((x: Json) => [x.kind, x.media_type])).toEqual([['record', 'application/pdf'], ['photo', 'image/png']]);

    // A file that is not what it says is refused with its field.
    const fake = await clients.provider.post(`/api/providers/${own}/authorisations`, request('KC-X', { attachments: [{ kind: 'record', file_name: 'virus.pdf', content_base64: Buffer.from('MZ...').toString('base64') }] }));
    expect(fake.status).toBe(400);
    expect((await json(fake)).error.issues.map((i: Json) => i.field)).toEqual(['records', 'attachments[0]']);

    // The medical advisers and controllers hear of it; the provider itself does not.
    expect((await notifications('medical-adviser', 'authorisation.submitted')).map((n: Json) => n.link)).toEqual(expect.arrayContaining([`/machtigingen/${ids.a}`, `/machtigingen/${ids.b}`]));
    expect((await notifications('controller', 'authorisation.submitted')).length).toBeGreaterThanOrEqual(3);
    expect(await notifications('provider', 'authorisation.submitted')).toEqual([]);
    expect(await audits('authorisation.submit', 'success')).toBeGreaterThanOrEqual(4);
  });

  it('refuses a provider another provider\'s authorisations, and purchasers all of them, in the audit log', async () => {
    const deniedList = await audits('authorisation.list', 'denied', other);
    const list = await clients.provider.get(`/api/providers/${other}/authorisations`);
    expect(list.status).toBe(403);
    expect(await audits('authorisation.list', 'denied', other)).toBe(deniedList + 1);
    const deniedSubmit = await audits('authorisation.submit', 'denied', other);
    expect((await clients.provider.post(`/api/providers/${other}/authorisations`, request('KC-OTHER'))).status).toBe(403);
    expect(await audits('authorisation.submit', 'denied', other)).toBe(deniedSubmit + 1);
    expect((await clients.provider.get(`/api/providers/${other}/authorisations/${ids.a}`)).status).toBe(403);
    // The queue is the insurer's; a request it cannot see is not found, and the attempt recorded.
    expect((await clients.provider.get(`/api/authorisations`)).status).toBe(403);
    expect((await clients.provider.get(`/api/authorisations/${ids.a}`)).status).toBe(200);
    expect((await clients.provider.get('/api/authorisations/999999')).status).toBe(404);
    expect(await audits('authorisation.read', 'denied', '999999')).toBe(1);

    const deniedQueue = await audits('authorisation.queue', 'denied');
    expect((await clients.purchaser.get('/api/authorisations')).status).toBe(403);
    expect((await clients.purchaser.get(`/api/providers/${own}/authorisations`)).status).toBe(403);
    expect(await audits('authorisation.queue', 'denied')).toBe(deniedQueue + 1);
    // The provider does not decide, the adviser does not answer for the provider.
    expect((await clients.provider.post(`/api/authorisations/${ids.a}/decision`, { decision: 'approve', reason: 'Zelf goedgekeurd.' })).status).toBe(403);
    expect((await clients['medical-adviser'].post(`/api/providers/${own}/authorisations/${ids.a}/information`, { answer: 'Namens de aanbieder.' })).status).toBe(403);
    expect(await audits('authorisation.decide', 'denied')).toBeGreaterThanOrEqual(1);
  });

  it('a question pauses the clock until the answer; the remaining working days carry over; both sides see the same clock', async () => {
    // Thursday 8 March: working day 3.
    await travel('2018-03-08T11:00:00');
    const asked = await clients['medical-adviser'].post(`/api/authorisations/${ids.a}/request-information`, { question: 'Graag de röntgenfoto van regio 36 en de parodontale status.' });
    expect(asked.status).toBe(200);
    expect(await json(asked)).toMatchObject({ status: 'info-requested', open_question: 'Graag de röntgenfoto van regio 36 en de parodontale status.', clock: { paused: true, due_date: null, working_days_used: 3, working_days_remaining: 7 } });
    expect((await clients['medical-adviser'].post(`/api/authorisations/${ids.a}/request-information`, { question: 'Nog een vraag.' })).status).toBe(409);

    // Wednesday 14 March: still paused on both sides, nothing counted.
    await travel('2018-03-14T09:00:00');
    const own_ = (await json(await clients.provider.get(`/api/providers/${own}/authorisations`))).find((x: Json) => x.id === ids.a);
    const queue = (await json(await clients['medical-adviser'].get('/api/authorisations'))).find((x: Json) => x.id === ids.a);
    for (const seen of [own_, queue]) expect(seen).toMatchObject({ status: 'info-requested', clock: { paused: true, working_days_used: 3, working_days_remaining: 7, late: false } });
    expect(own_.clock).toEqual(queue.clock);
    const [question] = await notifications('provider', 'authorisation.information-requested');
    expect(question).toMatchObject({ link: `/machtigingen/${ids.a}` });
    expect(question.body).toContain('7 werkdagen');

    // The answer, with an extra file, the same day: counting resumes on Thursday 15 March (day 4), day 10 is Friday 23 March.
    const upload = new FormData();
    upload.append('file', new Blob([new Uint8Array(PNG)], { type: 'image/png' }), 'rontgen-36.png');
    const added = await clients.provider.request('POST', `/api/providers/${own}/authorisations/${ids.a}/attachments?kind=photo`, upload);
    expect(added.status).toBe(201);
    const attachment = await json(added);
    expect(attachment).toMatchObject({ kind: 'photo', media_type: 'image/png', size_bytes: PNG.length });
    const answered = await clients.provider.post(`/api/providers/${own}/authorisations/${ids.a}/information`, { answer: 'Foto bijgevoegd; parodontium gezond.' });
    expect(answered.status).toBe(200);
    expect(await json(answered)).toMatchObject({ status: 'submitted', open_question: null, clock: { paused: false, working_days_used: 3, due_date: '2018-03-23', pauses: [{ from: '2018-03-08', until: '2018-03-14' }] } });
    expect((await notifications('medical-adviser', 'authorisation.information-provided'))[0].body).toContain('2018-03-23');

    // The adviser reads the file the provider sent: the bytes, their hash, and an audit record.
    const readsBefore = await audits('authorisation.attachment.read', 'success', String(ids.a));
    const file = await clients['medical-adviser'].get(`/api/providers/${own}/authorisations/${ids.a}/attachments/${attachment.id}`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await file.arrayBuffer()).equals(PNG)).toBe(true);
    expect(file.headers.get('x-content-sha256')).toBe(attachment.sha256);
    expect(await audits('authorisation.attachment.read', 'success', String(ids.a))).toBe(readsBefore + 1);
    expect((await clients.provider.get(`/api/providers/${other}/authorisations/${ids.a}/attachments/${attachment.id}`)).status).toBe(403);
  });

  it('a decision on working day 10 is on time, on working day 11 late; the provider sees the decision and the clock', async () => {
    const decisions = await audits('authorisation.decide', 'success');
    // B was received on Monday 5 March without a question: day 10 is Monday 19 March.
    await travel('2018-03-19T16:00:00');
    const dueToday = (await json(await clients.controller.get('/api/authorisations?status=submitted'))).find((x: Json) => x.id === ids.b);
    expect(dueToday.clock).toMatchObject({ due_date: '2018-03-19', working_days_used: 10, working_days_remaining: 0, late: false });

    // Tuesday 20 March is day 11 for B: decided late.
    await travel('2018-03-20T09:30:00');
    const overdue = (await json(await clients['medical-adviser'].get('/api/authorisations'))).find((x: Json) => x.id === ids.b);
    expect(overdue.clock).toMatchObject({ late: true, working_days_late: 1 });
    const late = await clients['medical-adviser'].post(`/api/authorisations/${ids.b}/decision`, { decision: 'reject', reason: 'Geen indicatie voor implantaten: voldoende restdentitie.' });
    expect(late.status).toBe(200);
    expect(await json(late)).toMatchObject({ status: 'rejected', decision: 'rejected', decided_by: login('medical-adviser').email, clock: { decided_on: '2018-03-20', working_days_used: 11, late: true, working_days_late: 1 } });

    // A, paused from 8 to 14 March, has its day 10 on Friday 23 March.
    await travel('2018-03-23T15:00:00');
    const onTime = await clients['medical-adviser'].post(`/api/authorisations/${ids.a}/decision`, { decision: 'approve', reason: 'Indicatie voor implantaten aangetoond.' });
    expect(onTime.status).toBe(200);
    expect(await json(onTime)).toMatchObject({ status: 'approved', clock: { decided_on: '2018-03-23', working_days_used: 10, late: false, working_days_late: 0 } });
    expect((await clients['medical-adviser'].post(`/api/authorisations/${ids.a}/decision`, { decision: 'reject', reason: 'Toch niet.' })).status).toBe(409);

    // The provider sees the decisions with the same clocks, and was told.
    const a = await detail('provider', ids.a);
    const b = await detail('provider', ids.b);
    expect(a).toMatchObject({ status: 'approved', decision_reason: 'Indicatie voor implantaten aangetoond.', clock: { late: false, working_days_used: 10 } });
    expect(b).toMatchObject({ status: 'rejected', clock: { late: true, working_days_used: 11 } });
    expect(a.clock).toEqual((await detail('medical-adviser', ids.a)).clock);
    expect(a.history.map((h: Json) => h.event)).toEqual(['submitted', 'information-requested', 'attachment-added', 'information-provided', 'decided']);
    const mine = (n: Json) => n.link === `/machtigingen/${ids.a}` || n.link === `/machtigingen/${ids.b}`;
    const decided = [...(await notifications('provider', 'authorisation.approved')), ...(await notifications('provider', 'authorisation.rejected'))].filter(mine);
    expect(decided.map((n: Json) => `${n.kind} ${n.link}`).sort()).toEqual([`authorisation.approved /machtigingen/${ids.a}`, `authorisation.rejected /machtigingen/${ids.b}`]);
    expect(decided.find((n: Json) => n.kind === 'authorisation.rejected').body).toContain('item 23');

    // Final: no attachment, no answer, no withdrawal any more; C can still be withdrawn.
    expect((await clients.provider.post(`/api/providers/${own}/authorisations/${ids.a}/withdraw`, {})).status).toBe(409);
    const withdrawn = await clients.provider.post(`/api/providers/${own}/authorisations/${ids.c}/withdraw`, { reason: 'Behandeling gaat niet door.' });
    expect(await json(withdrawn)).toMatchObject({ status: 'withdrawn' });
    expect(await audits('authorisation.decide', 'success')).toBe(decisions + 2);
  });

  it('the database refuses what the use cases refuse: changing submitted content, deleting, rewriting history', async () => {
    const attempt = (statement: ReturnType<typeof sql>) =>
      withActor(server.db, { role: 'medical-adviser', userId: null, email: 'x@example.nl', agb: null }, (tx) => statement.execute(tx)).then(
        () => 'ok',
        (error: Error) => error.message,
      );
    expect(await attempt(sql`update prior_authorisations set patient_name = 'Iemand anders' where id = ${ids.c}`)).toMatch(/final|content/);
    expect(await attempt(sql`delete from prior_authorisations where id = ${ids.c}`)).toMatch(/permission denied/);
    expect(await attempt(sql`update prior_authorisation_events set message = 'anders' where authorisation_id = ${ids.a}`)).toMatch(/append-only|permission denied/);
    const asProvider = (statement: ReturnType<typeof sql>) =>
      withActor(server.db, { role: 'provider', userId: null, email: 'p@example.nl', agb: other }, (tx) => statement.execute(tx)).then((r) => r.rows.length);
    expect(await asProvider(sql`select id from prior_authorisations`)).toBe(0);
  });

  it('an assessment at the consultation hour pauses the clock up to and including its date; both sides see why; day 10 on time, day 11 late', async () => {
    const events = async (id: number) => (await sql<{ n: number }>`select count(*)::int as n from prior_authorisation_events where authorisation_id = ${id}`.execute(server.db.kysely)).rows[0]!.n;
    // D and E are received on Monday 23 April 2018.
    await travel('2018-04-23T10:00:00');
    ids.d = (await json(await clients.provider.post(`/api/providers/${own}/authorisations`, request('KC-D')))).authorisation.id;
    ids.e = (await json(await clients.provider.post(`/api/providers/${own}/authorisations`, request('KC-E')))).authorisation.id;

    // Wednesday 25 April (day 2): the adviser schedules both for Monday 30 April. Not the provider, not a purchaser.
    await travel('2018-04-25T10:00:00');
    const body = { date: '2018-04-30', note: 'Beoordeling van de kaakwal door de adviserend tandarts.' };
    expect((await clients.provider.post(`/api/authorisations/${ids.d}/consultation`, body)).status).toBe(403);
    expect((await clients.purchaser.post(`/api/authorisations/${ids.d}/consultation`, body)).status).toBe(403);
    // A date before today, or beyond the policy's horizon (prior_auth_consultation_max_days = 30), is refused with its field; nothing is stored.
    const before = await events(ids.d);
    for (const date of ['2018-04-24', '2018-05-26', '30-04-2018']) {
      const refused = await clients['medical-adviser'].post(`/api/authorisations/${ids.d}/consultation`, { date });
      expect(refused.status, date).toBe(400);
      expect((await json(refused)).error.issues.map((i: Json) => i.field)).toEqual(['date']);
    }
    expect(await events(ids.d)).toBe(before);
    expect((await clients['medical-adviser'].post(`/api/authorisations/${ids.d}/consultation`, { date: '2018-05-25' })).status).toBe(200); // day 30: allowed …
    const scheduled = await clients['medical-adviser'].post(`/api/authorisations/${ids.d}/consultation`, body); // … and moved back before it is held
    expect(scheduled.status).toBe(200);
    const d = await json(scheduled);
    expect(d).toMatchObject({
      status: 'submitted',
      clock: { paused: true, pause_reasons: ['consultation'], consultation_date: '2018-04-30', due_date: '2018-05-11', working_days_used: 2, working_days_remaining: 8, pauses: [{ reason: 'consultation', from: '2018-04-25', until: '2018-04-30' }] },
    });
    expect(d.clock.reason.message).toContain('spreekuur van de adviserend tandarts op 2018-04-30');
    expect(d.history.at(-1)).toMatchObject({ event: 'consultation-scheduled', role: 'medical-adviser', consultation_date: '2018-04-30', message: body.note });
    expect((await clients.controller.post(`/api/authorisations/${ids.e}/consultation`, { date: '2018-04-30' })).status).toBe(200);

    // Friday 27 April (Koningsdag): both sides see the same paused clock; the provider was told when and why.
    await travel('2018-04-27T12:00:00');
    const seenByProvider = (await json(await clients.provider.get(`/api/providers/${own}/authorisations`))).find((x: Json) => x.id === ids.d);
    const seenByAdviser = (await json(await clients['medical-adviser'].get('/api/authorisations'))).find((x: Json) => x.id === ids.d);
    expect(seenByProvider.clock).toEqual(seenByAdviser.clock);
    expect(seenByProvider.clock).toMatchObject({ paused: true, pause_reasons: ['consultation'], working_days_used: 2, due_date: '2018-05-11' });
    const notice = (await notifications('provider', 'authorisation.consultation-scheduled')).find((n: Json) => n.link === `/machtigingen/${ids.d}`);
    expect(notice.body).toContain('2018-04-30');
    expect(notice.body).toContain('2018-05-11');
    // E is moved to Tuesday 1 May before the consultation was held: the same pause runs on.
    const moved = await json(await clients['medical-adviser'].post(`/api/authorisations/${ids.e}/consultation`, { date: '2018-05-01' }));
    expect(moved.clock).toMatchObject({ pauses: [{ reason: 'consultation', from: '2018-04-25', until: '2018-05-01' }], due_date: '2018-05-14' });

    // D: resumes Tuesday 1 May (day 3); Hemelvaart (10 May) does not count; day 10 is Friday 11 May: on time.
    await travel('2018-05-11T15:00:00');
    const onTime = await json(await clients['medical-adviser'].post(`/api/authorisations/${ids.d}/decision`, { decision: 'approve', reason: 'Na beoordeling op het spreekuur: indicatie aangetoond.' }));
    expect(onTime).toMatchObject({ status: 'approved', clock: { decided_on: '2018-05-11', working_days_used: 10, late: false, paused: false, pause_reasons: [] } });
    // E: day 10 is Monday 14 May; decided Tuesday 15 May it is day 11: late.
    await travel('2018-05-15T09:00:00');
    const late = await json(await clients['medical-adviser'].post(`/api/authorisations/${ids.e}/decision`, { decision: 'reject', reason: 'Na beoordeling op het spreekuur: geen indicatie.' }));
    expect(late).toMatchObject({ status: 'rejected', clock: { decided_on: '2018-05-15', working_days_used: 11, late: true, working_days_late: 1 } });
    expect((await detail('provider', ids.e)).clock).toEqual(late.clock);
    // A decided request takes no consultation any more.
    expect((await clients['medical-adviser'].post(`/api/authorisations/${ids.d}/consultation`, { date: '2018-05-20' })).status).toBe(409);
    expect(await audits('authorisation.schedule-consultation', 'success')).toBe(4);
  });
});

describe.each(databaseKinds)('zorginkoop authorisations (CLI) and the demo requests on %s', (kind) => {
  let t: TestDatabase | undefined;
  let env: Record<string, string | undefined>;
  const dir = mkdtempSync(path.join(tmpdir(), 'zk-authorisations-'));
  let agb: string;

  beforeAll(async () => {
    // Seed in this process, then let the CLI open the database on its own.
    let db: Database;
    if (kind === 'postgres') {
      t = await createTestDatabase('postgres');
      db = t.db;
      env = cliEnv({ url: t.url });
    } else {
      db = await openDatabase({ kind: 'pglite', dataDir: path.join(dir, 'data') });
      await migrate(db);
      env = cliEnv({ url: null, dataDir: path.join(dir, 'data') });
    }
    const seed = expectOk(await seedDemo(db, { seed: 'zorginkoop', claims: 10 }));
    agb = seed.demoProviderAgb;
    // A second seed adds nothing.
    expect(expectOk(await seedAuthorisations(db))).toEqual({ created: 0, existing: DEMO_AUTHORISATIONS.length });
    if (kind === 'pglite') await db.close();
  });
  afterAll(async () => {
    await t?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists the demo requests in their states with their clocks, and shows one clock', async () => {
    const listed = await runCli(['authorisations', 'list', '--agb', agb, '--at', '2018-04-24T12:00:00+02:00', '--json'], env);
    expect(listed.code, listed.stderr).toBe(0);
    const list: Json[] = JSON.parse(listed.stdout);
    const byRef = new Map(list.map((a) => [a.provider_reference, a]));
    expect([...byRef.keys()].sort()).toEqual(DEMO_AUTHORISATIONS.map((d) => d.reference));
    expect(byRef.get('DEMO-KC-001')).toMatchObject({ status: 'approved', clock: { late: false, working_days_used: 8 } });
    expect(byRef.get('DEMO-KC-002')).toMatchObject({ status: 'rejected', clock: { late: true, working_days_used: 11 } });
    expect(byRef.get('DEMO-KC-003')).toMatchObject({ status: 'info-requested', clock: { paused: true, working_days_used: 2, working_days_remaining: 8 } });
    // Asked 18 April (day 2), answered 23 April: day 3 is 24 April.
    expect(byRef.get('DEMO-KC-004')).toMatchObject({ status: 'submitted', clock: { paused: false, working_days_used: 3, due_date: '2018-05-04' } });
    expect(byRef.get('DEMO-KC-005')).toMatchObject({ status: 'submitted', in_doubt: false, clock: { due_date: '2018-05-07' } });
    // Open requests first.
    expect(list.slice(0, 3).map((a) => a.status)).toEqual(['submitted', 'submitted', 'info-requested']);

    const paused = byRef.get('DEMO-KC-003');
    const clock = await runCli(['authorisations', 'clock', String(paused.id), '--at', '2018-05-30T12:00:00+02:00', '--json'], env);
    expect(clock.code, clock.stderr).toBe(0);
    expect(JSON.parse(clock.stdout)).toMatchObject({ id: paused.id, status: 'info-requested', clock: { paused: true, due_date: null, pauses: [{ from: '2018-04-11', until: null }] } });
    // An assessment at the consultation hour, scheduled Wednesday 25 April (day 3) for Monday 30 April: the clock shows the pause and why.
    const waiting = byRef.get('DEMO-KC-005');
    const scheduled = await runCli(['authorisations', 'consultation', String(waiting.id), '--date', '2018-04-30', '--at', '2018-04-25T10:00:00+02:00', '--json'], env);
    expect(scheduled.code, scheduled.stderr).toBe(0);
    expect(JSON.parse(scheduled.stdout)).toMatchObject({ status: 'submitted', clock: { paused: true, consultation_date: '2018-04-30', due_date: '2018-05-09' } });
    const during = await runCli(['authorisations', 'clock', String(waiting.id), '--at', '2018-04-27T12:00:00+02:00', '--json'], env);
    expect(JSON.parse(during.stdout)).toMatchObject({ clock: { paused: true, pause_reasons: ['consultation'], working_days_used: 3, due_date: '2018-05-09', pauses: [{ reason: 'consultation', from: '2018-04-25', until: '2018-04-30' }] } });
    const text = await runCli(['authorisations', 'clock', String(waiting.id), '--at', '2018-04-27T12:00:00+02:00'], env);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain('gepauzeerd (spreekuur adviserend tandarts op 2018-04-30), nog 7/10 werkdagen, uiterlijk 2018-05-09');
    expect(text.stdout).toContain('pauze (spreekuur adviserend tandarts): ingepland 2018-04-25, spreekuur 2018-04-30');
    const tooLate = await runCli(['authorisations', 'consultation', String(waiting.id), '--date', '2018-04-20', '--at', '2018-04-25T10:00:00+02:00', '--json'], env);
    expect(tooLate.code).toBe(1);
    expect(JSON.parse(tooLate.stdout).error.issues).toEqual([expect.objectContaining({ field: 'date' })]);

    const missing = await runCli(['authorisations', 'clock', '999999', '--json'], env);
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.stdout).error.code).toBe('not_found');

    const requirement = await runCli(['authorisations', 'requirement', '--birth-date', '1990-01-01', '--treatment-date', '2018-05-01', '--kind', 'botankers', '--orthodontics-special-dentistry', 'nee', '--json'], env);
    expect(requirement.code).toBe(0);
    expect(JSON.parse(requirement.stdout)).toMatchObject({ outcome: 'not-required', covered: false, reasons: [{}, { rule: 'authorisation.not-covered', source: 'MSZ Bijlage 1 art. 6 item 18' }] });
  });
});
