import { describe, expect, it } from 'vitest';
import { expectOk } from '../../domain/errors.js';
import type { MszPolicy, PracticeVariationIndicatorDefinition } from '../../domain/policy/index.js';
import type { FollowUpRate } from '../../storage/repositories/purchasing.js';
import { loadPolicyCatalogue } from '../policies.js';
import { practiceVariationDefinitions, practiceVariationIndicator } from './proposal.js';

const msz = expectOk(expectOk(await loadPolicyCatalogue()).get('msz-2018')) as MszPolicy;
const [followUp] = practiceVariationDefinitions(msz) as [PracticeVariationIndicatorDefinition];

const rate = (agb: string, patients: number, follow_ups: number, follow_up_cents = follow_ups * 10_000): FollowUpRate => ({ agb, patients, follow_ups, follow_up_cents });
const rates = [rate('own', 40, 9), rate('p1', 25, 4), rate('p2', 30, 3), rate('p3', 60, 5), rate('small', 19, 19)];

describe('A3 practice-variation indicators from the policy (decision practice-variation-indicators)', () => {
  it('are read from volume correction A3 of the policy, each with its source', () => {
    expect(practiceVariationDefinitions(msz).map((d) => ({ id: d.id, measure: d.measure, specialism: d.specialism, per: d.per, min_patients: d.min_patients, min_peers: d.min_peers, source: d.source }))).toEqual([
      { id: 'follow-up-cardiologie', measure: 'follow-up-subtrajects', specialism: '0320', per: 1000, min_patients: 20, min_peers: 3, source: 'MSZ §4A' },
    ]);
    expect(msz.decisions.map((d) => d.id)).toContain(followUp.decision);
  });

  it('computes exact rates per N patients, leaving out providers below the patient minimum', () => {
    expect(practiceVariationIndicator(followUp, rates, 'own')).toEqual({
      indicator: followUp.label,
      specialism: '0320',
      providerRatePer1000: '225.00', // 9 × 1000 / 40
      peerRatesPer1000: ['160.00', '100.00', '83.33'], // 'small' has 19 patients: left out
      affectedAmountCents: 90_000,
    });
    // No rate for a provider below the minimum itself, nor with fewer peers than the minimum.
    expect(practiceVariationIndicator(followUp, rates, 'small')).toBeNull();
    expect(practiceVariationIndicator(followUp, rates.filter((r) => r.agb !== 'p3'), 'own')).toBeNull();
  });

  it('follows another value in the policy', () => {
    // A higher patient minimum drops p1 (25 patients): too few peers.
    expect(practiceVariationIndicator({ ...followUp, min_patients: 26 }, rates, 'own')).toBeNull();
    // Two peers are enough when the policy says so.
    expect(practiceVariationIndicator({ ...followUp, min_peers: 2 }, rates.filter((r) => r.agb !== 'p3'), 'own')?.peerRatesPer1000).toEqual(['160.00', '100.00']);
    // Per 100 patients instead of per 1,000.
    expect(practiceVariationIndicator({ ...followUp, per: 100 }, rates, 'own')?.providerRatePer1000).toBe('22.50');
  });
});
