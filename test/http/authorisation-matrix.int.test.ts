/**
 * The authorisation matrix (issue 5): every operation of the live OpenAPI document against every
 * actor (visitor, purchaser, controller, medical adviser, provider user for its own provider A, the
 * same user asking for provider B), through the real HTTP server on every database. The expected
 * outcome of each pair is the hand-written table in `access-matrix/expectations.ts`; a provider
 * user's refusal for another provider's data must also be in the audit log. A new endpoint fails the
 * guard until it is classified there.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../support/databases.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { ACTORS, actorUserIds, loginActors } from './access-matrix/actors.js';
import { EXPECTATIONS, STAGES } from './access-matrix/expectations.js';
import { casesOf, guard, operationsOf, runStage, unsettledAudit, type MatrixEnv, type Operation } from './access-matrix/runner.js';
import { enterStage, prepareScenario } from './access-matrix/scenario.js';

describe.each(databaseKinds)('authorisation matrix on %s', (kind) => {
  let server: TestServer;
  let env: MatrixEnv;
  let operations: Operation[];

  beforeAll(async () => {
    server = await startTestServer({ databaseKind: kind });
    // Logged in on the wall clock (a second-factor code follows the server clock), then kept alive.
    const clients = await loginActors(server.url);
    const document = await clients.visitor.get('/api/openapi.json');
    expect(document.status).toBe(200);
    operations = operationsOf(await document.json());
    env = { clients, db: server.db, ctx: await prepareScenario(server, clients), userIds: await actorUserIds(server.db) };
  }, 300_000);
  afterAll(async () => {
    await server?.close();
  });

  it('classifies every operation of the OpenAPI document, and nothing else', () => {
    expect(operations.length).toBeGreaterThan(50);
    expect(guard(operations)).toEqual({ unclassified: [], stale: [] });
    // Every classified operation is tried once by every actor, in exactly one stage.
    const planned = STAGES.flatMap((stage) => casesOf(stage, operations).filter((c) => !c.probe).map((c) => `${c.operation.key} as ${c.actor}`));
    const classified = operations.filter((o) => o.key in EXPECTATIONS);
    expect(planned.sort()).toEqual(classified.flatMap((o) => ACTORS.map((a) => `${o.key} as ${a}`)).sort());
    // Where the provider may use an endpoint for itself, the table says how its refusal for B is audited.
    expect(unsettledAudit()).toEqual([]);
  });

  for (const stage of STAGES) {
    it(`stage ${stage}: every actor gets the expected outcome of every operation`, async () => {
      const problems = [...(await enterStage(stage, server, env.clients, env.ctx)), ...(await runStage(stage, operations, env))];
      expect(problems).toEqual([]);
    }, 300_000);
  }
});
