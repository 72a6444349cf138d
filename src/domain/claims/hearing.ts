/**
 * The hearing of a claim-check finding (hoor en wederhoor; MSZ §6, Regeling zorgverzekering
 * art. 7.5-7.10): open → sent (to the provider, with a response term) → responded → upheld |
 * withdrawn. Pure: dates are `YYYY-MM-DD` in Europe/Amsterdam, passed in by the caller.
 *
 * - The response term is `hearing_response_working_days` working days after the day of sending
 *   (Dutch public holidays excluded); a response on the last day is on time (decision
 *   `deadline-inclusive`), a later one is refused.
 * - A finding whose upheld outcome is a reclaim (action `reclaim`, or `review` under a rule whose
 *   `on_confirmed` is `reclaim`) is upheld only after the provider responded or its term passed,
 *   when `reclaim_requires_hearing` holds. Withdrawing is always possible until a decision is final.
 * - `upheld` and `withdrawn` are final.
 */
import { addWorkingDays, type LocalDate } from '../calendar/working-days.js';
import { fail, ok, type Result } from '../errors.js';
import type { FindingAction } from './types.js';

export const FINDING_STATUSES = ['open', 'sent', 'responded', 'upheld', 'withdrawn'] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];
export const FINAL_STATUSES: readonly FindingStatus[] = ['upheld', 'withdrawn'];

export type FindingDecision = 'uphold' | 'withdraw';
/** What an upheld finding means for the claim: not paid (reject), paid back (reclaim), or nothing financial. */
export type UpheldOutcome = 'reject' | 'reclaim' | null;

/** The outcome of upholding a finding: its action, or for a review the rule's `on_confirmed`. */
export function upheldOutcome(action: FindingAction, onConfirmed: 'reject' | 'reclaim' | undefined): UpheldOutcome {
  if (action === 'review') return onConfirmed ?? null;
  return action;
}

/** The last day a provider may respond to a finding sent on `sentOn`. */
export function responseDue(sentOn: LocalDate, workingDays: number): LocalDate {
  return addWorkingDays(sentOn, workingDays);
}

export interface HearingState {
  status: FindingStatus;
  /** Set once sent. */
  responseDue: LocalDate | null;
}

/** Whether the provider may respond today. */
export function checkResponse(finding: HearingState, today: LocalDate): Result<'responded'> {
  if (finding.status === 'responded') return fail('conflict', 'U heeft al op deze bevinding gereageerd.');
  if (finding.status !== 'sent') return fail('conflict', `Op deze bevinding kan niet (meer) worden gereageerd: de status is '${finding.status}'.`);
  if (finding.responseDue !== null && today > finding.responseDue) {
    return fail('deadline_passed', `De reactietermijn is verstreken: reageren kon tot en met ${finding.responseDue}.`, [{ field: 'response', message: `Termijn verstreken op ${finding.responseDue}.` }]);
  }
  return ok('responded');
}

export interface DecisionInput extends HearingState {
  outcome: UpheldOutcome;
  /** Policy parameter `reclaim_requires_hearing`. */
  reclaimRequiresHearing: boolean;
}

/** Whether the decision may be taken today, and the status it leads to. */
export function checkDecision(finding: DecisionInput, decision: FindingDecision, today: LocalDate): Result<'upheld' | 'withdrawn'> {
  if (FINAL_STATUSES.includes(finding.status)) {
    return fail('conflict', `Over deze bevinding is al besloten (status '${finding.status}'); dat besluit is definitief.`);
  }
  if (decision === 'withdraw') return ok('withdrawn');
  if (finding.outcome !== 'reclaim' || !finding.reclaimRequiresHearing || finding.status === 'responded') return ok('upheld');
  if (finding.status === 'open') {
    return fail('conflict', 'Deze terugvordering kan nog niet worden gehandhaafd: de bevinding is nog niet aan de zorgaanbieder voorgelegd. Voor een terugvordering wordt de aanbieder eerst gehoord (hoor en wederhoor, MSZ §6; Regeling zorgverzekering art. 7.9). Verstuur de bevinding eerst.');
  }
  if (finding.responseDue === null || today <= finding.responseDue) {
    return fail('conflict', `Deze terugvordering kan nog niet worden gehandhaafd: de zorgaanbieder heeft nog niet gereageerd en kan dat tot en met ${finding.responseDue ?? 'het einde van de termijn'} doen (hoor en wederhoor, MSZ §6; Regeling zorgverzekering art. 7.9). Handhaaf na de reactie of na het verstrijken van de termijn, of trek de bevinding in.`);
  }
  return ok('upheld');
}
