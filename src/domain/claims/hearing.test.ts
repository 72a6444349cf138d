import { describe, expect, it } from 'vitest';
import { addWorkingDays, workingDaysBetween } from '../calendar/working-days.js';
import { FINDING_STATUSES, checkDecision, checkResponse, responseDue, upheldOutcome, type DecisionInput, type FindingStatus } from './hearing.js';

const sentOn = '2019-03-04';
const due = responseDue(sentOn, 20);
const dayAfter = addWorkingDays(due, 1);

describe('responseDue', () => {
  it('counts working days after the day of sending, skipping weekends and Dutch holidays', () => {
    // 4 March 2019 (Monday) + 20 working days: no holiday in between, so four weeks later.
    expect(due).toBe('2019-04-01');
    expect(workingDaysBetween(sentOn, due)).toBe(20);
    // Sent on 12 April 2019: Goede Vrijdag is not a holiday by default, Tweede Paasdag (22 April) and Koningsdag (27 April, a Saturday) are skipped or fall on a weekend.
    expect(responseDue('2019-04-12', 20)).toBe('2019-05-13');
  });
});

describe('upheldOutcome', () => {
  it('follows the action, and for a review the rule\'s on_confirmed', () => {
    expect(upheldOutcome('reject', undefined)).toBe('reject');
    expect(upheldOutcome('reclaim', undefined)).toBe('reclaim');
    expect(upheldOutcome('review', 'reclaim')).toBe('reclaim');
    expect(upheldOutcome('review', 'reject')).toBe('reject');
    expect(upheldOutcome('review', undefined)).toBeNull();
  });
});

describe('checkResponse', () => {
  it('accepts a response up to and including the last day', () => {
    expect(checkResponse({ status: 'sent', responseDue: due }, sentOn)).toEqual({ ok: true, value: 'responded' });
    expect(checkResponse({ status: 'sent', responseDue: due }, due)).toEqual({ ok: true, value: 'responded' });
  });

  it('refuses a response a day late with deadline_passed', () => {
    const late = checkResponse({ status: 'sent', responseDue: due }, '2019-04-02');
    expect(late.ok || late.error.code).toBe('deadline_passed');
    expect(late.ok || late.error.message).toContain('2019-04-01');
  });

  it('refuses a response to a finding that is not waiting for one', () => {
    for (const status of ['open', 'responded', 'upheld', 'withdrawn'] as const) {
      const result = checkResponse({ status, responseDue: due }, sentOn);
      expect(result.ok || result.error.code, status).toBe('conflict');
    }
  });
});

describe('checkDecision (hoor en wederhoor)', () => {
  const reclaim = (status: FindingStatus, hearing = true): DecisionInput => ({ status, responseDue: status === 'open' ? null : due, outcome: 'reclaim', reclaimRequiresHearing: hearing });

  it('upholds a reclaim only after the response or after the term', () => {
    expect(checkDecision(reclaim('responded'), 'uphold', sentOn)).toEqual({ ok: true, value: 'upheld' });
    expect(checkDecision(reclaim('sent'), 'uphold', dayAfter)).toEqual({ ok: true, value: 'upheld' });
    for (const today of [sentOn, due]) {
      const early = checkDecision(reclaim('sent'), 'uphold', today);
      expect(early.ok || early.error.code).toBe('conflict');
      expect(early.ok || early.error.message).toContain('hoor en wederhoor');
    }
    const unsent = checkDecision(reclaim('open'), 'uphold', dayAfter);
    expect(unsent.ok || unsent.error.message).toContain('nog niet aan de zorgaanbieder voorgelegd');
  });

  it('upholds a rejection or a reclaim without required hearing at once', () => {
    expect(checkDecision({ status: 'open', responseDue: null, outcome: 'reject', reclaimRequiresHearing: true }, 'uphold', sentOn)).toEqual({ ok: true, value: 'upheld' });
    expect(checkDecision({ status: 'sent', responseDue: due, outcome: null, reclaimRequiresHearing: true }, 'uphold', sentOn)).toEqual({ ok: true, value: 'upheld' });
    expect(checkDecision(reclaim('sent', false), 'uphold', sentOn)).toEqual({ ok: true, value: 'upheld' });
  });

  it('always allows a withdrawal until the decision is final, and never changes a final decision', () => {
    for (const status of FINDING_STATUSES) {
      const result = checkDecision(reclaim(status), 'withdraw', sentOn);
      if (status === 'upheld' || status === 'withdrawn') expect(result.ok || result.error.code, status).toBe('conflict');
      else expect(result, status).toEqual({ ok: true, value: 'withdrawn' });
      const uphold = checkDecision({ ...reclaim(status), outcome: 'reject' }, 'uphold', sentOn);
      if (status === 'upheld' || status === 'withdrawn') expect(uphold.ok || uphold.error.message, status).toContain('al besloten');
    }
  });
});
