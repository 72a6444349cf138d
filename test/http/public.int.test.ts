import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_LOGINS } from '../../src/app/demo/demo-users.js';
import { importPostcodeAreas } from '../../src/app/public/geo-import.js';
import { systemActor } from '../../src/domain/auth/actor.js';
import { repoRoot } from '../../src/storage/paths.js';
import { databaseKinds } from '../support/databases.js';
import { ApiClient, startTestServer, type TestServer } from '../support/server.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are asserted field by field
type Json = any;
const json = async (response: Response): Promise<Json> => response.json();

/** A few real GeoNames lines (two layouts), a postcode area with two places, and a province-less line. */
const FIXTURE = [
  'NL\t3511\tUtrecht\tUtrecht\t09\tUtrecht\t0344\t\t\t52.0918\t5.1145\t6',
  'NL\t1012\tAmsterdam\tNorth Holland\t07\tGemeente Amsterdam\t0363\t\t\t52.3735\t4.8951\t',
  'NL\t1521\tWormerveer\tNoord-Holland\t07\tZaanstad\t0479\t\t\t52.4951\t4.7908\t6',
  'NL\t1521\tWestknollendam\tNoord-Holland\t07\tZaanstad\t0479\t\t\t52.5182\t4.7818\t6',
  'NL\t8911\tLeeuwarden\tFriesland\t02\tLeeuwarden\t0080\t\t\t53.2012\t5.7999\t6',
  'NL\t3221\tHellevoetsluis\t\t\t\t\t\t\t51.8314\t4.1219\t',
].join('\n');

const GEONAMES_FILE = path.resolve(repoRoot(), '..', 'shared', 'reference', 'geo', 'geonames-postal-NL-2024-04-12.txt');
const hasGeoNames = existsSync(GEONAMES_FILE);
if (!hasGeoNames) console.warn(`public.int.test: ${GEONAMES_FILE} ontbreekt; de test met het echte GeoNames-bestand wordt overgeslagen.`);

const STACK = /\bat .+\.(ts|js|mjs):\d+|node_modules|stack/i;

function expectSortedByDistance(hits: { distance_km: number }[]) {
  for (let i = 1; i < hits.length; i += 1) expect(hits[i]!.distance_km).toBeGreaterThanOrEqual(hits[i - 1]!.distance_km);
}

function expectPriceHit(hit: Json) {
  expect(Object.keys(hit).sort()).toEqual(
    ['agb', 'budget_policy', 'city', 'contracted', 'distance_km', 'insurer', 'latitude', 'longitude', 'name', 'price_cents', 'product_code', 'product_name', 'type'].sort(),
  );
  expect(hit.agb).toMatch(/^\d{8}$/);
  expect(Number.isInteger(hit.price_cents)).toBe(true);
  expect(hit.price_cents).toBeGreaterThan(0);
  expect(typeof hit.distance_km).toBe('number');
  expect(Math.round(hit.distance_km * 10) / 10).toBe(hit.distance_km);
  expect(hit.contracted).toBe(true);
  expect(['zk', 'de-friesland']).toContain(hit.insurer);
  expect(typeof hit.budget_policy).toBe('boolean');
}

describe.each(databaseKinds)('public transparency API on %s', (kind) => {
  let server: TestServer;
  const get = (url: string) => fetch(server.url + url);

  beforeAll(async () => {
    server = await startTestServer({ databaseKind: kind, claims: 200 });
    server.setNow(new Date('2018-03-01T12:00:00Z'));
  });
  afterAll(() => server.close());

  it('says that postcode search needs postcode areas while none are imported', async () => {
    const response = await get('/api/public/prices?q=staar&near=3511');
    expect(response.status).toBe(404);
    const body = await json(response);
    expect(body.error.message).toMatch(/geen postcodegebieden geladen.*zorginkoop geo import/);
    expect(body.error.issues[0]).toMatchObject({ field: 'near', code: 'postcode_areas_empty' });
  });

  it('finds the prices of a treatment near a place, sorted by distance, with every field and GeoNames credit', async () => {
    const response = await get('/api/public/prices?q=STAAROPERATIE&near=utrecht&limit=50');
    expect(response.status).toBe(200);
    expect(response.headers.get('x-zorginkoop-product')).toBe('001051101');
    expect(response.headers.get('x-zorginkoop-product-match')).toBe('name; candidates=2');
    expect(response.headers.get('x-zorginkoop-attribution')).toMatch(/GeoNames.*CC BY 4\.0/);
    expect(response.headers.get('x-ratelimit-limit')).toBe('300');
    const hits: Json[] = await json(response);
    expect(hits.length).toBeGreaterThan(5);
    hits.forEach(expectPriceHit);
    expectSortedByDistance(hits);
    expect(hits[0]).toMatchObject({ city: 'Utrecht', product_code: '001051101', product_name: 'Staaroperatie (cataract), dagbehandeling' });
    const limited: Json[] = await json(await get('/api/public/prices?q=001051101&near=Utrecht&limit=3'));
    expect(limited.map((h) => h.agb)).toEqual(hits.slice(0, 3).map((h) => h.agb));
  });

  it('imports postcode areas all or nothing and idempotently, then finds prices near a postcode area', async () => {
    const deps = { db: server.db, actor: systemActor('test') };
    const bad = await importPostcodeAreas(deps, { name: 'kapot.txt', content: Buffer.from(`${FIXTURE}\nNL\t99\tX\t\t\t\t\t\t\t52\t5\t`) });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ file: 'kapot.txt', line: 7, field: 'postal_code' }] } });
    const count = async () => (await sql<{ n: number }>`select count(*)::int as n from postcode_areas`.execute(server.db.kysely)).rows[0]?.n;
    expect(await count()).toBe(0);

    const first = await importPostcodeAreas(deps, { name: 'fixture.txt', content: Buffer.from(FIXTURE) });
    expect(first).toMatchObject({ ok: true, value: { lines: 6, imported: 5, created: 5, updated: 0, unchanged: 0, duplicates: 1, errors: [] } });
    const again = await importPostcodeAreas(deps, { name: 'fixture.txt', content: Buffer.from(FIXTURE) });
    expect(again).toMatchObject({ ok: true, value: { imported: 5, created: 0, updated: 0, unchanged: 5 } });
    expect(await count()).toBe(5);

    const response = await get('/api/public/prices?q=001051101&near=3511&limit=50');
    expect(response.status).toBe(200);
    expect(decodeURIComponent(response.headers.get('x-zorginkoop-near') ?? '')).toBe('3511 Utrecht');
    const hits: Json[] = await json(response);
    hits.forEach(expectPriceHit);
    expectSortedByDistance(hits);
    expect(hits[0]).toMatchObject({ city: 'Utrecht' });
    expect(hits[0].distance_km).toBeLessThan(3);

    // Friesland: De Friesland purchases there (MSZ §1).
    const friesland: Json[] = await json(await get('/api/public/prices?q=001051101&near=8911%20AB&limit=3'));
    expect(friesland[0]).toMatchObject({ city: 'Leeuwarden', insurer: 'de-friesland' });
    // A second place of a postcode area is found by its name.
    const westknollendam = await get('/api/public/prices?q=001051101&near=Westknollendam');
    expect(westknollendam.status).toBe(200);
    expect((await get('/api/public/prices?q=001051101&near=9999')).status).toBe(404);
  });

  it('publishes the prices of the purchasing proposal for a contracted provider', async () => {
    const purchaser = new ApiClient(server.url);
    const login = DEMO_LOGINS.find((l) => l.role === 'purchaser')!;
    await purchaser.login(login.email, login.password);
    const contracted = await json(await get('/api/public/contracted?year=2018'));
    const provider = contracted.providers.find((p: Json) => p.type === 'ziekenhuis');
    const proposal = await json(await purchaser.get(`/api/providers/${provider.agb}/proposal?year=2018`));
    expect(proposal.decision).toMatchObject({ status: 'final' });
    expect(proposal.decision.type).not.toBe('none');
    let compared = 0;
    for (const line of proposal.price.lines.slice(0, 4)) {
      const hits: Json[] = await json(await get(`/api/public/prices?q=${line.product_code}&near=${encodeURIComponent(provider.city)}&limit=100`));
      const own = hits.find((h) => h.agb === provider.agb);
      if (!own) continue;
      expect(own.price_cents).toBe(line.price_cents);
      compared += 1;
    }
    expect(compared).toBeGreaterThan(0);
  });

  it('shows no contracted provider before 12 November 2017 for 2018, and all of them from that day', async () => {
    server.setNow(new Date('2017-11-11T22:59:59Z')); // 23:59:59 in Amsterdam
    const before = await get('/api/public/prices?q=001051101&near=Utrecht');
    expect(before.status).toBe(200);
    expect(await json(before)).toEqual([]);
    const listBefore = await json(await get('/api/public/contracted?year=2018'));
    expect(listBefore).toMatchObject({ year: 2018, published: false, published_on: '2017-11-12', providers: [] });
    const fileBefore = await get('/api/public/price-file?year=2018');
    expect(fileBefore.status).toBe(404);
    expect((await json(fileBefore)).error.message).toMatch(/openbaar vanaf 2017-11-12/);

    server.setNow(new Date('2017-11-11T23:00:00Z')); // 00:00 on 12 November in Amsterdam
    const on: Json[] = await json(await get('/api/public/prices?q=001051101&near=Utrecht'));
    expect(on.length).toBeGreaterThan(0);
    const list = await json(await get('/api/public/contracted?year=2018'));
    expect(list).toMatchObject({ published: true, published_on: '2017-11-12' });
    expect(list.providers.length).toBeGreaterThan(10);
    for (const p of list.providers) expect(Object.keys(p).sort()).toEqual(['agb', 'budget_policy', 'city', 'insurer', 'name', 'type']);
    expect(list.providers.some((p: Json) => p.budget_policy)).toBe(true);
    expect(list.providers.some((p: Json) => p.insurer === 'de-friesland')).toBe(true);
    expect(list.insurers.find((i: Json) => i.id === 'de-friesland')).toMatchObject({ purchases_in: 'friesland', for_customers_of: expect.arrayContaining(['zk']) });
    // The price finder shows exactly the published providers.
    const published = new Set(list.providers.map((p: Json) => p.agb));
    for (const hit of on) expect(published.has(hit.agb)).toBe(true);

    // A later year under the same policy: published a year later; nothing negotiated yet, so nobody.
    expect(await json(await get('/api/public/contracted?year=2019'))).toMatchObject({ published: false, published_on: '2018-11-12', providers: [] });
    server.setNow(new Date('2018-03-01T12:00:00Z'));
  });

  it('serves the open price file as a download that validates against its JSON Schema', async () => {
    const schemaResponse = await get('/api/public/price-file.schema.json');
    expect(schemaResponse.status).toBe(200);
    expect(schemaResponse.headers.get('content-type')).toMatch(/^application\/schema\+json/);
    const ajv = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true });
    addFormats.default(ajv);
    const validate = ajv.compile(await json(schemaResponse));

    const response = await get('/api/public/price-file?year=2018');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="prijsbestand-2018.json"');
    const file = await json(response);
    expect(validate(file), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(response.headers.get('etag')).toBe(`"${file.version}"`);
    expect(file).toMatchObject({ schema_version: '1.0.0', year: 2018, published_on: '2017-11-12', reporting_entity_name: 'Zilveren Kruis' });
    expect(file.attribution).toMatch(/GeoNames.*CC BY 4\.0/);
    const contracted = await json(await get('/api/public/contracted?year=2018'));
    expect(file.provider_references).toHaveLength(contracted.providers.length);
    expect(file.in_network.length).toBeGreaterThan(50);
    // Same data, same version.
    expect((await json(await get('/api/public/price-file?year=2018'))).version).toBe(file.version);
  });

  it('refuses inputs over the length limits with 400, and no error shows a stack trace or an internal id', async () => {
    const cases = [
      `/api/public/prices?q=${'a'.repeat(101)}&near=Utrecht`,
      `/api/public/prices?q=staar&near=${'b'.repeat(101)}`,
      '/api/public/prices?q=staar&near=Utrecht&limit=1000',
      '/api/public/prices?q=staar&near=Utrecht&year=abc',
      '/api/public/prices?near=Utrecht',
      '/api/public/contracted?year=99999',
      '/api/public/price-file?year=1999',
    ];
    for (const url of cases) {
      const response = await get(url);
      expect(response.status, url).toBe(400);
      const text = await response.text();
      expect(JSON.parse(text).error.code, url).toBe('invalid_input');
      expect(text, url).not.toMatch(STACK);
    }
    for (const url of ['/api/public/prices?q=xyzzy&near=Utrecht', '/api/public/prices?q=staar&near=Nergenshuizen', '/api/public/contracted?year=2017']) {
      const response = await get(url);
      expect(response.status, url).toBe(404);
      const body = await response.text();
      expect(body, url).not.toMatch(STACK);
      expect(JSON.parse(body).error.message, url).toMatch(/^[A-Z]/);
    }
  });

  it.skipIf(!hasGeoNames)('imports the real GeoNames postcode file from ../shared/reference/geo/ (skipped when absent)', async () => {
    const result = await importPostcodeAreas({ db: server.db, actor: systemActor('test') }, { name: path.basename(GEONAMES_FILE), content: readFileSync(GEONAMES_FILE) });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.imported).toBeGreaterThan(4000);
    expect(result.value.errors).toEqual([]);
    const response = await get('/api/public/prices?q=staar&near=7511&limit=10');
    expect(response.status).toBe(200);
    expect(decodeURIComponent(response.headers.get('x-zorginkoop-near') ?? '')).toBe('7511 Enschede');
    const hits: Json[] = await json(response);
    expect(hits.length).toBeGreaterThan(0);
    expectSortedByDistance(hits);
  });

  it('answers 429 after 300 requests a minute from one address, without internals', async () => {
    let first429 = 0;
    let body = '';
    for (let i = 1; i <= 320 && first429 === 0; i += 1) {
      const response = await get('/api/public/price-file.schema.json');
      if (response.status === 429) {
        first429 = i;
        body = await response.text();
      } else {
        expect(response.status).toBe(200);
        await response.arrayBuffer();
      }
    }
    // One request of the price-file test went to this endpoint before.
    expect(first429).toBeGreaterThan(295);
    expect(first429).toBeLessThanOrEqual(301);
    expect(JSON.parse(body).error.code).toBe('rate_limited');
    expect(body).not.toMatch(STACK);
  });
});
