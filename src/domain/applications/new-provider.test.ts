/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import mszYaml from '../../../policies/msz-2018.yaml?raw';
import { expectOk } from '../errors.js';
import { parsePolicy, type MszPolicy, type PolicyParameter } from '../policy/index.js';
import { applicationTextIssues, checkAssessment, checkInTime, checkObjection, localDate, newProviderDates, unmetRequirements, type ApplicationDeclarations } from './new-provider.js';

function loadMsz(): MszPolicy {
  const policy = expectOk(parsePolicy(parse(mszYaml), 'policies/msz-2018.yaml'));
  if (policy.kind !== 'msz') throw new Error('verwacht een MSZ-beleid');
  return policy;
}
const policy = loadMsz();
const dates = expectOk(newProviderDates(policy));

const complete: ApplicationDeclarations = { wtzi_admission: true, kvk_registered: true, meets_quality_and_entry_conditions: true, added_value: 'Dagbehandeling oogheelkunde in een krimpregio.' };

describe('newProviderDates (MSZ §5, §7)', () => {
  it('reads the three dates of the new-provider path from the calendar', () => {
    expect(dates).toMatchObject({
      year: 2018,
      timeZone: 'Europe/Amsterdam',
      inclusive: true,
      application: { event: 'aanmelding-nieuwe-aanbieders', date: '2017-07-01' },
      assessment: { event: 'besluit-nieuwe-aanbieders', date: '2017-09-15' },
      objection: { event: 'bezwaar-nieuwe-aanbieders', date: '2017-10-07' },
    });
  });

  it('names a missing calendar event instead of guessing a date', () => {
    const broken = { ...policy, calendar: policy.calendar.filter((e) => e.id !== 'bezwaar-nieuwe-aanbieders') };
    const result = newProviderDates(broken);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatchObject({ code: 'not_found' });
  });
});

describe('checkInTime', () => {
  it('allows the deadline day itself (deadline_day_inclusive) and refuses the next day, in Amsterdam time', () => {
    expect(checkInTime(dates, 'application', '2017-07-01').ok).toBe(true);
    const late = checkInTime(dates, 'application', '2017-07-02');
    expect(late.ok).toBe(false);
    if (!late.ok) {
      expect(late.error.code).toBe('deadline_passed');
      expect(late.error.message).toContain('1 juli 2017');
    }
    // 23:30 on 1 July in Amsterdam is still 1 July; 22:30 UTC on 1 July is already 2 July there.
    expect(localDate(new Date('2017-07-01T21:30:00Z'), dates.timeZone)).toBe('2017-07-01');
    expect(localDate(new Date('2017-07-01T22:30:00Z'), dates.timeZone)).toBe('2017-07-02');
    expect(checkInTime(dates, 'objection', '2017-10-07').ok).toBe(true);
    expect(checkInTime(dates, 'objection', '2017-10-08').ok).toBe(false);
    expect(checkInTime(dates, 'assessment', '2017-09-15').ok).toBe(true);
    expect(checkInTime(dates, 'assessment', '2017-09-16').ok).toBe(false);
  });

  it('refuses the deadline day itself when the parameter says the day does not count', () => {
    const strict = { ...policy, parameters: policy.parameters.map((p) => (p.id === 'deadline_day_inclusive' ? ({ ...p, value: false } as PolicyParameter) : p)) };
    const d = expectOk(newProviderDates(strict));
    expect(checkInTime(d, 'objection', '2017-10-06').ok).toBe(true);
    expect(checkInTime(d, 'objection', '2017-10-07').ok).toBe(false);
  });
});

describe('assessment', () => {
  it('lists every requirement of the policy the application does not show', () => {
    expect(unmetRequirements(policy, complete)).toEqual([]);
    const unmet = unmetRequirements(policy, { ...complete, wtzi_admission: false, added_value: 'kort' });
    expect(unmet.map((u) => u.id)).toEqual(['toelating-wtzi', 'toegevoegde-waarde']);
  });

  it('accepts only a complete application, and rejects only with reasons', () => {
    expect(expectOk(checkAssessment(policy, { ...complete, status: 'submitted' }, 'accept', undefined))).toEqual({ reasons: null });
    const incomplete = checkAssessment(policy, { ...complete, kvk_registered: false, status: 'submitted' }, 'accept', undefined);
    expect(incomplete.ok).toBe(false);
    if (!incomplete.ok) expect(incomplete.error.issues?.map((i) => i.field)).toEqual(['inschrijving-kvk']);
    expect(checkAssessment(policy, { ...complete, status: 'submitted' }, 'reject', 'te kort').ok).toBe(false);
    expect(expectOk(checkAssessment(policy, { ...complete, status: 'submitted' }, 'reject', '  Het zorgaanbod is in de regio al ruim ingekocht.  '))).toEqual({ reasons: 'Het zorgaanbod is in de regio al ruim ingekocht.' });
  });

  it('does not assess twice; an acceptance in progress can only be completed', () => {
    for (const status of ['accepted', 'rejected'] as const) {
      const again = checkAssessment(policy, { ...complete, status }, 'accept', undefined);
      expect(again.ok).toBe(false);
      if (!again.ok) expect(again.error.code).toBe('conflict');
    }
    expect(checkAssessment(policy, { ...complete, status: 'assessing' }, 'accept', undefined).ok).toBe(true);
    expect(checkAssessment(policy, { ...complete, status: 'assessing' }, 'reject', 'Een lange genoeg reden.').ok).toBe(false);
  });
});

describe('objection', () => {
  it('only about a rejection, only once, with a real text', () => {
    expect(expectOk(checkObjection({ status: 'rejected', objection_at: null }, ' Wij vragen een toelichting. '))).toBe('Wij vragen een toelichting.');
    for (const application of [{ status: 'accepted' as const, objection_at: null }, { status: 'rejected' as const, objection_at: new Date('2017-10-01T10:00:00Z') }]) {
      const refused = checkObjection(application, 'Wij maken bezwaar tegen de afwijzing.');
      expect(refused.ok).toBe(false);
      if (!refused.ok) expect(refused.error.code).toBe('conflict');
    }
    expect(checkObjection({ status: 'rejected', objection_at: null }, 'kort').ok).toBe(false);
  });
});

describe('applicationTextIssues', () => {
  it('names each field that is wrong', () => {
    expect(applicationTextIssues({ organisation_name: 'Kliniek Oost', city: 'Zwolle', added_value: complete.added_value, applicant_email: 'info@kliniek-oost.nl' })).toEqual([]);
    expect(applicationTextIssues({ organisation_name: 'K', city: '', added_value: 'kort', applicant_email: 'geen-adres' }).map((i) => i.field)).toEqual(['organisation_name', 'city', 'added_value', 'applicant_email']);
  });
});
