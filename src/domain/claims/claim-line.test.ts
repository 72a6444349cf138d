import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CLAIM_REJECT_CODES, canonicalUnits, claimHeaderIssues, isClaimDate, parseClaimRecord, type ClaimLineIssue } from './claim-line.js';

const good: Record<string, string> = {
  claim_id: 'C0000000001', uzovi: '3311', agb: '06010203', bsn: '111222333', care_type: '11', specialism: '0303',
  diagnosis: '1231', product_code: '030312301', start_date: '2018-02-28', end_date: '2018-03-01', amount_cents: '123456',
  zi_number: '', units: '',
};
const issues = (record: Record<string, string>, line = 7): ClaimLineIssue[] => {
  const r = parseClaimRecord(record, line);
  return r.ok ? [] : r.error.issues;
};
const codes = (record: Record<string, string>) => issues(record).map((i) => `${i.field}:${i.code}`);

describe('parseClaimRecord', () => {
  it('turns a valid record into a Claim, trimming cells', () => {
    const r = parseClaimRecord({ ...good, agb: ' 06010203 ', amount_cents: '-123456' }, 2);
    expect(r).toEqual({ ok: true, value: {
      claimId: 'C0000000001', uzovi: '3311', agb: '06010203', bsn: '111222333', careType: '11', specialism: '0303', diagnosis: '1231',
      productCode: '030312301', startDate: '2018-02-28', endDate: '2018-03-01', amountCents: -123456, ziNumber: null, units: null,
    } });
  });

  it('accepts an add-on line with zi_number and units, units canonical', () => {
    const r = parseClaimRecord({ ...good, zi_number: '14000001', units: '0240.500' }, 2);
    expect(r.ok && r.value).toMatchObject({ ziNumber: '14000001', units: '240.5' });
  });

  it('reports each missing field with its own code, line and field', () => {
    const empty = Object.fromEntries(Object.keys(good).map((k) => [k, '']));
    expect(codes(empty)).toEqual([
      'claim_id:ZK-101', 'uzovi:ZK-103', 'agb:ZK-105', 'bsn:ZK-107', 'care_type:ZK-110', 'specialism:ZK-112', 'diagnosis:ZK-114',
      'product_code:ZK-116', 'start_date:ZK-118', 'end_date:ZK-120', 'amount_cents:ZK-123',
    ]);
    expect(issues({ ...good, claim_id: '  ' }, 12)).toEqual([{ line: 12, field: 'claim_id', code: 'ZK-101', message: 'claim_id ontbreekt' }]);
    expect(codes({})).toHaveLength(11);
  });

  it('reports invalid values', () => {
    expect(codes({ ...good, claim_id: 'C 1' })).toEqual(['claim_id:ZK-102']);
    expect(codes({ ...good, claim_id: 'x'.repeat(65) })).toEqual(['claim_id:ZK-102']);
    expect(codes({ ...good, uzovi: '331' })).toEqual(['uzovi:ZK-104']);
    expect(codes({ ...good, agb: '0601020A' })).toEqual(['agb:ZK-106']);
    expect(codes({ ...good, bsn: '11122233' })).toEqual(['bsn:ZK-108']);
    expect(codes({ ...good, bsn: '111222334' })).toEqual(['bsn:ZK-109']);
    expect(codes({ ...good, bsn: '000000000' })).toEqual(['bsn:ZK-109']);
    expect(codes({ ...good, care_type: '12' })).toEqual(['care_type:ZK-111']);
    expect(codes({ ...good, specialism: '303' })).toEqual(['specialism:ZK-113']);
    expect(codes({ ...good, diagnosis: '12345' })).toEqual(['diagnosis:ZK-115']);
    expect(codes({ ...good, diagnosis: 'A12' })).toEqual(['diagnosis:ZK-115']);
    expect(codes({ ...good, product_code: '03031230' })).toEqual(['product_code:ZK-117']);
    expect(codes({ ...good, start_date: '2018-02-29' })).toEqual(['start_date:ZK-119']);
    expect(codes({ ...good, end_date: '2018-13-01' })).toEqual(['end_date:ZK-121']);
    expect(codes({ ...good, end_date: '2018-02-27' })).toEqual(['end_date:ZK-122']);
    expect(codes({ ...good, amount_cents: '12.50' })).toEqual(['amount_cents:ZK-124']);
    expect(codes({ ...good, amount_cents: '-0' })).toEqual(['amount_cents:ZK-124']);
    expect(codes({ ...good, amount_cents: '99999999999999999' })).toEqual(['amount_cents:ZK-124']);
    expect(codes({ ...good, zi_number: '1400000', units: '1' })).toEqual(['zi_number:ZK-125']);
    expect(codes({ ...good, zi_number: '14000001', units: '0' })).toEqual(['units:ZK-126']);
    expect(codes({ ...good, zi_number: '14000001', units: '1.2345' })).toEqual(['units:ZK-126']);
    expect(codes({ ...good, zi_number: '14000001' })).toEqual(['units:ZK-127']);
    expect(codes({ ...good, units: '3' })).toEqual(['zi_number:ZK-127']);
  });

  it('reports several problems of one line together', () => {
    expect(codes({ ...good, agb: '1', start_date: '2018-02-30', amount_cents: 'abc' })).toEqual(['agb:ZK-106', 'start_date:ZK-119', 'amount_cents:ZK-124']);
    const r = parseClaimRecord({ ...good, agb: '1', bsn: '123' }, 5);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('invalid_input');
      // Messages never echo a BSN.
      expect(r.error.issues.find((i) => i.field === 'bsn')?.message).not.toContain('123');
    }
  });

  it('has a documented code for every problem it reports', () => {
    fc.assert(fc.property(fc.dictionary(fc.constantFrom(...Object.keys(good)), fc.string({ maxLength: 12 })), (cells) => {
      for (const issue of issues({ ...good, ...cells })) {
        expect(Object.keys(CLAIM_REJECT_CODES)).toContain(issue.code);
        expect(issue.line).toBe(7);
      }
    }));
  });
});

describe('claim dates, units and header', () => {
  it('knows leap years and the year range', () => {
    expect(isClaimDate('2020-02-29')).toBe(true);
    expect(isClaimDate('1900-02-29')).toBe(false);
    expect(isClaimDate('2000-02-29')).toBe(true);
    expect(isClaimDate('1899-12-31')).toBe(false);
    expect(isClaimDate('2018-04-31')).toBe(false);
    expect(isClaimDate('2018-4-1')).toBe(false);
  });

  it('writes units canonically and refuses zero', () => {
    expect(canonicalUnits('007')).toBe('7');
    expect(canonicalUnits('1.500')).toBe('1.5');
    expect(canonicalUnits('0.001')).toBe('0.001');
    expect(canonicalUnits('0.000')).toBeNull();
    expect(canonicalUnits('1,5')).toBeNull();
    expect(canonicalUnits('1234567890')).toBeNull();
  });

  it('names missing required columns (ZK-190); zi_number and units may be absent', () => {
    expect(claimHeaderIssues(['claim_id', 'uzovi', 'agb', 'bsn', 'care_type', 'specialism', 'diagnosis', 'product_code', 'start_date', 'end_date', 'amount_cents'])).toEqual([]);
    expect(claimHeaderIssues(['claim_id', 'bsn']).map((i) => `${i.line}:${i.field}:${i.code}`)).toContain('1:agb:ZK-190');
  });
});
