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

/**
 * One-year add-on sub-agreements (FDA) built from what each provider actually claimed in the year:
 * the agreed units are the realised units times a seeded factor (0.8-1.1), so some clusters overrun
 * their budget and nacalculatie has work to do. The demo claims are a small sample of a real year,
 * so the expected add-on revenue (which decides nacalculatie, ADD §5) is set from the provider's
 * ZK revenue instead (0.2%-3%), putting providers on both sides of the EUR 100,000 threshold.
 */
export function demoAddonAgreements(
  seed: Seed,
  providers: readonly DemoProvider[],
  drugs: readonly DemoAddOnDrug[],
  realisedUnits: ReadonlyMap<string, ReadonlyMap<string, number>>,
): DemoAddonAgreement[] {
  const prng = createPrng(seed).fork('addon-agreements');
  const tariff = new Map(drugs.map((d) => [d.ziNumber, d]));
  return [...realisedUnits.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([agb, perDrug]) => {
      const lines = [...perDrug.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([ziNumber, units]) => ({ ziNumber, agreedUnits: String(Math.max(1, Math.round(units * (0.8 + prng.int(0, 30) / 100)))) }));
      const revenue = providers.find((p) => p.agb === agb)?.zkRevenueCents ?? 0;
      const expectedRevenueCents = Math.round((revenue * prng.int(2, 30)) / 1000);
      const withRequirement = lines.some((l) => tariff.get(l.ziNumber)?.efficiencyRequirement);
      return {
        agb,
        expectedRevenueCents,
        q2Figures: prng.weightedPick(['on-time', 'late', 'incorrect'] as const, [0.8, 0.12, 0.08]),
        efficiency: withRequirement ? prng.weightedPick(['met', 'not-met'] as const, [0.8, 0.2]) : 'no-requirement',
        lines,
      };
    });
}
