/**
 * What both sides see of an authorisation request: a summary for the lists (with the decision
 * clock) and the full request with its plan, attachments and history. The clock is computed from the
 * history (`decisionClock`): received, every question and answer, every consultation scheduled at the
 * advising dentist's consultation hour, the decision.
 */
import { decisionClock, pausesOf, STATUS_TEXT, treatmentKinds, type AuthorisationStatus, type DecisionClock, type PlanLine, type Requirement } from '../../domain/authorisations/index.js';
import { maskBsn } from '../../domain/identifiers/index.js';
import type { AttachmentMeta, AuthorisationRow, EventRow } from './store.js';
import { todayIn, type TermSettings } from './settings.js';

export interface AuthorisationSummary {
  id: number;
  agb: string;
  provider_name: string | null;
  provider_reference: string | null;
  patient_name: string;
  /** Masked in lists; the full number is in the request itself. */
  patient_bsn_masked: string;
  patient_birth_date: string;
  treatment_kind: string;
  treatment_title: string;
  treatment_date: string;
  total_cents: number;
  in_doubt: boolean;
  status: AuthorisationStatus;
  status_text: string;
  received_at: string;
  decided_at: string | null;
  decision: 'approved' | 'rejected' | null;
  /** The insurer's open question while information is requested. */
  open_question: string | null;
  clock: DecisionClock;
}

export interface HistoryEntry {
  id: number;
  event: EventRow['event'];
  at: string;
  role: EventRow['actor_role'];
  by: string | null;
  message: string | null;
  /** The consultation-hour date of a 'consultation-scheduled' entry, else null. */
  consultation_date: string | null;
}

export interface AttachmentView {
  id: number;
  kind: AttachmentMeta['kind'];
  file_name: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  uploaded_by: string;
  uploaded_at: string;
}

export interface AuthorisationDetail extends AuthorisationSummary {
  policy_id: string;
  patient: { bsn: string; name: string; birth_date: string };
  treatment_plan: string;
  plan_lines: PlanLine[];
  technique_costs_cents: number;
  requirement: Requirement;
  submitted_by: string;
  decision_reason: string | null;
  decided_by: string | null;
  withdrawn_at: string | null;
  attachments: AttachmentView[];
  history: HistoryEntry[];
}

const iso = (value: Date | string): string => new Date(value).toISOString();

export function clockOf(row: AuthorisationRow, events: readonly EventRow[], settings: TermSettings, now: Date): DecisionClock {
  return decisionClock({
    receivedOn: todayIn(new Date(row.received_at), settings.timeZone),
    workingDays: settings.workingDays,
    // Each event on its calendar day in the policy's time zone: questions, answers and consultations pause the clock.
    pauses: pausesOf(events.map((e) => ({ event: e.event, on: todayIn(new Date(e.at), settings.timeZone), consultation_date: e.consultation_date }))),
    decidedOn: row.decided_at === null ? null : todayIn(new Date(row.decided_at), settings.timeZone),
    today: todayIn(now, settings.timeZone),
    source: settings.source,
  });
}

function openQuestion(row: AuthorisationRow, events: readonly EventRow[]): string | null {
  if (row.status !== 'info-requested') return null;
  return events.filter((e) => e.event === 'information-requested').at(-1)?.message ?? null;
}

export function summaryView(row: AuthorisationRow, events: readonly EventRow[], linesTotal: number, settings: TermSettings, now: Date): AuthorisationSummary {
  const kind = treatmentKinds(settings.policy).find((k) => k.id === row.treatment_kind);
  return {
    id: row.id,
    agb: row.agb,
    provider_name: row.provider_name,
    provider_reference: row.provider_reference,
    patient_name: row.patient_name,
    patient_bsn_masked: maskBsn(row.patient_bsn),
    patient_birth_date: row.patient_birth_date,
    treatment_kind: row.treatment_kind,
    treatment_title: kind?.title ?? row.treatment_kind,
    treatment_date: row.treatment_date,
    total_cents: linesTotal + row.technique_costs_cents,
    in_doubt: row.in_doubt,
    status: row.status,
    status_text: STATUS_TEXT[row.status],
    received_at: iso(row.received_at),
    decided_at: row.decided_at === null ? null : iso(row.decided_at),
    decision: row.decision,
    open_question: openQuestion(row, events),
    clock: clockOf(row, events, settings, now),
  };
}

export function detailView(
  row: AuthorisationRow,
  parts: { events: readonly EventRow[]; lines: PlanLine[]; attachments: readonly AttachmentMeta[] },
  settings: TermSettings,
  now: Date,
): AuthorisationDetail {
  const linesTotal = parts.lines.reduce((sum, l) => sum + l.amount_cents, 0);
  return {
    ...summaryView(row, parts.events, linesTotal, settings, now),
    policy_id: row.policy_id,
    patient: { bsn: row.patient_bsn, name: row.patient_name, birth_date: row.patient_birth_date },
    treatment_plan: row.treatment_plan,
    plan_lines: parts.lines,
    technique_costs_cents: row.technique_costs_cents,
    requirement: row.requirement as Requirement,
    submitted_by: row.submitted_by,
    decision_reason: row.decision_reason,
    decided_by: row.decided_by,
    withdrawn_at: row.withdrawn_at === null ? null : iso(row.withdrawn_at),
    attachments: parts.attachments.map((a) => ({
      id: a.id,
      kind: a.kind,
      file_name: a.file_name,
      media_type: a.media_type,
      size_bytes: a.size_bytes,
      sha256: a.sha256,
      uploaded_by: a.uploaded_by,
      uploaded_at: iso(a.uploaded_at),
    })),
    history: parts.events.map((e) => ({ id: e.id, event: e.event, at: iso(e.at), role: e.actor_role, by: e.actor_email, message: e.message, consultation_date: e.consultation_date })),
  };
}
