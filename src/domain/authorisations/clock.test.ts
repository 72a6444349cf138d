import { describe, expect, it } from 'vitest';
import { decisionClock, type Pause } from './clock.js';

const SOURCE = 'MSZ Bijlage 1 art. 6 item 22';
const clock = (receivedOn: string, pauses: Pause[], decidedOn: string | null, today = decidedOn ?? '2018-12-31') =>
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
