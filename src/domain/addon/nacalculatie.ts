/**
 * Post-calculation (nacalculatie) of an add-on drugs sub-agreement, per cluster (ADD §4, §5).
 *
 * Per drug line: agreed budget = agreed units × reference tariff; realised at reference tariff =
 * the claimed amount, at most realised units × reference tariff (`addon_tariff_cap`: the part above
 * the tariff is not paid). Each product is rounded once, by `multiplyCents` with `rounding_rule`.
 * Per cluster: within budget = min(realised, budget) is paid; the overrun is covered at
 * `nacalculatie_overrun_covered_share` only when the provider is eligible, and then only the overrun
 * that remains when every drug whose efficiency requirement was not met counts at most at its own
 * budget (`efficiency_nacalculatie_rule: per-drug-all-or-nothing`). Without nacalculatie the cluster
 * budget is a ceiling. Cluster payable = within budget + nacalculatie; the total is their sum.
 */
import { fail, ok, type FieldIssue, type Result } from '../errors.js';
import type { ExplainedLine, Reason } from '../explain.js';
import { parseZiNumber } from '../identifiers/index.js';
import { formatEuro, isCents, multiplyCents, parseRate, parseShare, rateToString, sumCents, type Cents, type Rate, type RoundingMode } from '../money/index.js';
import { parameterValue, policyDecision, policyParameter, type AddOnPolicy } from '../policy/index.js';
import { clusterResult, type ClusterResult, type DrugResult } from './cluster.js';

export interface PostCalculationLineInput {
  ziNumber: string;
  cluster: string;
  /** Reference tariff per unit, in cents. */
  referenceTariffCents: number;
  /** Decimal text, e.g. "120" or "2.5". */
  agreedUnits: string;
  realisedUnits: string;
  claimedCents: number;
  efficiencyRequirement: boolean;
  /** Required when the drug has an efficiency requirement and the provider is eligible. */
  efficiencyMet?: boolean;
}

export interface PostCalculationInput {
  /** From `addonEligibility(...).nacalculatie`. */
  eligible: boolean;
  lines: PostCalculationLineInput[];
}

export interface PostCalculationTotals {
  agreed_budget_cents: Cents;
  claimed_cents: Cents;
  realised_at_reference_cents: Cents;
  capped_cents: Cents;
  overrun_cents: Cents;
  nacalculatie_cents: Cents;
  payable_cents: Cents;
}

export interface PostCalculation {
  eligible: boolean;
  covered_share: string;
  clusters: ClusterResult[];
  totals: PostCalculationTotals;
  /** One line per cluster (its payable amount); they sum to `totals.payable_cents`. */
  lines: ExplainedLine[];
  reasons: Reason[];
}

export interface Terms {
  eligible: boolean;
  share: Rate;
  rounding: RoundingMode;
  cap: string;
  tariffsSource: string;
  nacalculatieSource: string;
}

const ROUNDING: readonly RoundingMode[] = ['half-up', 'half-even', 'down'];

function policyTerms(policy: AddOnPolicy, eligible: boolean, issues: FieldIssue[]): Terms | undefined {
  const shareId = policy.nacalculatie.covered_share_parameter;
  const shareText = parameterValue(policy, shareId, 'decimal');
  const share = shareText.ok ? parseShare(shareText.value, shareId) : shareText;
  const rounding = parameterValue(policy, policy.tariffs.rounding_parameter, 'enum');
  const cap = parameterValue(policy, policy.tariffs.reference_tariffs.max_claimable_parameter, 'enum');
  for (const [id, result] of [[shareId, share], [policy.tariffs.rounding_parameter, rounding], [policy.tariffs.reference_tariffs.max_claimable_parameter, cap]] as const) {
    if (!result.ok) issues.push({ field: id, message: result.error.message });
  }
  const mode = rounding.ok ? ROUNDING.find((m) => m === rounding.value) : undefined;
  if (rounding.ok && !mode) issues.push({ field: policy.tariffs.rounding_parameter, message: `Onbekende afrondingsregel '${rounding.value}'.` });
  if (cap.ok && cap.value !== 'reference-tariff') issues.push({ field: policy.tariffs.reference_tariffs.max_claimable_parameter, message: `Onbekende tariefgrens '${cap.value}'.` });
  if (!share.ok || !mode || !cap.ok) return undefined;
  return { eligible, share: share.value, rounding: mode, cap: cap.value, tariffsSource: policy.tariffs.source, nacalculatieSource: policy.nacalculatie.source };
}

function amount(value: unknown, field: string, issues: FieldIssue[]): value is Cents {
  if (isCents(value) && value >= 0) return true;
  issues.push({ field, message: `${field} moet een geheel, niet-negatief aantal centen zijn.` });
  return false;
}

function units(text: unknown, field: string, issues: FieldIssue[]): Rate | undefined {
  const rate = typeof text === 'string' ? parseRate(text, field) : fail('invalid_input', `${field} ontbreekt`, [{ field, message: `${field} moet een decimaal getal als tekst zijn.` }]);
  if (!rate.ok) {
    issues.push(...(rate.error.issues ?? [{ field, message: rate.error.message }]));
    return undefined;
  }
  if (rate.value.decimal.isNegative()) {
    issues.push({ field, message: `${field} mag niet negatief zijn.` });
    return undefined;
  }
  return rate.value;
}

function drug(line: PostCalculationLineInput, index: number, terms: Terms, excludeUnmet: boolean, issues: FieldIssue[]): DrugResult | undefined {
  const at = (name: string) => `lines[${index}].${name}`;
  const before = issues.length;
  const zi = parseZiNumber(String(line.ziNumber ?? ''), at('ziNumber'));
  if (!zi.ok) issues.push({ field: at('ziNumber'), message: zi.error.message });
  if (typeof line.cluster !== 'string' || line.cluster.trim() === '') issues.push({ field: at('cluster'), message: 'Cluster ontbreekt.' });
  const tariffOk = amount(line.referenceTariffCents, at('referenceTariffCents'), issues);
  const claimedOk = amount(line.claimedCents, at('claimedCents'), issues);
  const agreed = units(line.agreedUnits, at('agreedUnits'), issues);
  const realised = units(line.realisedUnits, at('realisedUnits'), issues);
  if (terms.eligible && line.efficiencyRequirement && line.efficiencyMet === undefined) {
    issues.push({ field: at('efficiencyMet'), message: 'Voor een geneesmiddel met doelmatigheidseis moet vastliggen of aan de eis is voldaan.' });
  }
  if (issues.length > before || !zi.ok || !tariffOk || !claimedOk || !agreed || !realised) return undefined;
  const tariff = line.referenceTariffCents;
  const budget = multiplyCents(tariff, agreed, terms.rounding);
  const cap = multiplyCents(tariff, realised, terms.rounding);
  const allowed = Math.min(line.claimedCents, cap);
  const excluded = excludeUnmet && terms.eligible && line.efficiencyRequirement && line.efficiencyMet === false;
  const base = { zi_number: zi.value as string, cluster: line.cluster.trim(), reference_tariff_cents: tariff, rounding: terms.rounding };
  const mk = (id: string, label: string, cents: Cents, rule: string, source: string, inputs: Reason['inputs'], message: string): ExplainedLine =>
    ({ id, label, amount_cents: cents, rule, source, inputs: { ...base, ...inputs }, message });
  const lines = [
    mk('agreed-budget', 'Afgesproken budget', budget, 'addon.budget', terms.nacalculatieSource, { agreed_units: rateToString(agreed) },
      `${rateToString(agreed)} eenheden × referentietarief ${formatEuro(tariff)} = ${formatEuro(budget)}.`),
    mk('realised-at-reference', 'Gerealiseerd tegen referentietarief', allowed, 'addon.tariff-cap', terms.tariffsSource,
      { realised_units: rateToString(realised), claimed_cents: line.claimedCents, cap_cents: cap, addon_tariff_cap: terms.cap },
      `Gedeclareerd ${formatEuro(line.claimedCents)}, ten hoogste ${rateToString(realised)} eenheden × ${formatEuro(tariff)} = ${formatEuro(cap)}: ${formatEuro(allowed)}.`),
  ];
  if (line.claimedCents > allowed) {
    lines.push(mk('capped', 'Boven referentietarief (niet vergoed)', line.claimedCents - allowed, 'addon.tariff-cap', terms.tariffsSource,
      { claimed_cents: line.claimedCents, cap_cents: cap }, `Het deel boven het referentietarief, ${formatEuro(line.claimedCents - allowed)}, wordt niet vergoed.`));
  }
  return {
    zi_number: base.zi_number,
    cluster: base.cluster,
    reference_tariff_cents: tariff,
    agreed_units: rateToString(agreed),
    realised_units: rateToString(realised),
    agreed_budget_cents: budget,
    claimed_cents: line.claimedCents,
    reference_cap_cents: cap,
    realised_at_reference_cents: allowed,
    capped_cents: line.claimedCents - allowed,
    efficiency_excluded: excluded,
    counted_for_nacalculatie_cents: excluded ? Math.min(allowed, budget) : allowed,
    lines,
  };
}

/** Post-calculates the add-on FDA per cluster: budget, realised at reference tariff, overrun, nacalculatie, payable. */
export function postCalculate(policy: AddOnPolicy, input: PostCalculationInput): Result<PostCalculation> {
  const issues: FieldIssue[] = [];
  const terms = policyTerms(policy, input.eligible === true, issues);
  const ruleId = policy.nacalculatie.efficiency_rule_parameter;
  const rule = parameterValue(policy, ruleId, 'enum');
  if (!rule.ok) issues.push({ field: ruleId, message: rule.error.message });
  const excludeUnmet = rule.ok && rule.value === 'per-drug-all-or-nothing';
  if (!Array.isArray(input.lines)) issues.push({ field: 'lines', message: 'lines moet een lijst zijn.' });
  if (!terms || !rule.ok || issues.length > 0) return fail('invalid_input', `Nacalculatie niet mogelijk: ${issues.map((i) => i.message).join(' ')}`, issues);
  if (!excludeUnmet && terms.eligible && input.lines.some((l) => l.efficiencyRequirement && l.efficiencyMet === false)) {
    const message = `Regel ${ruleId} = ${rule.value} vraagt een doelmatigheidsscore per geneesmiddel; die wordt nog niet ondersteund.`;
    return fail('invalid_input', message, [{ field: ruleId, message }]);
  }
  const drugs = input.lines.map((line, index) => drug(line, index, terms, excludeUnmet, issues));
  if (issues.length > 0) return fail('invalid_input', `Ongeldige regels voor de nacalculatie: ${issues.map((i) => `${i.field}: ${i.message}`).join(' ')}`, issues);
  const valid = drugs.filter((d): d is DrugResult => d !== undefined);
  const names = [...new Set(valid.map((d) => d.cluster))];
  const clusters = names.map((name) => clusterResult(name, valid.filter((d) => d.cluster === name), terms));
  const total = (pick: (c: ClusterResult) => Cents) => sumCents(clusters.map(pick));
  const totals: PostCalculationTotals = {
    agreed_budget_cents: total((c) => c.agreed_budget_cents),
    claimed_cents: total((c) => c.claimed_cents),
    realised_at_reference_cents: total((c) => c.realised_at_reference_cents),
    capped_cents: total((c) => c.capped_cents),
    overrun_cents: total((c) => c.overrun_cents),
    nacalculatie_cents: total((c) => c.nacalculatie_cents),
    payable_cents: total((c) => c.payable_cents),
  };
  const lines: ExplainedLine[] = clusters.map((c) => ({
    id: `cluster:${c.cluster}`,
    label: `Te betalen cluster ${c.cluster}`,
    amount_cents: c.payable_cents,
    rule: 'addon.cluster-payable',
    source: terms.nacalculatieSource,
    inputs: { cluster: c.cluster, within_budget_cents: c.within_budget_cents, nacalculatie_cents: c.nacalculatie_cents },
    message: `Cluster ${c.cluster}: binnen budget ${formatEuro(c.within_budget_cents)} + nacalculatie ${formatEuro(c.nacalculatie_cents)} = ${formatEuro(c.payable_cents)}.`,
  }));
  const shareId = policy.nacalculatie.covered_share_parameter;
  const shareDecision = policyParameter(policy, shareId)?.decision;
  const reasons: Reason[] = [{
    rule: terms.eligible ? 'addon.nacalculatie' : 'addon.plafond',
    source: terms.nacalculatieSource,
    inputs: { eligible: terms.eligible, [shareId]: rateToString(terms.share), [ruleId]: rule.value, level: policy.nacalculatie.level },
    message: terms.eligible
      ? `Nacalculatie op clusterniveau: ${rateToString(terms.share)} van de overschrijding tegen referentietarief wordt vergoed, zonder geneesmiddelen waarvan de doelmatigheidseis niet is gehaald.` +
        `${shareDecision ? ` ${policyDecision(policy, shareDecision)?.decision ?? ''}` : ''}`
      : 'Geen nacalculatie: het budget per cluster is een plafond tegen referentietarieven; overschrijdingen worden niet vergoed.',
  }, {
    rule: 'addon.tariff-cap',
    source: terms.tariffsSource,
    inputs: { addon_tariff_cap: terms.cap },
    message: `${policy.tariffs.reference_tariffs.text} Een declaratie boven het referentietarief wordt tot het referentietarief vergoed.`,
  }];
  return ok({ eligible: terms.eligible, covered_share: rateToString(terms.share), clusters, totals, lines, reasons });
}
