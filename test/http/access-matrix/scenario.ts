/**
 * The data the matrix needs to reach each access check, made through the real API by the users
 * whose work it is: claim findings (checked, two sent to their providers, one covered by a specific
 * risk analysis), add-on figures uploads of A and B, prior-authorisation requests of A and B (B's by
 * a provider user of B, through the use case: one log-in fewer), a rejected new-provider
 * application, and the server clock and provider A's contract state each stage expects. Sessions are logged in once (rate limit) and kept alive across
 * clock moves, as `contracting.int.test.ts` does.
 */
import { sql } from 'kysely';
import { submitAuthorisation } from '../../../src/app/authorisations/submit.js';
import { loadPolicyCatalogue } from '../../../src/app/policies.js';
import { addUser } from '../../../src/app/users/add-user.js';
import { systemActor } from '../../../src/domain/auth/actor.js';
import { expectOk } from '../../../src/domain/errors.js';
import type { ApiClient, TestServer } from '../../support/server.js';
import type { ActorId } from './actors.js';
import type { Stage } from './expectations.js';
import { APPLICANT_AGB, applicationBody, authorisationRequest, figuresForm, type MatrixContext } from './placeholders.js';

/** Inside the concept-feedback period of contract year 2018 (MSZ §7): every contract step is open, except publishing. */
const CONTRACT_DAY = new Date('2017-06-15T10:00:00+02:00');
/** In policy year 2018, so the claims hearing has its rules (response term in working days). */
const CLAIMS_DAY = new Date('2018-03-01T10:00:00+01:00');

/** The server clock of a stage; null is the wall clock (a second-factor code follows it). */
export function clockOf(stage: Stage): Date | null {
  if (stage.startsWith('contract:')) return CONTRACT_DAY;
  return stage === 'last' ? null : CLAIMS_DAY;
}

/** Moves the server clock and keeps every session alive at the new time. */
export async function travel(server: TestServer, at: Date | null): Promise<void> {
  server.setNow(at);
  const now = at ?? new Date();
  await sql`update sessions set created_at = ${new Date(now.getTime() - 60_000)}, last_seen_at = ${now}, absolute_expires_at = ${new Date(now.getTime() + 3_600_000)}`.execute(server.db.kysely);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are read field by field
type Json = any;

/** A setup call that must succeed; its failure names the call and the answer. */
async function expectStatus(response: Response, status: number, what: string): Promise<Json> {
  const text = await response.text();
  if (response.status !== status) throw new Error(`matrix setup: ${what} answered ${response.status} (expected ${status}): ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : null;
}

export async function prepareScenario(server: TestServer, clients: Record<ActorId, ApiClient>): Promise<MatrixContext> {
  const A = server.seed.demoProviderAgb;
  const controller = clients.controller;

  // Claims control in 2018: the check's findings; one of A's and one of B's are sent (hearing).
  await travel(server, CLAIMS_DAY);
  await expectStatus(await controller.post('/api/claims/check', { year: 2018 }), 200, 'claims check');
  const all: { id: number; agb: string; rule: string }[] = await expectStatus(await controller.get('/api/claims/findings?limit=10000'), 200, 'findings');
  const ofA = all.filter((f) => f.agb === A);
  const ofB = all.find((f) => f.agb !== A);
  if (ofA.length < 2 || !ofB) throw new Error(`matrix setup: the claims check found ${ofA.length} findings of A and ${ofB ? 'some' : 'none'} of another provider; two and one are needed`);
  const [sentA, openA] = [ofA[0]!, ofA[1]!];
  const B = ofB.agb;
  await expectStatus(await controller.post('/api/claims/findings/send', { agb: A, finding_ids: [sentA.id] }), 200, 'send finding of A');
  await expectStatus(await controller.post('/api/claims/findings/send', { agb: B, finding_ids: [ofB.id] }), 200, 'send finding of B');
  const analysis = await expectStatus(
    await controller.post('/api/claims/risk-analyses', { title: 'Matrixtest risicoanalyse', rationale: 'Matrixtest: detailcontrole op deze bevinding is onderbouwd.', rules: [sentA.rule], agb: A }),
    201,
    'risk analysis',
  );
  await expectStatus(await controller.post(`/api/claims/risk-analyses/${analysis.id}/findings`, { finding_ids: [sentA.id] }), 200, 'attach finding to risk analysis');

  // Claim files: the stored 2018 claims of A, and of B, exported and imported again as one file each (a ZH309 answer per file).
  const claimImports = { A: 0, B: 0 };
  for (const [who, agb] of [['A', A], ['B', B]] as const) {
    const exported = await controller.get(`/api/claims/export?format=csv&year=2018&agb=${agb}`);
    const csv = await exported.text();
    if (exported.status !== 200) throw new Error(`matrix setup: claims export of ${who} answered ${exported.status}: ${csv.slice(0, 300)}`);
    const form = new FormData();
    form.append('file', new Blob([csv], { type: 'text/csv' }), `declaraties-${who}.csv`);
    const imported: Json = await expectStatus(await controller.request('POST', '/api/claims/import?format=csv', form), 200, `claims import of ${who}`);
    claimImports[who] = Number(imported.import_id);
    if (!claimImports[who]) throw new Error(`matrix setup: claims import of ${who} has no import id: ${JSON.stringify(imported).slice(0, 300)}`);
  }

  // Quarterly add-on figures: provider A sends its own, a purchaser records B's (the template as it
  // is: an upload is recorded whether its figures are accepted or not).
  const template = await clients.visitor.get('/api/addon-figures/template.csv');
  const csv = await template.text();
  const year = Number(/(?:^|\n)(\d{4});/.exec(csv)?.[1]);
  if (template.status !== 200 || !Number.isInteger(year)) throw new Error(`matrix setup: figures template answered ${template.status}, no year in it`);
  const figures = { year, csv, uploads: { A: 0, B: 0 } };
  for (const [who, agb, client] of [['A', A, clients['provider-A']], ['B', B, clients.purchaser]] as const) {
    await (await client.request('POST', `/api/providers/${agb}/addon-figures`, figuresForm({ figures }))).arrayBuffer();
    const listed: Json = await expectStatus(await client.get(`/api/providers/${agb}/addon-figures?year=${year}`), 200, `figures uploads of ${who}`);
    figures.uploads[who] = Number(listed.uploads?.[0]?.id);
    if (!Number.isSafeInteger(figures.uploads[who]) || figures.uploads[who] < 1) throw new Error(`matrix setup: no figures upload of ${who} listed: ${JSON.stringify(listed).slice(0, 300)}`);
  }

  // Prior authorisation requests: A's through the portal, B's by a provider user of B (added for it).
  const submittedA: Json = await expectStatus(await clients['provider-A'].post(`/api/providers/${A}/authorisations`, authorisationRequest('MATRIX-A')), 201, 'authorisation request of A');
  const userB = expectOk(await addUser({ db: server.db, actor: systemActor('matrix') }, { email: 'medewerker@aanbieder-b.example', password: 'Zorgportaal-Zuid-2018!', role: 'provider', agb: B }));
  const actorB = { role: 'provider' as const, userId: userB.id, email: 'medewerker@aanbieder-b.example', agb: B, isSignatory: false };
  const { attachments, ...requestB } = authorisationRequest('MATRIX-B');
  const filesB = attachments.map((a) => ({ kind: a.kind, fileName: a.file_name, bytes: Buffer.from(a.content_base64, 'base64') }));
  const submittedB = expectOk(await submitAuthorisation({ db: server.db, actor: actorB, policies: expectOk(await loadPolicyCatalogue()), now: CLAIMS_DAY }, B, requestB, filesB));
  const authorisationOf = (detail: Json, who: string) => {
    const id = Number(detail?.id);
    const attachment = Number(detail?.attachments?.[0]?.id);
    if (!id || !attachment) throw new Error(`matrix setup: authorisation request of ${who} has no id or attachment: ${JSON.stringify(detail).slice(0, 300)}`);
    return { id, attachment };
  };
  const authorisations = { A: authorisationOf(submittedA.authorisation, 'A'), B: authorisationOf(submittedB.authorisation, 'B') };

  // A new provider applies before 1 July 2017 and is rejected (its letter and look-up exist).
  await travel(server, CONTRACT_DAY);
  const taken = await sql<{ n: number }>`select count(*)::int as n from providers where agb = ${APPLICANT_AGB}`.execute(server.db.kysely);
  if (taken.rows[0]?.n !== 0) throw new Error(`matrix setup: AGB ${APPLICANT_AGB} of the applicant is a demo provider; choose another`);
  const body = applicationBody('setup');
  const receipt = await expectStatus(await clients.visitor.post('/api/applications', body), 201, 'application');
  await expectStatus(await clients.purchaser.post(`/api/applications/${receipt.id}/assessment`, { decision: 'reject', reasons: 'Matrixtest: onvoldoende toegevoegde waarde in de regio.' }), 200, 'rejection');

  return {
    baseUrl: server.url,
    A,
    B,
    findings: { sentA: sentA.id, openA: openA.id, sentB: ofB.id },
    riskAnalysis: analysis.id,
    application: { id: receipt.id, email: body.applicant_email },
    figures,
    claimImports,
    authorisations,
    notifications: {},
    documentSha256: null,
  };
}

/**
 * Before a stage: the clock, and what the stage needs. Answers problems (e.g. provider A's contract
 * is not in the state the stage is for, because an allowed step of the previous stage failed).
 */
export async function enterStage(stage: Stage, server: TestServer, clients: Record<ActorId, ApiClient>, ctx: MatrixContext): Promise<string[]> {
  await travel(server, clockOf(stage));
  if (stage.startsWith('contract:')) {
    const expected = stage.slice('contract:'.length);
    const response = await clients.purchaser.get(`/api/providers/${ctx.A}/contract?year=2018`);
    const body: Json = await response.json();
    const state = response.status === 404 ? 'none' : String(body.state ?? response.status);
    if (state !== expected) return [`stage ${stage}: the contract of provider A is in state '${state}', not '${expected}'`];
    if (stage === 'contract:onderhandelakkoord') {
      const document = await clients['provider-A'].get(`/api/providers/${ctx.A}/contract/document?year=2018`);
      await document.arrayBuffer();
      ctx.documentSha256 = document.headers.get('x-document-sha256');
    }
  }
  if (stage === 'write') {
    // Own notifications (the contract steps made some); provider-B gets one of another user.
    for (const actor of ['purchaser', 'controller', 'medical-adviser', 'provider-A'] as const) {
      const list: Json = await (await clients[actor].get('/api/notifications?limit=1')).json();
      const id = list.notifications?.[0]?.id as number | undefined;
      if (id !== undefined) ctx.notifications[actor] = id;
    }
    ctx.notifications['provider-B'] = ctx.notifications.purchaser;
    if (ctx.notifications.purchaser === undefined || ctx.notifications['provider-A'] === undefined) {
      return ['stage write: the contract steps left no notification for the purchaser or the provider user'];
    }
  }
  return [];
}
