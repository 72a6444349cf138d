/**
 * Demo negotiation states and proposal inputs per provider, so the agreement decisions, proposals
 * and settlements in the demo cover every outcome: transition deals, 2- and 1-year ceilings, no
 * agreement, open negotiations, and a new provider. Deterministic from the seed.
 */
import { createPrng, type Seed } from './prng.js';
import type { DemoProvider } from './providers.js';
import type { DemoAddOnDrug } from './addon-drugs.js';

export type Fact = 'agreed' | 'rejected' | 'open';

export interface DemoNegotiation {
  agb: string;
  priceVolume: Fact;
  kernregioConditions: Fact;
  multiYearContent: Fact | null;
  newProvider: boolean;
}

export interface DemoProposalInputs {
  agb: string;
  academicShare: string | null;
  providerSurcharge: { share: string; evidence: string } | null;
  demographyGrowth: string;
  kwfIncidenceGrowth: string;
  homeDialysisExpectedShare: string | null;
}

export interface DemoAddonAgreement {
  agb: string;
  expectedRevenueCents: number;
  q2Figures: 'on-time' | 'late' | 'incorrect';
  efficiency: 'met' | 'not-met' | 'no-requirement';
  lines: { ziNumber: string; agreedUnits: string }[];
}

export function demoNegotiations(seed: Seed, providers: readonly DemoProvider[]): DemoNegotiation[] {
  const prng = createPrng(seed).fork('negotiations');
  return providers.map((p, index) => {
    // A few fixed cases first, so the demo always shows each outcome.
    if (index === providers.length - 1) return { agb: p.agb, priceVolume: 'agreed', kernregioConditions: 'open', multiYearContent: null, newProvider: true };
    const priceVolume: Fact = prng.weightedPick(['agreed', 'rejected', 'open'] as const, [0.8, 0.07, 0.13]);
    const kernregioConditions: Fact = p.kernregio ? prng.weightedPick(['agreed', 'rejected', 'open'] as const, [0.75, 0.15, 0.1]) : 'open';
    const multiYearContent: Fact | null = priceVolume === 'agreed' && prng.chance(0.08) ? 'rejected' : null;
    return { agb: p.agb, priceVolume, kernregioConditions, multiYearContent, newProvider: false };
  });
}

const share = (value: number) => value.toFixed(4);

export function demoProposalInputs(seed: Seed, providers: readonly DemoProvider[]): DemoProposalInputs[] {
  const prng = createPrng(seed).fork('proposal-inputs');
  return providers.map((p) => ({
    agb: p.agb,
    academicShare: p.type === 'umc' ? share(0.3 + prng.int(0, 30) / 100) : null,
    providerSurcharge:
      p.type === 'ziekenhuis' && prng.chance(0.15)
        ? { share: share(prng.int(1, 4) / 100), evidence: 'Aantoonbaar complexere patiëntpopulatie (casemix-analyse 2016)' }
        : null,
    demographyGrowth: share(prng.int(5, 20) / 1000),
    kwfIncidenceGrowth: share(prng.int(10, 30) / 1000),
    homeDialysisExpectedShare: p.type === 'zbc' ? null : share(prng.int(4, 16) / 100),
  }));
}

export function demoAddonAgreements(seed: Seed, providers: readonly DemoProvider[], drugs: readonly DemoAddOnDrug[]): DemoAddonAgreement[] {
  const prng = createPrng(seed).fork('addon-agreements');
  return providers
    .filter((p) => p.type !== 'zbc')
    .map((p) => {
      const chosen = prng.sample([...drugs], Math.min(drugs.length, prng.int(3, 8)));
      const lines = chosen.map((d) => ({ ziNumber: d.ziNumber, agreedUnits: String(d.typicalDoseUnits * prng.int(5, 80)) }));
      const expectedRevenueCents = chosen.reduce((sum, d, i) => sum + Math.round(d.referenceTariffCents * Number(lines[i]!.agreedUnits)), 0);
      return {
        agb: p.agb,
        expectedRevenueCents,
        q2Figures: prng.weightedPick(['on-time', 'late', 'incorrect'] as const, [0.8, 0.12, 0.08]),
        efficiency: chosen.some((d) => d.efficiencyRequirement) ? prng.weightedPick(['met', 'not-met'] as const, [0.8, 0.2]) : 'no-requirement',
        lines,
      };
    });
}
