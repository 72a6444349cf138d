/**
 * The second factor (TOTP) through the real HTTP API on every database: a controller's or medical
 * adviser's password opens a pending session that claim endpoints refuse with
 * `second_factor_required` until a code is accepted; wrong and replayed codes are refused and
 * audited; enrolment by QR code; purchasers and providers unaffected; time-outs as before.
 * The server's clock is fixed (`setNow`), so the codes are computed for the server's time.
 * Log-in and code endpoints allow 10 calls a minute per route: each server stays below that.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_LOGINS } from '../../src/app/demo/demo-users.js';
import { addUser } from '../../src/app/users/add-user.js';
import { resetSecondFactor } from '../../src/app/users/second-factor.js';
import { systemActor } from '../../src/domain/auth/actor.js';
import { totpCode, totpStep } from '../../src/domain/auth/second-factor.js';
import { expectOk } from '../../src/domain/errors.js';
import { databaseKinds } from '../support/databases.js';
import { ApiClient, startTestServer, type TestServer } from '../support/server.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are asserted field by field
type Json = any;
type Role = 'purchaser' | 'controller' | 'medical-adviser' | 'provider';
const json = async (response: Response): Promise<Json> => response.json();
const demo = (role: Role) => DEMO_LOGINS.find((l) => l.role === role)!;
const T0 = new Date('2018-03-05T09:00:10Z');
const MINUTE = 60_000;
/** The code of a secret at the step of `at` plus `delta` steps. */
const code = (secret: string, delta = 0, at = T0) => totpCode(secret, totpStep(at) + delta);
/** A code outside the ±1 window (two steps away and more), checked not to collide with the window. */
const wrongCode = (secret: string) => {
  const window = [-1, 0, 1].map((d) => code(secret, d));
  const candidate = [5, 6, 7, 8].map((d) => code(secret, d)).find((c) => !window.includes(c))!;
  expect(window).not.toContain(candidate);
  return candidate;
};

describe.each(databaseKinds)('second factor on %s', (kind) => {
  let server: TestServer;
  const auditRows = async (event: string) =>
    (
      await sql<{ outcome: string; user_email: string | null; reason: string | null; object_id: string | null }>`
        select outcome, user_email, details->>'reason' as reason, object_id from audit_log where event = ${event} order by seq`.execute(server.db.kysely)
    ).rows;
  const logInPending = async (role: Role): Promise<{ client: ApiClient; response: Response }> => {
    const client = new ApiClient(server.url);
    const response = await client.post('/api/auth/login', { email: demo(role).email, password: demo(role).password });
    return { client, response };
  };

  beforeAll(async () => {
    server = await startTestServer({ databaseKind: kind, claims: 200 });
    server.setNow(T0);
  });
  afterAll(() => server.close());

  it('answers visitors of /api/auth/me with 200 and no user', async () => {
    const response = await new ApiClient(server.url).get('/api/auth/me');
    expect(response.status).toBe(200);
    expect(await json(response)).toEqual({ user: null });
  });

  it('opens a pending session for the controller: 200 and a cookie, claim data refused until the code', async () => {
    const { client, response } = await logInPending('controller');
    expect(response.status).toBe(200);
    expect(response.headers.get('set-cookie')).toMatch(/zk_session=.*HttpOnly/i);
    expect(await json(response)).toMatchObject({ user: { email: demo('controller').email, role: 'controller' }, second_factor: 'required' });
    expect(await json(await client.get('/api/auth/me'))).toMatchObject({ user: { role: 'controller' }, second_factor: 'required' });

    const claimPaths = ['/api/claims/findings', '/api/claims/findings/summary', '/api/claims/findings/1/detail', `/api/providers/${server.seed.demoProviderAgb}/reclaim-statement.pdf`];
    for (const path of claimPaths) {
      const refused = await client.get(path);
      expect(refused.status, path).toBe(403);
      const body = await json(refused);
      expect(body.error.code).toBe('second_factor_required');
      expect(body.error.message).toMatch(/tweede factor/);
    }
    expect((await client.post('/api/claims/check', {})).status).toBe(403);
    // Not claim data: the provider list stays open to the pending session.
    expect((await client.get('/api/providers')).status).toBe(200);
    const refusals = await auditRows('auth.second-factor.required');
    expect(refusals).toHaveLength(claimPaths.length + 1);
    expect(refusals[0]).toMatchObject({ outcome: 'denied', user_email: demo('controller').email, object_id: 'GET /api/claims/findings' });

    const verified = await client.post('/api/auth/second-factor', { code: code(demo('controller').totpSecret!) });
    expect(verified.status).toBe(200);
    expect(await json(verified)).toMatchObject({ user: { role: 'controller' }, second_factor: 'verified' });
    expect(await json(await client.get('/api/auth/me'))).toMatchObject({ second_factor: 'verified' });
    expect((await client.get('/api/claims/findings')).status).toBe(200);
    expect((await client.get('/api/claims/findings/summary')).status).toBe(200);
    expect(await auditRows('auth.second-factor')).toEqual([expect.objectContaining({ outcome: 'success', user_email: demo('controller').email })]);
    expect((await auditRows('auth.login')).filter((r) => r.outcome === 'success')).toHaveLength(1);
  });

  it('refuses a wrong code and a replayed code with 401, audited; the next step works', async () => {
    const secret = demo('controller').totpSecret!;
    const { client } = await logInPending('controller');
    const wrong = await client.post('/api/auth/second-factor', { code: wrongCode(secret) });
    expect(wrong.status).toBe(401);
    expect((await json(wrong)).error).toMatchObject({ code: 'unauthenticated', message: expect.stringMatching(/onjuist/) });
    // The code of the step the first session used: refused in another session too.
    const replayed = await client.post('/api/auth/second-factor', { code: code(secret) });
    expect(replayed.status).toBe(401);
    expect((await json(replayed)).error.message).toMatch(/al gebruikt/);
    expect((await client.get('/api/claims/findings')).status).toBe(403);
    const denied = (await auditRows('auth.second-factor')).filter((r) => r.outcome === 'denied');
    expect(denied.map((r) => r.reason)).toEqual(['mismatch', 'replayed']);

    const next = await client.post('/api/auth/second-factor', { code: code(secret, 1) });
    expect(next.status).toBe(200);
    expect((await client.get('/api/claims/findings')).status).toBe(200);
  });

  it(`ends a pending session after 5 wrong codes`, async () => {
    const { client } = await logInPending('controller');
    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1) statuses.push((await client.post('/api/auth/second-factor', { code: wrongCode(demo('controller').totpSecret!) })).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401]);
    expect(await json(await client.get('/api/auth/me'))).toEqual({ user: null });
    expect((await client.get('/api/claims/findings')).status).toBe(401);
  });

  it('takes both factors in one log-in call; a wrong code there gives 401 and no cookie', async () => {
    const adviser = demo('medical-adviser');
    const failed = await new ApiClient(server.url).post('/api/auth/login', { email: adviser.email, password: adviser.password, totp: wrongCode(adviser.totpSecret!) });
    expect(failed.status).toBe(401);
    expect(failed.headers.get('set-cookie')).toBeNull();
    expect((await auditRows('auth.login')).at(-1)).toMatchObject({ outcome: 'denied', user_email: adviser.email, reason: 'second-factor' });

    const client = new ApiClient(server.url);
    const response = await client.post('/api/auth/login', { email: adviser.email, password: adviser.password, totp: code(adviser.totpSecret!) });
    expect(response.status).toBe(200);
    expect(await json(response)).toMatchObject({ user: { role: 'medical-adviser' }, second_factor: 'verified' });
    expect((await client.get('/api/claims/findings/summary')).status).toBe(200);
  });

  it('leaves purchaser and provider users as they were: no second factor', async () => {
    for (const [role, path] of [['purchaser', '/api/claims/findings/summary'], ['provider', '/api/claims/findings']] as const) {
      const client = new ApiClient(server.url);
      const response = await client.post('/api/auth/login', { email: demo(role).email, password: demo(role).password });
      expect(response.status).toBe(200);
      expect(await json(response)).toMatchObject({ user: { role }, second_factor: 'not-required' });
      expect((await client.get(path)).status, role).toBe(200);
    }
  });

  it('enrols a user without a secret: otpauth URI and QR code, confirmed by a first code', async () => {
    const system = { db: server.db, actor: systemActor('test') };
    const email = 'nieuwe.controller@zorginkoop.nl';
    const password = 'Controle-Nieuw-2018';
    const added = expectOk(await addUser(system, { email, password, role: 'controller' }));
    expect(added.totpUri).toMatch(/^otpauth:\/\/totp\/Zorginkoop:nieuwe\.controller%40zorginkoop\.nl\?/);
    expect(expectOk(await resetSecondFactor(system, email))).toMatchObject({ second_factor: 'enrolment-required' });

    const client = new ApiClient(server.url);
    const login = await client.post('/api/auth/login', { email, password });
    expect(login.status).toBe(200);
    expect(await json(login)).toMatchObject({ second_factor: 'enrolment-required' });
    const refused = await json(await client.get('/api/claims/findings'));
    expect(refused.error).toMatchObject({ code: 'second_factor_required', message: expect.stringMatching(/Stel eerst uw authenticator-app in/) });
    expect((await client.post('/api/auth/second-factor', { code: '123456' })).status).toBe(409);

    const enrol = await client.post('/api/auth/second-factor/enrol');
    expect(enrol.status).toBe(200);
    const enrolment = await json(enrol);
    expect(enrolment.otpauth_uri).toMatch(/^otpauth:\/\/totp\/Zorginkoop:/);
    expect(new URL(enrolment.otpauth_uri).searchParams.get('secret')).toBe(enrolment.secret);
    expect(enrolment.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(enrolment.qr_code).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(Buffer.from(enrolment.qr_code.split(',')[1], 'base64').toString()).toMatch(/<svg[\s\S]*<\/svg>/);

    const wrong = await client.post('/api/auth/second-factor/enrol/confirm', { code: wrongCode(enrolment.secret) });
    expect(wrong.status).toBe(401);
    const confirmed = await client.post('/api/auth/second-factor/enrol/confirm', { code: code(enrolment.secret) });
    expect(confirmed.status).toBe(200);
    expect(await json(confirmed)).toMatchObject({ user: { email }, second_factor: 'verified' });
    expect((await client.get('/api/claims/findings')).status).toBe(200);
    expect((await client.post('/api/auth/second-factor/enrol')).status).toBe(409);

    const stored = await sql<{ totp_secret: string; enrolled: boolean }>`select totp_secret, totp_enrolled_at is not null as enrolled from users where email = ${email}`.execute(server.db.kysely);
    expect(stored.rows).toEqual([{ totp_secret: enrolment.secret, enrolled: true }]);
    expect((await auditRows('auth.second-factor.enrol')).map((r) => r.outcome)).toEqual(['success', 'denied', 'success']);
  });

  it('rate-limits the second-factor endpoint like the log-in', async () => {
    const anonymous = new ApiClient(server.url);
    const statuses: number[] = [];
    // 10 a minute: within 21 calls one window holds an 11th call, even if a window ends meanwhile.
    while (statuses.length < 21 && statuses.at(-1) !== 429) statuses.push((await anonymous.post('/api/auth/second-factor', { code: '123456' })).status);
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.slice(0, -1).every((s) => s === 401)).toBe(true);
    const limited = await anonymous.post('/api/auth/second-factor', { code: '123456' });
    expect((await json(limited)).error.code).toBe('rate_limited');
  });
});

describe.each(databaseKinds)('log-in and time-outs with the second factor on %s', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ databaseKind: kind, claims: 100 });
    server.setNow(T0);
  });
  afterAll(() => server.close());

  it('gives a wrong password and an unknown user the same 401, both audited', async () => {
    const wrong = await new ApiClient(server.url).login(demo('controller').email, 'niet-het-wachtwoord');
    const unknown = await new ApiClient(server.url).login('niemand@zorginkoop.nl', 'niet-het-wachtwoord');
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect(await json(wrong)).toEqual(await json(unknown));
    const denied = await sql<{ n: number }>`select count(*)::int as n from audit_log where event = 'auth.login' and outcome = 'denied'`.execute(server.db.kysely);
    expect(denied.rows[0]!.n).toBe(2);
  });

  it('ends a full session after 30 idle minutes', async () => {
    const client = new ApiClient(server.url);
    expect((await client.login(demo('controller').email, demo('controller').password)).status).toBe(200);
    expect(await json(await client.get('/api/auth/me'))).toMatchObject({ second_factor: 'verified' });
    server.setNow(new Date(T0.getTime() + 29 * MINUTE));
    expect((await client.get('/api/claims/findings')).status).toBe(200);
    server.setNow(new Date(T0.getTime() + (29 + 31) * MINUTE));
    expect(await json(await client.get('/api/auth/me'))).toEqual({ user: null });
    expect((await client.get('/api/claims/findings')).status).toBe(401);
  });

  it('ends a full session 12 hours after log-in, however active', async () => {
    const start = new Date(T0.getTime() + 2 * 60 * MINUTE);
    server.setNow(start);
    const client = new ApiClient(server.url);
    expect((await client.login(demo('medical-adviser').email, demo('medical-adviser').password)).status).toBe(200);
    for (let minutes = 25; minutes < 12 * 60; minutes += 25) {
      server.setNow(new Date(start.getTime() + minutes * MINUTE));
      expect((await json(await client.get('/api/auth/me'))).second_factor, `after ${minutes} minutes`).toBe('verified');
    }
    server.setNow(new Date(start.getTime() + 12 * 60 * MINUTE + MINUTE));
    expect(await json(await client.get('/api/auth/me'))).toEqual({ user: null });
  });
});
