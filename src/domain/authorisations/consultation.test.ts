import { describe, expect, it } from 'vitest';
import { decisionClock } from './clock.js';
import { addCalendarDays, checkConsultationDate, pausesOf } from './consultation.js';

describe('checkConsultationDate (decision prior-auth-consultation-pause)', () => {
  it('accepts today up to the horizon of calendar days, and names the field otherwise', () => {
    expect(checkConsultationDate('2018-03-08', '2018-03-08', 30)).toEqual({ ok: true, value: '2018-03-08' });
    expect(checkConsultationDate('2018-04-07', '2018-03-08', 30)).toEqual({ ok: true, value: '2018-04-07' });
    const tooFar = checkConsultationDate('2018-04-08', '2018-03-08', 30);
    expect(tooFar).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ field: 'date', message: 'Uiterlijk 2018-04-07.' }] } });
    // Another horizon in the policy changes the answer.
    expect(checkConsultationDate('2018-04-08', '2018-03-08', 31).ok).toBe(true);
    expect(checkConsultationDate('2030-01-01', '2018-03-08', null).ok).toBe(true);
    expect(checkConsultationDate('2018-03-07', '2018-03-08', 30)).toMatchObject({ ok: false, error: { issues: [{ field: 'date', message: 'Ligt in het verleden.' }] } });
    for (const bad of ['2018-02-30', '8-3-2018', '', 20180308, null]) expect(checkConsultationDate(bad, '2018-03-08', 30).ok, String(bad)).toBe(false);
  });

  it('counts calendar days over month and year ends', () => {
    expect(addCalendarDays('2018-02-27', 2)).toBe('2018-03-01');
    expect(addCalendarDays('2018-12-31', 1)).toBe('2019-01-01');
    expect(addCalendarDays('2020-02-28', 1)).toBe('2020-02-29');
  });
});

describe('pausesOf: the pauses of a request from its history', () => {
  it('a question opens an information pause, the answer closes it; a consultation pauses up to its date', () => {
    expect(
      pausesOf([
        { event: 'submitted', on: '2018-03-05' },
        { event: 'information-requested', on: '2018-03-06' },
        { event: 'consultation-scheduled', on: '2018-03-07', consultation_date: '2018-03-14' },
        { event: 'attachment-added', on: '2018-03-08' },
        { event: 'information-provided', on: '2018-03-09' },
      ]),
    ).toEqual([
      { reason: 'information', from: '2018-03-06', until: '2018-03-09' },
      { reason: 'consultation', from: '2018-03-07', until: '2018-03-14' },
    ]);
  });

  it('moving the consultation on or before the planned day keeps one pause; after it, a new one', () => {
    const moved = pausesOf([
      { event: 'consultation-scheduled', on: '2018-03-08', consultation_date: '2018-03-12' },
      { event: 'consultation-scheduled', on: '2018-03-12', consultation_date: '2018-03-19' },
    ]);
    expect(moved).toEqual([{ reason: 'consultation', from: '2018-03-08', until: '2018-03-19' }]);
    // Received 5 March, days 1-3 up to 8 March; 9-19 March do not count; day 4 is 20 March, day 10 is 28 March.
    const decided = (on: string) => decisionClock({ receivedOn: '2018-03-05', workingDays: 10, pauses: moved, decidedOn: on, today: on, source: 'MSZ Bijlage 1 art. 6 item 22' });
    expect(decided('2018-03-28')).toMatchObject({ working_days_used: 10, late: false, due_date: '2018-03-28' });
    expect(decided('2018-03-29')).toMatchObject({ working_days_used: 11, late: true });

    const again = pausesOf([
      { event: 'consultation-scheduled', on: '2018-03-08', consultation_date: '2018-03-12' },
      { event: 'consultation-scheduled', on: '2018-03-13', consultation_date: '2018-03-15' },
    ]);
    expect(again).toEqual([
      { reason: 'consultation', from: '2018-03-08', until: '2018-03-12' },
      { reason: 'consultation', from: '2018-03-13', until: '2018-03-15' },
    ]);
  });
});
