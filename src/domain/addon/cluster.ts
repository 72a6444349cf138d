/**
 * One cluster of a post-calculation (ADD §5, "Nacalculeren doen wij op clusterniveau"): the sums of
 * its drug lines, the overrun, the nacalculatie and the payable amount, as explained lines.
 * `lines` (within budget + nacalculatie) sum to `payable_cents`; `facts` inform and do not sum.
 */
import type { ExplainedLine } from '../explain.js';
import { formatEuro, multiplyCents, rateToString, sumCents, type Cents } from '../money/index.js';
import type { Terms } from './nacalculatie.js';

export interface DrugResult {
  zi_number: string;
  cluster: string;
  reference_tariff_cents: Cents;
  agreed_units: string;
  realised_units: string;
  agreed_budget_cents: Cents;
  claimed_cents: Cents;
  /** Realised units × reference tariff: the most that is paid for what was claimed. */
  reference_cap_cents: Cents;
  /** min(claimed, cap). */
  realised_at_reference_cents: Cents;
  /** claimed − realised at reference: above the reference tariff, not paid. */
  capped_cents: Cents;
  /** Efficiency requirement not met while eligible: no nacalculatie for this drug. */
  efficiency_excluded: boolean;
  /** What the drug counts for in the nacalculatie: realised, or at most its budget when excluded. */
  counted_for_nacalculatie_cents: Cents;
  lines: ExplainedLine[];
}

export interface ClusterResult {
  cluster: string;
  agreed_budget_cents: Cents;
  claimed_cents: Cents;
  realised_at_reference_cents: Cents;
  capped_cents: Cents;
  within_budget_cents: Cents;
  overrun_cents: Cents;
  /** The overrun nacalculatie covers: without the part of drugs excluded for efficiency. */
  nacalculatie_basis_cents: Cents;
  nacalculatie_cents: Cents;
  payable_cents: Cents;
  lines: ExplainedLine[];
  facts: ExplainedLine[];
  drugs: DrugResult[];
}

export function clusterResult(cluster: string, drugs: DrugResult[], terms: Terms): ClusterResult {
  const sum = (pick: (d: DrugResult) => Cents) => sumCents(drugs.map(pick));
  const budget = sum((d) => d.agreed_budget_cents);
  const claimed = sum((d) => d.claimed_cents);
  const realised = sum((d) => d.realised_at_reference_cents);
  const capped = sum((d) => d.capped_cents);
  const counted = sum((d) => d.counted_for_nacalculatie_cents);
  const within = Math.min(realised, budget);
  const overrun = Math.max(0, realised - budget);
  const basis = terms.eligible ? Math.max(0, counted - budget) : 0;
  const nacalculatie = multiplyCents(basis, terms.share, terms.rounding);
  const payable = within + nacalculatie;
  const excluded = drugs.filter((d) => d.efficiency_excluded).map((d) => d.zi_number);
  const inputs = { cluster, agreed_budget_cents: budget, realised_at_reference_cents: realised };
  const line = (id: string, label: string, amount: Cents, rule: string, source: string, message: string, extra: ExplainedLine['inputs'] = {}): ExplainedLine =>
    ({ id, label, amount_cents: amount, rule, source, inputs: { ...inputs, ...extra }, message });

  const lines = [
    line('within-budget', 'Gerealiseerd binnen het budget', within, 'addon.budget', terms.nacalculatieSource,
      `Binnen het clusterbudget ${formatEuro(budget)}: ${formatEuro(within)} (het kleinste van gerealiseerd tegen referentietarief en budget).`),
  ];
  if (terms.eligible) {
    lines.push(line('nacalculatie', 'Nacalculatie overschrijding', nacalculatie, 'addon.nacalculatie', terms.nacalculatieSource,
      `${rateToString(terms.share)} × ${formatEuro(basis)} overschrijding` +
        (excluded.length > 0 ? ` (zonder het deel boven budget van ${excluded.join(', ')}: doelmatigheidseis niet gehaald)` : '') + ` = ${formatEuro(nacalculatie)}.`,
      { overrun_cents: overrun, nacalculatie_basis_cents: basis, covered_share: rateToString(terms.share), rounding: terms.rounding, efficiency_excluded: excluded.join(', ') }));
  }
  const facts = [
    line('agreed-budget', 'Clusterbudget', budget, 'addon.budget', terms.nacalculatieSource, `Som van de budgetten (eenheden × referentietarief): ${formatEuro(budget)}.`),
    line('claimed', 'Gedeclareerd', claimed, 'addon.tariff-cap', terms.tariffsSource, `Gedeclareerd in dit cluster: ${formatEuro(claimed)}.`),
    line('realised-at-reference', 'Gerealiseerd tegen referentietarief', realised, 'addon.tariff-cap', terms.tariffsSource,
      `Gedeclareerd, ten hoogste tegen referentietarief: ${formatEuro(realised)}.`, { capped_cents: capped }),
  ];
  if (capped > 0) facts.push(line('capped', 'Boven referentietarief (niet vergoed)', capped, 'addon.tariff-cap', terms.tariffsSource, `${formatEuro(capped)} boven het referentietarief wordt niet vergoed.`));
  facts.push(line('overrun', 'Overschrijding clusterbudget', overrun, terms.eligible ? 'addon.nacalculatie' : 'addon.plafond', terms.nacalculatieSource,
    terms.eligible ? `Overschrijding ${formatEuro(overrun)}; via nacalculatie gedekt: ${formatEuro(nacalculatie)}.` : `Overschrijding ${formatEuro(overrun)} wordt zonder nacalculatie niet vergoed.`));
  if (claimed > payable) facts.push(line('not-paid', 'Niet vergoed', claimed - payable, 'addon.cluster-payable', terms.nacalculatieSource, `Van het gedeclareerde bedrag wordt ${formatEuro(claimed - payable)} niet vergoed.`));
  return {
    cluster,
    agreed_budget_cents: budget,
    claimed_cents: claimed,
    realised_at_reference_cents: realised,
    capped_cents: capped,
    within_budget_cents: within,
    overrun_cents: overrun,
    nacalculatie_basis_cents: basis,
    nacalculatie_cents: nacalculatie,
    payable_cents: payable,
    lines,
    facts,
    drugs,
  };
}
