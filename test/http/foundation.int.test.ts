import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { DEMO_LOGINS } from '../../src/app/demo/demo-users.js';
import { databaseKinds } from '../support/databases.js';
import { ApiClient, startTestServer, type TestServer } from '../support/server.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are asserted field by field
type Json = any;
const json = async (response: Response): Promise<Json> => response.json();
const login = (role: 'purchaser' | 'controller' | 'provider') => DEMO_LOGINS.find((l) => l.role === role)!;

describe.each(databaseKinds)('HTTP API foundation on %s', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ databaseKind: kind, claims: 200 });
  });
  afterAll(() => server.close());

  it('answers the health endpoint', async () => {
    const response = await fetch(`${server.url}/api/health`);
    expect(response.status).toBe(200);
    expect(await json(response)).toEqual({ status: 'ok', database: kind });
  });

  it('publishes an OpenAPI document naming the provider path parameter agb', async () => {
    const doc = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as { openapi: string; paths: Record<string, Record<string, { parameters?: { name: string; in: string }[] }>> };
    expect(doc.openapi).toMatch(/^3\./);
    const get = doc.paths['/api/providers/{agb}']?.get;
    expect(get?.parameters).toContainEqual(expect.objectContaining({ name: 'agb', in: 'path' }));
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/auth/login', '/api/providers', '/api/policies/{id}']));
    const docs = await fetch(`${server.url}/api/docs/`);
    expect(docs.status).toBe(200);
  });

  it('refuses a wrong password with 401 and no cookie', async () => {
    const client = new ApiClient(server.url);
    const response = await client.login(login('purchaser').email, 'niet-het-wachtwoord');
    expect(response.status).toBe(401);
    expect(response.headers.get('set-cookie')).toBeNull();
    expect((await json(response)).error.code).toBe('unauthenticated');
  });

  it('logs in with a session cookie and knows the user', async () => {
    const client = new ApiClient(server.url);
    const response = await client.login(login('purchaser').email, login('purchaser').password);
    expect(response.status).toBe(200);
    expect(response.headers.get('set-cookie')).toMatch(/zk_session=.*HttpOnly/i);
    const me = await json(await client.get('/api/auth/me'));
    expect(me.user).toMatchObject({ email: login('purchaser').email, role: 'purchaser', agb: null });
    expect((await client.post('/api/auth/logout')).status).toBe(204);
    const visitor = await client.get('/api/auth/me');
    expect(visitor.status).toBe(200);
    expect(await json(visitor)).toEqual({ user: null });
  });

  it('requires a log-in for providers', async () => {
    const response = await fetch(`${server.url}/api/providers`);
    expect(response.status).toBe(401);
  });

  it('shows a purchaser every provider and a provider user only its own', async () => {
    const purchaser = new ApiClient(server.url);
    await purchaser.login(login('purchaser').email, login('purchaser').password);
    const all = (await (await purchaser.get('/api/providers')).json()) as { agb: string; type: string }[];
    expect(all.length).toBeGreaterThanOrEqual(70);
    expect(all.filter((p) => p.type === 'umc')).toHaveLength(8);

    const provider = new ApiClient(server.url);
    await provider.login(login('provider').email, login('provider').password);
    const own = (await (await provider.get('/api/providers')).json()) as { agb: string }[];
    expect(own.map((p) => p.agb)).toEqual([server.seed.demoProviderAgb]);
    const detail = await provider.get(`/api/providers/${server.seed.demoProviderAgb}`);
    expect(detail.status).toBe(200);
    expect((await json(detail)).locations.length).toBeGreaterThanOrEqual(1);

    const other = all.find((p) => p.agb !== server.seed.demoProviderAgb)!.agb;
    const refused = await provider.get(`/api/providers/${other}`);
    expect(refused.status).toBe(403);
    const denied = await sql<{ n: number }>`select count(*)::int as n from audit_log where event = 'provider.read' and outcome = 'denied' and object_id = ${other}`.execute(server.db.kysely);
    expect(denied.rows[0]?.n).toBe(1);
  });

  it('lets only purchasers import providers, all or nothing over HTTP', async () => {
    const provider = new ApiClient(server.url);
    await provider.login(login('provider').email, login('provider').password);
    const form = () => {
      const data = new FormData();
      data.append('file', new Blob(['agb,name,type,city,kernregio,zk_revenue_eur\n06099001,Nieuw Ziekenhuis,ziekenhuis,Zwolle,ja,100\n06099002,Fout,ziekenhuis,Zwolle,misschien,100\n']), 'nieuw.csv');
      return data;
    };
    expect((await provider.request('POST', '/api/providers/import', form())).status).toBe(403);

    const purchaser = new ApiClient(server.url);
    await purchaser.login(login('purchaser').email, login('purchaser').password);
    const response = await purchaser.request('POST', '/api/providers/import', form());
    expect(response.status).toBe(400);
    const body = await json(response);
    expect(body.error.issues).toEqual([expect.objectContaining({ line: 3, column: 'kernregio' })]);
    expect((await purchaser.get('/api/providers/06099001')).status).toBe(404);

    const template = await fetch(`${server.url}/api/providers/import-template.csv`);
    expect(template.headers.get('content-type')).toMatch(/text\/csv/);
    expect((await template.text()).split('\n')[0]).toMatch(/^agb,name,type,city,kernregio,zk_revenue_eur/);
  });

  it('serves the policies publicly', async () => {
    const list = (await (await fetch(`${server.url}/api/policies`)).json()) as { id: string }[];
    expect(list.map((p) => p.id).sort()).toEqual(['add-on-2022', 'msz-2018']);
    const msz = await json(await fetch(`${server.url}/api/policies/msz-2018`));
    expect(msz.id).toBe('msz-2018');
    expect((await fetch(`${server.url}/api/policies/bestaat-niet`)).status).toBe(404);
  });

  it('answers unknown API paths and bad input without internals', async () => {
    const response = await fetch(`${server.url}/api/bestaat-niet`);
    expect(response.status).toBe(404);
    const text = await response.text();
    expect(text).not.toMatch(/at .*\.ts|node_modules|stack/i);
    const bad = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"email": 1}' });
    expect(bad.status).toBe(400);
    expect((await json(bad)).error.code).toBe('invalid_input');
  });

  it('sends security headers', async () => {
    const response = await fetch(`${server.url}/api/health`);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
  });
});
