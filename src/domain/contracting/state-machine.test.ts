/// <reference types="vite/client" />
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import mszYaml from '../../../policies/msz-2018.yaml?raw';
import { expectOk } from '../errors.js';
import { parsePolicy, type MszPolicy, type PolicyParameter } from '../policy/index.js';
import {
  CONTRACT_EVENT_TYPES,
  CONTRACT_STATES,
  FINAL_STATES,
  TRANSITIONS,
  availableEvents,
  contractDeadlines,
  dueEvents,
  initialState,
  localDateIn,
  overdueItems,
  transition,
  type ContractDeadlines,
  type ContractEvent,
  type ContractPath,
  type ContractState,
  type ContractStatus,
  type TransitionContext,
  type Who,
} from './index.js';

function loadMsz(): MszPolicy {
  const policy = expectOk(parsePolicy(parse(mszYaml), 'policies/msz-2018.yaml'));
  if (policy.kind !== 'msz') throw new Error('verwacht een MSZ-beleid');
  return policy;
}
const policy = loadMsz();

function withParameter(base: MszPolicy, id: string, value: unknown): MszPolicy {
  expect(base.parameters.some((p) => p.id === id)).toBe(true);
  return { ...base, parameters: base.parameters.map((p) => (p.id === id ? ({ ...p, value } as PolicyParameter) : p)) };
}

const deadlinesFor = (path: ContractPath, p: MszPolicy = policy): ContractDeadlines => expectOk(contractDeadlines(p, path));
const REGULAR = deadlinesFor('regular');
const DIGITAL = deadlinesFor('digital');

/** A wall-clock time in Amsterdam (2017: summer time from 26 March to 29 October). */
const ams = (date: string, time = '12:00:00') => new Date(`${date}T${time}${date >= '2017-03-26' && date < '2017-10-29' ? '+02:00' : '+01:00'}`);

const state = (status: ContractStatus, over: Partial<ContractState> = {}): ContractState => ({
  path: 'regular',
  status,
  concept: status === 'invited' ? 'not-published' : 'feedback-given',
  response: null,
  responseOverdue: false,
  ...over,
});

function ctx(date: string, by: Who, over: Partial<TransitionContext> = {}): TransitionContext {
  return { now: ams(date), deadlines: REGULAR, by, ...over };
}

const run = (s: ContractState, event: ContractEvent, context: TransitionContext) => transition(s, event, context);
const next = (s: ContractState, event: ContractEvent, context: TransitionContext): ContractState => {
  const result = run(s, event, context);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value.state;
};
const errorOf = (s: ContractState, event: ContractEvent, context: TransitionContext) => {
  const result = run(s, event, context);
  return result.ok ? 'ok' : result.error.code;
};

describe('deadlines from the policy calendar (MSZ §5, §7)', () => {
  it('reads the regular and digital dates, the time zone and the inclusive day', () => {
    const dates = (d: ContractDeadlines) => Object.fromEntries(Object.entries(d.dates).map(([k, v]) => [k, v.date]));
    expect(dates(REGULAR)).toEqual({
      conceptPublication: '2017-06-01',
      conceptFeedback: '2017-07-10',
      proposal: '2017-07-15',
      response: '2017-09-01',
      negotiationPlanned: '2017-10-31',
      negotiation: '2017-11-01',
      publication: '2017-11-12',
      signing: '2017-12-31',
    });
    expect(dates(DIGITAL)).toMatchObject({ proposal: '2017-09-22', signing: '2017-12-31', conceptFeedback: '2017-07-10' });
    expect(DIGITAL.dates.response).toBeUndefined();
    expect(REGULAR.timeZone).toBe('Europe/Amsterdam');
    expect(REGULAR.inclusive).toBe(true);
    expect(REGULAR.dates.negotiation?.event).toBe('onderhandelakkoord-uiterlijk');
    expect(DIGITAL.dates.signing?.source).toMatch(/digital_signing_deadline/);
  });

  it('takes the negotiation deadline and the portal closing from their parameters', () => {
    expect(deadlinesFor('regular', withParameter(policy, 'negotiation_deadline_event', 'onderhandelingen-afgerond')).dates.negotiation?.date).toBe('2017-10-31');
    expect(deadlinesFor('digital', withParameter(policy, 'digital_signing_deadline', '2017-12-15')).dates.signing?.date).toBe('2017-12-15');
  });

  it('names a missing calendar event', () => {
    const broken = { ...policy, calendar: policy.calendar.filter((e) => e.id !== 'reactie-aanbieders') };
    const result = contractDeadlines(broken, 'regular');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/reactie-aanbieders/);
  });

  it('compares by calendar day in Amsterdam, not UTC', () => {
    expect(localDateIn(new Date('2017-07-10T21:59:59Z'), 'Europe/Amsterdam')).toBe('2017-07-10');
    expect(localDateIn(new Date('2017-07-10T22:00:00Z'), 'Europe/Amsterdam')).toBe('2017-07-11');
    expect(localDateIn(new Date('2017-12-31T23:30:00Z'), 'Europe/Amsterdam')).toBe('2018-01-01');
  });
});

describe('the transition table', () => {
  it('covers every event, stays inside the state set and is deterministic', () => {
    expect(new Set(TRANSITIONS.map((r) => r.event))).toEqual(new Set(CONTRACT_EVENT_TYPES));
    for (const rule of TRANSITIONS) {
      for (const s of rule.from) expect(CONTRACT_STATES).toContain(s);
      if (rule.to !== 'unchanged') expect(CONTRACT_STATES).toContain(rule.to);
      expect(rule.source).toMatch(/MSZ/);
      expect(rule.who.length).toBeGreaterThan(0);
    }
    for (const event of CONTRACT_EVENT_TYPES) {
      for (const status of CONTRACT_STATES) {
        expect(TRANSITIONS.filter((r) => r.event === event && r.from.includes(status)).length, `${event} from ${status}`).toBeLessThanOrEqual(1);
      }
    }
  });

  it('has no way out of a final state', () => {
    for (const status of FINAL_STATES) expect(TRANSITIONS.filter((r) => r.from.includes(status))).toEqual([]);
  });

  it('refuses an event from a state it does not start from (conflict) and an actor it does not name (forbidden)', () => {
    expect(errorOf(state('invited'), { type: 'sign' }, ctx('2017-12-01', 'provider', { signatory: true }))).toBe('conflict');
    expect(errorOf(state('concept-out'), { type: 'send-proposal' }, ctx('2017-07-14', 'provider'))).toBe('forbidden');
    expect(errorOf(state('concept-out'), { type: 'send-proposal' }, ctx('2017-07-14', 'job'))).toBe('forbidden');
    expect(errorOf(state('proposal-sent'), { type: 'respond', response: 'accepted' }, ctx('2017-08-01', 'purchaser'))).toBe('forbidden');
  });
});

describe('transitions and their deadline borders', () => {
  it('publish-concept: from 1 June (purchaser or job), not the day before', () => {
    expect(errorOf(state('invited'), { type: 'publish-concept' }, ctx('2017-05-31', 'purchaser'))).toBe('conflict');
    expect(next(state('invited'), { type: 'publish-concept' }, ctx('2017-06-01', 'purchaser'))).toMatchObject({ status: 'concept-out', concept: 'open' });
    expect(next(state('invited'), { type: 'publish-concept' }, ctx('2017-06-01', 'job')).status).toBe('concept-out');
    expect(errorOf(state('invited'), { type: 'publish-concept' }, ctx('2017-06-01', 'provider'))).toBe('forbidden');
  });

  it('give-concept-feedback: up to and including 10 July in Amsterdam, refused a day late', () => {
    const open = state('concept-out', { concept: 'open' });
    const feedback: ContractEvent = { type: 'give-concept-feedback', feedback: 'Artikel 4 graag verduidelijken.' };
    expect(next(open, feedback, ctx('2017-07-10', 'provider')).concept).toBe('feedback-given');
    expect(next(open, feedback, { ...ctx('2017-07-10', 'provider'), now: ams('2017-07-10', '23:59:59') }).concept).toBe('feedback-given');
    expect(errorOf(open, feedback, { ...ctx('2017-07-11', 'provider'), now: ams('2017-07-11', '00:00:00') })).toBe('deadline_passed');
    expect(errorOf(open, feedback, ctx('2017-07-11', 'provider'))).toBe('deadline_passed');
    // Revising feedback before the deadline is allowed; after consent by silence it is too late.
    expect(next(state('concept-out', { concept: 'feedback-given' }), feedback, ctx('2017-07-09', 'provider')).status).toBe('concept-out');
    expect(errorOf(state('concept-out', { concept: 'consent-by-silence' }), feedback, ctx('2017-07-12', 'provider'))).toBe('deadline_passed');
    expect(errorOf(open, feedback, ctx('2017-07-01', 'purchaser'))).toBe('forbidden');
    // Still open while the proposal is already out.
    expect(next(state('proposal-sent', { concept: 'open' }), feedback, ctx('2017-07-05', 'provider'))).toMatchObject({ status: 'proposal-sent', concept: 'feedback-given' });
  });

  it('give-concept-feedback with deadline_day_inclusive false: the day itself is too late', () => {
    const exclusive = deadlinesFor('regular', withParameter(policy, 'deadline_day_inclusive', false));
    const feedback: ContractEvent = { type: 'give-concept-feedback', feedback: 'x' };
    expect(errorOf(state('concept-out', { concept: 'open' }), feedback, { ...ctx('2017-07-10', 'provider'), deadlines: exclusive })).toBe('deadline_passed');
    expect(errorOf(state('concept-out', { concept: 'open' }), feedback, { ...ctx('2017-07-09', 'provider'), deadlines: exclusive })).toBe('ok');
  });

  it('concept-deadline: silence becomes consent the day after the deadline (job only)', () => {
    const open = state('concept-out', { concept: 'open' });
    expect(errorOf(open, { type: 'concept-deadline' }, ctx('2017-07-10', 'job'))).toBe('conflict');
    expect(next(open, { type: 'concept-deadline' }, ctx('2017-07-11', 'job'))).toMatchObject({ status: 'concept-out', concept: 'consent-by-silence' });
    expect(errorOf(open, { type: 'concept-deadline' }, ctx('2017-07-11', 'purchaser'))).toBe('forbidden');
    expect(errorOf(state('concept-out', { concept: 'feedback-given' }), { type: 'concept-deadline' }, ctx('2017-07-11', 'job'))).toBe('conflict');
  });

  it('send-proposal: regular any time after the concept; digital from 22 September', () => {
    expect(next(state('concept-out'), { type: 'send-proposal' }, ctx('2017-07-14', 'purchaser')).status).toBe('proposal-sent');
    expect(next(state('concept-out'), { type: 'send-proposal' }, ctx('2017-08-14', 'purchaser')).status).toBe('proposal-sent');
    const digital = state('concept-out', { path: 'digital' });
    expect(errorOf(digital, { type: 'send-proposal' }, { ...ctx('2017-09-21', 'purchaser'), deadlines: DIGITAL })).toBe('conflict');
    expect(next(digital, { type: 'send-proposal' }, { ...ctx('2017-09-22', 'purchaser'), deadlines: DIGITAL }).status).toBe('proposal-sent');
    expect(errorOf(state('invited'), { type: 'send-proposal' }, ctx('2017-07-14', 'purchaser'))).toBe('conflict');
  });

  it('respond: regular up to and including 1 September; digital while the portal is open', () => {
    const sent = state('proposal-sent');
    expect(next(sent, { type: 'respond', response: 'accepted' }, ctx('2017-09-01', 'provider'))).toMatchObject({ status: 'provider-responded', response: 'accepted' });
    expect(next(sent, { type: 'respond', response: 'countered', reasons: 'Volume te laag.' }, ctx('2017-08-01', 'provider')).response).toBe('countered');
    expect(errorOf(sent, { type: 'respond', response: 'accepted' }, ctx('2017-09-02', 'provider'))).toBe('deadline_passed');
    const digital = state('proposal-sent', { path: 'digital' });
    expect(next(digital, { type: 'respond', response: 'accepted' }, { ...ctx('2017-12-31', 'provider'), deadlines: DIGITAL }).status).toBe('provider-responded');
    expect(errorOf(digital, { type: 'respond', response: 'accepted' }, { ...ctx('2018-01-01', 'provider'), deadlines: DIGITAL })).toBe('deadline_passed');
  });

  it('response-deadline: the day after 1 September, regular only, marks the response overdue and negotiates', () => {
    expect(errorOf(state('proposal-sent'), { type: 'response-deadline' }, ctx('2017-09-01', 'job'))).toBe('conflict');
    expect(next(state('proposal-sent'), { type: 'response-deadline' }, ctx('2017-09-02', 'job'))).toMatchObject({ status: 'negotiating', responseOverdue: true });
    expect(errorOf(state('proposal-sent', { path: 'digital' }), { type: 'response-deadline' }, { ...ctx('2017-09-02', 'job'), deadlines: DIGITAL })).toBe('conflict');
  });

  it('start-negotiation: up to and including 1 November', () => {
    const responded = state('provider-responded', { response: 'countered' });
    expect(next(responded, { type: 'start-negotiation' }, ctx('2017-11-01', 'purchaser')).status).toBe('negotiating');
    expect(errorOf(responded, { type: 'start-negotiation' }, ctx('2017-11-02', 'purchaser'))).toBe('deadline_passed');
  });

  it('record-onderhandelakkoord: up to and including the hard deadline; an accepted proposal also later', () => {
    expect(next(state('negotiating'), { type: 'record-onderhandelakkoord' }, ctx('2017-11-01', 'purchaser')).status).toBe('onderhandelakkoord');
    expect(errorOf(state('negotiating'), { type: 'record-onderhandelakkoord' }, ctx('2017-11-02', 'purchaser'))).toBe('deadline_passed');
    expect(next(state('provider-responded', { response: 'accepted' }), { type: 'record-onderhandelakkoord' }, ctx('2017-11-20', 'purchaser')).status).toBe('onderhandelakkoord');
    expect(errorOf(state('provider-responded', { response: 'countered' }), { type: 'record-onderhandelakkoord' }, ctx('2017-11-02', 'purchaser'))).toBe('deadline_passed');
    const planned = deadlinesFor('regular', withParameter(policy, 'negotiation_deadline_event', 'onderhandelingen-afgerond'));
    expect(errorOf(state('negotiating'), { type: 'record-onderhandelakkoord' }, { ...ctx('2017-10-31', 'purchaser'), deadlines: planned })).toBe('ok');
    expect(errorOf(state('negotiating'), { type: 'record-onderhandelakkoord' }, { ...ctx('2017-11-01', 'purchaser'), deadlines: planned })).toBe('deadline_passed');
    expect(errorOf(state('negotiating'), { type: 'record-onderhandelakkoord' }, ctx('2017-10-01', 'provider'))).toBe('forbidden');
  });

  it('negotiation-deadline: the day after 1 November ends unresolved negotiations without agreement', () => {
    expect(errorOf(state('negotiating'), { type: 'negotiation-deadline' }, ctx('2017-11-01', 'job'))).toBe('conflict');
    expect(next(state('negotiating'), { type: 'negotiation-deadline' }, ctx('2017-11-02', 'job')).status).toBe('no-agreement');
    expect(next(state('provider-responded', { response: 'countered' }), { type: 'negotiation-deadline' }, ctx('2017-11-02', 'job')).status).toBe('no-agreement');
    expect(errorOf(state('provider-responded', { response: 'accepted' }), { type: 'negotiation-deadline' }, ctx('2017-11-02', 'job'))).toBe('conflict');
    expect(errorOf(state('proposal-sent', { path: 'digital' }), { type: 'negotiation-deadline' }, { ...ctx('2017-11-02', 'job'), deadlines: DIGITAL })).toBe('conflict');
  });

  it('sign: a signatory up to and including 31 December; a non-signatory never', () => {
    const agreed = state('onderhandelakkoord', { response: 'accepted' });
    expect(next(agreed, { type: 'sign' }, ctx('2017-12-31', 'provider', { signatory: true })).status).toBe('signed');
    expect(next(agreed, { type: 'sign' }, { ...ctx('2017-12-31', 'provider', { signatory: true }), now: ams('2017-12-31', '23:59:59') }).status).toBe('signed');
    expect(errorOf(agreed, { type: 'sign' }, { ...ctx('2018-01-01', 'provider', { signatory: true }), now: ams('2018-01-01', '00:00:00') })).toBe('deadline_passed');
    expect(errorOf(agreed, { type: 'sign' }, ctx('2017-12-01', 'provider', { signatory: false }))).toBe('forbidden');
    expect(errorOf(agreed, { type: 'sign' }, ctx('2017-12-01', 'purchaser'))).toBe('forbidden');
  });

  it('sign on the digital path: straight from the proposal, until the portal closes; not after a counter', () => {
    const digital = (status: ContractStatus, over: Partial<ContractState> = {}) => state(status, { path: 'digital', ...over });
    const c = (date: string) => ({ ...ctx(date, 'provider', { signatory: true }), deadlines: DIGITAL });
    expect(next(digital('proposal-sent'), { type: 'sign' }, c('2017-12-31'))).toMatchObject({ status: 'signed', response: 'accepted' });
    expect(errorOf(digital('proposal-sent'), { type: 'sign' }, c('2018-01-01'))).toBe('deadline_passed');
    expect(next(digital('provider-responded', { response: 'accepted' }), { type: 'sign' }, c('2017-10-01')).status).toBe('signed');
    expect(errorOf(digital('provider-responded', { response: 'countered' }), { type: 'sign' }, c('2017-10-01'))).toBe('conflict');
    expect(errorOf(state('provider-responded', { response: 'accepted' }), { type: 'sign' }, ctx('2017-10-01', 'provider', { signatory: true }))).toBe('conflict');
  });

  it('fix-price-list and publish: publication from 12 November, by a purchaser or the job', () => {
    expect(next(state('signed'), { type: 'fix-price-list' }, ctx('2017-12-01', 'purchaser')).status).toBe('price-list-fixed');
    expect(next(state('signed'), { type: 'fix-price-list' }, ctx('2018-01-15', 'purchaser')).status).toBe('price-list-fixed');
    expect(errorOf(state('signed'), { type: 'fix-price-list' }, ctx('2017-12-01', 'provider'))).toBe('forbidden');
    expect(errorOf(state('price-list-fixed'), { type: 'publish' }, ctx('2017-11-11', 'purchaser'))).toBe('conflict');
    expect(next(state('price-list-fixed'), { type: 'publish' }, ctx('2017-11-12', 'purchaser')).status).toBe('published');
    expect(next(state('price-list-fixed'), { type: 'publish' }, ctx('2017-11-12', 'job')).status).toBe('published');
  });

  it('decline: a purchaser ends any unsigned process without agreement', () => {
    for (const status of ['invited', 'concept-out', 'proposal-sent', 'provider-responded', 'negotiating', 'onderhandelakkoord'] as const) {
      expect(next(state(status), { type: 'decline', reason: 'Prijsniveau te hoog.' }, ctx('2017-10-01', 'purchaser')).status).toBe('no-agreement');
    }
    expect(errorOf(state('signed'), { type: 'decline', reason: 'x' }, ctx('2017-10-01', 'purchaser'))).toBe('conflict');
    expect(errorOf(state('negotiating'), { type: 'decline', reason: 'x' }, ctx('2017-10-01', 'provider'))).toBe('forbidden');
  });

  it('signing-deadline: the day after 31 December an unsigned process ends without agreement', () => {
    expect(errorOf(state('onderhandelakkoord'), { type: 'signing-deadline' }, ctx('2017-12-31', 'job'))).toBe('conflict');
    expect(next(state('onderhandelakkoord'), { type: 'signing-deadline' }, ctx('2018-01-01', 'job')).status).toBe('no-agreement');
    expect(errorOf(state('signed'), { type: 'signing-deadline' }, ctx('2018-01-01', 'job'))).toBe('conflict');
  });
});

describe('the deadline sweep (dueEvents)', () => {
  it('publishes the concept and applies consent by silence in one sweep, and is idempotent', () => {
    const start = initialState('regular');
    const first = dueEvents(start, { now: ams('2017-07-11'), deadlines: REGULAR });
    expect(first.events.map((e) => e.type)).toEqual(['publish-concept', 'concept-deadline']);
    expect(first.state).toMatchObject({ status: 'concept-out', concept: 'consent-by-silence' });
    expect(dueEvents(first.state, { now: ams('2017-07-11'), deadlines: REGULAR }).events).toEqual([]);
  });

  it('walks an unswept regular proposal to negotiating, then to no agreement', () => {
    const swept = dueEvents(state('proposal-sent'), { now: ams('2017-11-02'), deadlines: REGULAR });
    expect(swept.events.map((e) => e.type)).toEqual(['response-deadline', 'negotiation-deadline']);
    expect(swept.state.status).toBe('no-agreement');
  });

  it('publishes a fixed price list from 12 November, and leaves a signed contract alone', () => {
    expect(dueEvents(state('price-list-fixed'), { now: ams('2017-11-11'), deadlines: REGULAR }).events).toEqual([]);
    expect(dueEvents(state('price-list-fixed'), { now: ams('2017-11-12'), deadlines: REGULAR }).state.status).toBe('published');
    expect(dueEvents(state('signed'), { now: ams('2018-02-01'), deadlines: REGULAR }).events).toEqual([]);
  });
});

describe('available actions and overdue items', () => {
  it('offers a provider the feedback before the deadline and a signatory the signature', () => {
    expect(availableEvents(state('concept-out', { concept: 'open' }), ctx('2017-07-01', 'provider'))).toEqual(['give-concept-feedback']);
    expect(availableEvents(state('onderhandelakkoord'), ctx('2017-12-01', 'provider', { signatory: true }))).toContain('sign');
    expect(availableEvents(state('onderhandelakkoord'), ctx('2017-12-01', 'provider', { signatory: false }))).not.toContain('sign');
    expect(availableEvents(state('concept-out'), ctx('2017-07-14', 'purchaser'))).toEqual(['send-proposal', 'decline']);
  });

  it('lists steps past their date', () => {
    expect(overdueItems(state('concept-out'), REGULAR, ams('2017-07-16')).map((i) => i.kind)).toEqual(['proposal-not-sent']);
    expect(overdueItems(state('concept-out'), REGULAR, ams('2017-07-15'))).toEqual([]);
    expect(overdueItems(state('negotiating', { responseOverdue: true }), REGULAR, ams('2017-09-05')).map((i) => i.kind)).toEqual(['response-overdue']);
    expect(overdueItems(state('provider-responded', { response: 'accepted' }), REGULAR, ams('2017-11-02')).map((i) => i.kind)).toEqual(['onderhandelakkoord-missing']);
    expect(overdueItems(state('signed'), REGULAR, ams('2018-01-02')).map((i) => i.kind)).toEqual(['price-list-not-fixed']);
  });
});

describe('property: no sequence of events leaves the state set', () => {
  const events: ContractEvent[] = [
    { type: 'publish-concept' },
    { type: 'give-concept-feedback', feedback: 'f' },
    { type: 'concept-deadline' },
    { type: 'send-proposal' },
    { type: 'respond', response: 'accepted' },
    { type: 'respond', response: 'countered', reasons: 'r' },
    { type: 'response-deadline' },
    { type: 'start-negotiation' },
    { type: 'record-onderhandelakkoord' },
    { type: 'negotiation-deadline' },
    { type: 'sign' },
    { type: 'fix-price-list' },
    { type: 'publish' },
    { type: 'decline', reason: 'r' },
    { type: 'signing-deadline' },
  ];
  const day = fc.integer({ min: 0, max: 300 }).map((n) => new Date(Date.UTC(2017, 4, 1) + n * 86_400_000 + 11 * 3_600_000));
  const step = fc.record({
    event: fc.constantFrom(...events),
    by: fc.constantFrom<Who>('purchaser', 'provider', 'job'),
    signatory: fc.boolean(),
    now: day,
  });

  it('keeps status and concept in their sets, final states absorbing, time only ever moving the sweep forward', () => {
    fc.assert(
      fc.property(fc.constantFrom<ContractPath>('regular', 'digital'), fc.array(step, { maxLength: 40 }), (path, steps) => {
        const deadlines = path === 'regular' ? REGULAR : DIGITAL;
        let current = initialState(path);
        for (const s of steps) {
          const wasFinal = FINAL_STATES.includes(current.status);
          const result = transition(current, s.event, { now: s.now, deadlines, by: s.by, signatory: s.signatory });
          if (result.ok) {
            expect(wasFinal).toBe(false);
            current = result.value.state;
          } else {
            expect(['deadline_passed', 'conflict', 'forbidden']).toContain(result.error.code);
          }
          expect(CONTRACT_STATES).toContain(current.status);
          expect(['not-published', 'open', 'feedback-given', 'consent-by-silence']).toContain(current.concept);
          expect(current.path).toBe(path);
          const swept = dueEvents(current, { now: s.now, deadlines });
          expect(CONTRACT_STATES).toContain(swept.state.status);
          expect(dueEvents(swept.state, { now: s.now, deadlines }).events).toEqual([]);
        }
      }),
      { numRuns: 300 },
    );
  });
});
