/**
 * Use cases: the steps of a request after submission (MSZ Bijlage 1 art. 6 item 22), each one
 * transaction with its history event, audit record and a notification to the other side:
 *
 * - `requestInformation` (medical adviser or controller): submitted → info-requested; the question
 *   pauses the decision clock;
 * - `provideInformation` (the provider user of that AGB): info-requested → submitted; the clock
 *   resumes with the working days left;
 * - `scheduleConsultation` (medical adviser or controller): a further assessment at the advising
 *   dentist's consultation hour on a date (today up to `prior_auth_consultation_max_days` ahead);
 *   the status stays, the clock pauses up to and including that date (decision
 *   `prior-auth-consultation-pause`); scheduling again before it moves the date;
 * - `decideAuthorisation` (medical adviser or controller): approve or reject with a reason; the
 *   clock says whether the decision was in time (day 11 is late);
 * - `withdrawAuthorisation` (the provider user): the request ends.
 */
import { checkConsultationDate, nextStatus, STATUS_TEXT, type ActingSide, type AuthorisationAction, type AuthorisationStatus } from '../../domain/authorisations/index.js';
import { fail, ok, type Result } from '../../domain/errors.js';
import { audit } from '../../storage/audit.js';
import { withActor, type Tx } from '../../storage/context.js';
import type { PriorAuthorisationEvent } from '../../storage/schema.js';
import { providerAccess } from '../access.js';
import { auditHidden, loadDetail } from './queries.js';
import { boundedText, isInsurer, OBJECT_TYPE, parseAuthorisationId, PURPOSE, storedTermSettings, todayIn, who, type AuthorisationDeps } from './settings.js';
import { findAuthorisation, insertEvent, notifyAuthorisation, type AuthorisationNotice, type AuthorisationRow } from './store.js';
import type { AuthorisationDetail } from './view.js';

export const QUESTION_MAX_LENGTH = 5000;
export const REASON_MAX_LENGTH = 2000;

interface Step {
  action: AuthorisationAction;
  side: ActingSide;
  event: PriorAuthorisationEvent;
  audit: string;
  message: string | null;
  patch(row: AuthorisationRow, to: AuthorisationStatus): Record<string, unknown>;
  notice(row: AuthorisationRow, detail: AuthorisationDetail): AuthorisationNotice;
  /** A check that needs the stored request (its policy), once the lifecycle allows the step; nothing is written when it fails. */
  check?(row: AuthorisationRow): Result<unknown>;
  /** The consultation-hour date a 'consultation-scheduled' event carries. */
  consultationDate?: string;
}

async function runStep(deps: AuthorisationDeps, idInput: unknown, step: Step, options: { agb?: string }): Promise<Result<AuthorisationDetail>> {
  if (deps.actor.role === 'public') return fail('unauthenticated', 'Log eerst in.');
  let agb: string | undefined;
  if (options.agb !== undefined) {
    const access = await providerAccess(deps, options.agb, step.audit, 'agb');
    if (!access.ok) return access;
    agb = access.value;
  }
  const side: ActingSide | null = deps.actor.role === 'provider' ? 'provider' : isInsurer(deps.actor) ? 'insurer' : null;
  if (side !== step.side) {
    await withActor(deps.db, deps.actor, (tx) => audit(tx, deps.actor, { event: step.audit, action: 'U', outcome: 'denied', purpose: PURPOSE, objectType: OBJECT_TYPE, objectId: String(idInput), agb: agb ?? deps.actor.agb }));
    return fail('forbidden', step.side === 'insurer' ? 'Alleen een medisch adviseur of controller van de zorgverzekeraar doet dit.' : 'Alleen de zorgaanbieder zelf doet dit.');
  }
  const id = parseAuthorisationId(idInput);
  if (!id.ok) return id;

  return withActor(deps.db, deps.actor, async (tx: Tx) => {
    const row = await findAuthorisation(tx, id.value, { lock: true });
    if (!row || (agb !== undefined && row.agb !== agb) || (side === 'provider' && row.agb !== deps.actor.agb)) {
      await auditHidden(tx, deps.actor, step.audit, id.value, 'U');
      return fail('not_found', `Machtigingsaanvraag ${id.value} niet gevonden.`);
    }
    const next = nextStatus(row.status, step.action, side);
    if (!next.ok) {
      await audit(tx, deps.actor, { event: step.audit, action: 'U', outcome: 'denied', purpose: PURPOSE, objectType: OBJECT_TYPE, objectId: String(row.id), agb: row.agb, details: { status: row.status, refused: next.error.code } });
      return next;
    }
    const checked = step.check?.(row);
    if (checked && !checked.ok) return checked;
    const updated = await tx
      .updateTable('prior_authorisations')
      .set({ ...step.patch(row, next.value), status: next.value, updated_at: deps.now })
      .where('id', '=', row.id)
      .where('status', '=', row.status)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) return fail('conflict', 'De aanvraag is intussen gewijzigd; laad haar opnieuw.');
    const after = (await findAuthorisation(tx, row.id))!;
    const consultation = step.consultationDate === undefined ? {} : { consultation_date: step.consultationDate };
    await insertEvent(tx, {
      authorisationId: row.id, agb: row.agb, event: step.event, actor: deps.actor, at: deps.now, message: step.message,
      consultationDate: step.consultationDate ?? null, details: { from: row.status, to: next.value, ...consultation },
    });
    const detail = await loadDetail(tx, deps.policies, after, deps.now);
    if (!detail.ok) return detail;
    await audit(tx, deps.actor, {
      event: step.audit, action: 'U', purpose: PURPOSE, objectType: OBJECT_TYPE, objectId: String(row.id), agb: row.agb,
      details: { from: row.status, to: next.value, ...consultation, working_days_used: detail.value.clock.working_days_used, late: detail.value.clock.late, due_date: detail.value.clock.due_date },
    });
    await notifyAuthorisation(tx, deps.actor, row.agb, side === 'insurer' ? 'provider' : 'insurer', step.notice(after, detail.value), deps.now);
    return detail;
  });
}

const link = (row: AuthorisationRow) => `/machtigingen/${row.id}`;
/** How a notice names a request: its number and the provider's reference, never the patient (notices go out by e-mail too). */
const ref = (d: AuthorisationDetail) => `${d.id}${d.provider_reference ? ` (kenmerk ${d.provider_reference})` : ''}`;

export async function requestInformation(deps: AuthorisationDeps, id: unknown, input: { question: unknown }): Promise<Result<AuthorisationDetail>> {
  const question = boundedText(input.question, 'question', 'De vraag om nadere informatie', 3, QUESTION_MAX_LENGTH);
  if (!question.ok) return question;
  return runStep(deps, id, {
    action: 'request-information', side: 'insurer', event: 'information-requested', audit: 'authorisation.request-information', message: question.value,
    patch: () => ({}),
    notice: (row, d) => ({
      kind: 'authorisation.information-requested',
      title: `Nadere informatie gevraagd bij machtigingsaanvraag ${row.id}`,
      body: `De zorgverzekeraar vraagt nadere informatie bij uw aanvraag ${ref(d)} voor ${d.treatment_title.toLowerCase()}. De beslistermijn staat stil tot uw antwoord; er resten ${d.clock.working_days_remaining} werkdagen.`,
      link: link(row),
    }),
  }, {});
}

export const NOTE_MAX_LENGTH = 2000;

/**
 * The advising dentist assesses the patient at the consultation hour on `date` (MSZ Bijlage 1
 * art. 6 item 22): the clock pauses from the day after today up to and including that date. The
 * date is checked against the policy the request was submitted under (its time zone and horizon).
 */
export async function scheduleConsultation(deps: AuthorisationDeps, id: unknown, input: { date: unknown; note?: unknown }): Promise<Result<AuthorisationDetail>> {
  const note = input.note === undefined || input.note === null || input.note === '' ? ok(null) : boundedText(input.note, 'note', 'De toelichting', 3, NOTE_MAX_LENGTH);
  if (!note.ok) return note;
  const date = typeof input.date === 'string' ? input.date.trim() : input.date;
  return runStep(deps, id, {
    action: 'schedule-consultation', side: 'insurer', event: 'consultation-scheduled', audit: 'authorisation.schedule-consultation', message: note.value,
    ...(typeof date === 'string' ? { consultationDate: date } : {}),
    check: (row) => {
      const settings = storedTermSettings(deps.policies, row.policy_id);
      if (!settings.ok) return settings;
      if (!settings.value.consultationPause) return fail('conflict', `Het beleid ${row.policy_id} kent geen pauze van de beslistermijn voor het spreekuur van de adviserend tandarts.`);
      return checkConsultationDate(date, todayIn(deps.now, settings.value.timeZone), settings.value.consultationMaxDays);
    },
    patch: () => ({}),
    notice: (row, d) => ({
      kind: 'authorisation.consultation-scheduled',
      title: `Beoordeling op het spreekuur bij machtigingsaanvraag ${row.id}`,
      body: `De adviserend tandarts van de zorgverzekeraar beoordeelt de patiënt bij uw aanvraag ${ref(d)} op het spreekuur van ${d.clock.consultation_date ?? String(date)}. De beslistermijn staat tot en met die dag stil; daarna resten ${d.clock.working_days_remaining} werkdagen (beslissen uiterlijk ${d.clock.due_date ?? '—'}).`,
      link: link(row),
    }),
  }, {});
}

export async function provideInformation(deps: AuthorisationDeps, agb: string, id: unknown, input: { answer: unknown }): Promise<Result<AuthorisationDetail>> {
  const answer = boundedText(input.answer, 'answer', 'Het antwoord', 1, QUESTION_MAX_LENGTH);
  if (!answer.ok) return answer;
  return runStep(deps, id, {
    action: 'provide-information', side: 'provider', event: 'information-provided', audit: 'authorisation.provide-information', message: answer.value,
    patch: () => ({}),
    notice: (row, d) => ({
      kind: 'authorisation.information-provided',
      title: `Antwoord op vraag bij machtigingsaanvraag ${row.id}`,
      body: `Zorgaanbieder ${row.agb} heeft de gevraagde informatie gegeven. De termijn loopt weer: beslissen uiterlijk ${d.clock.due_date ?? '—'}.`,
      link: link(row),
    }),
  }, { agb });
}

export async function decideAuthorisation(deps: AuthorisationDeps, id: unknown, input: { decision: unknown; reason: unknown }): Promise<Result<AuthorisationDetail>> {
  const decision = input.decision === 'approve' || input.decision === 'approved' ? 'approved' : input.decision === 'reject' || input.decision === 'rejected' ? 'rejected' : null;
  if (decision === null) return fail('invalid_input', "Besluit: 'approve' (goedkeuren) of 'reject' (afwijzen).", [{ field: 'decision', message: 'Onbekend besluit.' }]);
  const reason = boundedText(input.reason, 'reason', 'De motivering van het besluit', 3, REASON_MAX_LENGTH);
  if (!reason.ok) return reason;
  return runStep(deps, id, {
    action: decision === 'approved' ? 'approve' : 'reject', side: 'insurer', event: 'decided', audit: 'authorisation.decide', message: reason.value,
    patch: () => ({ decision, decision_reason: reason.value, decided_at: deps.now, decided_by: who(deps.actor) }),
    notice: (row, d) => ({
      kind: `authorisation.${decision}`,
      title: `Machtigingsaanvraag ${row.id} ${STATUS_TEXT[decision]}`,
      body: `Uw aanvraag ${ref(d)} voor ${d.treatment_title.toLowerCase()} is ${STATUS_TEXT[decision]}: ${reason.value}${decision === 'rejected' ? ' Is de verzekerde het er niet mee eens, verwijs hem dan naar Zilveren Kruis (MSZ Bijlage 1 art. 6 item 23).' : ''}`,
      link: link(row),
    }),
  }, {});
}

export async function withdrawAuthorisation(deps: AuthorisationDeps, agb: string, id: unknown, input: { reason?: unknown } = {}): Promise<Result<AuthorisationDetail>> {
  const reason = input.reason === undefined || input.reason === null || input.reason === '' ? ok(null) : boundedText(input.reason, 'reason', 'De toelichting', 1, REASON_MAX_LENGTH);
  if (!reason.ok) return reason;
  return runStep(deps, id, {
    action: 'withdraw', side: 'provider', event: 'withdrawn', audit: 'authorisation.withdraw', message: reason.value,
    patch: () => ({ withdrawn_at: deps.now }),
    notice: (row) => ({ kind: 'authorisation.withdrawn', title: `Machtigingsaanvraag ${row.id} ingetrokken`, body: `Zorgaanbieder ${row.agb} heeft de aanvraag ingetrokken.`, link: link(row) }),
  }, { agb });
}
