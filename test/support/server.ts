/**
 * Starts the real HTTP server on a free loopback port with a fresh, migrated database (PGlite in
 * memory or a new PostgreSQL database) holding the demo seed. Integration and browser tests talk
 * to it with real HTTP; nothing is mocked.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { loadPolicyCatalogue } from '../../src/app/policies.js';
import { DEMO_LOGINS } from '../../src/app/demo/demo-users.js';
import { seedDemo, type DemoSeedReport } from '../../src/app/demo/seed-demo.js';
import { systemActor } from '../../src/domain/auth/actor.js';
import { totpCode, totpStep, TOTP_PERIOD_SECONDS } from '../../src/domain/auth/second-factor.js';
import { expectOk } from '../../src/domain/errors.js';
import { buildServer } from '../../src/http/server.js';
import { withActor } from '../../src/storage/context.js';
import { findUserByEmail } from '../../src/storage/repositories/users.js';
import type { Database, DatabaseKind } from '../../src/storage/database.js';
import { createTestDatabase } from './databases.js';

export interface TestServer {
  url: string;
  db: Database;
  seed: DemoSeedReport;
  /** Moves the server's clock (sessions, deadlines). */
  setNow(date: Date | null): void;
  close(): Promise<void>;
}

export async function startTestServer(options: { databaseKind?: DatabaseKind; claims?: number; webDir?: string } = {}): Promise<TestServer> {
  const t = await createTestDatabase(options.databaseKind ?? 'pglite');
  const seed = expectOk(await seedDemo(t.db, { seed: 'zorginkoop', claims: options.claims ?? 500 }));
  const policies = expectOk(await loadPolicyCatalogue());
  let fixedNow: Date | null = null;
  const now = () => fixedNow ?? new Date();
  const app = await buildServer({ db: t.db, policies, now, ...(options.webDir ? { webDir: options.webDir } : {}) });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('server has no port');
  const url = `http://127.0.0.1:${address.port}`;
  running.set(url, { db: t.db, now, clockFixed: () => fixedNow !== null });
  return {
    url,
    db: t.db,
    seed,
    setNow: (date) => (fixedNow = date),
    close: async () => {
      running.delete(url);
      await app.close();
      await t.drop();
    },
  };
}

/** Clock and database of each running test server by URL: a TOTP code follows the server's clock. */
const running = new Map<string, { db: Database; now: () => Date; clockFixed: () => boolean }>();

/**
 * The code a demo user's authenticator app shows, at the server's clock (tests move it), for a
 * time step the user has not used yet: a code works once, so a second log-in within one 30-second
 * step takes the next step (the server accepts one step ahead), and a third waits for the clock.
 */
export async function demoSecondFactorCode(baseUrl: string, email: string): Promise<string> {
  const secret = DEMO_LOGINS.find((l) => l.email.toLowerCase() === email.toLowerCase())?.totpSecret;
  if (!secret) throw new Error(`${email} is no demo log-in with a TOTP secret`);
  const server = running.get(baseUrl);
  for (;;) {
    const now = server?.now() ?? new Date();
    const current = totpStep(now);
    const last = server ? ((await withActor(server.db, systemActor('test'), (tx) => findUserByEmail(tx, email)))?.totp_last_step ?? null) : null;
    const step = Math.max(current, (last ?? -1) + 1);
    if (step <= current + 1) return totpCode(secret, step);
    if (!server || server.clockFixed()) throw new Error(`${email}: no unused TOTP step at the server's clock (${now.toISOString()}); move the clock before logging in again`);
    await sleep(TOTP_PERIOD_SECONDS * 1000 - (now.getTime() % (TOTP_PERIOD_SECONDS * 1000)) + 50);
  }
}

/** A tiny cookie-keeping HTTP client over fetch, for acting as one logged-in user. */
export class ApiClient {
  private cookie: string | null = null;
  constructor(private readonly baseUrl: string) {}

  async request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
    const init: RequestInit = { method, headers: { ...headers, ...(this.cookie ? { cookie: this.cookie } : {}) } };
    if (body instanceof FormData) init.body = body;
    else if (body !== undefined) {
      init.body = JSON.stringify(body);
      (init.headers as Record<string, string>)['content-type'] = 'application/json';
    }
    const response = await fetch(this.baseUrl + path, init);
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0] ?? null;
    return response;
  }

  get(path: string) {
    return this.request('GET', path);
  }

  post(path: string, body?: unknown) {
    return this.request('POST', path, body);
  }

  /**
   * Logs in; for a demo user whose role has a second factor (the answer says
   * `second_factor: 'required'`) also sends the code, so the session is full. Answers the log-in's
   * response, or the second factor's when that one fails.
   */
  async login(email: string, password: string): Promise<Response> {
    const response = await this.post('/api/auth/login', { email, password });
    if (response.status !== 200) return response;
    const body = (await response.clone().json()) as { second_factor?: string };
    if (body.second_factor !== 'required') return response;
    const verified = await this.post('/api/auth/second-factor', { code: await demoSecondFactorCode(this.baseUrl, email) });
    return verified.status === 200 ? response : verified;
  }
}
