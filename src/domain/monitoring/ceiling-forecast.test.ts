/// <reference types="vite/client" />
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import mszText from '../../../policies/msz-2018.yaml?raw';
import { expectOk } from '../errors.js';
import { parsePolicy, type MszPolicy } from '../policy/index.js';
import { ceilingStatus, forecastYearEnd, providersWithRoom, type RoomCandidate } from './ceiling-forecast.js';

function loadMsz(): MszPolicy {
  const policy = expectOk(parsePolicy(parse(mszText), 'msz-2018.yaml'));
  if (policy.kind !== 'msz') throw new Error('msz-2018.yaml is geen MSZ-beleid');
  return policy;
}
const msz = loadMsz();

describe('forecastYearEnd', () => {
  it('extrapolates linearly by elapsed days, the as-of date included', () => {
    // 30 June 2018 is day 181 of 365: 18_100_000 × 365 / 181 = 36_500_000
    const f = expectOk(forecastYearEnd({ year: 2018, asOf: '2018-06-30', claimedToDateCents: 18_100_000 }));
    expect(f).toMatchObject({ forecast_cents: 36_500_000, method: 'linear-elapsed-days' });
    expect(f.reason).toMatchObject({ rule: 'monitoring.forecast.linear-elapsed-days', source: 'MSZ §4', inputs: { elapsed_days: 181, days_in_year: 365 } });
    expect(expectOk(forecastYearEnd({ year: 2018, asOf: '2018-12-31', claimedToDateCents: 123 })).forecast_cents).toBe(123);
    expect(expectOk(forecastYearEnd({ year: 2020, asOf: '2020-01-01', claimedToDateCents: 100 })).forecast_cents).toBe(36_600); // leap year
  });

  it('uses complete months when monthly amounts are given', () => {
    const monthly = [3_000_000, 3_100_000, 2_900_000, 3_000_000, 3_200_000, 2_800_000, 900_000];
    // 10 July: six complete months, 18_000_000 × 12 / 6; the partial July is left out
    const f = expectOk(forecastYearEnd({ year: 2018, asOf: '2018-07-10', claimedToDateCents: 18_900_000, monthlyClaimedCents: monthly }));
    expect(f).toMatchObject({ forecast_cents: 36_000_000, method: 'linear-complete-months' });
    expect(f.reason.inputs).toMatchObject({ complete_months: 6 });
    // 31 July: seven complete months
    expect(expectOk(forecastYearEnd({ year: 2018, asOf: '2018-07-31', claimedToDateCents: 18_900_000, monthlyClaimedCents: monthly })).forecast_cents).toBe(32_400_000);
    // January: no complete month yet, so by days
    expect(expectOk(forecastYearEnd({ year: 2018, asOf: '2018-01-15', claimedToDateCents: 1_500_000, monthlyClaimedCents: [1_500_000] })).method).toBe('linear-elapsed-days');
  });

  it('never forecasts less than already claimed', () => {
    const f = expectOk(forecastYearEnd({ year: 2018, asOf: '2018-03-05', claimedToDateCents: 99_000_000, monthlyClaimedCents: [100, 100] }));
    expect(f.forecast_cents).toBe(99_000_000);
  });

  it('rejects bad input with the field', () => {
    for (const [input, field] of [
      [{ year: 2018, asOf: '2018-02-30', claimedToDateCents: 1 }, 'asOf'],
      [{ year: 2018, asOf: '2019-01-01', claimedToDateCents: 1 }, 'asOf'],
      [{ year: 2018, asOf: '2018-05-01', claimedToDateCents: -1 }, 'claimedToDateCents'],
      [{ year: 2018, asOf: '2018-05-01', claimedToDateCents: 1, monthlyClaimedCents: [1, 2] }, 'monthlyClaimedCents'],
    ] as const) {
      const result = forecastYearEnd(input);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.issues?.[0]?.field).toBe(field);
    }
  });

  it('is at least the claimed amount and exact at year end', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 364 }), fc.integer({ min: 0, max: 1e12 }), (offset, claimed) => {
      const date = new Date(Date.UTC(2018, 0, 1 + offset)).toISOString().slice(0, 10);
      const f = expectOk(forecastYearEnd({ year: 2018, asOf: date, claimedToDateCents: claimed }));
      expect(f.forecast_cents).toBeGreaterThanOrEqual(claimed);
      expect(Math.abs(f.forecast_cents - (claimed * 365) / (offset + 1))).toBeLessThanOrEqual(0.5 + claimed * 1e-9);
    }));
  });
});

describe('ceilingStatus (ceiling_early_warning_share = 0.90)', () => {
  it('is ok below 90% of the ceiling', () => {
    const s = expectOk(ceilingStatus(msz, { ceilingCents: 40_000_000, forecastCents: 35_000_000, claimedToDateCents: 17_000_000 }));
    expect(s).toMatchObject({ status: 'ok', utilisation: '0.8750', room_cents: 5_000_000 });
    expect(s.reasons[0]).toMatchObject({ rule: 'monitoring.ceiling.ok', source: 'MSZ §4', inputs: { early_warning_share: '0.9' } });
  });

  it('warns from exactly 90% up to the ceiling itself', () => {
    expect(expectOk(ceilingStatus(msz, { ceilingCents: 40_000_000, forecastCents: 36_000_000, claimedToDateCents: 0 })).status).toBe('warning');
    const atCeiling = expectOk(ceilingStatus(msz, { ceilingCents: 40_000_000, forecastCents: 40_000_000, claimedToDateCents: 0 }));
    expect(atCeiling).toMatchObject({ status: 'warning', utilisation: '1.0000', room_cents: 0 });
    expect(atCeiling.reasons[0]?.message).toContain('tijdig');
    expect(expectOk(ceilingStatus(msz, { ceilingCents: 40_000_000, forecastCents: 35_999_999, claimedToDateCents: 0 })).status).toBe('ok');
  });

  it('expects an overrun above the ceiling, also when claims already exceed a low forecast', () => {
    const s = expectOk(ceilingStatus(msz, { ceilingCents: 40_000_000, forecastCents: 41_000_000, claimedToDateCents: 20_000_000 }));
    expect(s).toMatchObject({ status: 'overrun-expected', utilisation: '1.0250', room_cents: -1_000_000 });
    expect(expectOk(ceilingStatus(msz, { ceilingCents: 100, forecastCents: 50, claimedToDateCents: 101 })).status).toBe('overrun-expected');
  });

  it('refuses a ceiling of zero', () => {
    expect(ceilingStatus(msz, { ceilingCents: 0, forecastCents: 1, claimedToDateCents: 0 }).ok).toBe(false);
  });
});

describe('providersWithRoom', () => {
  const c = (agb: string, region: string, specialisms: string[], ceilingCents: number, forecastCents: number): RoomCandidate =>
    ({ agb, name: `Ziekenhuis ${agb}`, region, specialisms, ceilingCents, forecastCents });
  const candidates = [
    c('06010001', 'utrecht', ['0320', '0303'], 40_000_000, 41_000_000), // the one threatening to overrun
    c('06010002', 'utrecht', ['0320'], 30_000_000, 27_000_000),
    c('06010003', 'utrecht', ['0320'], 50_000_000, 42_000_000),
    c('06010004', 'utrecht', ['0303'], 50_000_000, 10_000_000), // other specialism
    c('06010005', 'gelderland', ['0320'], 50_000_000, 10_000_000), // other region
    c('06010006', 'utrecht', ['0320'], 20_000_000, 20_000_000), // no room
    c('06010007', 'utrecht', ['0320'], 10_000_000, 7_000_000),
  ];

  it('lists providers in the region offering the specialism, most room first', () => {
    const result = providersWithRoom(candidates, { region: 'utrecht', specialism: '0320', excludeAgb: '06010001' });
    expect(result.map((r) => [r.agb, r.room_cents])).toEqual([['06010003', 8_000_000], ['06010002', 3_000_000], ['06010007', 3_000_000]]);
  });

  it('only ever returns positive room, sorted descending', () => {
    const arb = fc.array(fc.record({
      agb: fc.stringMatching(/^[0-9]{8}$/), name: fc.constant('x'), region: fc.constantFrom('a', 'b'), specialisms: fc.subarray(['0320', '0303']),
      ceilingCents: fc.integer({ min: 0, max: 1e10 }), forecastCents: fc.integer({ min: 0, max: 1e10 }),
    }));
    fc.assert(fc.property(arb, (cs) => {
      const result = providersWithRoom(cs, { region: 'a', specialism: '0320' });
      result.forEach((r, i) => {
        expect(r.room_cents).toBeGreaterThan(0);
        expect(r.region).toBe('a');
        if (i > 0) expect(r.room_cents).toBeLessThanOrEqual(result[i - 1]?.room_cents ?? Infinity);
      });
    }));
  });
});
