/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import mszYaml from '../../../policies/msz-2018.yaml?raw';
import { expectOk } from '../errors.js';
import { parsePolicy, type Policy } from '../policy/index.js';
import { policyCalendar } from './calendar.js';
import { contractNotice } from './notices.js';
import { contractDeadlines } from './deadlines.js';

const policy: Policy = expectOk(parsePolicy(parse(mszYaml), 'policies/msz-2018.yaml'));

describe('policy calendar (MSZ §7 with the §5 dates)', () => {
  it('lists every event in date order with a status relative to the given day', () => {
    const items = policyCalendar(policy, { today: '2017-07-10' });
    expect(items).toHaveLength(policy.calendar.length);
    expect(items.map((i) => i.date)).toEqual(items.map((i) => i.date).toSorted());
    expect(items.find((i) => i.id === 'publicatie-conceptovereenkomst')?.status).toBe('past');
    expect(items.find((i) => i.id === 'deadline-feedback-conceptovereenkomst')?.status).toBe('today');
    expect(items.find((i) => i.id === 'reactie-aanbieders')?.status).toBe('upcoming');
  });

  it('explains the feedback deadline in Dutch: inclusive, silence is consent, what zorginkoop does', () => {
    const feedback = policyCalendar(policy, { today: '2017-06-01', path: 'regular' }).find((i) => i.id === 'deadline-feedback-conceptovereenkomst')!;
    expect(feedback).toMatchObject({ kind: 'deadline', actor: 'provider', source: 'MSZ §7; MSZ §5', decision: { id: 'deadline-inclusive' } });
    expect(feedback.meaning).toMatch(/tot en met 10 juli 2017/);
    expect(feedback.meaning).toMatch(/akkoord/);
    expect(feedback.meaning).toMatch(/stilzwijgen/);
  });

  it('filters by path and names the hard negotiation deadline next to the planned one', () => {
    const digital = policyCalendar(policy, { today: '2017-06-01', path: 'digital' });
    expect(digital.map((i) => i.id)).toContain('voorstel-digitaal');
    expect(digital.map((i) => i.id)).not.toContain('voorstel-regulier');
    expect(digital.map((i) => i.id)).not.toContain('aanmelding-nieuwe-aanbieders');
    const regular = policyCalendar(policy, { today: '2017-06-01', path: 'regular' });
    expect(regular.find((i) => i.id === 'onderhandelingen-afgerond')?.meaning).toMatch(/1 november 2017/);
    expect(regular.find((i) => i.id === 'getekend-contract')?.meaning).toMatch(/zonder overeenkomst/);
    const newProvider = policyCalendar(policy, { today: '2017-06-01', path: 'new-provider' });
    expect(newProvider.map((i) => i.id)).toContain('bezwaar-nieuwe-aanbieders');
  });
});

describe('contract notices', () => {
  it('tells a provider the response date of a regular proposal and the signing date of a digital one', () => {
    if (policy.kind !== 'msz') throw new Error('msz');
    const subject = (path: 'regular' | 'digital') => ({ agb: '06010101', providerName: 'Ziekenhuis A', year: 2018, deadlines: expectOk(contractDeadlines(policy, path)) });
    expect(contractNotice({ type: 'send-proposal' }, subject('regular')).body).toMatch(/tot en met 1 september 2017/);
    expect(contractNotice({ type: 'send-proposal' }, subject('digital')).body).toMatch(/31 december 2017/);
    expect(contractNotice({ type: 'concept-deadline' }, subject('regular'))).toMatchObject({ kind: 'contract.concept-deadline', link: '/providers/06010101?year=2018#contract' });
  });
});
