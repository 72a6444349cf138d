/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import mszYaml from '../../../policies/msz-2018.yaml?raw';
import { checkClaims } from '../../domain/claims/check-claims.js';
import { parseClaimRecord } from '../../domain/claims/claim-line.js';
import type { CheckReference, Claim as ClaimLine } from '../../domain/claims/types.js';
import { expectOk } from '../../domain/errors.js';
import { parsePolicy, type MszPolicy } from '../../domain/policy/index.js';
import { claimsToFhirBundle, fhirClaimRecords } from './claim-bundle.js';
import { claimResponseBundle, type ClaimAnswer } from './claim-response.js';
import { operationOutcome } from './operation-outcome.js';
import { r4Errors } from './r4-validator.js';
import { ADJUDICATION_SYSTEM, CHECK_RULE_SYSTEM, CLAIM_ID_SYSTEM, FINDING_ACTION_SYSTEM, POLICY_SOURCE_EXTENSION, RELATED_CLAIM_EXTENSION, RETURN_CODE_SYSTEM } from './systems.js';

const policy = expectOk(parsePolicy(parse(mszYaml), 'policies/msz-2018.yaml')) as MszPolicy;
const reference: CheckReference = {
  products: new Map(), providers: new Map(), drugs: new Map(), specialisedCentres: new Set(), diagnosisCombinations: [], ceilings: new Map(),
};

const line = (claimId: string, over: Partial<ClaimLine> = {}): ClaimLine => ({
  claimId, uzovi: '3311', agb: '06010001', bsn: '111222333', careType: '11', specialism: '0303', diagnosis: '1234',
  productCode: '131999055', startDate: '2018-03-01', endDate: '2018-04-15', amountCents: 123456, ziNumber: null, units: null, ...over,
});

let counter = 0;
const options = { created: '2019-03-04T09:00:00.000Z', newId: () => `00000000-0000-4000-8000-${String(++counter).padStart(12, '0')}` };

/** Upload → records → parse → check → answers, the way the use case composes them (without storage). */
function answer(claims: ClaimLine[], corrupt: (bundle: ReturnType<typeof claimsToFhirBundle>) => void = () => undefined): ClaimAnswer[] {
  const bundle = claimsToFhirBundle(claims);
  corrupt(bundle);
  const records = expectOk(fhirClaimRecords(JSON.stringify(bundle)));
  const parsed = records.map((r) => ({ r, parsed: r.record ? parseClaimRecord(r.record, r.line) : null }));
  const accepted = parsed.flatMap(({ parsed: p }) => (p?.ok ? [p.value] : []));
  const findings = checkClaims(accepted, reference, policy, null);
  return parsed.map(({ r, parsed: p }) => ({
    line: r.line,
    ...(r.record ? { record: r.record } : {}),
    errors: r.issues ?? (p && !p.ok ? (p.error.issues ?? []).map((i) => ({ field: i.field, code: i.code, message: i.message })) : []),
    findings: p?.ok ? findings.filter((f) => f.claimId === p.value.claimId) : [],
  }));
}

describe('ClaimResponse Bundle', () => {
  it('answers every Claim in order; a duplicate gets a duplicate adjudication on the later claim, with amount, action, source and the earlier claim', () => {
    const claims = [line('A-1'), line('A-2', { bsn: '999999990', productCode: '131999056' }), line('A-3')];
    const bundle = claimResponseBundle(answer(claims), options);
    expect(r4Errors(bundle)).toEqual([]);
    const responses = bundle.entry!.map((e) => e.resource!);
    expect(responses.map((r) => r.request?.identifier?.value)).toEqual(['A-1', 'A-2', 'A-3']);
    expect(responses.map((r) => r.outcome)).toEqual(['complete', 'complete', 'partial']);

    const adjudications = responses[2]!.item![0]!.adjudication;
    expect(adjudications[0]).toEqual({ category: { coding: [{ system: ADJUDICATION_SYSTEM, code: 'submitted', display: 'Submitted Amount' }] }, amount: { value: 1234.56, currency: 'EUR' } });
    const duplicate = adjudications.find((a) => a.category.coding?.[0]?.system === CHECK_RULE_SYSTEM && a.category.coding[0].code === 'duplicate');
    expect(duplicate).toBeDefined();
    expect(duplicate!.amount).toEqual({ value: 1234.56, currency: 'EUR' });
    expect(duplicate!.reason!.coding![0]).toMatchObject({ system: FINDING_ACTION_SYSTEM, code: 'reject' });
    const source = policy.claims_control.rules.find((r) => r.id === 'duplicate')!.source;
    expect(duplicate!.reason!.text).toContain(source);
    expect(duplicate!.extension).toEqual([
      { url: POLICY_SOURCE_EXTENSION, valueString: source },
      { url: RELATED_CLAIM_EXTENSION, valueIdentifier: { system: CLAIM_ID_SYSTEM, value: 'A-1' } },
    ]);
    expect(responses[0]!.item![0]!.adjudication).toHaveLength(1);
    for (const r of bundle.entry!) expect(r.fullUrl).toBe(`urn:uuid:${r.resource!.id}`);
  });

  it('a rejected Claim is outcome error with its return codes and the element paths; the structure errors too', () => {
    const claims = [line('B-1', { bsn: '123456789' }), line('B-2'), line('B-3')];
    const bundle = claimResponseBundle(answer(claims, (b) => {
      delete (b.entry![1]!.resource as { provider?: unknown }).provider;
    }), options);
    expect(r4Errors(bundle)).toEqual([]);
    const [bad, broken, good] = bundle.entry!.map((e) => e.resource!);
    expect(bad!.outcome).toBe('error');
    expect(bad!.item).toBeUndefined();
    expect(bad!.error).toEqual([{ code: { coding: [expect.objectContaining({ system: RETURN_CODE_SYSTEM, code: 'ZK-109' })], text: expect.stringMatching(/^Bundle\.entry\[0\]\.resource\.patient\.identifier: /) } }]);
    expect(broken!.outcome).toBe('error');
    expect(broken!.error!.map((e) => e.code.coding![0]!.code)).toEqual(['ZK-171']);
    expect(broken!.error![0]!.code.text).toMatch(/^Bundle\.entry\[1\]\.resource\.provider: /);
    expect(good!.outcome).toBe('complete');
  });

  it('an OperationOutcome carries the element path in expression and validates', () => {
    const result = fhirClaimRecords(JSON.stringify({ resourceType: 'Bundle', type: 'transaction' }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const outcome = operationOutcome(result.error);
    expect(r4Errors(outcome)).toEqual([]);
    expect(outcome.issue).toEqual([expect.objectContaining({ severity: 'error', code: 'structure', expression: ['Bundle.type'] })]);
    const plain = operationOutcome({ code: 'forbidden', message: 'Geen toegang.' });
    expect(r4Errors(plain)).toEqual([]);
    expect(plain.issue[0]).toMatchObject({ code: 'forbidden', details: { text: 'Geen toegang.' } });
    expect(plain.issue[0]!.expression).toBeUndefined();
  });
});
