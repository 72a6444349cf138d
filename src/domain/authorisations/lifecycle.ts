/**
 * The states of an authorisation request and who moves it (MSZ Bijlage 1 art. 6 items 20-23):
 *
 *   submitted ──request-information (insurer)──▶ info-requested ──provide-information (provider)──▶ submitted
 *   submitted | info-requested ──decide (insurer)──▶ approved | rejected
 *   submitted | info-requested ──withdraw (provider)──▶ withdrawn
 *   submitted | info-requested ──schedule-consultation (insurer)──▶ the same status (item 22: the
 *     clock pauses up to the consultation date; see `consultation.ts`)
 *
 * approved, rejected and withdrawn are final. Pure.
 */
import { fail, ok, type Result } from '../errors.js';

export const AUTHORISATION_STATUSES = ['submitted', 'info-requested', 'approved', 'rejected', 'withdrawn'] as const;
export type AuthorisationStatus = (typeof AUTHORISATION_STATUSES)[number];
export const FINAL_STATUSES: readonly AuthorisationStatus[] = ['approved', 'rejected', 'withdrawn'];
export const OPEN_STATUSES: readonly AuthorisationStatus[] = ['submitted', 'info-requested'];

export type AuthorisationAction = 'request-information' | 'provide-information' | 'schedule-consultation' | 'approve' | 'reject' | 'withdraw';
export type ActingSide = 'insurer' | 'provider';

/** `to: null`: the status stays as it is. */
const RULES: Record<AuthorisationAction, { side: ActingSide; from: readonly AuthorisationStatus[]; to: AuthorisationStatus | null }> = {
  'request-information': { side: 'insurer', from: ['submitted'], to: 'info-requested' },
  'provide-information': { side: 'provider', from: ['info-requested'], to: 'submitted' },
  'schedule-consultation': { side: 'insurer', from: OPEN_STATUSES, to: null },
  approve: { side: 'insurer', from: OPEN_STATUSES, to: 'approved' },
  reject: { side: 'insurer', from: OPEN_STATUSES, to: 'rejected' },
  withdraw: { side: 'provider', from: OPEN_STATUSES, to: 'withdrawn' },
};

export const STATUS_TEXT: Record<AuthorisationStatus, string> = {
  submitted: 'ingediend',
  'info-requested': 'nadere informatie gevraagd',
  approved: 'goedgekeurd',
  rejected: 'afgewezen',
  withdrawn: 'ingetrokken',
};

/** The status `action` leads to from `status`, or why it is refused. */
export function nextStatus(status: AuthorisationStatus, action: AuthorisationAction, side: ActingSide): Result<AuthorisationStatus> {
  const rule = RULES[action];
  if (rule.side !== side) {
    return fail('forbidden', rule.side === 'insurer' ? 'Alleen de zorgverzekeraar (medisch adviseur of controller) doet dit.' : 'Alleen de zorgaanbieder zelf doet dit.');
  }
  if (FINAL_STATUSES.includes(status)) return fail('conflict', `De aanvraag is al afgehandeld (${STATUS_TEXT[status]}); dat is definitief.`);
  if (!rule.from.includes(status)) {
    const why = action === 'provide-information' ? 'er staat geen vraag om nadere informatie open' : action === 'request-information' ? 'er staat al een vraag om nadere informatie open' : `de status is '${STATUS_TEXT[status]}'`;
    return fail('conflict', `Dat kan nu niet: ${why}.`);
  }
  return ok(rule.to ?? status);
}
