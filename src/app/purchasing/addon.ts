/**
 * Use cases: add-on drugs (ADD §3-§5). The one-year financial sub-agreement (FDA) of a provider,
 * whether it qualifies for nacalculatie (each of the three conditions shown), and the
 * post-calculation per cluster from the add-on lines the provider claimed in the year.
 */
import { sql } from 'kysely';
import { addonEligibility, postCalculate, type AddonEligibility, type AddonEligibilityInput, type PostCalculation } from '../../domain/addon/index.js';
import type { Q2Timeliness } from '../../domain/addon/figures.js';
import { recordedQ2ForFda } from '../addon-figures/list-figures.js';
import { fail, ok, type Result } from '../../domain/errors.js';
import { parseEuroAmount } from '../../domain/money/index.js';
import { systemActor } from '../../domain/auth/actor.js';
import { providerAccess } from '../access.js';
import { withActor } from '../../storage/context.js';
import type { PolicyCatalogue } from '../policies.js';
import { parseYear } from './negotiation.js';
import { addOnPolicyForYear } from './policy-for-year.js';
import type { PurchasingDeps } from './provider-year.js';

export interface AddonView {
  agb: string;
  year: number;
  policy: { id: string; title: string };
  agreement: {
    expected_revenue_cents: number;
    q2_figures: 'on-time' | 'late' | 'incorrect';
    /**
     * Where `q2_figures` comes from: `uploads` when the provider's Q2 figures file(s) for this FDA were
     * received in the app (the recorded status wins over the agreement's stored value), else
     * `agreement` (the value stored with the FDA). An explicit value given to `eligibilityFor`
     * (POST /api/addon/eligibility, `addon eligibility`) is never replaced by either.
     */
    q2_figures_source: 'uploads' | 'agreement';
    q2_figures_recorded: Q2Timeliness | null;
    efficiency: 'met' | 'not-met' | 'no-requirement';
    lines: { zi_number: string; name: string; cluster: string; agreed_units: string; reference_tariff_cents: number; efficiency_requirement: boolean }[];
  } | null;
  eligibility: AddonEligibility | null;
  post_calculation: PostCalculation | null;
}

export function eligibilityFor(policies: PolicyCatalogue, year: number, input: AddonEligibilityInput): Result<AddonEligibility> {
  const policy = addOnPolicyForYear(policies, year);
  if (!policy.ok) return policy;
  return ok(addonEligibility(policy.value, input));
}

/** CLI/API input: expected revenue in euros as text, the Q2 figures and the efficiency status. */
export function parseEligibilityInput(raw: { expectedRevenueEur: string; q2Figures: string; efficiency: string }): Result<AddonEligibilityInput> {
  const revenue = parseEuroAmount(raw.expectedRevenueEur, 'expected-revenue-eur');
  if (!revenue.ok) return revenue;
  if (revenue.value < 0) return fail('invalid_input', 'Verwachte omzet mag niet negatief zijn.', [{ field: 'expected-revenue-eur', message: 'Negatief.' }]);
  if (!['on-time', 'late', 'incorrect'].includes(raw.q2Figures)) {
    return fail('invalid_input', `q2-figures moet on-time, late of incorrect zijn (gekregen: '${raw.q2Figures}').`, [{ field: 'q2-figures', message: 'Onbekende waarde.' }]);
  }
  if (!['met', 'not-met', 'no-requirement'].includes(raw.efficiency)) {
    return fail('invalid_input', `efficiency moet met, not-met of no-requirement zijn (gekregen: '${raw.efficiency}').`, [{ field: 'efficiency', message: 'Onbekende waarde.' }]);
  }
  return ok({ expectedRevenueCents: revenue.value, q2Figures: raw.q2Figures as AddonEligibilityInput['q2Figures'], efficiency: raw.efficiency as AddonEligibilityInput['efficiency'] });
}

export async function addonFor(deps: PurchasingDeps, agbInput: string, yearInput: unknown): Promise<Result<AddonView>> {
  const year = parseYear(yearInput);
  if (!year.ok) return year;
  const agb = await providerAccess(deps, agbInput, 'addon.read');
  if (!agb.ok) return agb;
  const policy = addOnPolicyForYear(deps.policies, year.value);
  if (!policy.ok) return policy;

  return withActor(deps.db, systemActor('addon'), async (tx) => {
    const agreement = await tx.selectFrom('addon_agreements').selectAll().where('agb', '=', agb.value).where('year', '=', year.value).executeTakeFirst();
    const view: AddonView = { agb: agb.value, year: year.value, policy: { id: policy.value.id, title: policy.value.title }, agreement: null, eligibility: null, post_calculation: null };
    if (!agreement) return ok(view);
    const lines = await tx
      .selectFrom('addon_agreement_lines as l')
      .innerJoin('addon_drugs as d', 'd.zi_number', 'l.zi_number')
      .select(['l.zi_number', 'd.name', 'd.cluster', 'l.agreed_units', 'd.reference_tariff_cents', 'd.efficiency_requirement'])
      .where('l.agb', '=', agb.value)
      .where('l.year', '=', year.value)
      .orderBy('d.cluster')
      .orderBy('d.name')
      .execute();
    const realised = await sql<{ zi_number: string; units: string; claimed_cents: number }>`
      select zi_number, sum(units)::text as units, sum(amount_cents)::int8 as claimed_cents
      from claims
      where agb = ${agb.value} and zi_number is not null and start_date between ${`${year.value}-01-01`} and ${`${year.value}-12-31`}
      group by zi_number`.execute(tx);
    const byZi = new Map(realised.rows.map((r) => [r.zi_number, r]));

    const recorded = await recordedQ2ForFda(tx, policy.value, year.value, agb.value);
    const q2Figures = recorded?.status ?? agreement.q2_figures;
    const assessed = addonEligibility(policy.value, { expectedRevenueCents: agreement.expected_revenue_cents, q2Figures, efficiency: agreement.efficiency });
    const eligibility = recorded ? { ...assessed, reasons: [...assessed.reasons, recorded.reason] } : assessed;
    const post = postCalculate(policy.value, {
      eligible: eligibility.nacalculatie,
      lines: lines.map((l) => ({
        ziNumber: l.zi_number,
        cluster: l.cluster,
        referenceTariffCents: l.reference_tariff_cents,
        agreedUnits: String(l.agreed_units),
        realisedUnits: byZi.get(l.zi_number)?.units ?? '0',
        claimedCents: Math.max(0, byZi.get(l.zi_number)?.claimed_cents ?? 0),
        efficiencyRequirement: l.efficiency_requirement,
        ...(l.efficiency_requirement ? { efficiencyMet: agreement.efficiency !== 'not-met' } : {}),
      })),
    });
    if (!post.ok) return post;
    return ok({
      ...view,
      agreement: {
        expected_revenue_cents: agreement.expected_revenue_cents,
        q2_figures: q2Figures,
        q2_figures_source: recorded?.status ? 'uploads' : 'agreement',
        q2_figures_recorded: recorded,
        efficiency: agreement.efficiency,
        lines: lines.map((l) => ({ ...l, agreed_units: String(l.agreed_units) })),
      },
      eligibility,
      post_calculation: post.value,
    });
  });
}
