/**
 * The authorisation matrix, written by hand from the product's rules (DOMAIN.md "Who uses it",
 * issue 5, MSZ §5-§7, the Regeling zorgverzekering art. 7.8 for patient-level detail), NOT derived
 * from the route code: every operation of `/api/openapi.json` against every actor.
 *
 * The rules, in short:
 * 1. Public (no log-in): health, policies, calendar, the transparency API (`/api/public/*`), the
 *    new-provider application with its conditions, look-up and objection, log-in/log-out/who-am-I,
 *    the import templates. The second-factor steps need a (pending) session: 401 without one.
 * 2. Insurer staff (purchaser, controller, medical adviser) see every provider; a provider user sees
 *    only its own AGB. A path with another provider's `agb` is refused with 403 and the refusal is in
 *    the audit log (`providerAccess`, outcome `denied`, object = that AGB, the event named in `audit`).
 * 3. An object addressed by its id alone (a claim finding, an authorisation request, a notification)
 *    that belongs to another provider or user is HIDDEN: 404, as for an unknown id (existence is not
 *    revealed). Reading a hidden finding's patient-level detail is audited (event `claim.detail`).
 * 4. A role that may not use a function at all is refused with 403 at the door (`requireRoles` or
 *    the use case), whichever AGB it names. EVERY refusal of a logged-in user (403, or a hidden 404)
 *    leaves a `denied` record of that user in the audit log (the runner checks this for every call;
 *    use cases record their own with the object, the HTTP door records the rest as
 *    `access.refused`); `audit` names the specific event where provider B's data was asked for, and
 *    `unaudited` says why a refusal is exempt (a user's own notification is not provider data).
 * 5. Purchaser only: provider import, negotiation, contracting pipeline, the insurer's contract steps,
 *    running due jobs, listing and assessing applications, applying the selection, marking an
 *    improvement agreement met, handling ceiling warnings. Provider only (own AGB): concept
 *    feedback, response, signing (a signatory), questionnaire answers, the response to a finding,
 *    a ceiling warning, submitting and completing an authorisation request. Add-on figures: the
 *    provider for itself, or a purchaser recording a file received otherwise.
 * 6. Claims control: the controller imports (file or FHIR Bundle), exports, checks and sends
 *    findings; controller and medical adviser decide findings, record risk analyses and read
 *    patient-level detail (after a risk analysis). Prior authorisations hold patient data: the
 *    provider itself, medical advisers and controllers, never purchasers; only the insurer side asks
 *    and decides. Staff only: settlement simulation, findings summary, mirror overview. Ceiling
 *    monitor and warnings overview: purchaser and controller (MSZ §4). An application's detail and
 *    its rejection letter: purchaser and controller.
 * 7. Besides the six actors, `PROBES` try provider B's objects under provider A's own AGB (hidden).
 * 8. Whatever a provider user is served on a non-public endpoint never names provider B's AGB.
 *
 * Contract steps: the state machine first asks whether a step is possible in the current state
 * (409 otherwise) and only then who may take it, so a refusal by role shows only in a state where
 * the step is possible. The contract of provider A is therefore walked through its states (stages
 * `contract:*`): in each stage the refusals are tried first, then the allowed call moves it on.
 */
import type { ActorId } from './actors.js';
import type { Outcome } from './outcomes.js';

/**
 * The order the matrix runs in. Contract stages run on the server clock of 15 June 2017 (inside the
 * concept-feedback period); `read`, `write` on 1 March 2018 (the claims hearing is in the 2018 policy
 * year); `last` on the wall clock (a TOTP code follows it): calls that change what the others see.
 */
export const STAGES = [
  'contract:none',
  'contract:invited',
  'contract:concept-out',
  'contract:proposal-sent',
  'contract:provider-responded',
  'contract:onderhandelakkoord',
  'contract:signed',
  'contract:price-list-fixed',
  'read',
  'write',
  'last',
] as const;
export type Stage = (typeof STAGES)[number];

export interface Expectation {
  /** Outcome per actor. */
  cells: Record<ActorId, Outcome>;
  /** When the calls are made (default for every actor). */
  stage: Stage;
  /** A different stage for one actor's call (a contract step that must be tried in another state). */
  stageOf?: Partial<Record<ActorId, Stage>>;
  /** provider-B's refusal is audited under this event; the object is B's AGB, or the finding or authorisation request asked for. */
  audit?: string | { event: string; object: 'finding' | 'authorisation' };
  /**
   * Why provider-B's refusal leaves no audit record although provider-A may use the endpoint (a gap
   * reported to the lead, or not provider data). Every such entry has `audit` or `unaudited`.
   */
  unaudited?: string;
  /** A rate-limited public endpoint: a 429 also counts as reaching it. */
  rateLimited?: boolean;
}

const OK: Outcome = 'ok';
const AL: Outcome = 'allowed';
const U: Outcome = 'unauthenticated';
const F: Outcome = 'forbidden';
const H: Outcome = 'hidden';

/** One row of the matrix, columns in this order: visitor, purchaser, controller, medical-adviser, provider-A, provider-B. */
const m = (visitor: Outcome, purchaser: Outcome, controller: Outcome, adviser: Outcome, providerA: Outcome, providerB: Outcome): Record<ActorId, Outcome> => ({
  visitor,
  purchaser,
  controller,
  'medical-adviser': adviser,
  'provider-A': providerA,
  'provider-B': providerB,
});

/**
 * Keyed `METHOD /path` as in the OpenAPI document. Within a stage, calls run in this order (the
 * refusals of the stage first), so a step that changes state comes after the ones that need the old one.
 */
export const EXPECTATIONS: Record<string, Expectation> = {
  // ---- the contracting year of provider A, walked through its states (MSZ §5, §7) ----------------------------------------------------
  //                                                                         visitor purch contr advis prov-A prov-B
  'POST /api/providers/{agb}/contract/start': { cells: m(U, OK, F, F, F, F), stage: 'contract:none' },
  'POST /api/providers/{agb}/contract/publish-concept': { cells: m(U, OK, F, F, F, F), stage: 'contract:invited', audit: 'contract.publish-concept' },
  'POST /api/providers/{agb}/contract/decline': {
    cells: m(U, AL, F, F, F, F),
    stage: 'contract:invited',
    // Declining ends the process: the purchaser's call is made once it is signed (409, nothing changes).
    stageOf: { purchaser: 'contract:price-list-fixed' },
    audit: 'contract.decline',
  },
  'POST /api/providers/{agb}/contract/concept-feedback': { cells: m(U, F, F, F, OK, F), stage: 'contract:concept-out', audit: 'contract.give-concept-feedback' },
  'POST /api/providers/{agb}/contract/send-proposal': { cells: m(U, OK, F, F, F, F), stage: 'contract:concept-out', audit: 'contract.send-proposal' },
  'POST /api/providers/{agb}/contract/sign': {
    cells: m(U, F, F, F, OK, F),
    stage: 'contract:onderhandelakkoord',
    // Signing is possible from proposal-sent (digital path): there the purchaser reaches the role check.
    stageOf: { purchaser: 'contract:proposal-sent' },
    audit: 'contract.sign',
  },
  'POST /api/providers/{agb}/contract/respond': { cells: m(U, F, F, F, OK, F), stage: 'contract:proposal-sent', audit: 'contract.respond' },
  'POST /api/providers/{agb}/contract/start-negotiation': { cells: m(U, OK, F, F, F, F), stage: 'contract:provider-responded', audit: 'contract.start-negotiation' },
  'POST /api/providers/{agb}/contract/onderhandelakkoord': { cells: m(U, OK, F, F, F, F), stage: 'contract:provider-responded', audit: 'contract.record-onderhandelakkoord' },
  'POST /api/providers/{agb}/contract/fix-price-list': { cells: m(U, OK, F, F, F, F), stage: 'contract:signed', audit: 'contract.fix-price-list' },
  // Publishing is for 12 November onwards: the purchaser's call on 15 June passes the role check and is refused as too early (409).
  'POST /api/providers/{agb}/contract/publish': { cells: m(U, AL, F, F, F, F), stage: 'contract:price-list-fixed', audit: 'contract.publish' },

  // ---- public ---------------------------------------------------------------------------------------------------------------------------
  'GET /api/health': { cells: m(OK, OK, OK, OK, OK, OK), stage: 'read' },
  'GET /api/policies': { cells: m(OK, OK, OK, OK, OK, OK), stage: 'read' },
  'GET /api/policies/{id}': { cells: m(OK, OK, OK, OK, OK, OK), stage: 'read' },
  'GET /api/calendar': { cells: m(OK, OK, OK, OK, OK, OK), stage: 'read' },
  'GET /api/public/prices': { cells: m(OK, OK, OK, OK, OK, OK), stage: 'read' },
  'GET /api/public/contracted': { cells: m(OK, OK, OK, OK, OK, OK), stage: 'read' },
  'GET /api/public/price-file': { cells: m(OK, OK, OK, OK, OK, OK), stage: 'read' },
  'GET /api/public/price-file.schema.json': { cells: m(OK, OK, OK, OK, OK, OK), stage: 'read' },
  'GET /api/providers/import-template.csv': { cells: m(OK, OK, OK, OK, OK, OK), stage: 'read' },
  'GET /api/addon-figures/template.csv': { cells: m(OK, OK, OK, OK, OK, OK), stage: 'read' },
  'GET /api/addon-figures/template.xlsx': { cells: m(OK, OK, OK, OK, OK, OK), stage: 'read' },

  // ---- providers and purchasing (MSZ §2-§4) ----------------------------------------------------------------------------------------------
  'GET /api/providers': { cells: m(U, OK, OK, OK, OK, OK), stage: 'read' },
  'GET /api/providers/{agb}': { cells: m(U, OK, OK, OK, OK, F), stage: 'read', audit: 'provider.read' },
  'GET /api/providers/{agb}/negotiation': { cells: m(U, OK, OK, OK, OK, F), stage: 'read', audit: 'negotiation.read' },
  'GET /api/providers/{agb}/agreement': { cells: m(U, OK, OK, OK, OK, F), stage: 'read', audit: 'purchasing.read' },
  'GET /api/providers/{agb}/proposal': { cells: m(U, OK, OK, OK, OK, F), stage: 'read', audit: 'purchasing.read' },
  'GET /api/providers/{agb}/proposal.pdf': { cells: m(U, OK, OK, OK, OK, F), stage: 'read', audit: 'purchasing.read' },
  'GET /api/providers/{agb}/price-list.xlsx': { cells: m(U, OK, OK, OK, OK, F), stage: 'read', audit: 'purchasing.read' },
  'GET /api/providers/{agb}/price-list.csv': { cells: m(U, OK, OK, OK, OK, F), stage: 'read', audit: 'purchasing.read' },
  'GET /api/providers/{agb}/settlement': { cells: m(U, OK, OK, OK, OK, F), stage: 'read', audit: 'purchasing.read' },
  'GET /api/providers/{agb}/settlement-statement': { cells: m(U, OK, OK, OK, OK, F), stage: 'read', audit: 'purchasing.read' },
  'GET /api/providers/{agb}/settlement.pdf': { cells: m(U, OK, OK, OK, OK, F), stage: 'read', audit: 'purchasing.read' },
  'GET /api/providers/{agb}/payment-curve.svg': { cells: m(U, OK, OK, OK, OK, F), stage: 'read', audit: 'purchasing.read' },
  'GET /api/providers/{agb}/addon': { cells: m(U, OK, OK, OK, OK, F), stage: 'read', audit: 'addon.read' },
  'GET /api/providers/{agb}/addon-figures': { cells: m(U, OK, OK, OK, OK, F), stage: 'read', audit: 'addon-figures.read' },
  'GET /api/providers/{agb}/addon-figures/{id}': { cells: m(U, OK, OK, OK, OK, F), stage: 'read', audit: 'addon-figures.read' },
  'GET /api/providers/{agb}/ceiling-warnings': { cells: m(U, OK, OK, OK, OK, F), stage: 'read', audit: 'ceiling-warning.read' },
  'GET /api/monitoring/ceiling-warnings': { cells: m(U, OK, OK, F, F, F), stage: 'read' },
  'POST /api/settlement/simulate': { cells: m(U, OK, OK, OK, F, F), stage: 'read' },
  'POST /api/addon/eligibility': { cells: m(U, OK, OK, OK, OK, OK), stage: 'read' },
  'GET /api/monitoring/ceilings': { cells: m(U, OK, OK, F, F, F), stage: 'read' },
  'GET /api/contracting/pipeline': { cells: m(U, OK, F, F, F, F), stage: 'read' },
  'GET /api/providers/{agb}/contract': { cells: m(U, OK, OK, OK, OK, F), stage: 'read', audit: 'contract.read' },
  'GET /api/providers/{agb}/contract/document': { cells: m(U, OK, OK, OK, OK, F), stage: 'read', audit: 'contract.document' },
  'GET /api/notifications': { cells: m(U, OK, OK, OK, OK, OK), stage: 'read' },

  // ---- quality questionnaire (MSZ Bijlage 1, 2) ---------------------------------------------------------------------------------------
  'GET /api/providers/{agb}/questionnaire': { cells: m(U, OK, OK, OK, OK, F), stage: 'read', audit: 'quality.read' },
  'GET /api/providers/{agb}/improvement-agreements': { cells: m(U, OK, OK, OK, OK, F), stage: 'read', audit: 'quality.improvement-agreements.read' },
  'GET /api/providers/{agb}/selection': { cells: m(U, OK, OK, OK, OK, F), stage: 'read', audit: 'selection.read' },

  // ---- claims control and mirror information (MSZ §4, §6; ADD §8) ---------------------------------------------------------------------
  'GET /api/claims/findings': { cells: m(U, OK, OK, OK, OK, F), stage: 'read', audit: 'claims.findings' },
  'GET /api/claims/findings/summary': { cells: m(U, OK, OK, OK, F, F), stage: 'read' },
  'GET /api/claims/findings/{id}': { cells: m(U, OK, OK, OK, OK, H), stage: 'read', audit: { event: 'claims.finding.read', object: 'finding' } },
  'GET /api/providers/{agb}/findings': { cells: m(U, OK, OK, OK, OK, F), stage: 'read', audit: 'claims.findings' },
  'GET /api/providers/{agb}/findings/{id}': { cells: m(U, OK, OK, OK, OK, F), stage: 'read', audit: 'claims.finding.read' },
  'GET /api/claims/findings/{id}/detail': { cells: m(U, F, OK, OK, OK, H), stage: 'read', audit: { event: 'claim.detail', object: 'finding' } },
  'GET /api/providers/{agb}/reclaim-statement.pdf': { cells: m(U, OK, OK, OK, OK, F), stage: 'read', audit: 'claims.reclaim-statement' },
  'GET /api/providers/{agb}/reclaim-statement.xlsx': { cells: m(U, OK, OK, OK, OK, F), stage: 'read', audit: 'claims.reclaim-statement' },
  'GET /api/providers/{agb}/mirror': { cells: m(U, OK, OK, OK, OK, F), stage: 'read', audit: 'mirror.read' },
  'GET /api/providers/{agb}/mirror.pdf': { cells: m(U, OK, OK, OK, OK, F), stage: 'read', audit: 'mirror.read' },
  'GET /api/mirror': { cells: m(U, OK, OK, OK, F, F), stage: 'read' },
  'GET /api/claims/export': { cells: m(U, F, OK, F, F, F), stage: 'read' },
  // The ZH309 answer to an imported claims file, per provider: insurer staff any, a provider its own records.
  'GET /api/providers/{agb}/claim-imports': { cells: m(U, OK, OK, OK, OK, F), stage: 'read', audit: 'claims.imports' },
  'GET /api/providers/{agb}/claim-imports/{id}/zh309': { cells: m(U, OK, OK, OK, OK, F), stage: 'read', audit: 'claims.zh309' },

  // ---- FHIR R4 (refusals as OperationOutcome) ------------------------------------------------------------------------------------------
  // A provider user's Organization search lists only itself: asking for B's identifier finds nothing (200, empty searchset).
  'GET /api/fhir/Organization': { cells: m(U, OK, OK, OK, OK, OK), stage: 'read' },
  'GET /api/fhir/Organization/{agb}': { cells: m(U, OK, OK, OK, OK, F), stage: 'read', audit: 'provider.read' },
  'GET /api/providers/{agb}/fhir/Contract': { cells: m(U, OK, OK, OK, OK, F), stage: 'read', audit: 'fhir.contract.read' },
  'GET /api/providers/{agb}/fhir/ChargeItemDefinition': { cells: m(U, OK, OK, OK, OK, F), stage: 'read', audit: 'fhir.price-list.read' },

  // ---- prior authorisations (MSZ Bijlage 1 art. 6): the provider itself, medical advisers and controllers; patient data, so not purchasers
  'POST /api/authorisations/requirement': { cells: m(U, OK, OK, OK, OK, OK), stage: 'read' },
  'GET /api/authorisations/treatment-kinds': { cells: m(U, OK, OK, OK, OK, OK), stage: 'read' },
  'GET /api/providers/{agb}/authorisations': { cells: m(U, F, OK, OK, OK, F), stage: 'read', audit: 'authorisation.list' },
  'GET /api/providers/{agb}/authorisations/{id}': { cells: m(U, F, OK, OK, OK, F), stage: 'read', audit: 'authorisation.read' },
  'GET /api/providers/{agb}/authorisations/{id}/attachments/{attachment}': { cells: m(U, F, OK, OK, OK, F), stage: 'read', audit: 'authorisation.attachment.read' },
  'GET /api/authorisations': { cells: m(U, F, OK, OK, F, F), stage: 'read' },
  'GET /api/authorisations/{id}': { cells: m(U, F, OK, OK, OK, H), stage: 'read', audit: { event: 'authorisation.read', object: 'authorisation' } },

  // ---- new providers (MSZ §5 "Nieuwe aanbieders") -------------------------------------------------------------------------------------
  'GET /api/applications/conditions': { cells: m(OK, OK, OK, OK, OK, OK), stage: 'read' },
  'GET /api/applications': { cells: m(U, OK, F, F, F, F), stage: 'read' },
  'GET /api/applications/{id}': { cells: m(U, OK, OK, F, F, F), stage: 'read' },
  'GET /api/applications/{id}/rejection-letter.pdf': { cells: m(U, OK, OK, F, F, F), stage: 'read' },
  'POST /api/applications/{id}/lookup': { cells: m(OK, OK, OK, OK, OK, OK), stage: 'read', rateLimited: true },

  // ---- log-in ------------------------------------------------------------------------------------------------------------------------
  // The placeholder has no credentials (400): every actor reaches the log-in.
  'POST /api/auth/login': { cells: m(AL, AL, AL, AL, AL, AL), stage: 'read', rateLimited: true },
  'GET /api/auth/me': { cells: m(OK, OK, OK, OK, OK, OK), stage: 'read' },

  // ---- calls that change data, in an order that keeps the later ones meaningful -------------------------------------------------------
  'POST /api/providers/import': { cells: m(U, AL, F, F, F, F), stage: 'write' },
  'PUT /api/providers/{agb}/negotiation': { cells: m(U, OK, F, F, F, F), stage: 'write' },
  'PUT /api/providers/{agb}/questionnaire': { cells: m(U, F, F, F, AL, F), stage: 'write', audit: 'quality.answer' },
  'POST /api/providers/{agb}/selection': { cells: m(U, OK, F, F, F, F), stage: 'write' },
  // Add-on figures (ADD §5): the provider for itself, or a purchaser recording a file received otherwise.
  'POST /api/providers/{agb}/addon-figures': { cells: m(U, AL, F, F, AL, F), stage: 'write', audit: 'addon-figures.upload' },
  'POST /api/providers/{agb}/ceiling-warnings': { cells: m(U, F, F, F, AL, F), stage: 'write', audit: 'ceiling-warning.report' },
  'POST /api/monitoring/ceiling-warnings/{id}/acknowledge': { cells: m(U, AL, F, F, F, F), stage: 'write' },
  'POST /api/providers/{agb}/improvement-agreements/{id}/met': { cells: m(U, AL, F, F, F, F), stage: 'write' },
  'POST /api/notifications/{id}/read': { cells: m(U, OK, AL, AL, OK, H), stage: 'write', unaudited: "a notification is one user's, not provider data: another user's is simply not found" },
  // Authorisation steps on A's request: the provider adds a record, the insurer asks, the provider answers, the insurer decides; withdrawing comes after (409).
  'POST /api/providers/{agb}/authorisations': { cells: m(U, F, F, F, AL, F), stage: 'write', audit: 'authorisation.submit' },
  'POST /api/providers/{agb}/authorisations/{id}/attachments': { cells: m(U, F, F, F, AL, F), stage: 'write', audit: 'authorisation.attachment.add' },
  'POST /api/authorisations/{id}/request-information': { cells: m(U, F, AL, AL, F, F), stage: 'write' },
  'POST /api/authorisations/{id}/consultation': { cells: m(U, F, AL, AL, F, F), stage: 'write' },
  'POST /api/providers/{agb}/authorisations/{id}/information': { cells: m(U, F, F, F, AL, F), stage: 'write', audit: 'authorisation.provide-information' },
  'POST /api/authorisations/{id}/decision': { cells: m(U, F, AL, AL, F, F), stage: 'write' },
  'POST /api/providers/{agb}/authorisations/{id}/withdraw': { cells: m(U, F, F, F, AL, F), stage: 'write', audit: 'authorisation.withdraw' },
  'POST /api/claims/import': { cells: m(U, F, AL, F, F, F), stage: 'write' },
  'POST /api/fhir/Bundle': { cells: m(U, F, AL, F, F, F), stage: 'write' },
  'POST /api/claims/findings/send': { cells: m(U, F, AL, F, F, F), stage: 'write' },
  'POST /api/claims/risk-analyses': { cells: m(U, F, OK, OK, F, F), stage: 'write' },
  'POST /api/claims/risk-analyses/{id}/findings': { cells: m(U, F, AL, AL, F, F), stage: 'write' },
  'POST /api/providers/{agb}/findings/{id}/response': { cells: m(U, F, F, F, OK, F), stage: 'write', audit: 'claims.finding.respond' },
  'POST /api/claims/findings/{id}/decision': { cells: m(U, F, AL, AL, F, F), stage: 'write' },
  'POST /api/applications': { cells: m(AL, AL, AL, AL, AL, AL), stage: 'write', rateLimited: true },
  'POST /api/applications/{id}/assessment': { cells: m(U, AL, F, F, F, F), stage: 'write' },
  'POST /api/applications/{id}/objection': { cells: m(AL, AL, AL, AL, AL, AL), stage: 'write', rateLimited: true },

  // ---- last: the claims check again, the due jobs, the second factor, log-out ---------------------------------------------------------
  'POST /api/claims/check': { cells: m(U, F, OK, F, F, F), stage: 'last' },
  'POST /api/jobs/run-due': { cells: m(U, OK, F, F, F, F), stage: 'last' },
  // Roles without a second factor get 409 (not needed); controller and adviser send a valid code.
  'POST /api/auth/second-factor': { cells: m(U, AL, OK, OK, AL, AL), stage: 'last', rateLimited: true },
  // Already enrolled (controller, adviser) or not needed (others): 409, nothing changes.
  'POST /api/auth/second-factor/enrol': { cells: m(U, AL, AL, AL, AL, AL), stage: 'last', rateLimited: true },
  'POST /api/auth/second-factor/enrol/confirm': { cells: m(U, AL, AL, AL, AL, AL), stage: 'last', rateLimited: true },
  // Ends the sessions: the very last call (provider-B's session is provider-A's, already ended).
  'POST /api/auth/logout': { cells: m(OK, OK, OK, OK, OK, OK), stage: 'last' },
};

/**
 * Cross-object probes: the provider user names its OWN AGB in the path but provider B's object id
 * (finding, authorisation request, attachment, figures upload). The object must stay hidden (404),
 * as if it did not exist; nothing of B's may be read or changed through A's path.
 */
export const PROBES: Record<string, { stage: Stage; expected: Outcome }> = {
  'GET /api/providers/{agb}/addon-figures/{id}': { stage: 'read', expected: H },
  'GET /api/providers/{agb}/claim-imports/{id}/zh309': { stage: 'read', expected: H },
  'GET /api/providers/{agb}/authorisations/{id}': { stage: 'read', expected: H },
  'GET /api/providers/{agb}/authorisations/{id}/attachments/{attachment}': { stage: 'read', expected: H },
  'POST /api/providers/{agb}/authorisations/{id}/attachments': { stage: 'write', expected: H },
  'POST /api/providers/{agb}/authorisations/{id}/information': { stage: 'write', expected: H },
  'POST /api/providers/{agb}/authorisations/{id}/withdraw': { stage: 'write', expected: H },
  'POST /api/providers/{agb}/findings/{id}/response': { stage: 'write', expected: H },
  'GET /api/providers/{agb}/findings/{id}': { stage: 'read', expected: H },
};
