/**
 * New providers (MSZ §5) and the quality questionnaire (MSZ Bijlage 1, 2) through the real server,
 * on PGlite and PostgreSQL, with the server clock moved through the contracting year 2017 for 2018.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_LOGINS } from '../../src/app/demo/demo-users.js';
import { withActor, type Tx } from '../../src/storage/context.js';
import { databaseKinds } from '../support/databases.js';
import { ApiClient, startTestServer, type TestServer } from '../support/server.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are asserted field by field
type Json = any;
type Role = 'purchaser' | 'provider';
const json = async (response: Response): Promise<Json> => response.json();
const login = (role: Role) => DEMO_LOGINS.find((l) => l.role === role)!;
const at = (iso: string) => new Date(iso);

/** AGB codes with a prefix the demo data never uses, so they are new to `providers`. */
const AGB = { a: '27990001', b: '27990002', c: '27990003', d: '27990004', late: '27990005' } as const;

const application = (agb: string, over: Record<string, unknown> = {}) => ({
  year: 2018,
  organisation_name: `Kliniek ${agb}`,
  applicant_email: `info+${agb}@kliniek.example.nl`,
  kvk: `6${agb.slice(1)}`,
  agb,
  provider_type: 'zbc',
  city: 'Zwolle',
  wtzi_admission: true,
  kvk_registered: true,
  meets_quality_and_entry_conditions: true,
  added_value: 'Staaroperaties in dagbehandeling met korte wachttijden in de regio.',
  ...over,
});

describe.each(databaseKinds)('new providers and quality questionnaire on %s', (kind) => {
  let server: TestServer;
  const anonymous = () => new ApiClient(server.url);
  const clients = {} as Record<Role, ApiClient>;
  const ids = {} as Record<keyof typeof AGB, string>;
  let own: string;
  let other: string;

  /** Moves the server clock and logs the named users in again (sessions end when idle; log-ins are rate limited). */
  async function moveClock(iso: string, roles: readonly Role[] = []): Promise<void> {
    server.setNow(at(iso));
    for (const role of roles) {
      clients[role] = new ApiClient(server.url);
      expect((await clients[role].login(login(role).email, login(role).password)).status).toBe(200);
    }
  }
  const auditCount = async (event: string, outcome: string): Promise<number> =>
    (await sql<{ n: number }>`select count(*)::int as n from audit_log where event = ${event} and outcome = ${outcome}`.execute(server.db.kysely)).rows[0]!.n;

  beforeAll(async () => {
    server = await startTestServer({ databaseKind: kind, claims: 50 });
    own = server.seed.demoProviderAgb;
    const taken = await sql<{ agb: string }>`select agb from providers where agb like '2799%'`.execute(server.db.kysely);
    expect(taken.rows).toEqual([]);
    other = (await sql<{ agb: string }>`select agb from providers where agb <> ${own} order by agb limit 1`.execute(server.db.kysely)).rows[0]!.agb;
  });
  afterAll(() => server.close());

  it('anyone reads the conditions and dates of a year, with what is still in time on the server’s day', async () => {
    await moveClock('2017-06-20T10:00:00Z');
    const response = await anonymous().get('/api/applications/conditions?year=2018');
    expect(response.status).toBe(200);
    const conditions = await json(response);
    expect(conditions).toMatchObject({ year: 2018, policy: { id: 'msz-2018' }, today: '2017-06-20', day_inclusive: true, contact_email: 'ibm-msz@zilverenkruis.nl' });
    expect(conditions.source).toContain('MSZ §5');
    expect(conditions.requirements.map((r: Json) => [r.id, r.declaration])).toEqual([
      ['toelating-wtzi', 'wtzi_admission'],
      ['inschrijving-kvk', 'kvk_registered'],
      ['kwaliteits-instapvoorwaarden', 'meets_quality_and_entry_conditions'],
      ['toegevoegde-waarde', 'added_value'],
    ]);
    expect(conditions.outcomes.map((o: Json) => o.id)).toEqual(['proposal', 'reasoned-rejection']);
    const dates = (c: Json) => Object.fromEntries(Object.entries(c.dates).map(([k, d]) => [k, [(d as Json).date, (d as Json).open]]));
    expect(dates(conditions)).toEqual({ application: ['2017-07-01', true], assessment: ['2017-09-15', true], objection: ['2017-10-07', true] });
    // Without a year: the newest MSZ policy. The dates follow the server's clock in the policy's time zone.
    expect((await json(await anonymous().get('/api/applications/conditions'))).year).toBe(2018);
    server.setNow(at('2017-07-01T22:30:00Z'));
    expect(dates(await json(await anonymous().get('/api/applications/conditions?year=2018')))).toEqual({ application: ['2017-07-01', false], assessment: ['2017-09-15', true], objection: ['2017-10-07', true] });
    const none = await anonymous().get('/api/applications/conditions?year=2031');
    expect(none.status).toBe(404);
  });

  it('a new provider applies in time (the deadline day itself counts) and is refused a day late', async () => {
    await moveClock('2017-06-20T10:00:00Z');
    for (const key of ['a', 'b', 'c', 'd'] as const) {
      const body = application(AGB[key], key === 'b' ? { wtzi_admission: false } : {});
      const response = await anonymous().post('/api/applications', body);
      expect(response.status, key).toBe(201);
      const receipt = await json(response);
      expect(receipt).toMatchObject({ year: 2018, agb: AGB[key], status: 'submitted', assessment_by: '2017-09-15' });
      ids[key] = receipt.id;
    }
    // One application per AGB and year.
    expect((await anonymous().post('/api/applications', application(AGB.a))).status).toBe(409);
    // A wrong KvK number is named by its field.
    const invalid = await anonymous().post('/api/applications', application(AGB.late, { kvk: '12AB' }));
    expect(invalid.status).toBe(400);
    expect((await json(invalid)).error.issues.map((i: Json) => i.field)).toContain('kvk');

    // 1 July 22:00 in Amsterdam is still the deadline day; half past midnight is not.
    await moveClock('2017-07-01T20:00:00Z');
    const lastDay = await anonymous().post('/api/applications', application(AGB.late, { applicant_email: 'laat@kliniek.example.nl' }));
    expect(lastDay.status).toBe(201);
    await moveClock('2017-07-01T22:30:00Z');
    const denied = await auditCount('application.submit', 'denied');
    const late = await anonymous().post('/api/applications', application('27990006'));
    expect(late.status).toBe(422);
    const body = await json(late);
    expect(body.error.code).toBe('deadline_passed');
    expect(body.error.message).toContain('1 juli 2017');
    expect(await auditCount('application.submit', 'denied')).toBe(denied + 1);
    expect(await auditCount('application.submit', 'success')).toBe(5);
  });

  it('a purchaser assesses before the assessment date: an incomplete application cannot be accepted; rejected → a reasoned letter (PDF)', async () => {
    await moveClock('2017-09-14T09:00:00Z', ['purchaser']);
    const listed = await clients.purchaser.get('/api/applications?year=2018');
    expect(listed.status).toBe(200);
    const list: Json[] = await json(listed);
    expect(list.map((a) => a.agb).sort()).toEqual([AGB.a, AGB.b, AGB.c, AGB.d, AGB.late].sort());
    expect(list[0].deadlines).toEqual({ application: '2017-07-01', assessment: '2017-09-15', objection: '2017-10-07', day_inclusive: true });
    expect(list[0].timing).toEqual({ today: '2017-09-14', assessment_open: true, objection_open: true, overdue: false });
    expect((await anonymous().get('/api/applications?year=2018')).status).toBe(401);

    // One application, for staff only; an id that is not one is named.
    const one = await clients.purchaser.get(`/api/applications/${ids.b}`);
    expect(one.status).toBe(200);
    expect(await json(one)).toMatchObject({ id: ids.b, agb: AGB.b, wtzi_admission: false, status: 'submitted', timing: { overdue: false } });
    expect((await anonymous().get(`/api/applications/${ids.b}`)).status).toBe(401);
    expect((await clients.purchaser.get('/api/applications/3f1c2a9e-5b7d-4c1e-9a2f-0b8d6e4c7a11')).status).toBe(404);
    const badId = await clients.purchaser.get('/api/applications/geen-nummer');
    expect(badId.status).toBe(400);
    expect((await json(badId)).error.issues[0].field).toBe('id');
    expect(await auditCount('application.read', 'success')).toBe(1);

    const incomplete = await clients.purchaser.post(`/api/applications/${ids.b}/assessment`, { decision: 'accept' });
    expect(incomplete.status).toBe(409);
    expect((await json(incomplete)).error.issues.map((i: Json) => i.field)).toEqual(['toelating-wtzi']);
    expect((await clients.purchaser.post(`/api/applications/${ids.a}/assessment`, { decision: 'reject' })).status).toBe(400);

    const reasons = 'Het aanbod van staaroperaties in de regio Zwolle is voor 2018 toereikend ingekocht.';
    for (const key of ['a', 'b'] as const) {
      const rejected = await clients.purchaser.post(`/api/applications/${ids[key]}/assessment`, { decision: 'reject', reasons });
      expect(rejected.status, key).toBe(200);
      expect((await json(rejected)).application).toMatchObject({ status: 'rejected', rejection_reasons: reasons, assessed_by: login('purchaser').email });
    }
    expect((await clients.purchaser.post(`/api/applications/${ids.a}/assessment`, { decision: 'accept' })).status).toBe(409);

    const letter = await clients.purchaser.get(`/api/applications/${ids.a}/rejection-letter.pdf`);
    expect(letter.status).toBe(200);
    expect(letter.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await letter.arrayBuffer()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect((await clients.purchaser.get(`/api/applications/${ids.c}/rejection-letter.pdf`)).status).toBe(409);
    expect(await auditCount('application.reject', 'success')).toBe(2);
    expect(await auditCount('application.rejection-letter', 'success')).toBe(1);
  });

  it('accepted → the provider exists with a new_provider negotiation → its agreement is a 1-year plafond', async () => {
    const accepted = await clients.purchaser.post(`/api/applications/${ids.c}/assessment`, { decision: 'accept' });
    expect(accepted.status).toBe(200);
    const result = await json(accepted);
    expect(result).toMatchObject({ application: { status: 'accepted' }, provider_created: true, negotiation: { agb: AGB.c, year: 2018, new_provider: true } });

    const provider = await clients.purchaser.get(`/api/providers/${AGB.c}`);
    expect(provider.status).toBe(200);
    expect(await json(provider)).toMatchObject({ agb: AGB.c, name: `Kliniek ${AGB.c}`, type: 'zbc', city: 'Zwolle', zk_revenue_cents: 0 });
    const agreement = await json(await clients.purchaser.get(`/api/providers/${AGB.c}/agreement?year=2018`));
    expect(agreement).toMatchObject({ agreement_type_id: 'plafond-1', type: 'plafond', years: 1 });
    expect(await auditCount('application.accept', 'success')).toBe(1);
  });

  it('after the assessment date an assessment is refused', async () => {
    await moveClock('2017-09-16T09:00:00Z', ['purchaser']);
    const late = await clients.purchaser.post(`/api/applications/${ids.d}/assessment`, { decision: 'accept' });
    expect(late.status).toBe(422);
    expect((await json(late)).error.code).toBe('deadline_passed');
    expect(await auditCount('application.accept', 'denied')).toBe(1);
    // Not assessed by the assessment date: marked overdue; the assessed ones are not.
    const list: Json[] = await json(await clients.purchaser.get('/api/applications?year=2018'));
    const overdue = Object.fromEntries(list.map((a) => [a.agb, a.timing.overdue]));
    expect(overdue).toEqual({ [AGB.a]: false, [AGB.b]: false, [AGB.c]: false, [AGB.d]: true, [AGB.late]: true });
    expect(list.every((a) => a.timing.today === '2017-09-16' && !a.timing.assessment_open)).toBe(true);
  });

  it('an objection on the deadline day is accepted, a day late refused with deadline_passed', async () => {
    await moveClock('2017-10-07T19:00:00Z'); // 21:00 in Amsterdam, 7 October
    const objection = { kind: 'objection', text: 'Wij maken bezwaar: wij bieden een kortere wachttijd dan de huidige aanbieders.' };
    const wrongEmail = await anonymous().post(`/api/applications/${ids.a}/objection`, { ...objection, applicant_email: 'iemand@anders.example.nl' });
    expect(wrongEmail.status).toBe(404);

    // The applicant looks its application up first: the reasons, the deadline, and that it is still in time.
    const lookup = (key: keyof typeof AGB, email = `info+${AGB[key]}@kliniek.example.nl`) => anonymous().post(`/api/applications/${ids[key]}/lookup`, { applicant_email: email });
    expect((await lookup('a', 'iemand@anders.example.nl')).status).toBe(404);
    const found = await lookup('a');
    expect(found.status).toBe(200);
    const view = await json(found);
    expect(view).toMatchObject({ id: ids.a, status: 'rejected', objection_refused: null, objection_kind: null, deadlines: { objection: '2017-10-07' }, timing: { today: '2017-10-07', objection_open: true } });
    expect(view.rejection_reasons).toContain('toereikend ingekocht');
    expect(view).not.toHaveProperty('assessed_by');
    const accepted = await json(await lookup('c'));
    expect(accepted).toMatchObject({ status: 'accepted', rejection_reasons: null });
    expect(accepted.objection_refused).toContain('afgewezen aanvraag');
    const onTime = await anonymous().post(`/api/applications/${ids.a}/objection`, { ...objection, applicant_email: `INFO+${AGB.a}@kliniek.example.nl` });
    expect(onTime.status).toBe(200);
    expect(await json(onTime)).toMatchObject({ id: ids.a, status: 'rejected', objection_kind: 'objection', message: expect.stringContaining('ontvangen op 7 oktober 2017') });
    expect((await anonymous().post(`/api/applications/${ids.a}/objection`, { ...objection, applicant_email: `info+${AGB.a}@kliniek.example.nl` })).status).toBe(409);
    const afterObjection = await json(await lookup('a'));
    expect(afterObjection).toMatchObject({ objection_kind: 'objection', objection: objection.text });
    expect(afterObjection.objection_refused).toContain('al bezwaar');
    expect((await anonymous().post(`/api/applications/${ids.c}/objection`, { ...objection, applicant_email: `info+${AGB.c}@kliniek.example.nl` })).status).toBe(409);

    await moveClock('2017-10-08T08:00:00Z');
    const late = await anonymous().post(`/api/applications/${ids.b}/objection`, { kind: 'explanation', text: 'Graag een toelichting op de afwijzing.', applicant_email: `info+${AGB.b}@kliniek.example.nl` });
    expect(late.status).toBe(422);
    const body = await json(late);
    expect(body.error.code).toBe('deadline_passed');
    expect(body.error.message).toContain('7 oktober 2017');
    // The look-up says the same before the applicant writes anything.
    const tooLate = await json(await lookup('b'));
    expect(tooLate.timing.objection_open).toBe(false);
    expect(tooLate.objection_refused).toBe(body.error.message);
    expect(await auditCount('application.lookup', 'success')).toBe(4);
    expect(await auditCount('application.objection', 'success')).toBe(1);
    expect(await auditCount('application.objection', 'denied')).toBe(1);

    // The applicant can change nothing else, even past the use case (the database guards it too).
    const stored = await sql<{ objection_kind: string | null; status: string }>`select objection_kind, status from provider_applications where id = ${ids.b}`.execute(server.db.kysely);
    expect(stored.rows[0]).toEqual({ objection_kind: null, status: 'rejected' });
    const applicant = { role: 'public' as const, userId: null, email: `info+${AGB.b}@kliniek.example.nl`, agb: null };
    const asApplicant = <T>(work: (tx: Tx) => Promise<T>) =>
      withActor(server.db, applicant, async (tx) => {
        await sql`select set_config('app.applicant_email', ${applicant.email}, true)`.execute(tx);
        return work(tx);
      });
    expect(await asApplicant(async (tx) => (await tx.selectFrom('provider_applications').select('id').execute()).map((r) => r.id))).toEqual([ids.b]);
    await expect(asApplicant((tx) => tx.updateTable('provider_applications').set({ status: 'submitted' }).where('id', '=', ids.b).execute())).rejects.toThrow(/status rejected -> submitted refused/);
    await expect(asApplicant((tx) => tx.updateTable('provider_applications').set({ rejection_reasons: 'Door de aanvrager herschreven.' }).where('id', '=', ids.b).execute())).rejects.toThrow(/an applicant only adds one objection/);
    const purchaser = { role: 'purchaser' as const, userId: null, email: 'inkoper@test', agb: null };
    await expect(withActor(server.db, purchaser, (tx) => tx.updateTable('provider_applications').set({ objection: 'Namens de aanvrager ingevuld.', objection_kind: 'objection', objection_at: new Date() }).where('id', '=', ids.b).execute())).rejects.toThrow(/only the applicant writes its objection/);
  });

  it('a provider answers its questionnaire: an entry condition "no" gives an improvement agreement due inside the agreement term', async () => {
    await moveClock('2017-11-01T09:00:00Z', ['provider', 'purchaser']);
    const before = await clients.provider.get(`/api/providers/${own}/questionnaire?year=2018`);
    expect(before.status).toBe(200);
    const questionnaire = await json(before);
    expect(questionnaire.items.filter((i: Json) => i.kind === 'specification')).toHaveLength(13);
    expect(questionnaire.summary.answered).toBe(0);

    const agreement = await json(await clients.provider.get(`/api/providers/${own}/agreement?year=2018`));
    const termEnd = `${2018 + Math.max(agreement.years, 1) - 1}-12-31`;

    const answered = await clients.provider.request('PUT', `/api/providers/${own}/questionnaire`, {
      year: 2018,
      answers: [
        { kind: 'specification', number: 2, answer: 'no', explanation: 'Het LESA-formulier wordt in 2018 ingevoerd.' },
        { kind: 'specification', number: 1, answer: 'yes' },
        { kind: 'general', number: 1, answer: 'yes' },
        { kind: 'minimum-norm', number: 1, answer: 'no' }, // mammacarcinoom
        { kind: 'minimum-norm', number: 10, answer: 'yes' }, // maagcarcinoom
      ],
    });
    expect(answered.status).toBe(200);
    const result = await json(answered);
    expect(result.term.end).toBe(termEnd);
    expect(result.improvement_agreements_created).toHaveLength(1);
    const plan = result.improvement_agreements_created[0];
    expect(plan).toMatchObject({ specification_number: 2, status: 'open', topic: 'Eerstelijnsdiagnostiek' });
    expect(plan.due_date >= '2018-01-01' && plan.due_date <= termEnd).toBe(true);
    expect(result.questionnaire.summary).toMatchObject({ answered: 5, entry_conditions_not_met: [2], objectives_met: [1] });

    // Answering "no" again makes no second agreement.
    const again = await clients.provider.request('PUT', `/api/providers/${own}/questionnaire`, { year: 2018, answers: [{ kind: 'specification', number: 2, answer: 'no' }] });
    expect((await json(again)).improvement_agreements_created).toEqual([]);
    const listed: Json[] = await json(await clients.provider.get(`/api/providers/${own}/improvement-agreements?year=2018`));
    expect(listed.map((a) => [a.specification_number, a.due_date, a.status])).toEqual([[2, plan.due_date, 'open']]);

    // Only a purchaser marks it met, once; another provider's AGB does not reach it.
    expect((await clients.provider.post(`/api/providers/${own}/improvement-agreements/${plan.id}/met`)).status).toBe(403);
    expect((await clients.purchaser.post(`/api/providers/${other}/improvement-agreements/${plan.id}/met`)).status).toBe(404);
    const met = await clients.purchaser.post(`/api/providers/${own}/improvement-agreements/${plan.id}/met`);
    expect(met.status).toBe(200);
    expect(await json(met)).toMatchObject({ id: plan.id, specification_number: 2, status: 'met', due_date: plan.due_date });
    expect((await clients.purchaser.post(`/api/providers/${own}/improvement-agreements/${plan.id}/met`)).status).toBe(409);
    expect((await json(await clients.provider.get(`/api/providers/${own}/improvement-agreements?year=2018`)))[0].status).toBe('met');
    expect(await auditCount('quality.improvement-agreement.met', 'success')).toBe(1);

    const wrong = await clients.provider.request('PUT', `/api/providers/${own}/questionnaire`, { year: 2018, answers: [{ kind: 'general', number: 99, answer: 'yes' }] });
    expect(wrong.status).toBe(400);
    expect((await json(wrong)).error.issues[0].path).toBe('answers.0.number');
    expect(await auditCount('quality.answer', 'success')).toBe(2);
  });

  it('a provider user cannot read or answer another provider’s questionnaire (403, audited); row-level security agrees', async () => {
    const readDenied = await auditCount('quality.read', 'denied');
    const answerDenied = await auditCount('quality.answer', 'denied');
    expect((await clients.provider.get(`/api/providers/${other}/questionnaire?year=2018`)).status).toBe(403);
    expect((await clients.provider.request('PUT', `/api/providers/${other}/questionnaire`, { year: 2018, answers: [{ kind: 'specification', number: 1, answer: 'yes' }] })).status).toBe(403);
    expect((await clients.provider.get(`/api/providers/${other}/improvement-agreements?year=2018`)).status).toBe(403);
    expect(await auditCount('quality.read', 'denied')).toBe(readDenied + 1);
    expect(await auditCount('quality.answer', 'denied')).toBe(answerDenied + 1);
    // Staff read any questionnaire but do not answer for the provider.
    expect((await clients.purchaser.get(`/api/providers/${own}/questionnaire?year=2018`)).status).toBe(200);
    expect((await clients.purchaser.request('PUT', `/api/providers/${own}/questionnaire`, { year: 2018, answers: [{ kind: 'specification', number: 1, answer: 'no' }] })).status).toBe(403);

    const asOther = { role: 'provider' as const, userId: null, email: 'rls@test', agb: other };
    const asOwn = { ...asOther, agb: own };
    const count = (actor: typeof asOther) => withActor(server.db, actor, async (tx) => (await tx.selectFrom('quality_answers').select('id').execute()).length);
    expect(await count(asOther)).toBe(0);
    expect(await count(asOwn)).toBe(5);
    await expect(withActor(server.db, asOther, (tx) => tx.insertInto('quality_answers').values({ agb: own, year: 2018, item_kind: 'general', item_number: 2, answer: 'yes', answered_by: 'x', answered_at: new Date() }).execute())).rejects.toThrow();
  });

  it('the answers decide the minimum-norm status; a purchaser applies it to the provider the claim checks read', async () => {
    const selection = await json(await clients.provider.get(`/api/providers/${own}/selection?year=2018`));
    const treatment = (id: string) => selection.treatments.find((t: Json) => t.id === id);
    expect(treatment('mammacarcinoom')).toMatchObject({ selected: false, determined_by: 'answers' });
    expect(treatment('maagcarcinoom')).toMatchObject({ selected: true, determined_by: 'answers' });
    expect(treatment('maagcarcinoom').reasons[0].source).toContain('MSZ Bijlage 2');
    expect(selection.selective_purchasing.map((s: Json) => s.id)).toContain('prostaatkankeroperaties');
    expect(selection.changes.minimum_norms.added).toEqual(['maagcarcinoom']);

    expect((await clients.provider.post(`/api/providers/${own}/selection`, { year: 2018 })).status).toBe(403);
    const applied = await clients.purchaser.post(`/api/providers/${own}/selection`, { year: 2018 });
    expect(applied.status).toBe(200);
    expect(await json(applied)).toMatchObject({ applied: true });
    const stored = (await sql<{ minimum_norms: string[] }>`select minimum_norms from providers where agb = ${own}`.execute(server.db.kysely)).rows[0]!;
    expect(stored.minimum_norms).toContain('maagcarcinoom');
    expect(stored.minimum_norms).not.toContain('mammacarcinoom');
    expect(await auditCount('selection.apply', 'success')).toBe(1);
  });
});
