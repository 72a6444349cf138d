import { describe, expect, it } from 'vitest';
import { demoDataset, generateClaimsWithTruth } from '../../demo/index.js';
import { canonicalUnits, parseClaimRecord } from '../../domain/claims/claim-line.js';
import type { Claim as ClaimLine } from '../../domain/claims/types.js';
import { claimElementPath, claimToFhir, claimsToFhirBundle, fhirClaimRecords, type FhirClaimRecord } from './claim-bundle.js';
import { r4Errors } from './r4-validator.js';
import { AGB_SYSTEM, BSN_SYSTEM, UZOVI_SYSTEM } from './systems.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- claims are edited as plain JSON to break them
type Json = any;

function demoClaims(count: number): ClaimLine[] {
  const dataset = demoDataset('zorginkoop');
  const providers = dataset.providers.slice(0, 3);
  return [...generateClaimsWithTruth({ seed: 'fhir-unit', count, year: 2018, providers, products: dataset.products, drugs: dataset.drugs, anomalyRate: 0.02, idPrefix: 'FHIR-' })].map(({ claim: c }) => ({
    ...c, ziNumber: c.ziNumber ?? null, units: c.units === undefined ? null : canonicalUnits(String(c.units)),
  }));
}

const base: ClaimLine = {
  claimId: 'DECL-2018/000_1', uzovi: '3311', agb: '06010001', bsn: '111222333', careType: '11', specialism: '0303', diagnosis: '1234',
  productCode: '131999055', startDate: '2018-03-01', endDate: '2018-04-15', amountCents: 123456, ziNumber: null, units: null,
};

const bundleOf = (...resources: Json[]): string => JSON.stringify({ resourceType: 'Bundle', type: 'batch', entry: resources.map((resource) => ({ resource })) });
const claimJson = (line: Partial<ClaimLine> = {}): Json => JSON.parse(JSON.stringify(claimToFhir({ ...base, ...line })));

function records(text: string): FhirClaimRecord[] {
  const result = fhirClaimRecords(text);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** The issues of the only Claim of a one-Claim Bundle. */
function issuesOf(claim: Json): { field: string; code: string }[] {
  const [only] = records(bundleOf(claim));
  return (only?.issues ?? []).map((i) => ({ field: i.field, code: i.code }));
}

function dropPath(target: Json, path: string): void {
  const parts = path.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) node = /^\d+$/.test(part) ? node[Number(part)] : node[part];
  delete node[parts.at(-1)!];
}

describe('claims → FHIR Bundle → claim records', () => {
  it('round trip: every demo claim (subtraject, add-on, credit) comes back exactly, through parseClaimRecord', () => {
    const claims = [
      ...demoClaims(400),
      { ...base, claimId: 'CREDIT-1', amountCents: -123456 },
      { ...base, claimId: 'CENTS-5', amountCents: 5 },
      { ...base, claimId: 'CENTS-10', amountCents: 10 },
      { ...base, claimId: 'BIG', amountCents: 999_999_999_999_999 },
      { ...base, claimId: 'ADDON-1', ziNumber: '12345678', units: '0.125', amountCents: 1999 },
      { ...base, claimId: 'ADDON-2', ziNumber: '12345678', units: '240', amountCents: 100_000_01 },
    ];
    expect(claims.some((c) => c.ziNumber !== null)).toBe(true);
    const bundle = claimsToFhirBundle(claims);
    expect(r4Errors(bundle)).toEqual([]);
    const back = records(JSON.stringify(bundle)).map((r) => {
      expect(r.issues).toBeUndefined();
      const parsed = parseClaimRecord(r.record!, r.line);
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
      return parsed.value;
    });
    expect(back).toEqual(claims);
    expect(records(JSON.stringify(bundle)).map((r) => r.line)).toEqual(claims.map((_, i) => i + 1));
  });

  it('amounts are exact to the cent both ways, written as the decimal text of the cents', () => {
    const cases: [number, string][] = [[5, '0.05'], [10, '0.1'], [-1010, '-10.1'], [123456789, '1234567.89'], [999_999_999_999_999, '9999999999999.99'], [0, '0']];
    for (const [cents, json] of cases) {
      const claim = claimToFhir({ ...base, amountCents: cents });
      expect(JSON.stringify(claim.item![0]!.net)).toBe(`{"value":${json},"currency":"EUR"}`);
      expect(records(bundleOf(claim))[0]!.record!.amount_cents).toBe(String(cents));
    }
  });

  it('refuses an amount that is not whole cents, not EUR, or text, naming the element', () => {
    const withNet = (net: Json) => {
      const claim = claimJson();
      claim.item[0].net = net;
      return issuesOf(claim);
    };
    const at = 'Bundle.entry[0].resource.item[0].net';
    expect(withNet({ value: 12.345, currency: 'EUR' })).toEqual([{ field: `${at}.value`, code: 'ZK-173' }]);
    expect(withNet({ value: 0.1 + 0.2, currency: 'EUR' })).toEqual([{ field: `${at}.value`, code: 'ZK-173' }]);
    expect(withNet({ value: '12.50', currency: 'EUR' })).toEqual([{ field: `${at}.value`, code: 'ZK-172' }]);
    expect(withNet({ value: 12.5, currency: 'USD' })).toEqual([{ field: `${at}.currency`, code: 'ZK-173' }]);
    expect(withNet({ value: 12.5 })).toEqual([{ field: `${at}.currency`, code: 'ZK-171' }]);
    expect(withNet({ value: 1e13, currency: 'EUR' })).toEqual([{ field: `${at}.value`, code: 'ZK-173' }]);
  });

  it.each([
    ['status', 'status'],
    ['type', 'type'],
    ['use', 'use'],
    ['patient', 'patient'],
    ['created', 'created'],
    ['provider', 'provider'],
    ['priority', 'priority'],
    ['insurance', 'insurance'],
    ['insurance.0.coverage', 'insurance[0].coverage'],
    ['insurance.0.focal', 'insurance[0].focal'],
    ['item.0.productOrService', 'item[0].productOrService'],
    ['item.0.sequence', 'item[0].sequence'],
  ])('refuses a Claim without the R4-required %s, with its path (and so does the validator)', (drop, element) => {
    const claim = claimJson();
    dropPath(claim, drop);
    const issues = issuesOf(claim);
    expect(issues).toContainEqual({ field: `Bundle.entry[0].resource.${element}`, code: 'ZK-171' });
    expect(issues.every((i) => i.field.startsWith(`Bundle.entry[0].resource.${element}`))).toBe(true);
    expect(r4Errors(claim).map((e) => e.message)).toContain('Missing property');
  });

  it.each([
    ['identifier', 'identifier'],
    ['patient.identifier', 'patient.identifier'],
    ['provider.identifier', 'provider.identifier'],
    ['insurer', 'insurer'],
    ['subType', 'subType'],
    ['careTeam', 'careTeam'],
    ['diagnosis', 'diagnosis'],
    ['item', 'item'],
    ['item.0.servicedPeriod', 'item[0].serviced[x]'],
    ['item.0.servicedPeriod.end', 'item[0].servicedPeriod.end'],
    ['item.0.net', 'item[0].net'],
  ])('refuses a Claim without %s, which the claim line needs, with its path', (drop, element) => {
    const claim = claimJson();
    dropPath(claim, drop);
    expect(issuesOf(claim)).toEqual([{ field: `Bundle.entry[0].resource.${element}`, code: 'ZK-171' }]);
  });

  it('reports every problem of a Claim at once, and other Claims are unaffected; line = entry index + 1', () => {
    const broken = claimJson();
    delete broken.provider;
    broken.status = 'draft';
    broken.item.push(broken.item[0]);
    const result = records(bundleOf(claimJson({ claimId: 'A' }), { resourceType: 'Patient', id: 'p' }, broken, { resourceType: 'Observation' }, claimJson({ claimId: 'B' })));
    expect(result.map((r) => r.line)).toEqual([1, 3, 4, 5]);
    expect(result[1]!.issues!.map((i) => [i.field, i.code])).toEqual([
      ['Bundle.entry[2].resource.status', 'ZK-172'],
      ['Bundle.entry[2].resource.provider', 'ZK-171'],
      ['Bundle.entry[2].resource.item', 'ZK-174'],
    ]);
    expect(result[2]!.issues).toEqual([expect.objectContaining({ field: 'Bundle.entry[3].resource.resourceType', code: 'ZK-170' })]);
    expect([result[0]!.record!.claim_id, result[3]!.record!.claim_id]).toEqual(['A', 'B']);
  });

  it('follows references to Bundle entries and contained resources; an unknown target is refused', () => {
    const claim = claimJson();
    claim.patient = { reference: 'urn:uuid:7f0c1a52-2a6e-4c57-9d5a-0d1b1f0e0001' };
    claim.provider = { reference: 'Organization/ziekenhuis' };
    delete claim.insurer;
    claim.insurance[0].coverage = { reference: '#cov' };
    claim.contained = [{ resourceType: 'Coverage', id: 'cov', status: 'active', beneficiary: { reference: 'urn:uuid:7f0c1a52-2a6e-4c57-9d5a-0d1b1f0e0001' }, payor: [{ identifier: { system: UZOVI_SYSTEM, value: '3358' } }] }];
    const text = JSON.stringify({
      resourceType: 'Bundle', type: 'collection',
      entry: [
        { fullUrl: 'urn:uuid:7f0c1a52-2a6e-4c57-9d5a-0d1b1f0e0001', resource: { resourceType: 'Patient', identifier: [{ system: BSN_SYSTEM, value: '999999990' }] } },
        { fullUrl: 'https://ziekenhuis.example/fhir/Organization/ziekenhuis', resource: { resourceType: 'Organization', identifier: [{ system: AGB_SYSTEM, value: '06012345' }] } },
        { fullUrl: 'urn:uuid:7f0c1a52-2a6e-4c57-9d5a-0d1b1f0e0002', resource: claim },
      ],
    });
    expect(r4Errors(JSON.parse(text))).toEqual([]);
    const [line] = records(text);
    expect(line).toMatchObject({ line: 3, record: { bsn: '999999990', agb: '06012345', uzovi: '3358' } });

    claim.patient = { reference: 'Patient/elders' };
    expect(issuesOf(claim)).toContainEqual({ field: 'Bundle.entry[0].resource.patient.reference', code: 'ZK-175' });
  });

  it('a one-day line may use servicedDate; a date that is not a date is refused', () => {
    const claim = claimJson();
    delete claim.item[0].servicedPeriod;
    claim.item[0].servicedDate = '2018-05-02';
    expect(records(bundleOf(claim))[0]!.record).toMatchObject({ start_date: '2018-05-02', end_date: '2018-05-02' });
    claim.item[0].servicedDate = '02-05-2018';
    expect(issuesOf(claim)).toEqual([{ field: 'Bundle.entry[0].resource.item[0].servicedDate', code: 'ZK-172' }]);
  });

  it('leaves the values to parseClaimRecord, whose fields map back to element paths', () => {
    const [line] = records(bundleOf(claimJson({ bsn: '123456789' })));
    const parsed = parseClaimRecord(line!.record!, line!.line);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error.issues).toEqual([expect.objectContaining({ field: 'bsn', code: 'ZK-109' })]);
    expect(claimElementPath(1, 'bsn')).toBe('Bundle.entry[0].resource.patient.identifier');
    expect(claimElementPath(4, 'Bundle.entry[3].resource.provider')).toBe('Bundle.entry[3].resource.provider');
  });

  it('fails the whole file when it is not a JSON Bundle of type batch or collection with Claims', () => {
    const cases: [string, string][] = [
      ['{"resourceType": "Bundle", ', 'Bundle'],
      ['[1, 2]', 'Bundle'],
      [JSON.stringify(claimJson()), 'Bundle.resourceType'],
      [JSON.stringify({ resourceType: 'Bundle', type: 'transaction', entry: [{ resource: claimJson() }] }), 'Bundle.type'],
      [JSON.stringify({ resourceType: 'Bundle', type: 'batch', entry: [{ resource: { resourceType: 'Patient' } }] }), 'Bundle.entry'],
      [JSON.stringify({ resourceType: 'Bundle', type: 'batch', entry: {} }), 'Bundle.entry'],
    ];
    for (const [text, field] of cases) {
      const result = fhirClaimRecords(text);
      expect(result.ok, text).toBe(false);
      if (result.ok) continue;
      expect(result.error.code).toBe('invalid_input');
      expect(result.error.issues).toEqual([expect.objectContaining({ field, code: 'ZK-179' })]);
    }
  });
});
