/**
 * Deadlines that act (MSZ §5, §7), applied by the sweep job through `dueEvents`:
 * - concept feedback deadline passed without feedback: consent by silence (MSZ §5);
 * - regular response deadline passed without a response: response overdue, into negotiation;
 * - hard negotiation deadline passed without onderhandelakkoord: no agreement (an accepted proposal
 *   waits for the purchaser instead; a digital provider may still sign until the portal closes);
 * - signing deadline passed unsigned: no agreement;
 * - publication date reached with a fixed price list: published.
 * And the steps past their date that no deadline settles (`overdueItems`), for the pipeline.
 */
import { dutchDate, isInTime, localDateIn, type ContractDeadlines, type Deadline, type DeadlineKey } from './deadlines.js';
import { UNSIGNED_STATES, type ContractEvent, type ContractState, type TransitionContext } from './contract-types.js';
import { transition } from './state-machine.js';

/** The events the deadline sweep applies, in this order, until none applies. */
export const JOB_EVENTS: readonly ContractEvent[] = [
  { type: 'publish-concept' },
  { type: 'concept-deadline' },
  { type: 'response-deadline' },
  { type: 'negotiation-deadline' },
  { type: 'signing-deadline' },
  { type: 'publish' },
];

/**
 * What the deadlines do to `state` at `now`: each applicable job event in order, repeated until
 * none applies (e.g. an unswept regular proposal on 2 November goes to negotiating, then to no
 * agreement). Applying the result again changes nothing: the sweep is idempotent.
 */
export function dueEvents(state: ContractState, context: Omit<TransitionContext, 'by'>): { events: ContractEvent[]; state: ContractState } {
  const events: ContractEvent[] = [];
  let current = state;
  for (let progressed = true; progressed; ) {
    progressed = false;
    for (const event of JOB_EVENTS) {
      const next = transition(current, event, { ...context, by: 'job' });
      if (!next.ok) continue;
      events.push(event);
      current = next.value.state;
      progressed = true;
      break;
    }
  }
  return { events, state: current };
}

export type OverdueKind = 'proposal-not-sent' | 'response-overdue' | 'onderhandelakkoord-missing' | 'signature-missing' | 'price-list-not-fixed';

export interface OverdueItem {
  kind: OverdueKind;
  deadline: Deadline;
  /** Dutch. */
  message: string;
}

/** Steps past their date that the deadlines do not settle by themselves: for the purchasers' pipeline. */
export function overdueItems(state: ContractState, deadlines: ContractDeadlines, now: Date): OverdueItem[] {
  const today = localDateIn(now, deadlines.timeZone);
  const late = (key: DeadlineKey) => {
    const d = deadlines.dates[key];
    return d && !isInTime(today, d, deadlines.inclusive) ? d : undefined;
  };
  const items: OverdueItem[] = [];
  const proposal = late('proposal');
  if (proposal && (state.status === 'invited' || state.status === 'concept-out')) {
    items.push({ kind: 'proposal-not-sent', deadline: proposal, message: `Voorstel nog niet verstuurd (gepland ${dutchDate(proposal.date)}).` });
  }
  const response = late('response');
  if (response && (state.status === 'proposal-sent' || (state.status === 'negotiating' && state.responseOverdue))) {
    items.push({ kind: 'response-overdue', deadline: response, message: `Geen reactie op het voorstel ontvangen vóór ${dutchDate(response.date)}.` });
  }
  const negotiation = late('negotiation');
  if (negotiation && ['proposal-sent', 'provider-responded', 'negotiating'].includes(state.status) && !(state.path === 'digital' && state.status === 'proposal-sent')) {
    items.push({ kind: 'onderhandelakkoord-missing', deadline: negotiation, message: `Geen onderhandelakkoord vastgelegd uiterlijk ${dutchDate(negotiation.date)}.` });
  }
  const signing = late('signing');
  if (signing && UNSIGNED_STATES.includes(state.status)) {
    items.push({ kind: 'signature-missing', deadline: signing, message: `Overeenkomst niet getekend uiterlijk ${dutchDate(signing.date)}.` });
  }
  if (signing && state.status === 'signed') {
    items.push({ kind: 'price-list-not-fixed', deadline: signing, message: `Prijslijst niet vastgesteld uiterlijk ${dutchDate(signing.date)}.` });
  }
  return items;
}
