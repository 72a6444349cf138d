/**
 * The contracting process of one provider in one contract year (MSZ §5, §7) as an explicit state
 * machine. `TRANSITIONS` is the whole machine: from which states an event may happen, to which state
 * it leads, who may cause it (a role, or `job` for the deadline sweep), the guard and its source.
 * `transition` applies one event or returns a typed error: `conflict` (not from this state, or not
 * yet), `forbidden` (not this actor) or `deadline_passed`. Pure: the instant comes in the context and
 * is compared by calendar day in the policy's time zone. What the deadlines do by themselves is in
 * `sweep.ts`.
 */
import { ok, type Result } from '../errors.js';
import { localDateIn, type ContractPath } from './deadlines.js';
import { accepted, after, all, always, conceptOpen, from, onPath, signatory, silent, unless, until, when } from './guards.js';
import {
  CONTRACT_EVENT_TYPES,
  UNSIGNED_STATES,
  type ContractEvent,
  type ContractEventType,
  type ContractState,
  type TransitionContext,
  type TransitionError,
  type TransitionRule,
} from './contract-types.js';

export const TRANSITIONS: readonly TransitionRule[] = [
  {
    from: ['invited'],
    event: 'publish-concept',
    to: 'concept-out',
    who: ['purchaser', 'job'],
    guard: from('conceptPublication', 'publicatie conceptovereenkomst (1 juni)'),
    source: 'MSZ §5; MSZ §7 (1 juni 2017)',
    notify: ['provider'],
  },
  {
    from: ['concept-out', 'proposal-sent', 'provider-responded', 'negotiating', 'onderhandelakkoord', 'signed', 'price-list-fixed'],
    event: 'give-concept-feedback',
    to: 'unchanged',
    who: ['provider'],
    guard: all(until('conceptFeedback', 'deadline feedback (10 juli)'), conceptOpen),
    source: 'MSZ §5 ("U kunt uw reactie geven voor 10 juli 2017"); MSZ §7; besluit deadline-inclusive',
    notify: ['purchasers'],
  },
  {
    from: ['concept-out', 'proposal-sent', 'provider-responded', 'negotiating', 'onderhandelakkoord', 'signed', 'price-list-fixed'],
    event: 'concept-deadline',
    to: 'unchanged',
    who: ['job'],
    guard: all(after('conceptFeedback', 'deadline feedback (10 juli)'), silent),
    source: 'MSZ §5 ("Als u geen tijdige reactie stuurt, gaan we ervan uit dat u met de inhoud akkoord bent"); parameter concept_feedback_silence_is_consent',
    notify: ['provider'],
  },
  {
    from: ['concept-out'],
    event: 'send-proposal',
    to: 'proposal-sent',
    who: ['purchaser'],
    guard: unless(from('proposal', 'voorstel in het portaal (22 september)'), (i) => i.state.path === 'regular', 'regulier: vóór 15 juli (te laat = achterstallig); digitaal: vanaf 22 september'),
    source: 'MSZ §5 stap 2 (regulier: "voor 15 juli 2017"; digitaal: "op 22 september 2017"); MSZ §7',
    notify: ['provider'],
  },
  {
    from: ['proposal-sent'],
    event: 'respond',
    to: 'provider-responded',
    who: ['provider'],
    guard: all(unless(until('response', 'reactie aanbieders (1 september)'), (i) => i.state.path === 'digital', 'regulier: tot en met 1 september'), until('signing', 'sluiting portaal / getekend contract')),
    source: 'MSZ §5 stap 2 ("Wij verwachten van u op 1 september 2017 een reactie"); MSZ §7',
    notify: ['purchasers'],
  },
  {
    from: ['proposal-sent'],
    event: 'response-deadline',
    to: 'negotiating',
    who: ['job'],
    guard: all(onPath('regular'), after('response', 'reactie aanbieders (1 september)')),
    source: 'MSZ §5 stap 2; MSZ §7 (1 september 2017)',
    notify: ['provider', 'purchasers'],
  },
  {
    from: ['provider-responded'],
    event: 'start-negotiation',
    to: 'negotiating',
    who: ['purchaser'],
    guard: until('negotiation', 'onderhandelakkoord uiterlijk (1 november)'),
    source: 'MSZ §5 stap 2',
    notify: ['provider'],
  },
  {
    from: ['provider-responded', 'negotiating'],
    event: 'record-onderhandelakkoord',
    to: 'onderhandelakkoord',
    who: ['purchaser'],
    guard: unless(until('negotiation', 'onderhandelakkoord uiterlijk (1 november)'), accepted, 'tot en met 1 november; een geaccepteerd voorstel ook later'),
    source: 'MSZ §5 stap 2 ("Uiterlijk 1 november 2017 ... vastgelegd in een onderhandelakkoord"); parameter negotiation_deadline_event',
    notify: ['provider'],
  },
  {
    from: ['proposal-sent', 'provider-responded', 'negotiating'],
    event: 'negotiation-deadline',
    to: 'no-agreement',
    who: ['job'],
    guard: all(
      after('negotiation', 'onderhandelakkoord uiterlijk (1 november)'),
      when('geen geaccepteerd voorstel', (i) => !accepted(i), 'Het voorstel is geaccepteerd; het akkoord wacht op de zorginkoper.'),
      when('digitaal voorstel zonder reactie blijft tekenbaar', (i) => !(i.state.path === 'digital' && i.state.status === 'proposal-sent'), 'Op het digitale pad kan tot de sluiting van het portaal worden getekend.'),
    ),
    source: 'MSZ §5 stap 2 en 3; MSZ §7; besluit negotiation-deadline',
    notify: ['provider', 'purchasers'],
  },
  {
    from: ['onderhandelakkoord'],
    event: 'sign',
    to: 'signed',
    who: ['provider'],
    guard: all(signatory, until('signing', 'getekend contract / sluiting portaal (31 december)')),
    source: 'MSZ §5 stap 3 ("een door beide partijen getekende overeenkomst"); MSZ §7 (31 december 2017)',
    notify: ['purchasers', 'provider'],
  },
  {
    from: ['proposal-sent', 'provider-responded'],
    event: 'sign',
    to: 'signed',
    who: ['provider'],
    guard: all(
      onPath('digital'),
      when('voorstel niet tegengesproken', (i) => i.state.response !== 'countered', 'Na een tegenvoorstel wordt eerst een onderhandelakkoord vastgelegd.'),
      signatory,
      until('signing', 'sluiting Zorgverlenersportaal'),
    ),
    source: 'MSZ §5 digitaal stap 2 ("Tot aan de sluiting van het Zorgverlenersportaal kunt u uw overeenkomst digitaal ondertekenen"); parameter digital_signing_deadline',
    notify: ['purchasers', 'provider'],
  },
  {
    from: ['signed'],
    event: 'fix-price-list',
    to: 'price-list-fixed',
    who: ['purchaser'],
    guard: always,
    source: 'MSZ §5 stap 3 ("een geaccordeerde prijslijst in Vecozo"); na 31 december achterstallig',
    notify: ['provider'],
  },
  {
    from: ['price-list-fixed'],
    event: 'publish',
    to: 'published',
    who: ['purchaser', 'job'],
    guard: from('publication', 'publiceren gecontracteerde zorg (12 november)'),
    source: 'MSZ §5 stap 3 ("Op 12 november maken wij bekend ... welke aanbieders wij gecontracteerd hebben"); MSZ §7',
    notify: ['provider'],
  },
  {
    from: UNSIGNED_STATES,
    event: 'decline',
    to: 'no-agreement',
    who: ['purchaser'],
    guard: always,
    source: 'MSZ §2 (5. geen overeenkomst: prijs- en/of volumeniveau te hoog)',
    notify: ['provider'],
  },
  {
    from: UNSIGNED_STATES,
    event: 'signing-deadline',
    to: 'no-agreement',
    who: ['job'],
    guard: after('signing', 'getekend contract / sluiting portaal (31 december)'),
    source: 'MSZ §5 stap 3 ("Uiterlijk 31 december 2017 willen we de contractering afsluiten"); MSZ §7',
    notify: ['provider', 'purchasers'],
  },
];

/** The start of every process: the provider is invited on the path of its agreement decision. */
export function initialState(path: ContractPath): ContractState {
  return { path, status: 'invited', concept: 'not-published', response: null, responseOverdue: false };
}

export function ruleFor(state: ContractState, type: ContractEventType): TransitionRule | undefined {
  return TRANSITIONS.find((r) => r.event === type && r.from.includes(state.status));
}

/** The next state after `event`, or why not. */
export function transition(state: ContractState, event: ContractEvent, context: TransitionContext): Result<{ state: ContractState; rule: TransitionRule }, TransitionError> {
  const rule = ruleFor(state, event.type);
  if (!rule) {
    return { ok: false, error: { code: 'conflict', message: `'${event.type}' is niet mogelijk in de status '${state.status}'.` } };
  }
  if (!rule.who.includes(context.by)) {
    return { ok: false, error: { code: 'forbidden', message: `'${event.type}' is voorbehouden aan ${rule.who.join(' of ')}.` } };
  }
  const today = localDateIn(context.now, context.deadlines.timeZone);
  const error = rule.guard.check({ state, event, context, today });
  if (error) return { ok: false, error };
  return ok({ state: apply(state, event, rule), rule });
}

function apply(state: ContractState, event: ContractEvent, rule: TransitionRule): ContractState {
  const status = rule.to === 'unchanged' ? state.status : rule.to;
  switch (event.type) {
    case 'publish-concept':
      return { ...state, status, concept: 'open' };
    case 'give-concept-feedback':
      return { ...state, status, concept: 'feedback-given' };
    case 'concept-deadline':
      return { ...state, status, concept: 'consent-by-silence' };
    case 'respond':
      return { ...state, status, response: event.response };
    case 'response-deadline':
      return { ...state, status, responseOverdue: true };
    case 'sign':
      // On the digital path signing the offered agreement is accepting it.
      return { ...state, status, response: state.response ?? 'accepted' };
    default:
      return { ...state, status };
  }
}

/** The events `by` may cause now (payloads left out): what a screen offers as actions. */
export function availableEvents(state: ContractState, context: TransitionContext): ContractEventType[] {
  const sample: Record<ContractEventType, ContractEvent> = {
    'publish-concept': { type: 'publish-concept' },
    'give-concept-feedback': { type: 'give-concept-feedback', feedback: '-' },
    'concept-deadline': { type: 'concept-deadline' },
    'send-proposal': { type: 'send-proposal' },
    respond: { type: 'respond', response: 'accepted' },
    'response-deadline': { type: 'response-deadline' },
    'start-negotiation': { type: 'start-negotiation' },
    'record-onderhandelakkoord': { type: 'record-onderhandelakkoord' },
    'negotiation-deadline': { type: 'negotiation-deadline' },
    sign: { type: 'sign' },
    'fix-price-list': { type: 'fix-price-list' },
    publish: { type: 'publish' },
    decline: { type: 'decline', reason: '-' },
    'signing-deadline': { type: 'signing-deadline' },
  };
  return CONTRACT_EVENT_TYPES.filter((type) => transition(state, sample[type], context).ok);
}

