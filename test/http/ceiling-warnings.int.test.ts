/**
 * Ceiling early warning (MSZ §4) through the real HTTP API on every database: a provider user with a
 * plafondafspraak reports a threatened overrun; purchasers see it with the plafond, the expectation,
 * the overrun and the providers in the same region with room for the same specialism (from the
 * ceiling monitor), are notified, acknowledge and close it; the provider is told. Refusals (another
 * provider's AGB, the wrong role, no plafond, no threat) are checked, the first one audited.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_LOGINS } from '../../src/app/demo/demo-users.js';
import { addUser } from '../../src/app/users/add-user.js';
import { systemActor } from '../../src/domain/auth/actor.js';
import { expectOk } from '../../src/domain/errors.js';
import { databaseKinds } from '../support/databases.js';
import { ApiClient, startTestServer, type TestServer } from '../support/server.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are asserted field by field
type Json = any;
const json = async (response: Response): Promise<Json> => response.json();
const login = (role: 'purchaser' | 'provider') => DEMO_LOGINS.find((l) => l.role === role)!;
const PASSWORD = 'Plafond-Melding-2018!';
const AS_OF = '2018-12-31';

interface MonitorRow {
  agb: string;
  name: string;
  region: string | null;
  specialisms: string[];
  ceiling_cents: number;
  forecast_cents: number;
  room_cents: number;
}

describe.each(databaseKinds)('ceiling early warnings on %s', (kind) => {
  let server: TestServer;
  let purchaser: ApiClient;
  let demoProvider: ApiClient; // the demo provider user (a transitieafspraak)
  let reporter: ApiClient; // a provider user of P
  let monitor: MonitorRow[];
  let P: MonitorRow; // the provider that reports
  let specialism: string;
  let warningId: number;

  /** Providers in P's region offering the specialism, with room left: what purchasers should be shown. */
  const expectedRoom = (rows: MonitorRow[], p: MonitorRow, s: string) =>
    rows.filter((r) => r.agb !== p.agb && (p.region === null || r.region === p.region) && r.specialisms.includes(s) && r.ceiling_cents - r.forecast_cents > 0);

  beforeAll(async () => {
    server = await startTestServer({ databaseKind: kind, claims: 1500 });
    purchaser = new ApiClient(server.url);
    demoProvider = new ApiClient(server.url);
    reporter = new ApiClient(server.url);
    await purchaser.login(login('purchaser').email, login('purchaser').password);
    await demoProvider.login(login('provider').email, login('provider').password);

    const response = await purchaser.get(`/api/monitoring/ceilings?year=2018&as_of=${AS_OF}`);
    expect(response.status).toBe(200);
    monitor = (await json(response)).providers;
    // The provider whose region has the most others with room for one of its specialisms.
    let best = -1;
    for (const row of monitor) {
      for (const s of row.specialisms) {
        const room = expectedRoom(monitor, row, s).length;
        if (room > best) [best, P, specialism] = [room, row, s];
      }
    }
    expect(best).toBeGreaterThan(0);
    expectOk(await addUser({ db: server.db, actor: systemActor('test') }, { email: 'directie@plafond.nl', password: PASSWORD, role: 'provider', agb: P.agb, signatory: false }));
    expect((await reporter.login('directie@plafond.nl', PASSWORD)).status).toBe(200);
  });
  afterAll(() => server.close());

  const report = (client: ApiClient, agb: string, body: Record<string, unknown>) =>
    client.post(`/api/providers/${agb}/ceiling-warnings`, { year: 2018, explanation: 'Meer verwijzingen na sluiting van een afdeling in de regio.', ...body });

  it('lets a provider with a plafondafspraak report a threatened overrun of its own plafond', async () => {
    const expected = P.ceiling_cents + Math.floor(P.ceiling_cents / 10);
    const response = await report(reporter, P.agb, { expected_revenue_cents: expected, specialisms: [specialism] });
    expect(response.status).toBe(201);
    const warning = await json(response);
    expect(warning).toMatchObject({
      agb: P.agb,
      year: 2018,
      status: 'open',
      ceiling_cents: P.ceiling_cents,
      expected_revenue_cents: expected,
      overrun_cents: Math.floor(P.ceiling_cents / 10),
      assessment: 'overrun-expected',
      specialisms: [specialism],
      reported_by_email: 'directie@plafond.nl',
    });
    expect(warning.reasons.map((r: Json) => r.rule)).toEqual(['ceiling-warning.reported', 'monitoring.ceiling.overrun-expected']);
    expect(warning.reasons.every((r: Json) => r.source.startsWith('MSZ §4'))).toBe(true);
    expect(warning.providers_with_room).toBeUndefined();
    warningId = warning.id;

    const audited = await sql<{ n: number }>`select count(*)::int as n from audit_log where event = 'ceiling-warning.report' and outcome = 'success' and object_id = ${String(warningId)} and agb = ${P.agb}`.execute(server.db.kysely);
    expect(audited.rows[0]?.n).toBe(1);
    const own = await json(await reporter.get(`/api/providers/${P.agb}/ceiling-warnings?year=2018`));
    expect(own.warnings.map((w: Json) => w.id)).toEqual([warningId]);
  });

  it('refuses what is not a threatened overrun of the own plafond', async () => {
    const below = await report(reporter, P.agb, { expected_revenue_cents: Math.floor(P.ceiling_cents / 2), specialisms: [specialism] });
    expect(below.status).toBe(400);
    expect((await json(below)).error.issues[0]).toMatchObject({ field: 'expected_revenue_cents', message: expect.stringMatching(/signaalgrens/) });
    const notOffered = await report(reporter, P.agb, { expected_revenue_cents: P.ceiling_cents * 2, specialisms: ['9999'] });
    expect(notOffered.status).toBe(400);
    expect((await json(notOffered)).error.issues[0].field).toBe('specialisms.0');
    const incomplete = await report(reporter, P.agb, { expected_revenue_cents: 0, specialisms: [], explanation: 'kort' });
    expect(incomplete.status).toBe(400);
    expect((await json(incomplete)).error.issues.map((i: Json) => i.field).sort()).toEqual(['expected_revenue_cents', 'explanation', 'specialisms']);

    // With a transitieafspraak there is a richtpunt, no plafond to report on.
    const demo = server.seed.demoProviderAgb;
    const before = await json(await purchaser.get(`/api/providers/${demo}/negotiation?year=2018`));
    const negotiate = (change: Record<string, unknown>) => purchaser.request('PUT', `/api/providers/${demo}/negotiation`, { year: 2018, ...change });
    expect((await negotiate({ price_volume: 'agreed', kernregio_conditions: 'agreed', multi_year_content: 'agreed' })).status).toBe(200);
    expect((await json(await purchaser.get(`/api/providers/${demo}/agreement?year=2018`))).type).toBe('transitie');
    const offered = (await json(await purchaser.get(`/api/providers/${demo}`))).specialisms as string[];
    const transitie = await report(demoProvider, demo, { expected_revenue_cents: 999_999_999_999, specialisms: offered.slice(0, 1) });
    expect(transitie.status).toBe(409);
    expect((await json(transitie)).error.message).toMatch(/geen plafondafspraak/);
    await negotiate({ price_volume: before.price_volume, kernregio_conditions: before.kernregio_conditions, multi_year_content: before.multi_year_content });

    const purchaserReport = await report(purchaser, P.agb, { expected_revenue_cents: P.ceiling_cents * 2, specialisms: [specialism] });
    expect(purchaserReport.status).toBe(403);
    const count = await sql<{ n: number }>`select count(*)::int as n from ceiling_warnings`.execute(server.db.kysely);
    expect(count.rows[0]?.n).toBe(1);
  });

  it("refuses a provider user on another provider's warnings, and audits the refusal", async () => {
    const other = monitor.find((r) => r.agb !== P.agb)!.agb;
    expect((await report(reporter, other, { expected_revenue_cents: 1, specialisms: [specialism] })).status).toBe(403);
    expect((await reporter.get(`/api/providers/${other}/ceiling-warnings?year=2018`)).status).toBe(403);
    const denied = await sql<{ event: string }>`select event from audit_log where outcome = 'denied' and object_id = ${other} and agb = ${P.agb} order by seq`.execute(server.db.kysely);
    expect(denied.rows.map((r) => r.event)).toEqual(['ceiling-warning.report', 'ceiling-warning.read']);
    expect((await reporter.get('/api/monitoring/ceiling-warnings?year=2018')).status).toBe(403);
    expect((await reporter.post(`/api/monitoring/ceiling-warnings/${warningId}/acknowledge`, { note: 'zelf' })).status).toBe(403);
  });

  it('shows purchasers the warning with the providers that have room for the same care, and tells them', async () => {
    const response = await purchaser.get(`/api/monitoring/ceiling-warnings?year=2018&as_of=${AS_OF}`);
    expect(response.status).toBe(200);
    const overview = await json(response);
    expect(overview).toMatchObject({ year: 2018, as_of: AS_OF, counts: { open: 1, acknowledged: 0, closed: 0 } });
    const warning = overview.warnings.find((w: Json) => w.id === warningId);
    expect(warning).toMatchObject({ agb: P.agb, name: P.name, region: P.region, ceiling_cents: P.ceiling_cents, monitor: { as_of: AS_OF, forecast_cents: P.forecast_cents } });
    expect(warning.overrun_cents).toBe(warning.expected_revenue_cents - warning.ceiling_cents);

    const want = expectedRoom(monitor, P, specialism).sort((a, b) => b.ceiling_cents - b.forecast_cents - (a.ceiling_cents - a.forecast_cents) || (a.agb < b.agb ? -1 : 1));
    const got = warning.providers_with_room;
    expect(got.map((r: Json) => r.agb)).toEqual(want.slice(0, 10).map((r) => r.agb));
    for (const room of got) {
      const row = monitor.find((r) => r.agb === room.agb)!;
      expect(room).toMatchObject({ region: P.region, specialisms: [specialism], ceiling_cents: row.ceiling_cents, forecast_cents: row.forecast_cents, room_cents: row.ceiling_cents - row.forecast_cents });
      expect(room.room_cents).toBeGreaterThan(0);
      expect(room.reasons[0]).toMatchObject({ rule: 'ceiling-warning.room', source: 'MSZ §4', inputs: { specialisms: specialism, room_cents: room.room_cents, as_of: AS_OF } });
    }
    expect(got.some((r: Json) => r.agb === P.agb)).toBe(false);

    const notifications = await json(await purchaser.get('/api/notifications'));
    const notice = notifications.notifications.find((n: Json) => n.kind === 'ceiling-warning.reported');
    expect(notice).toMatchObject({ agb: P.agb, link: '/monitoring?jaar=2018#plafondmeldingen' });
    expect(notice.title).toMatch(P.name);
    const outbox = await sql<{ n: number }>`select count(*)::int as n from outbox where agb = ${P.agb} and subject like 'Dreigende plafondoverschrijding%'`.execute(server.db.kysely);
    expect(outbox.rows[0]?.n).toBeGreaterThanOrEqual(1);

    expect((await purchaser.get('/api/monitoring/ceiling-warnings?year=2018&status=gesloten')).status).toBe(400);
    expect((await json(await purchaser.get(`/api/monitoring/ceiling-warnings?year=2018&as_of=${AS_OF}&status=closed`))).warnings).toEqual([]);
  });

  it('lets a purchaser acknowledge and then close the warning with a note, once each; the provider is told', async () => {
    const ack = await purchaser.post(`/api/monitoring/ceiling-warnings/${warningId}/acknowledge`, { note: 'Nieuwe patiënten worden bemiddeld naar aanbieders met ruimte.' });
    expect(ack.status).toBe(200);
    expect(await json(ack)).toMatchObject({ status: 'acknowledged', acknowledged_by: login('purchaser').email, acknowledgement_note: 'Nieuwe patiënten worden bemiddeld naar aanbieders met ruimte.' });
    expect((await purchaser.post(`/api/monitoring/ceiling-warnings/${warningId}/acknowledge`, { note: 'nogmaals' })).status).toBe(409);
    expect((await purchaser.post(`/api/monitoring/ceiling-warnings/${warningId}/acknowledge`, { note: '' })).status).toBe(400);
    const closed = await purchaser.post(`/api/monitoring/ceiling-warnings/${warningId}/acknowledge`, { note: 'Afgehandeld in het jaargesprek.', close: true });
    expect(closed.status).toBe(200);
    expect(await json(closed)).toMatchObject({ status: 'closed', closing_note: 'Afgehandeld in het jaargesprek.', acknowledgement_note: 'Nieuwe patiënten worden bemiddeld naar aanbieders met ruimte.' });
    expect((await purchaser.post(`/api/monitoring/ceiling-warnings/${warningId}/acknowledge`, { note: 'weer open', close: true })).status).toBe(409);
    expect((await purchaser.post('/api/monitoring/ceiling-warnings/999999/acknowledge', { note: 'x' })).status).toBe(404);

    const told = await json(await reporter.get('/api/notifications'));
    expect(told.notifications.map((n: Json) => n.kind)).toEqual(expect.arrayContaining(['ceiling-warning.acknowledged', 'ceiling-warning.closed']));
    const events = await sql<{ event: string }>`select event from audit_log where object_type = 'ceiling-warning' and object_id = ${String(warningId)} order by seq`.execute(server.db.kysely);
    expect(events.rows.map((r) => r.event)).toEqual(['ceiling-warning.report', 'ceiling-warning.acknowledge', 'ceiling-warning.close']);
  });

  it('keeps the reported warning as reported, also against a direct change in the database', async () => {
    await expect(sql`update ceiling_warnings set expected_revenue_cents = 1 where id = ${warningId}`.execute(server.db.kysely)).rejects.toThrow(/does not change/);
    await expect(sql`update ceiling_warnings set status = 'open', acknowledged_at = null, acknowledged_by = null, acknowledgement_note = null, closed_at = null, closed_by = null, closing_note = null where id = ${warningId}`.execute(server.db.kysely)).rejects.toThrow(/refused/);
    await expect(sql`delete from ceiling_warnings where id = ${warningId}`.execute(server.db.kysely)).rejects.toThrow(/refused/);
  });
});
