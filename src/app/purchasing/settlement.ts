/**
 * Use cases: the settlement of a provider's year (MSZ §2 Fig. 1, §4) and the settlement simulator.
 * The richtpunt or plafond is the financial proposal's amount for the year; the realisation is what
 * the provider claimed in the year; for a UMC the care kinds in `umc_exempt_care` stay outside and
 * are paid in full. Shares u and m come from the provider's proposal inputs, else the policy defaults.
 */
import type { AgreementDecision } from '../../domain/agreement/index.js';
import { fail, ok, type Result } from '../../domain/errors.js';
import { parameterValue, type MszPolicy } from '../../domain/policy/index.js';
import { paymentCurve, settle, type PaymentCurvePoint, type Settlement, type SettlementInput } from '../../domain/settlement/index.js';
import { claimedTotals, readProposalInputs } from '../../storage/repositories/purchasing.js';
import type { PolicyCatalogue } from '../policies.js';
import { mszPolicyForYear } from './policy-for-year.js';
import { computeProposal } from './proposal.js';
import { withProviderYear, type PurchasingDeps } from './provider-year.js';

export interface SettlementView {
  provider: { agb: string; name: string; city: string; type: string };
  year: number;
  policy: { id: string; title: string };
  decision: AgreementDecision;
  settlement: Settlement;
  curve: PaymentCurvePoint[];
}

const CURVE_POINTS = 40;

/** Points from the excluded care up to well past the target and the realisation, for the Fig. 1 chart. */
export function curveFor(policy: MszPolicy, terms: Omit<SettlementInput, 'realisedCents'>, realisedCents: number): Result<PaymentCurvePoint[]> {
  const start = terms.excludedCents ?? 0;
  const end = Math.max(start + 1, Math.round(terms.targetCents * 1.6) + start, Math.round(realisedCents * 1.2));
  const points = Array.from({ length: CURVE_POINTS + 1 }, (_, i) => start + Math.round(((end - start) * i) / CURVE_POINTS));
  return paymentCurve(policy, terms, points);
}

export function exemptCareKinds(policy: MszPolicy, providerType: string): string[] {
  if (providerType !== 'umc') return [];
  const kinds = parameterValue(policy, 'umc_exempt_care', 'list');
  return kinds.ok ? kinds.value.map(String) : [];
}

export const settlementFor = (deps: PurchasingDeps, agb: string, year: unknown): Promise<Result<SettlementView>> =>
  withProviderYear(deps, agb, year, async (tx, context) => {
    const { decision, policy, provider } = context;
    if (decision.type === 'none') {
      return fail('conflict', `Geen afrekening: er is geen overeenkomst met ${provider.name} voor ${context.year} (${decision.title}).`);
    }
    const proposal = await computeProposal(tx, context);
    if (!proposal.ok) return proposal;
    const inputs = await readProposalInputs(tx, provider.agb, context.year);
    const totals = await claimedTotals(tx, provider.agb, context.year, { exemptKinds: exemptCareKinds(policy, provider.type) });
    const terms: Omit<SettlementInput, 'realisedCents'> = {
      type: decision.type,
      targetCents: proposal.value.financial.amount_cents,
      excludedCents: Math.max(0, Math.min(totals.exempt_cents, totals.total_cents)),
      ...(decision.type === 'transitie' && inputs?.under_share != null ? { underShare: String(inputs.under_share) } : {}),
      ...(decision.type === 'transitie' && inputs?.growth_share != null ? { growthShare: String(inputs.growth_share) } : {}),
    };
    const realisedCents = Math.max(0, totals.total_cents);
    const settlement = settle(policy, { ...terms, realisedCents });
    if (!settlement.ok) return settlement;
    const curve = curveFor(policy, terms, realisedCents);
    if (!curve.ok) return curve;
    return ok({
      provider: proposal.value.provider,
      year: context.year,
      policy: proposal.value.policy,
      decision,
      settlement: settlement.value,
      curve: curve.value,
    });
  });

export interface SimulationInput {
  year?: number;
  type: 'transitie' | 'plafond';
  targetCents: number;
  realisedCents: number;
  excludedCents?: number;
  underShare?: string;
  growthShare?: string;
}

/** Settlement without a provider: what a given richtpunt or plafond pays at a given realisation. */
export function simulateSettlement(policies: PolicyCatalogue, input: SimulationInput): Result<{ settlement: Settlement; curve: PaymentCurvePoint[] }> {
  const policy = mszPolicyForYear(policies, input.year ?? 2018);
  if (!policy.ok) return policy;
  const terms: Omit<SettlementInput, 'realisedCents'> = {
    type: input.type,
    targetCents: input.targetCents,
    ...(input.excludedCents !== undefined ? { excludedCents: input.excludedCents } : {}),
    ...(input.underShare !== undefined ? { underShare: input.underShare } : {}),
    ...(input.growthShare !== undefined ? { growthShare: input.growthShare } : {}),
  };
  const settlement = settle(policy.value, { ...terms, realisedCents: input.realisedCents });
  if (!settlement.ok) return settlement;
  const curve = curveFor(policy.value, terms, input.realisedCents);
  if (!curve.ok) return curve;
  return ok({ settlement: settlement.value, curve: curve.value });
}
