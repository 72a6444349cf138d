import { describe, expect, it } from 'vitest';
import { decisionClock, type ClockInput } from './clock.js';

const SOURCE = 'MSZ Bijlage 1 art. 6 item 22';
const clock = (receivedOn: string, pauses: ClockInput['pauses'], decidedOn: string | null, today = decidedOn ?? '2018-12-31') =>
  decisionClock({ receivedOn, workingDays: 10, pauses, decidedOn, today, source: SOURCE });

// 2018: Easter Monday 2 April, Koningsdag Friday 27 April, Hemelvaart Thursday 10 May, Whit Monday 21 May.
describe('decisionClock: decided requests (10 working days, the day of receipt does not count)', () => {
  it.each([
    // received, pauses, decided on, working day of the decision, due date, late
    ['plain week: day 10 on time', '2018-03-05', [], '2018-03-19', 10, '2018-03-19', false],
    ['plain week: day 11 late', '2018-03-05', [], '2018-03-20', 11, '2018-03-19', true],
    ['decided the day after receipt', '2018-03-05', [], '2018-03-06', 1, '2018-03-19', false],
    ['Easter Monday does not count: day 10 on time', '2018-03-29', [], '2018-04-13', 10, '2018-04-13', false],
    ['Easter Monday does not count: day 11 late', '2018-03-29', [], '2018-04-16', 11, '2018-04-13', true],
    ['received on a Saturday: Monday is day 1', '2018-03-10', [], '2018-03-23', 10, '2018-03-23', false],
    ['received on a Saturday: day 11 late', '2018-03-10', [], '2018-03-26', 11, '2018-03-23', true],
    ['pause over a weekend: day 10 on time', '2018-03-05', [{ from: '2018-03-08', until: '2018-03-12' }], '2018-03-21', 10, '2018-03-21', false],
    ['pause over a weekend: day 11 late', '2018-03-05', [{ from: '2018-03-08', until: '2018-03-12' }], '2018-03-22', 11, '2018-03-21', true],
    ['pause, then Hemelvaart and Whit Monday: day 10 on time', '2018-04-30', [{ from: '2018-05-02', until: '2018-05-09' }], '2018-05-23', 10, '2018-05-23', false],
    ['pause, then Hemelvaart and Whit Monday: day 11 late', '2018-04-30', [{ from: '2018-05-02', until: '2018-05-09' }], '2018-05-24', 11, '2018-05-23', true],
    ['pause over Koningsdag', '2018-04-23', [{ from: '2018-04-26', until: '2018-04-30' }], '2018-05-09', 10, '2018-05-09', false],
    ['question on the day of receipt', '2018-03-05', [{ from: '2018-03-05', until: '2018-03-07' }], '2018-03-21', 10, '2018-03-21', false],
    ['two pauses carry the days over', '2018-03-05', [{ from: '2018-03-06', until: '2018-03-08' }, { from: '2018-03-12', until: '2018-03-14' }], '2018-03-23', 10, '2018-03-23', false],
    ['two pauses: one day later is late', '2018-03-05', [{ from: '2018-03-06', until: '2018-03-08' }, { from: '2018-03-12', until: '2018-03-14' }], '2018-03-26', 11, '2018-03-23', true],
  ] as const)('%s', (_name, received, pauses, decided, day, due, late) => {
    const c = clock(received, [...pauses], decided);
    expect(c.working_days_used).toBe(day);
    expect(c.due_date).toBe(due);
    expect(c.late).toBe(late);
    expect(c.working_days_late).toBe(Math.max(day - 10, 0));
    expect(c.paused).toBe(false);
    expect(c.reason).toMatchObject({ rule: 'authorisation.decision-term', source: SOURCE, inputs: { working_days_used: day, decided_on: decided } });
    expect(c.reason.message).toContain(late ? 'Te laat' : 'Op tijd');
  });
});

describe('decisionClock: open requests, as of today', () => {
  it.each([
    // received, pauses, today, used, remaining, due, paused, late
    ['on the day of receipt', '2018-03-05', [], '2018-03-05', 0, 10, '2018-03-19', false, false],
    ['on the last day', '2018-03-05', [], '2018-03-19', 10, 0, '2018-03-19', false, false],
    ['the weekend after the last day is not late yet', '2018-03-16', [], '2018-03-31', 10, 0, '2018-03-30', false, false],
    ['overdue on day 11', '2018-03-05', [], '2018-03-20', 11, 0, '2018-03-19', false, true],
    ['paused: days stop, due date unknown', '2018-03-05', [{ from: '2018-03-08', until: null }], '2018-03-28', 3, 7, null, true, false],
    ['paused on the day of the question', '2018-03-05', [{ from: '2018-03-08', until: null }], '2018-03-08', 3, 7, null, true, false],
    ['answered: counting resumes after the day of the answer', '2018-03-05', [{ from: '2018-03-08', until: '2018-03-12' }], '2018-03-12', 3, 7, '2018-03-21', false, false],
    ['answered during a holiday week', '2018-03-29', [{ from: '2018-03-30', until: '2018-04-02' }], '2018-04-03', 2, 8, '2018-04-13', false, false],
  ] as const)('%s', (_name, received, pauses, today, used, remaining, due, paused, late) => {
    const c = decisionClock({ receivedOn: received, workingDays: 10, pauses: [...pauses], decidedOn: null, today, source: SOURCE });
    expect({ used: c.working_days_used, remaining: c.working_days_remaining, due: c.due_date, paused: c.paused, late: c.late }).toEqual({ used, remaining, due, paused, late });
  });

  it('a decision while information is asked stops the clock at the question', () => {
    const c = clock('2018-03-05', [{ from: '2018-03-08', until: null }], '2018-04-20');
    expect(c).toMatchObject({ working_days_used: 3, late: false, paused: false, due_date: null, decided_on: '2018-04-20' });
  });

  it('counts Goede Vrijdag when the options say so', () => {
    const withGoodFriday = decisionClock({ receivedOn: '2018-03-29', workingDays: 10, pauses: [], decidedOn: null, today: '2018-03-29', source: SOURCE, options: { goodFriday: true } });
    expect(withGoodFriday.due_date).toBe('2018-04-16');
  });

  it('never counts a clock that is read before the day of receipt', () => {
    const c = decisionClock({ receivedOn: '2018-03-05', workingDays: 10, pauses: [], decidedOn: null, today: '2018-03-01', source: SOURCE });
    expect(c).toMatchObject({ working_days_used: 0, working_days_remaining: 10, late: false });
  });
});

// Item 22's second pause: an assessment at the advising dentist's consultation hour (decision prior-auth-consultation-pause).
describe('decisionClock: a consultation pauses the clock up to and including its date', () => {
  const consultation = (from: string, until: string) => ({ reason: 'consultation' as const, from, until });

  it.each([
    // received, scheduled on, consultation date, decided on, working day of the decision, due date, late
    // Scheduled Thursday 8 March (day 3) for Monday 12 March: Friday, the weekend and the Monday itself do not count.
    ['over a weekend: day 10 on time', '2018-03-05', '2018-03-08', '2018-03-12', '2018-03-21', 10, '2018-03-21', false],
    ['over a weekend: day 11 late', '2018-03-05', '2018-03-08', '2018-03-12', '2018-03-22', 11, '2018-03-21', true],
    // Scheduled Wednesday 25 April (day 2) for Monday 30 April, over Koningsdag; then Hemelvaart (10 May) does not count either.
    ['over Koningsdag and Hemelvaart: day 10 on time', '2018-04-23', '2018-04-25', '2018-04-30', '2018-05-11', 10, '2018-05-11', false],
    ['over Koningsdag and Hemelvaart: day 11 late', '2018-04-23', '2018-04-25', '2018-04-30', '2018-05-14', 11, '2018-05-11', true],
    // Over Easter: Goede Vrijdag counts as a working day, Easter Monday does not.
    ['over Easter: day 10 on time', '2018-03-26', '2018-03-28', '2018-04-03', '2018-04-13', 10, '2018-04-13', false],
  ] as const)('%s', (_name, received, scheduled, date, decided, day, due, late) => {
    const c = clock(received, [consultation(scheduled, date)], decided);
    expect({ used: c.working_days_used, due: c.due_date, late: c.late, paused: c.paused }).toEqual({ used: day, due, late, paused: false });
    expect(c.pauses).toEqual([{ reason: 'consultation', from: scheduled, until: date }]);
    expect(c.reason.inputs.decision).toContain('prior-auth-consultation-pause');
  });

  it('the consultation day itself does not count (inclusive): without the pause the same decision is late', () => {
    // Received 5 March, decided 21 March: day 10 with the pause (8 → 12 March), day 12 without it.
    expect(clock('2018-03-05', [consultation('2018-03-08', '2018-03-12')], '2018-03-21')).toMatchObject({ working_days_used: 10, late: false });
    expect(clock('2018-03-05', [], '2018-03-21')).toMatchObject({ working_days_used: 12, late: true });
    // Were the consultation day counted (exclusive), day 10 would fall on 20 March.
    expect(clock('2018-03-05', [consultation('2018-03-08', '2018-03-11')], '2018-03-21')).toMatchObject({ working_days_used: 11, late: true });
  });

  it('while it waits for the consultation the due date is already known, with the reason', () => {
    const waiting = decisionClock({ receivedOn: '2018-03-05', workingDays: 10, pauses: [consultation('2018-03-08', '2018-03-12')], decidedOn: null, today: '2018-03-10', source: SOURCE });
    expect(waiting).toMatchObject({ paused: true, pause_reasons: ['consultation'], consultation_date: '2018-03-12', due_date: '2018-03-21', working_days_used: 3, working_days_remaining: 7, late: false });
    expect(waiting.reason.message).toBe('Termijn gepauzeerd: nadere beoordeling op het spreekuur van de adviserend tandarts op 2018-03-12; daarna 7 van 10 werkdagen over, beslissen uiterlijk 2018-03-21.');
    expect(waiting.reason.inputs).toMatchObject({ paused_for: 'consultation', consultations: 1 });
    // On the consultation day the clock is no longer paused, but the day does not count; the day after is day 4.
    const onTheDay = decisionClock({ receivedOn: '2018-03-05', workingDays: 10, pauses: [consultation('2018-03-08', '2018-03-12')], decidedOn: null, today: '2018-03-12', source: SOURCE });
    expect(onTheDay).toMatchObject({ paused: false, pause_reasons: [], consultation_date: null, working_days_used: 3, due_date: '2018-03-21' });
    expect(decisionClock({ receivedOn: '2018-03-05', workingDays: 10, pauses: [consultation('2018-03-08', '2018-03-12')], decidedOn: null, today: '2018-03-13', source: SOURCE }).working_days_used).toBe(4);
  });

  it('a consultation on the day it is scheduled pauses nothing', () => {
    expect(clock('2018-03-05', [consultation('2018-03-08', '2018-03-08')], '2018-03-19')).toMatchObject({ working_days_used: 10, late: false, due_date: '2018-03-19' });
  });

  it('overlapping pauses count once; an open question keeps the due date unknown', () => {
    // Question 6 March (day 1), answered 9 March; consultation scheduled 7 March for 14 March: 7-14 March do not count.
    const pauses = [{ reason: 'information' as const, from: '2018-03-06', until: '2018-03-09' }, consultation('2018-03-07', '2018-03-14')];
    const at = (today: string) => decisionClock({ receivedOn: '2018-03-05', workingDays: 10, pauses, decidedOn: null, today, source: SOURCE });
    expect(at('2018-03-08')).toMatchObject({ paused: true, pause_reasons: ['information', 'consultation'], due_date: '2018-03-27', consultation_date: '2018-03-14', working_days_used: 1 });
    const open = decisionClock({ receivedOn: '2018-03-05', workingDays: 10, pauses: [{ ...pauses[0]!, until: null }, pauses[1]!], decidedOn: null, today: '2018-03-08', source: SOURCE });
    expect(open).toMatchObject({ paused: true, due_date: null, pause_reasons: ['information', 'consultation'] });
    expect(open.reason.message).toContain('nadere informatie gevraagd en nadere beoordeling op het spreekuur van de adviserend tandarts op 2018-03-14');
    expect(at('2018-03-12')).toMatchObject({ paused: true, pause_reasons: ['consultation'], due_date: '2018-03-27' });
    // Decided on 27 March: day 10; 28 March: day 11, late.
    expect(clock('2018-03-05', pauses, '2018-03-27')).toMatchObject({ working_days_used: 10, late: false });
    expect(clock('2018-03-05', pauses, '2018-03-28')).toMatchObject({ working_days_used: 11, late: true });
  });

  it('a pause after the term ran out does not bring it back: still late, with the day it ran out', () => {
    // Received 5 March, day 10 was 19 March; a consultation scheduled on 21 March (day 12) for 26 March.
    const c = decisionClock({ receivedOn: '2018-03-05', workingDays: 10, pauses: [consultation('2018-03-21', '2018-03-26')], decidedOn: null, today: '2018-03-23', source: SOURCE });
    expect(c).toMatchObject({ paused: true, late: true, working_days_used: 12, working_days_late: 2, due_date: '2018-03-19', consultation_date: '2018-03-26' });
    expect(c.reason.message).toBe('Termijn verstreken: 2 werkdag(en) over de termijn van 10 werkdagen (uiterlijk 2018-03-19); daarna gepauzeerd: nadere beoordeling op het spreekuur van de adviserend tandarts op 2018-03-26.');
    expect(clock('2018-03-05', [consultation('2018-03-21', '2018-03-26')], '2018-03-27')).toMatchObject({ working_days_used: 13, late: true, due_date: '2018-03-19' });
    // Scheduled on day 10 itself: no day is left after the pause, so the consultation day is the last one to decide on time.
    const onDayTen = (decided: string) => clock('2018-03-05', [consultation('2018-03-19', '2018-03-22')], decided);
    expect(onDayTen('2018-03-22')).toMatchObject({ working_days_used: 10, late: false, due_date: '2018-03-22' });
    expect(onDayTen('2018-03-23')).toMatchObject({ working_days_used: 11, late: true });
  });
});
