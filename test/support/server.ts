/**
 * Starts the real HTTP server on a free loopback port with a fresh, migrated database (PGlite in
 * memory or a new PostgreSQL database) holding the demo seed. Integration and browser tests talk
 * to it with real HTTP; nothing is mocked.
 */
import { loadPolicyCatalogue } from '../../src/app/policies.js';
import { seedDemo, type DemoSeedReport } from '../../src/app/demo/seed-demo.js';
import { expectOk } from '../../src/domain/errors.js';
import { buildServer } from '../../src/http/server.js';
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
  const app = await buildServer({ db: t.db, policies, now: () => fixedNow ?? new Date(), ...(options.webDir ? { webDir: options.webDir } : {}) });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('server has no port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    db: t.db,
    seed,
    setNow: (date) => (fixedNow = date),
    close: async () => {
      await app.close();
      await t.drop();
    },
  };
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

  async login(email: string, password: string): Promise<Response> {
    return this.post('/api/auth/login', { email, password });
  }
}
