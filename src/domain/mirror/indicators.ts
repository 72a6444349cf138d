/**
 * Mirror information (spiegelinformatie, ADD §8; DOMAIN.md H): the indicators of a provider's
 * claiming, computed from its aggregates for one year, and the topics of ADD §8 they belong to
 * (correct declareren en registreren, gepast gebruik, juiste zorg, feitelijke levering,
 * doelmatigheid; the same ids as `claims_control.mirror_information.topics` in the MSZ policy).
 *
 * Every indicator is "higher asks for attention": a high follow-up share, many subtrajecten or a
 * high cost per patient, many findings or credit lines. Values are exact decimals, rounded once,
 * per unit, in `roundIndicator` (shares to 6 decimals, per-patient figures to 2, money to whole
 * cents by `roundToCents`), and then compared with the peers.
 */
import type { Decimal } from 'decimal.js';
import { RULE_IDS, type RuleId } from '../claims/types.js';
import { MoneyDecimal, formatEuro, roundToCents } from '../money/index.js';
import type { ProviderType } from '../providers/provider-record.js';
import type { MirrorSettings } from './settings.js';

export const MIRROR_TOPICS = [
  { id: 'correct-declareren', title: 'Correct declareren en registreren' },
  { id: 'gepast-gebruik', title: 'Gepast gebruik' },
  { id: 'juiste-zorg', title: 'Juiste zorg' },
  { id: 'feitelijke-levering', title: 'Feitelijke levering' },
  { id: 'doelmatigheid', title: 'Doelmatigheid' },
] as const;
export type MirrorTopicId = (typeof MIRROR_TOPICS)[number]['id'];

export type IndicatorUnit = 'share' | 'per-patient' | 'cents';
export type IndicatorId = 'follow-up-share' | 'subtrajects-per-patient' | 'cost-per-patient' | 'credit-share' | `finding-share.${RuleId}`;

/** One provider's figures for one year, as the repository aggregates them (never per patient). */
export interface ProviderAggregates {
  agb: string;
  type: ProviderType;
  /** All claim lines in the year: subtrajecten, add-on drug lines and credit lines. */
  claimLines: number;
  /** Distinct insured persons (counted in the database; no BSN leaves it). */
  patients: number;
  /** DBC subtrajecten net of credits (a credit line counts −1); add-on drug lines left out. */
  subtrajects: number;
  /** Follow-up subtrajecten (`21`), net of credits likewise. */
  followUps: number;
  /** Claim lines with a negative amount. */
  creditLines: number;
  /** Per specialism: distinct patients and the claimed amount of subtrajecten (add-on lines left out). */
  specialisms: readonly { specialism: string; patients: number; amountCents: number }[];
  /** Claims with a finding per rule, withdrawn findings left out. */
  findings: readonly { rule: RuleId; claims: number }[];
}

export interface IndicatorDefinition {
  topic: MirrorTopicId;
  unit: IndicatorUnit;
  label: string;
  source: string;
}

const RULE_TITLES: Record<RuleId, { title: string; topic: MirrorTopicId; source: string }> = {
  duplicate: { title: 'dubbele declaraties', topic: 'feitelijke-levering', source: 'MSZ §4A; MSZ §6' },
  parallel: { title: 'parallel initieel subtraject binnen hetzelfde specialisme', topic: 'correct-declareren', source: 'MSZ §4A; NZa Regeling msz' },
  'parallel-combination': { title: 'parallelle diagnosecombinatie uit de NZa-tabel', topic: 'correct-declareren', source: 'MSZ §4A; NZa Regeling msz' },
  'parallel-specialism': { title: 'parallel subtraject in een specialisme zonder parallelliteit', topic: 'correct-declareren', source: 'MSZ §4A; NZa Regeling msz' },
  serial: { title: 'initieel subtraject binnen de vervolgtermijn', topic: 'correct-declareren', source: 'MSZ §4A; NZa Regeling msz' },
  'non-evidence': { title: 'behandelingen uit bijlage 4', topic: 'juiste-zorg', source: 'MSZ §4A; MSZ Bijlage 4' },
  selective: { title: 'selectief ingekochte zorg door een niet-geselecteerde aanbieder', topic: 'juiste-zorg', source: 'MSZ §2; MSZ Bijlage 3' },
  ceiling: { title: 'overschrijding van het omzetplafond', topic: 'doelmatigheid', source: 'MSZ §4' },
  'addon-tariff': { title: 'add-on geneesmiddel boven het referentietarief', topic: 'correct-declareren', source: 'ADD §3' },
  'addon-centre': { title: 'add-on geneesmiddel buiten een gespecialiseerd centrum', topic: 'juiste-zorg', source: 'ADD §3' },
};

const FIXED: Record<'follow-up-share' | 'subtrajects-per-patient' | 'cost-per-patient' | 'credit-share', IndicatorDefinition> = {
  'follow-up-share': { topic: 'gepast-gebruik', unit: 'share', label: 'Aandeel vervolgsubtrajecten (21)', source: 'MSZ §4A (A3)' },
  'subtrajects-per-patient': { topic: 'doelmatigheid', unit: 'per-patient', label: 'Subtrajecten per patiënt', source: 'MSZ §4A (A3)' },
  'cost-per-patient': { topic: 'doelmatigheid', unit: 'cents', label: 'Kosten per patiënt', source: 'MSZ §4A (A3)' },
  'credit-share': { topic: 'correct-declareren', unit: 'share', label: 'Aandeel creditregels', source: 'MSZ §6' },
};

export function indicatorDefinition(id: IndicatorId): IndicatorDefinition {
  if (id.startsWith('finding-share.')) {
    const rule = RULE_TITLES[id.slice('finding-share.'.length) as RuleId];
    return { topic: rule.topic, unit: 'share', label: `Aandeel declaraties met bevinding: ${rule.title}`, source: rule.source };
  }
  return FIXED[id as keyof typeof FIXED];
}

export const topicTitle = (id: MirrorTopicId): string => MIRROR_TOPICS.find((t) => t.id === id)?.title ?? id;

/** THE rounding point of indicator values and their percentiles, per unit (half-up). */
export function roundIndicator(value: Decimal, unit: IndicatorUnit): Decimal {
  if (unit === 'cents') return new MoneyDecimal(roundToCents(value, 'half-up'));
  return new MoneyDecimal(value).toDecimalPlaces(unit === 'share' ? 6 : 2, MoneyDecimal.ROUND_HALF_UP);
}

/** Machine-readable value: plain decimal at the unit's precision ("0.341234", "1.84", "123456"). */
export function indicatorText(value: Decimal, unit: IndicatorUnit): string {
  return roundIndicator(value, unit).toFixed(unit === 'cents' ? 0 : unit === 'share' ? 6 : 2);
}

/** Dutch display: "34,12%", "1,84", "€ 1.234,56". */
export function formatIndicator(value: Decimal, unit: IndicatorUnit): string {
  if (unit === 'cents') return formatEuro(roundToCents(value, 'half-up'));
  const text = unit === 'share' ? `${new MoneyDecimal(value).times(100).toFixed(2, MoneyDecimal.ROUND_HALF_UP)}%` : new MoneyDecimal(value).toFixed(2, MoneyDecimal.ROUND_HALF_UP);
  return text.replace('.', ',');
}

export interface IndicatorValue {
  id: IndicatorId;
  specialism?: string;
  /** Already rounded by `roundIndicator`. */
  value: Decimal;
}

export interface OmittedIndicator {
  id: IndicatorId;
  specialism?: string;
  reason: string;
}

/** Key of an indicator within a report: id plus specialism where it has one. */
export const indicatorKey = (v: { id: IndicatorId; specialism?: string }): string => (v.specialism ? `${v.id}@${v.specialism}` : v.id);

function share(numerator: number, denominator: number): Decimal {
  return roundIndicator(new MoneyDecimal(Math.max(0, numerator)).dividedBy(denominator), 'share');
}

/**
 * A provider's indicator values. `rules` are the claim-check rules reported on (those with findings
 * in the year); an indicator whose denominator is zero or too small is returned in `omitted`.
 */
export function indicatorValues(a: ProviderAggregates, settings: MirrorSettings, rules: readonly RuleId[]): { values: IndicatorValue[]; omitted: OmittedIndicator[] } {
  const values: IndicatorValue[] = [];
  const omitted: OmittedIndicator[] = [];
  const subtrajects = Math.max(0, a.subtrajects);
  if (subtrajects > 0) values.push({ id: 'follow-up-share', value: share(a.followUps, subtrajects) });
  else omitted.push({ id: 'follow-up-share', reason: 'Geen subtrajecten in dit jaar.' });
  if (a.patients > 0) values.push({ id: 'subtrajects-per-patient', value: roundIndicator(new MoneyDecimal(subtrajects).dividedBy(a.patients), 'per-patient') });
  else omitted.push({ id: 'subtrajects-per-patient', reason: 'Geen patiënten in dit jaar.' });
  for (const s of [...a.specialisms].sort((x, y) => x.specialism.localeCompare(y.specialism))) {
    if (s.patients >= settings.minSpecialismPatients) {
      values.push({ id: 'cost-per-patient', specialism: s.specialism, value: roundIndicator(new MoneyDecimal(Math.max(0, s.amountCents)).dividedBy(s.patients), 'cents') });
    } else {
      omitted.push({ id: 'cost-per-patient', specialism: s.specialism, reason: `Te weinig patiënten in dit specialisme (${s.patients}, minimaal ${settings.minSpecialismPatients}).` });
    }
  }
  for (const rule of rules) {
    const id: IndicatorId = `finding-share.${rule}`;
    if (a.claimLines > 0) values.push({ id, value: share(a.findings.find((f) => f.rule === rule)?.claims ?? 0, a.claimLines) });
    else omitted.push({ id, reason: 'Geen declaraties in dit jaar.' });
  }
  if (a.claimLines > 0) values.push({ id: 'credit-share', value: share(a.creditLines, a.claimLines) });
  else omitted.push({ id: 'credit-share', reason: 'Geen declaraties in dit jaar.' });
  return { values, omitted };
}

/** The rules with at least one finding in the population, in the order of `RULE_IDS`. */
export function reportedRules(population: readonly ProviderAggregates[]): RuleId[] {
  const found = new Set(population.flatMap((p) => p.findings.filter((f) => f.claims > 0).map((f) => f.rule)));
  return RULE_IDS.filter((r) => found.has(r));
}
