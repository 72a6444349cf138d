/**
 * The contracting year through the real HTTP API on every database, in calendar order: the server's
 * clock moves (`setNow`) and the due jobs run (`POST /api/jobs/run-due`) as they would the day after
 * each deadline. Three providers: A (the demo provider, regular path) talks back and signs, B (regular)
 * stays silent, C (digital) signs in the portal on the last day.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { DEMO_LOGINS } from '../../src/app/demo/demo-users.js';
import { addUser } from '../../src/app/users/add-user.js';
import { systemActor } from '../../src/domain/auth/actor.js';
import { expectOk } from '../../src/domain/errors.js';
import { withActor } from '../../src/storage/context.js';
import { databaseKinds } from '../support/databases.js';
import { ApiClient, startTestServer, type TestServer } from '../support/server.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are asserted field by field
type Json = any;
const json = async (response: Response): Promise<Json> => response.json();
const login = (role: 'purchaser' | 'provider') => DEMO_LOGINS.find((l) => l.role === role)!;
const PASSWORD = 'Contract-Test-2018!';

describe.each(databaseKinds)('contracting year on %s', (kind) => {
  let server: TestServer;
  let purchaser: ApiClient;
  let provider: ApiClient; // signatory of A
  let clerk: ApiClient; // provider user of A without signing authority
  let portal: ApiClient; // signatory of C
  let A: string;
  let B: string;
  let C: string;
  let D = '';
  let E = '';
  let clerkId: number;

  /** Moves the server's clock (Amsterdam wall time) and keeps the test sessions alive at that time. */
  async function travel(local: string): Promise<Date> {
    const date = local.slice(0, 10);
    const summer = date >= '2017-03-26' && date < '2017-10-29';
    const now = new Date(`${local}${summer ? '+02:00' : '+01:00'}`);
    server.setNow(now);
    await sql`update sessions set created_at = ${new Date(now.getTime() - 60_000)}, last_seen_at = ${now}, absolute_expires_at = ${new Date(now.getTime() + 3_600_000)}`.execute(server.db.kysely);
    return now;
  }
  const action = (client: ApiClient, agb: string, name: string, body: Record<string, unknown> = {}) => client.post(`/api/providers/${agb}/contract/${name}`, { year: 2018, ...body });
  const contract = async (client: ApiClient, agb: string) => json(await client.get(`/api/providers/${agb}/contract?year=2018`));
  const runDue = async () => {
    const response = await purchaser.post('/api/jobs/run-due');
    expect(response.status).toBe(200);
    const body = await json(response);
    expect(body.engine).toBe('pg-boss');
    expect(body.jobs.length).toBeGreaterThanOrEqual(1);
    for (const job of body.jobs) expect(job.state).toBe('completed');
    return body.jobs.map((j: Json) => j.output) as Json[];
  };
  const eventsOf = (outputs: Json[]) => outputs.flatMap((o) => o.transitions.map((t: Json) => `${t.agb}:${t.event}`));
  const denied = async (event: string, objectId: string) => {
    const rows = await sql<{ n: number }>`select count(*)::int as n from audit_log where outcome = 'denied' and event = ${event} and object_id = ${objectId}`.execute(server.db.kysely);
    return rows.rows[0]?.n ?? 0;
  };

  beforeAll(async () => {
    server = await startTestServer({ databaseKind: kind });
    purchaser = new ApiClient(server.url);
    provider = new ApiClient(server.url);
    clerk = new ApiClient(server.url);
    portal = new ApiClient(server.url);
    await purchaser.login(login('purchaser').email, login('purchaser').password);
    await provider.login(login('provider').email, login('provider').password);
    A = server.seed.demoProviderAgb;

    const all: { agb: string; zk_revenue_cents: number }[] = await json(await purchaser.get('/api/providers'));
    const pathOf = async (agb: string) => (await json(await purchaser.get(`/api/providers/${agb}/agreement?year=2018`))).path as string;
    for (const p of all.filter((x) => x.agb !== A)) {
      if (!B && p.zk_revenue_cents > 1_000_000_000 && (await pathOf(p.agb)) === 'regular') B = p.agb;
      if (!C && p.zk_revenue_cents < 1_000_000_000 && (await pathOf(p.agb)) === 'digital') C = p.agb;
      if (B && C) break;
    }
    expect(B && C).toBeTruthy();

    const system = { db: server.db, actor: systemActor('test') };
    clerkId = expectOk(await addUser(system, { email: 'medewerker@aanbieder-a.nl', password: PASSWORD, role: 'provider', agb: A, signatory: false })).id;
    expectOk(await addUser(system, { email: 'bestuurder@aanbieder-c.nl', password: PASSWORD, role: 'provider', agb: C, signatory: true }));
    await clerk.login('medewerker@aanbieder-a.nl', PASSWORD);
    await portal.login('bestuurder@aanbieder-c.nl', PASSWORD);
  });
  afterAll(() => server.close());

  it('publishes the calendar to everyone, with meanings and statuses', async () => {
    const anonymous = new ApiClient(server.url);
    await travel('2017-07-10T12:00:00');
    const calendar = await json(await anonymous.get('/api/calendar?policy=msz-2018&path=regular'));
    expect(calendar.policy.id).toBe('msz-2018');
    const feedback = calendar.events.find((e: Json) => e.id === 'deadline-feedback-conceptovereenkomst');
    expect(feedback).toMatchObject({ date: '2017-07-10', status: 'today', kind: 'deadline', actor: 'provider', source: 'MSZ §7; MSZ §5' });
    expect(feedback.meaning).toMatch(/akkoord/);
    expect(calendar.events.map((e: Json) => e.id)).not.toContain('voorstel-digitaal');
    expect((await anonymous.get('/api/calendar?path=elsewhere')).status).toBe(400);
  });

  it('starts the year on the path of the agreement decision; only a purchaser may, and only for a provider it may see', async () => {
    await travel('2017-05-15T10:00:00');
    const a = await action(purchaser, A, 'start');
    expect(a.status).toBe(200);
    expect(await json(a)).toMatchObject({ agb: A, state: 'invited', path: 'regular', event: 'start', from: null });
    expect(await json(await action(purchaser, B, 'start'))).toMatchObject({ state: 'invited', path: 'regular' });
    expect(await json(await action(purchaser, C, 'start'))).toMatchObject({ state: 'invited', path: 'digital' });
    expect((await action(purchaser, A, 'start')).status).toBe(409);
    expect((await action(provider, A, 'start')).status).toBe(403);

    const own = await contract(provider, A);
    expect(own).toMatchObject({ state: 'invited', path: 'regular', concept: { status: 'not-published' } });
    expect(own.deadlines.find((d: Json) => d.key === 'conceptFeedback')).toMatchObject({ date: '2017-07-10', status: 'upcoming' });
    // Days left on the server's day in Amsterdam: 16 in May, 30 in June, 10 in July.
    expect(own.deadlines.find((d: Json) => d.key === 'conceptFeedback').days_left).toBe(56);
    expect(own.deadlines.every((d: Json) => d.days_left > 0)).toBe(true);
    expect(own.available_actions).toEqual([]);
    expect((await contract(purchaser, A)).available_actions).toEqual(['decline']);
  });

  it("refuses a provider user on another provider's contract, and audits the refusal", async () => {
    expect((await provider.get(`/api/providers/${B}/contract?year=2018`)).status).toBe(403);
    expect((await action(provider, B, 'concept-feedback', { feedback: 'Niet van ons.' })).status).toBe(403);
    expect((await provider.get(`/api/providers/${B}/contract/document?year=2018`)).status).toBe(403);
    expect(await denied('contract.read', B)).toBeGreaterThanOrEqual(1);
    expect(await denied('contract.give-concept-feedback', B)).toBeGreaterThanOrEqual(1);
    expect((await provider.get('/api/contracting/pipeline?year=2018')).status).toBe(403);
    expect((await provider.post('/api/jobs/run-due')).status).toBe(403);
  });

  it('publishes the concept agreement from 1 June: by the purchaser, and by the job for the others', async () => {
    await travel('2017-05-31T12:00:00');
    const early = await action(purchaser, A, 'publish-concept');
    expect(early.status).toBe(409);
    await travel('2017-06-01T09:00:00');
    expect(await json(await action(purchaser, A, 'publish-concept'))).toMatchObject({ state: 'concept-out', concept: 'open' });
    const swept = eventsOf(await runDue());
    expect(swept).toEqual(expect.arrayContaining([`${B}:publish-concept`, `${C}:publish-concept`]));
    expect(swept).not.toContain(`${A}:publish-concept`);
    expect((await contract(purchaser, B)).state).toBe('concept-out');
  });

  it('takes feedback on the deadline day itself and refuses it a day late', async () => {
    await travel('2017-07-10T23:59:00');
    const onTime = await action(provider, A, 'concept-feedback', { feedback: 'Artikel 12 (informatieverplichtingen) graag verduidelijken.' });
    expect(onTime.status).toBe(200);
    expect(await json(onTime)).toMatchObject({ concept: 'feedback-given', state: 'concept-out' });
    await travel('2017-07-11T00:00:30');
    const late = await action(provider, A, 'concept-feedback', { feedback: 'Nog een punt.' });
    expect(late.status).toBe(422);
    expect((await json(late)).error.code).toBe('deadline_passed');
    expect(await denied('contract.give-concept-feedback', `${A}/2018`)).toBe(1);
  });

  it('turns silence into consent when the due jobs run the day after the deadline, once', async () => {
    await travel('2017-07-10T12:00:00');
    expect(eventsOf(await runDue())).toEqual([]);
    expect((await contract(purchaser, B)).concept).toMatchObject({ status: 'open', consent_by_silence: false });
    await travel('2017-07-11T09:00:00');
    const swept = eventsOf(await runDue());
    expect(swept).toEqual(expect.arrayContaining([`${B}:concept-deadline`, `${C}:concept-deadline`]));
    expect(swept).not.toContain(`${A}:concept-deadline`);
    const b = await contract(purchaser, B);
    expect(b.concept).toMatchObject({ status: 'consent-by-silence', consent_by_silence: true, feedback: null });
    expect(b.history.at(-1)).toMatchObject({ event: 'concept-deadline', from: 'concept-out', to: 'concept-out', actor_role: 'job' });
    expect((await contract(purchaser, A)).concept).toMatchObject({ status: 'feedback-given', consent_by_silence: false });
    expect(eventsOf(await runDue())).toEqual([]);
    const rows = await sql<{ consent_by_silence: boolean }>`select consent_by_silence from contract_processes where agb = ${B} and year = 2018`.execute(server.db.kysely);
    expect(rows.rows[0]?.consent_by_silence).toBe(true);
  });

  it('sends the regular proposals with the letter and its SHA-256; the digital one waits for 22 September', async () => {
    await travel('2017-07-14T10:00:00');
    expect(await json(await action(purchaser, A, 'send-proposal'))).toMatchObject({ state: 'proposal-sent' });
    expect((await action(purchaser, B, 'send-proposal')).status).toBe(200);
    const digital = await action(purchaser, C, 'send-proposal');
    expect(digital.status).toBe(409);
    const a = await contract(provider, A);
    expect(a.proposal).toMatchObject({ document_date: '2017-07-14' });
    expect(a.proposal.document_sha256).toMatch(/^[0-9a-f]{64}$/);
    const document = await provider.get(`/api/providers/${A}/contract/document?year=2018`);
    expect(document.status).toBe(200);
    expect(document.headers.get('content-type')).toBe('application/pdf');
    const bytes = Buffer.from(await document.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(document.headers.get('x-document-sha256'));
    expect(document.headers.get('x-document-sha256')).toBe(a.proposal.document_sha256);
  });

  it('lets the provider counter with reasons (and requires them)', async () => {
    await travel('2017-08-20T10:00:00');
    expect((await action(provider, A, 'respond', { response: 'countered' })).status).toBe(400);
    expect((await action(purchaser, A, 'respond', { response: 'accepted' })).status).toBe(403);
    const countered = await action(provider, A, 'respond', { response: 'countered', reasons: 'De volumecorrectie A3 cardiologie is te hoog.' });
    expect(await json(countered)).toMatchObject({ state: 'provider-responded', response: 'countered' });
  });

  it('marks a missing response overdue the day after 1 September and shows it in the pipeline', async () => {
    await travel('2017-09-02T08:00:00');
    expect(eventsOf(await runDue())).toEqual([`${B}:response-deadline`]);
    expect(await contract(purchaser, B)).toMatchObject({ state: 'negotiating', response: { overdue: true, kind: null } });
    const pipeline = await json(await purchaser.get('/api/contracting/pipeline?year=2018'));
    expect(pipeline.total).toBe(3);
    expect(pipeline.by_state).toMatchObject({ 'provider-responded': 1, negotiating: 1, 'concept-out': 1 });
    expect(pipeline.concept).toEqual({ open: 0, feedback_given: 1, consent_by_silence: 2 });
    expect(pipeline.overdue).toEqual(expect.arrayContaining([expect.objectContaining({ agb: B, kind: 'response-overdue', date: '2017-09-01', days_overdue: 1 })]));
    // Longest overdue first.
    const days = pipeline.overdue.map((o: Json) => o.days_overdue);
    expect(days).toEqual(days.toSorted((x: number, y: number) => y - x));
    expect(pipeline.processes.map((p: Json) => [p.agb, p.state]).toSorted()).toEqual([[A, 'provider-responded'], [B, 'negotiating'], [C, 'concept-out']].toSorted());
    expect(pipeline.processes.find((p: Json) => p.agb === C)).toMatchObject({ path: 'digital', name: expect.any(String) });
    const b = await contract(purchaser, B);
    expect(b.overdue).toEqual([expect.objectContaining({ kind: 'response-overdue', date: '2017-09-01', days_overdue: 1 })]);
    expect(b.deadlines.find((d: Json) => d.key === 'response')).toMatchObject({ status: 'past', days_left: -1 });
  });

  it('negotiates to an onderhandelakkoord by 1 November; the silent one ends without agreement the day after', async () => {
    await travel('2017-09-22T09:00:00');
    expect(await json(await action(purchaser, C, 'send-proposal'))).toMatchObject({ state: 'proposal-sent', path: 'digital' });
    await travel('2017-10-02T10:00:00');
    expect(await json(await action(purchaser, A, 'start-negotiation'))).toMatchObject({ state: 'negotiating' });
    await travel('2017-11-01T16:00:00');
    expect(await json(await action(purchaser, A, 'onderhandelakkoord'))).toMatchObject({ state: 'onderhandelakkoord' });
    await travel('2017-11-02T08:00:00');
    expect(eventsOf(await runDue())).toEqual([`${B}:negotiation-deadline`]);
    expect(await contract(purchaser, B)).toMatchObject({ state: 'no-agreement' });
    expect((await contract(purchaser, C)).state).toBe('proposal-sent');
  });

  it('refuses a non-signatory, at the door and in the database', async () => {
    await travel('2017-11-05T10:00:00');
    const document = await clerk.get(`/api/providers/${A}/contract/document?year=2018`);
    expect(document.status).toBe(200);
    const sha = document.headers.get('x-document-sha256')!;
    const refused = await clerk.post(`/api/providers/${A}/contract/sign`, { year: 2018, document_sha256: sha });
    expect(refused.status).toBe(403);
    expect(await denied('contract.sign', `${A}/2018`)).toBeGreaterThanOrEqual(1);
    // The last wall: even a row the row-level policy admits (own AGB, own user) fails the signatory trigger.
    const asClerk = { role: 'provider' as const, userId: clerkId, email: 'medewerker@aanbieder-a.nl', agb: A };
    await expect(
      withActor(server.db, asClerk, (tx) =>
        tx.insertInto('signatures').values({ agb: A, year: 2018, document_kind: 'proposal-letter', document_sha256: sha, signed_by: clerkId, signed_at: new Date(), signer_email: asClerk.email }).execute(),
      ),
    ).rejects.toThrow(/signatory/);
    expect((await contract(purchaser, A)).state).toBe('onderhandelakkoord');
  });

  it('lets a signatory sign the exact document: who, when and the hash are recorded', async () => {
    const stale = await provider.post(`/api/providers/${A}/contract/sign`, { year: 2018, document_sha256: '0'.repeat(64) });
    expect(stale.status).toBe(409);
    const document = await provider.get(`/api/providers/${A}/contract/document?year=2018`);
    const sha = document.headers.get('x-document-sha256')!;
    const signedAt = await travel('2017-11-05T11:30:00');
    const signed = await provider.post(`/api/providers/${A}/contract/sign`, { year: 2018, document_sha256: sha });
    expect(signed.status).toBe(200);
    const body = await json(signed);
    expect(body).toMatchObject({ state: 'signed', signature: { document_sha256: sha, signer_email: login('provider').email, document_kind: 'proposal-letter' } });
    const rows = await sql<{ signed_by: number; signer_email: string; signed_at: Date; document_sha256: string; role: string; is_signatory: boolean; agb: string }>`
      select s.signed_by, s.signer_email, s.signed_at, s.document_sha256, u.role, u.is_signatory, u.agb
      from signatures s join users u on u.id = s.signed_by where s.agb = ${A} and s.year = 2018`.execute(server.db.kysely);
    expect(rows.rows).toHaveLength(1);
    const row = rows.rows[0]!;
    expect(row).toMatchObject({ signer_email: login('provider').email, document_sha256: sha, role: 'provider', is_signatory: true, agb: A });
    expect(new Date(row.signed_at).toISOString()).toBe(signedAt.toISOString());
    expect((await provider.post(`/api/providers/${A}/contract/sign`, { year: 2018, document_sha256: sha })).status).toBe(409);
    const view = await contract(provider, A);
    expect(view.signatures).toHaveLength(1);
    expect(view.history.map((h: Json) => h.event)).toEqual([
      'start',
      'publish-concept',
      'give-concept-feedback',
      'send-proposal',
      'respond',
      'start-negotiation',
      'record-onderhandelakkoord',
      'sign',
    ]);
  });

  it('fixes the price list and publishes from 12 November (the job does it on the day)', async () => {
    await travel('2017-11-06T10:00:00');
    expect((await action(provider, A, 'fix-price-list')).status).toBe(403);
    expect(await json(await action(purchaser, A, 'fix-price-list'))).toMatchObject({ state: 'price-list-fixed' });
    await travel('2017-11-11T10:00:00');
    expect((await action(purchaser, A, 'publish')).status).toBe(409);
    await travel('2017-11-12T07:00:00');
    expect(eventsOf(await runDue())).toEqual([`${A}:publish`]);
    expect((await contract(provider, A)).state).toBe('published');
  });

  it('lets a purchaser decline late starters; the job ends an unsigned one after 31 December', async () => {
    await travel('2017-12-01T10:00:00');
    const all: { agb: string }[] = await json(await purchaser.get('/api/providers'));
    for (const p of all.filter((x) => ![A, B, C].includes(x.agb))) {
      if ((await action(purchaser, p.agb, 'start')).status !== 200) continue;
      if (!D) D = p.agb;
      else if (!E) E = p.agb;
      if (D && E) break;
    }
    expect(D && E).toBeTruthy();
    expect((await action(purchaser, D, 'decline')).status).toBe(400);
    expect(await json(await action(purchaser, D, 'decline', { reason: 'Prijsniveau te hoog (MSZ §2, optie 5).' }))).toMatchObject({ state: 'no-agreement', from: 'invited' });
    expect((await action(purchaser, D, 'publish-concept')).status).toBe(409);
    expect((await contract(purchaser, D)).no_agreement_reason).toMatch(/Prijsniveau/);
  });

  it('lets a digital signatory sign in the portal until it closes (31 December, inclusive)', async () => {
    await travel('2017-12-31T23:58:00');
    const document = await portal.get(`/api/providers/${C}/contract/document?year=2018`);
    const sha = document.headers.get('x-document-sha256')!;
    const signed = await portal.post(`/api/providers/${C}/contract/sign`, { year: 2018, document_sha256: sha });
    expect(signed.status).toBe(200);
    expect(await json(signed)).toMatchObject({ state: 'signed', response: 'accepted', path: 'digital' });
    await travel('2018-01-01T08:00:00');
    // E was only invited: the concept goes out, silence is consent, and unsigned at the closing it ends.
    expect(eventsOf(await runDue())).toEqual([`${E}:publish-concept`, `${E}:concept-deadline`, `${E}:signing-deadline`]);
    expect(eventsOf(await runDue())).toEqual([]);
    const pipeline = await json(await purchaser.get('/api/contracting/pipeline?year=2018'));
    expect(pipeline.total).toBe(5);
    expect(pipeline.by_state).toMatchObject({ published: 1, 'no-agreement': 3, signed: 1 });
    expect(pipeline.overdue).toEqual([expect.objectContaining({ agb: C, kind: 'price-list-not-fixed' })]);
  });

  it('notified the users concerned, with an outbox e-mail each, and lets them mark notifications read', async () => {
    const mine = await json(await provider.get('/api/notifications'));
    const kinds = mine.notifications.map((n: Json) => n.kind);
    expect(kinds).toEqual(
      expect.arrayContaining(['contract.start', 'contract.publish-concept', 'contract.send-proposal', 'contract.start-negotiation', 'contract.record-onderhandelakkoord', 'contract.fix-price-list', 'contract.publish']),
    );
    // The provider's own acts are not echoed back to the one who did them.
    expect(kinds).not.toContain('contract.give-concept-feedback');
    expect(mine.notifications.every((n: Json) => n.agb === A)).toBe(true);
    const staff = await json(await purchaser.get('/api/notifications'));
    expect(staff.notifications.map((n: Json) => n.kind)).toEqual(expect.arrayContaining(['contract.give-concept-feedback', 'contract.respond', 'contract.sign', 'contract.response-deadline', 'contract.negotiation-deadline']));
    const countered = staff.notifications.find((n: Json) => n.kind === 'contract.respond');
    expect(countered.body).toMatch(/volumecorrectie A3/);

    const first = mine.notifications[0];
    const read = await provider.post(`/api/notifications/${first.id}/read`);
    expect(read.status).toBe(200);
    expect((await json(read)).read_at).not.toBeNull();
    expect((await json(await provider.get('/api/notifications'))).unread).toBe(mine.unread - 1);
    const staffId = staff.notifications[0].id;
    expect((await provider.post(`/api/notifications/${staffId}/read`)).status).toBe(404);

    const outbox = await sql<{ to_email: string; subject: string }>`select to_email, subject from outbox where agb = ${A} order by id`.execute(server.db.kysely);
    expect(outbox.rows.filter((r) => r.to_email === login('provider').email).map((r) => r.subject)).toContain('Voorstel financiële afspraak 2018');
    expect(outbox.rows.filter((r) => r.to_email === login('purchaser').email).some((r) => /ondertekend/.test(r.subject))).toBe(true);
    const notifications = await sql<{ n: number }>`select count(*)::int as n from notifications where agb = ${A}`.execute(server.db.kysely);
    expect(notifications.rows[0]?.n).toBe(outbox.rows.length);
  });
});
