import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { formatIndicator, indicatorDefinition, indicatorValues, reportedRules, roundIndicator, type ProviderAggregates } from './indicators.js';
import type { MirrorSettings } from './settings.js';

/** The values of msz-2018 (`mirror_min_*`); settings.test.ts reads them from the file. */
const SETTINGS: MirrorSettings = { minPatients: 20, minSpecialismPatients: 10, minPeers: 5 };

const hospital: ProviderAggregates = {
  agb: 'own',
  type: 'ziekenhuis',
  claimLines: 110,
  patients: 40,
  subtrajects: 100,
  followUps: 25,
  creditLines: 5,
  specialisms: [
    { specialism: '0320', patients: 12, amountCents: 1_000_001 },
    { specialism: '0301', patients: 4, amountCents: 50_000 },
  ],
  findings: [{ rule: 'duplicate', claims: 3 }],
};

const byKey = (values: { id: string; specialism?: string; value: Decimal }[]) =>
  Object.fromEntries(values.map((v) => [v.specialism ? `${v.id}@${v.specialism}` : v.id, v.value.toFixed()]));

describe('indicatorValues', () => {
  it('computes each indicator from the aggregates, rounded once per unit', () => {
    const { values, omitted } = indicatorValues(hospital, SETTINGS, ['duplicate', 'serial']);
    expect(byKey(values)).toEqual({
      'follow-up-share': '0.25', // 25 / 100
      'subtrajects-per-patient': '2.5', // 100 / 40
      'cost-per-patient@0320': '83333', // 1,000,001 / 12 = 83,333.42 cents → 83,333
      'finding-share.duplicate': '0.027273', // 3 / 110 = 0.0272727… → 6 decimals half-up
      'finding-share.serial': '0', // no findings of that rule
      'credit-share': '0.045455', // 5 / 110 = 0.0454545…
    });
    // 4 patients in ophthalmology is below the minimum of 10 per specialism.
    expect(omitted).toEqual([{ id: 'cost-per-patient', specialism: '0301', reason: expect.stringContaining('(4, minimaal 10)') }]);
  });

  it('omits indicators whose denominator is zero rather than dividing by it', () => {
    const empty: ProviderAggregates = { ...hospital, claimLines: 0, patients: 0, subtrajects: 0, followUps: 0, creditLines: 0, specialisms: [], findings: [] };
    const { values, omitted } = indicatorValues(empty, SETTINGS, ['duplicate']);
    expect(values).toEqual([]);
    expect(omitted.map((o) => o.id)).toEqual(['follow-up-share', 'subtrajects-per-patient', 'finding-share.duplicate', 'credit-share']);
  });

  it('never reports a negative share when credits outnumber subtrajecten', () => {
    const credited = { ...hospital, subtrajects: 3, followUps: -1 };
    expect(byKey(indicatorValues(credited, SETTINGS, []).values)['follow-up-share']).toBe('0');
  });
});

describe('definitions, rounding and display', () => {
  it('assigns every indicator an ADD §8 topic', () => {
    expect(indicatorDefinition('follow-up-share').topic).toBe('gepast-gebruik');
    expect(indicatorDefinition('cost-per-patient')).toMatchObject({ topic: 'doelmatigheid', unit: 'cents' });
    expect(indicatorDefinition('credit-share').topic).toBe('correct-declareren');
    expect(indicatorDefinition('finding-share.duplicate')).toMatchObject({ topic: 'feitelijke-levering', label: 'Aandeel declaraties met bevinding: dubbele declaraties' });
    expect(indicatorDefinition('finding-share.non-evidence').topic).toBe('juiste-zorg');
    expect(indicatorDefinition('finding-share.serial').topic).toBe('correct-declareren');
  });

  it('rounds half-up: shares to 6 decimals, per patient to 2, money to whole cents', () => {
    expect(roundIndicator(new Decimal('0.0000005'), 'share').toFixed()).toBe('0.000001');
    expect(roundIndicator(new Decimal('2.345'), 'per-patient').toFixed()).toBe('2.35');
    expect(roundIndicator(new Decimal('83333.5'), 'cents').toFixed()).toBe('83334');
  });

  it('shows values the Dutch way', () => {
    expect(formatIndicator(new Decimal('0.341234'), 'share')).toBe('34,12%');
    expect(formatIndicator(new Decimal('2.5'), 'per-patient')).toBe('2,50');
    expect(formatIndicator(new Decimal('123456'), 'cents')).toBe('€ 1.234,56');
  });

  it('reports only rules with findings in the year, in rule order', () => {
    const population = [
      { ...hospital, findings: [{ rule: 'serial' as const, claims: 2 }, { rule: 'ceiling' as const, claims: 0 }] },
      { ...hospital, findings: [{ rule: 'duplicate' as const, claims: 1 }] },
    ];
    expect(reportedRules(population)).toEqual(['duplicate', 'serial']);
  });
});
