/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import mszYaml from '../../../policies/msz-2018.yaml?raw';
import { expectOk } from '../errors.js';
import { parsePolicy, type MszPolicy } from '../policy/index.js';
import { ATTACHMENT_MAX_BYTES, checkAttachment, isFdiElement, sniffMediaType, validateContent, type AuthorisationContentInput } from './content.js';
import { nextStatus } from './lifecycle.js';

function loadMsz(): MszPolicy {
  const policy = expectOk(parsePolicy(parse(mszYaml), 'policies/msz-2018.yaml'));
  if (policy.kind !== 'msz') throw new Error('verwacht een MSZ-beleid');
  return policy;
}
const policy = loadMsz();
const RECEIVED = '2018-03-05';
const withRecord = { record: 1, photo: 0 };

const complete = (): AuthorisationContentInput => ({
  provider_reference: 'KC-2018/001',
  patient: { bsn: '111222333', name: 'J. de Vries', birth_date: '1970-04-12' },
  treatment_kind: 'implantologie',
  treatment_date: '2018-04-16',
  treatment_plan: 'Twee implantaten regio 36 en 46 met opbouw.',
  plan_lines: [
    { performance_code: 'J20', element_numbers: [36, 46], amount_cents: 45_000 },
    { performance_code: 'x21', element_numbers: ['36'], amount_cents: 2_500, description: 'OPG' },
  ],
  technique_costs_cents: 30_000,
});

describe('isFdiElement', () => {
  it.each([11, 18, 21, 28, 31, 38, 41, 48, 51, 55, 61, 65, 71, 75, 81, 85])('%d is a tooth', (n) => expect(isFdiElement(n)).toBe(true));
  it.each([0, 10, 19, 20, 29, 49, 50, 56, 59, 66, 86, 91, 36.5, -11])('%d is not', (n) => expect(isFdiElement(n)).toBe(false));
});

describe('validateContent (MSZ Bijlage 1 art. 6 item 21)', () => {
  it('accepts a complete request and totals the budget in cents', () => {
    const content = expectOk(validateContent(policy, complete(), withRecord, RECEIVED));
    expect(content).toMatchObject({
      provider_reference: 'KC-2018/001',
      patient: { bsn: '111222333', name: 'J. de Vries', birth_date: '1970-04-12' },
      plan_lines: [
        { performance_code: 'J20', element_numbers: [36, 46], amount_cents: 45_000, description: null },
        { performance_code: 'X21', element_numbers: [36], amount_cents: 2_500, description: 'OPG' },
      ],
      technique_costs_cents: 30_000,
      total_cents: 77_500,
    });
  });

  it('names every missing item with its field and the policy content id', () => {
    const result = validateContent(policy, { treatment_kind: 'implantologie', treatment_date: '2018-04-16' }, { record: 0, photo: 0 }, RECEIVED);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid_input');
    expect(result.error.issues?.map((i) => [i.field, i.code])).toEqual([
      ['patient.bsn', 'patient-data'],
      ['patient.name', 'patient-data'],
      ['patient.birth_date', 'patient-data'],
      ['treatment_plan', 'treatment-plan-budget'],
      ['plan_lines', 'treatment-plan-budget'],
      ['technique_costs_cents', 'technique-costs'],
      ['records', 'records'],
    ]);
    expect(result.error.issues?.find((i) => i.field === 'records')?.message).toContain('Relevante dossiers');
  });

  it('checks each plan line: code, amount in whole cents, FDI element numbers; and element numbers somewhere in the plan', () => {
    const input = complete();
    input.plan_lines = [
      { performance_code: 'implantaat', element_numbers: [36, 19], amount_cents: 12.5 },
      { element_numbers: 'alle', amount_cents: 0 },
    ];
    const result = validateContent(policy, input, withRecord, RECEIVED);
    expect(!result.ok && result.error.issues?.map((i) => i.field)).toEqual([
      'plan_lines[0].performance_code',
      'plan_lines[0].amount_cents',
      'plan_lines[0].element_numbers',
      'plan_lines[1].performance_code',
      'plan_lines[1].amount_cents',
      'plan_lines[1].element_numbers',
    ]);
    const noElements = complete();
    noElements.plan_lines = [{ performance_code: 'J20', amount_cents: 1000 }];
    const missing = validateContent(policy, noElements, withRecord, RECEIVED);
    expect(!missing.ok && missing.error.issues?.map((i) => [i.field, i.code])).toEqual([['plan_lines.element_numbers', 'element-numbers']]);
  });

  it('refuses a wrong BSN, a treatment before the day of receipt, and negative technique costs', () => {
    const input = complete();
    input.patient = { bsn: '123456789', name: 'J. de Vries', birth_date: '1970-04-12' };
    input.treatment_date = '2018-03-02';
    input.technique_costs_cents = -1;
    const result = validateContent(policy, input, withRecord, RECEIVED);
    expect(!result.ok && result.error.issues?.map((i) => i.field)).toEqual(['patient.bsn', 'treatment_date', 'technique_costs_cents']);
    // Zero technique costs is an answer, not a gap.
    expect(validateContent(policy, { ...complete(), technique_costs_cents: 0 }, withRecord, RECEIVED).ok).toBe(true);
    // Photos are optional in the policy.
    expect(validateContent(policy, complete(), { record: 2, photo: 0 }, RECEIVED).ok).toBe(true);
  });
});

describe('attachments', () => {
  const pdf = new TextEncoder().encode('%PDF-1.4\n%…');
  const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
  it('recognises the type by the first bytes, not by the name', () => {
    expect(sniffMediaType(pdf)).toBe('application/pdf');
    expect(sniffMediaType(png)).toBe('image/png');
    expect(sniffMediaType(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(sniffMediaType(new TextEncoder().encode('MZ executable'))).toBeNull();
  });
  it('keeps the base name, refuses empty, too large and unknown files', () => {
    expect(expectOk(checkAttachment({ fileName: 'C:\\scans\\opg.pdf', bytes: pdf, kind: 'record' }))).toEqual({ fileName: 'opg.pdf', mediaType: 'application/pdf', kind: 'record' });
    const bad = checkAttachment({ fileName: 'x.exe', bytes: new TextEncoder().encode('MZ'), kind: 'video' });
    expect(!bad.ok && bad.error.issues?.map((i) => i.field)).toEqual(['file.kind', 'file']);
    expect(checkAttachment({ fileName: 'leeg.pdf', bytes: new Uint8Array(0), kind: 'record' }).ok).toBe(false);
    const big = new Uint8Array(ATTACHMENT_MAX_BYTES + 1);
    big.set(pdf);
    const tooBig = checkAttachment({ fileName: 'groot.pdf', bytes: big, kind: 'photo' });
    expect(!tooBig.ok && tooBig.error.issues?.[0]?.message).toContain('10 MB');
  });
});

describe('nextStatus', () => {
  it.each([
    ['submitted', 'request-information', 'insurer', 'info-requested'],
    ['info-requested', 'provide-information', 'provider', 'submitted'],
    ['submitted', 'approve', 'insurer', 'approved'],
    ['info-requested', 'reject', 'insurer', 'rejected'],
    ['info-requested', 'withdraw', 'provider', 'withdrawn'],
  ] as const)('%s --%s (%s)--> %s', (from, action, side, to) => expect(expectOk(nextStatus(from, action, side))).toBe(to));

  it.each([
    ['submitted', 'provide-information', 'provider', 'conflict'],
    ['info-requested', 'request-information', 'insurer', 'conflict'],
    ['approved', 'reject', 'insurer', 'conflict'],
    ['withdrawn', 'provide-information', 'provider', 'conflict'],
    ['submitted', 'approve', 'provider', 'forbidden'],
    ['info-requested', 'provide-information', 'insurer', 'forbidden'],
  ] as const)('%s --%s (%s)--> refused: %s', (from, action, side, code) => {
    const result = nextStatus(from, action, side);
    expect(!result.ok && result.error.code).toBe(code);
  });
});
