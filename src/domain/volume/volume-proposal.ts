/**
 * MSZ §4 volume proposal: the base (ZK's estimate of the provider's realisation of the base year)
 * and every correction as a signed, explained line, in the order and on the bases of decision
 * `volume-correction-order`:
 *   base, A1 (unlawful care), A2 (Bijlage 4, per item), A3 (practice variation, per indicator),
 *   B1 (demography), B2 (KWF incidence, oncology), B3 (home haemodialysis, a flag only),
 *   B4 (integrated birth care removes obstetrics), B5 (ELV substitution moves volume out).
 * The lines sum exactly to `total_cents`. No line takes the running total below zero: a larger
 * negative correction is capped, and the cap is shown in the line and as a flag.
 */
import type { Decimal } from 'decimal.js';
import { fail, ok, type Result } from '../errors.js';
import type { ExplainedLine, Reason } from '../explain.js';
import { formatEuro, isCents, MoneyDecimal, parseRate, parseShare, roundToCents, sumCents, type Cents } from '../money/index.js';
import { parameterValue, type MszPolicy, type VolumeCorrection } from '../policy/index.js';
import { roundingMode } from '../pricing/index.js';
import { PERCENTILE_METHODS, practiceVariationLine, type PercentileMethod, type PracticeVariationIndicator } from './practice-variation.js';

/** Care kinds of the product catalogue that the corrections look at. */
export const VOLUME_CARE_KINDS = {
  oncology: 'oncologie',
  obstetrics: 'obstetrie',
  elv: 'elv-substitueerbaar',
  dialysisHome: 'hemodialyse-thuis',
  dialysisCentre: 'hemodialyse-centrum',
} as const;

export interface RealisationRow {
  product_code: string;
  specialism: string;
  category: string;
  careKinds: readonly string[];
  bijlage4Item: number | null;
  units: number;
  amountCents: number;
}

export interface VolumeProposalInput {
  provider: { agb: string; type: string; insuredInRegion?: number };
  baseYear: number;
  /** The provider's claims of the base year, aggregated per product. */
  realisation: readonly RealisationRow[];
  /** A1 from claim-check findings (amounts found unlawful, positive cents). */
  findingsCents?: { duplicate?: number; serial?: number; parallel?: number } | null;
  /** A1 as a stored input, used when there are no findings. */
  a1InputCents?: number | null;
  practiceVariation?: readonly PracticeVariationIndicator[];
  demographyGrowth?: string;
  kwfIncidenceGrowth?: string;
  homeDialysisExpectedShare?: string | null;
  integratedBirthCare?: boolean;
  elvSubstitutionShare?: string | null;
}

export type VolumeFlagId = 'explanation-required' | 'correction-capped' | 'base-year-differs';
export interface VolumeFlag {
  id: VolumeFlagId;
  message: string;
  reason: Reason;
}

export interface VolumeProposal {
  provider_agb: string;
  base_year: number;
  base_cents: Cents;
  lines: ExplainedLine[];
  total_cents: Cents;
  flags: VolumeFlag[];
  reasons: Reason[];
}

const toReason = ({ rule, source, inputs, message }: Reason): Reason => ({ rule, source, inputs, message });
/** "MSZ §4A; MSZ Bijlage 4" with item source "MSZ Bijlage 4 item 6" → "MSZ §4A; MSZ Bijlage 4 item 6". */
const itemSource = (correctionSource: string, item: string): string =>
  /MSZ Bijlage 4(?! item)/.test(correctionSource) ? correctionSource.replace(/MSZ Bijlage 4(?! item)/, item) : `${correctionSource}; ${item}`;
const bad = (field: string, message: string): Result<never> => fail('invalid_input', `${message} (veld '${field}')`, [{ field, message }]);

function correction(policy: MszPolicy, id: string): Result<VolumeCorrection> {
  const found = policy.volume.corrections.find((c) => c.id === id);
  return found ? ok(found) : fail('not_found', `Volumecorrectie ${id} ontbreekt in beleid ${policy.id}.`);
}

function growth(text: string | undefined, field: string): Result<Decimal | null> {
  if (text === undefined) return ok(null);
  const rate = parseRate(text, field);
  if (!rate.ok) return rate;
  if (rate.value.decimal.lessThanOrEqualTo(-1)) return bad(field, 'Een groei moet groter zijn dan -1 (-100%)');
  return ok(rate.value.decimal);
}

function share(text: string | null | undefined, field: string): Result<Decimal | null> {
  if (text === undefined || text === null) return ok(null);
  const value = parseShare(text, field);
  return value.ok ? ok(value.value.decimal) : value;
}

function validateRows(policy: MszPolicy, rows: readonly RealisationRow[]): Result<true> {
  const items = new Set(policy.non_evidence_based.treatments.map((t) => t.number));
  for (const [i, row] of rows.entries()) {
    if (!isCents(row.amountCents) || row.amountCents < 0) return bad(`realisation[${i}].amountCents`, 'Het bedrag moet een geheel aantal centen ≥ 0 zijn');
    if (!Number.isFinite(row.units) || row.units < 0) return bad(`realisation[${i}].units`, 'Het aantal moet een getal ≥ 0 zijn');
    if (row.bijlage4Item !== null && !items.has(row.bijlage4Item)) return bad(`realisation[${i}].bijlage4Item`, `Bijlage 4 kent geen item ${row.bijlage4Item}`);
  }
  return ok(true);
}

export function volumeProposal(policy: MszPolicy, input: VolumeProposalInput): Result<VolumeProposal> {
  const rowsValid = validateRows(policy, input.realisation);
  if (!rowsValid.ok) return rowsValid;
  const ids = ['A1', 'A2', 'A3', 'B1', 'B2', 'B3', 'B4', 'B5'] as const;
  const corrections = {} as Record<(typeof ids)[number], VolumeCorrection>;
  for (const id of ids) {
    const found = correction(policy, id);
    if (!found.ok) return found;
    corrections[id] = found.value;
  }
  const rounding = roundingMode(policy);
  if (!rounding.ok) return rounding;
  const percentile = parameterValue(policy, 'practice_variation_percentile', 'decimal');
  if (!percentile.ok) return percentile;
  const method = parameterValue(policy, 'practice_variation_percentile_method', 'enum');
  if (!method.ok) return method;
  if (!(PERCENTILE_METHODS as readonly string[]).includes(method.value)) return fail('invalid_input', `Percentielmethode '${method.value}' wordt niet ondersteund.`);
  const minHome = parameterValue(policy, 'home_haemodialysis_min_share', 'decimal');
  if (!minHome.ok) return minHome;
  const policyBaseYear = parameterValue(policy, policy.volume.base.year_parameter, 'integer');
  if (!policyBaseYear.ok) return policyBaseYear;
  const demographySource = parameterValue(policy, 'demography_source', 'enum');
  if (!demographySource.ok) return demographySource;
  const incidenceSource = parameterValue(policy, 'cancer_incidence_source', 'text');
  if (!incidenceSource.ok) return incidenceSource;

  const demography = growth(input.demographyGrowth, 'demographyGrowth');
  if (!demography.ok) return demography;
  const incidence = growth(input.kwfIncidenceGrowth, 'kwfIncidenceGrowth');
  if (!incidence.ok) return incidence;
  const homeExpected = share(input.homeDialysisExpectedShare, 'homeDialysisExpectedShare');
  if (!homeExpected.ok) return homeExpected;
  const elvShare = share(input.elvSubstitutionShare, 'elvSubstitutionShare');
  if (!elvShare.ok) return elvShare;
  const minHomeShare = parseShare(minHome.value, 'home_haemodialysis_min_share');
  if (!minHomeShare.ok) return minHomeShare;

  const rows = input.realisation;
  const has = (row: RealisationRow, kind: string) => row.careKinds.includes(kind);
  const sum = (filter: (row: RealisationRow) => boolean) => sumCents(rows.filter(filter).map((r) => r.amountCents));
  const integrated = input.integratedBirthCare === true;
  const removedByB4 = (row: RealisationRow) => integrated && row.bijlage4Item === null && has(row, VOLUME_CARE_KINDS.obstetrics);
  const grows = (row: RealisationRow) => row.bijlage4Item === null && !removedByB4(row);

  const baseCents = sum(() => true);
  const lines: ExplainedLine[] = [];
  const flags: VolumeFlag[] = [];
  let running = 0;
  const add = (line: ExplainedLine) => {
    let { amount_cents: amount, message } = line;
    const inputs = { ...line.inputs };
    if (amount < 0 && running + amount < 0) {
      inputs.capped_from_cents = amount;
      message = `${message} Afgetopt van ${formatEuro(amount)} tot ${formatEuro(running === 0 ? 0 : -running)}: het volume kan niet onder nul komen.`;
      amount = running === 0 ? 0 : -running;
      flags.push({ id: 'correction-capped', message: `Correctie ${line.id} is afgetopt zodat het volume niet negatief wordt; controleer de invoer.`, reason: toReason({ ...line, inputs, message }) });
    }
    running += amount;
    lines.push({ ...line, amount_cents: amount, inputs, message });
  };
  const line = (id: string, c: VolumeCorrection, amount: Cents, inputs: Reason['inputs'], message: string, label = c.title): ExplainedLine =>
    ({ id, label, amount_cents: amount === 0 ? 0 : amount, rule: `volume.${c.id}`, source: c.source, inputs, message });
  const negate = (amount: Cents) => (amount === 0 ? 0 : -amount);
  const round = (value: Decimal) => roundToCents(value, rounding.value);

  add({
    id: 'base', label: `Basis: ingeschatte realisatie ${input.baseYear}`, amount_cents: baseCents, rule: 'volume.base', source: policy.volume.base.source,
    inputs: { base_year: input.baseYear, policy_base_year: policyBaseYear.value, products: rows.length, insured_in_region: input.provider.insuredInRegion ?? null },
    message: `Door Zilveren Kruis ingeschatte realisatie ${input.baseYear} van de aanbieder, opgeteld over ${rows.length} zorgproducten.`,
  });
  if (input.baseYear !== policyBaseYear.value) {
    const reason: Reason = { rule: 'volume.base', source: policy.volume.base.source, inputs: { base_year: input.baseYear, policy_base_year: policyBaseYear.value }, message: `Het beleid gaat uit van de realisatie ${policyBaseYear.value}; dit voorstel gebruikt ${input.baseYear}.` };
    flags.push({ id: 'base-year-differs', message: reason.message, reason });
  }

  // A1 unlawful care: findings of the claim checks, else a stored input, else 0.
  const f = input.findingsCents ?? null;
  if (f !== null) {
    const parts = { duplicate: f.duplicate ?? 0, serial: f.serial ?? 0, parallel: f.parallel ?? 0 };
    for (const [k, v] of Object.entries(parts)) if (!isCents(v) || v < 0) return bad(`findingsCents.${k}`, 'Een bevinding moet een geheel aantal centen ≥ 0 zijn');
    const total = sumCents(Object.values(parts));
    add(line('A1', corrections.A1, negate(total), { source_kind: 'findings', duplicate_cents: parts.duplicate, serial_cents: parts.serial, parallel_cents: parts.parallel, stored_input_cents: input.a1InputCents ?? null },
      `Onrechtmatige zorg uit de declaratiecontroles: dubbele declaraties ${formatEuro(parts.duplicate)}, serialiteit ${formatEuro(parts.serial)} en parallelliteit ${formatEuro(parts.parallel)}.`));
  } else if (input.a1InputCents !== undefined && input.a1InputCents !== null) {
    if (!isCents(input.a1InputCents) || input.a1InputCents < 0) return bad('a1InputCents', 'Het bedrag moet een geheel aantal centen ≥ 0 zijn');
    add(line('A1', corrections.A1, negate(input.a1InputCents), { source_kind: 'stored-input', stored_input_cents: input.a1InputCents },
      'Onrechtmatige zorg volgens de vastgelegde analyse (serialiteit, parallelliteit, dubbele declaraties); er zijn nog geen controlebevindingen.'));
  } else {
    add(line('A1', corrections.A1, 0, { source_kind: 'none' }, 'Nog geen bevindingen uit de analyses op serialiteit, parallelliteit en dubbele declaraties; geen correctie.'));
  }

  // A2 Bijlage 4: the whole base amount of products that are a Bijlage 4 treatment, per item.
  const items = [...new Set(rows.flatMap((r) => (r.bijlage4Item === null ? [] : [r.bijlage4Item])))].toSorted((a, b) => a - b);
  if (items.length === 0) add(line('A2', corrections.A2, 0, { items: 0 }, 'Geen zorgproducten die een behandeling uit Bijlage 4 zijn; geen correctie.'));
  for (const item of items) {
    const treatment = policy.non_evidence_based.treatments.find((t) => t.number === item);
    const codes = rows.filter((r) => r.bijlage4Item === item).map((r) => r.product_code);
    const amount = sum((r) => r.bijlage4Item === item);
    add({
      ...line(`A2.${item}`, corrections.A2, negate(amount), { bijlage4_item: item, product_codes: codes.join(', '), amount_cents: amount },
        `Bijlage 4 item ${item}: ${treatment?.treatment ?? 'behandeling'} voldoet niet (altijd) aan de stand van Wetenschap en Praktijk; het basisbedrag van ${codes.join(', ')} wordt niet ingekocht.`,
        `Stand van Wetenschap en Praktijk: Bijlage 4 item ${item}`),
      source: itemSource(corrections.A2.source, treatment?.source ?? `MSZ Bijlage 4 item ${item}`),
    });
  }

  // A3 practice variation, per indicator.
  const indicators = input.practiceVariation ?? [];
  if (indicators.length === 0) add(line('A3', corrections.A3, 0, { indicators: 0 }, 'Geen indicatoren voor behandelvariatie opgegeven; geen correctie.'));
  for (const [i, indicator] of indicators.entries()) {
    const a3 = practiceVariationLine(indicator, i, { percentile: percentile.value, method: method.value as PercentileMethod, rounding: rounding.value, source: corrections.A3.source });
    if (!a3.ok) return a3;
    add(a3.value);
  }

  // B1 demography and B2 KWF incidence, over the base that is still purchased.
  const nonOncology = sum((r) => grows(r) && !has(r, VOLUME_CARE_KINDS.oncology));
  const oncology = sum((r) => grows(r) && has(r, VOLUME_CARE_KINDS.oncology));
  const g1 = demography.value;
  add(line('B1', corrections.B1, g1 === null ? 0 : round(g1.times(nonOncology)),
    { growth: g1?.toFixed() ?? null, base_excluding_oncology_cents: nonOncology, demography_source: demographySource.value },
    g1 === null ? 'Geen demografische groei opgegeven; geen correctie.' : `Demografische ontwikkeling (${demographySource.value}): ${g1.toFixed()} × ${formatEuro(nonOncology)} niet-oncologische zorg.`));
  const g2 = incidence.value;
  add(line('B2', corrections.B2, g2 === null ? 0 : round(g2.times(oncology)),
    { growth: g2?.toFixed() ?? null, oncology_base_cents: oncology, incidence_source: incidenceSource.value },
    g2 === null ? 'Geen incidentiegroei opgegeven; geen correctie.' : `${incidenceSource.value}: ${g2.toFixed()} × ${formatEuro(oncology)} oncologische zorg.`));

  // B3 home haemodialysis: expected share (or the base year's share in treatments) against the minimum.
  const unitsOf = (kind: string) => rows.filter((r) => has(r, kind)).reduce((s, r) => s.plus(r.units), new MoneyDecimal(0));
  const homeUnits = unitsOf(VOLUME_CARE_KINDS.dialysisHome);
  const dialysisUnits = homeUnits.plus(unitsOf(VOLUME_CARE_KINDS.dialysisCentre));
  const homeShare = homeExpected.value ?? (dialysisUnits.isZero() ? null : homeUnits.dividedBy(dialysisUnits));
  const minimum = minHomeShare.value.decimal;
  const basis = homeExpected.value !== null ? 'expected' : homeShare !== null ? 'base-year-units' : 'not-applicable';
  const b3Inputs = { home_share: homeShare?.toSignificantDigits(6).toFixed() ?? null, minimum_share: minimum.toFixed(), basis };
  const pct = (d: Decimal) => d.times(100).toDecimalPlaces(1).toFixed();
  if (homeShare === null) {
    add(line('B3', corrections.B3, 0, b3Inputs, 'Geen hemodialyse bij deze aanbieder; niet van toepassing.'));
  } else if (homeShare.lessThan(minimum)) {
    const message = `${basis === 'expected' ? 'Verwacht' : 'Gerealiseerd'} aandeel hemodialyse thuis ${pct(homeShare)}% ligt onder het minimum van ${pct(minimum)}%; wij vragen de aanbieder om een verklaring. Het volume verandert niet.`;
    const l = line('B3', corrections.B3, 0, b3Inputs, message);
    add(l);
    flags.push({ id: 'explanation-required', message, reason: toReason(l) });
  } else {
    add(line('B3', corrections.B3, 0, b3Inputs, `Aandeel hemodialyse thuis ${pct(homeShare)}% haalt het minimum van ${pct(minimum)}%; geen verklaring nodig.`));
  }

  // B4 integrated birth care: obstetrics volume removed.
  const obstetrics = sum(removedByB4);
  add(line('B4', corrections.B4, negate(obstetrics), { integrated_birth_care: integrated, obstetrics_cents: obstetrics },
    integrated ? `De aanbieder gaat over naar een integrale geboortezorgorganisatie: het volume obstetrie (${formatEuro(obstetrics)}) wordt geschoond.` : 'Geen integrale geboortezorgorganisatie; geen correctie.'));

  // B5 ELV substitution: the share of substitutable volume, including its growth, moves to ELV providers.
  const elvRows = rows.filter((r) => grows(r) && has(r, VOLUME_CARE_KINDS.elv));
  const elvGrown = elvRows.reduce((s, r) => s.plus(new MoneyDecimal(r.amountCents).times(new MoneyDecimal(1).plus((has(r, VOLUME_CARE_KINDS.oncology) ? g2 : g1) ?? 0))), new MoneyDecimal(0));
  const s5 = elvShare.value;
  add(line('B5', corrections.B5, s5 === null ? 0 : negate(round(s5.times(elvGrown))), { substitution_share: s5?.toFixed() ?? null, elv_volume_cents: sumCents(elvRows.map((r) => r.amountCents)) },
    s5 === null ? 'Geen substitutie naar eerstelijnsverblijf afgesproken; geen correctie.' : `Substitutie naar eerstelijnsverblijf: ${s5.toFixed()} van het ELV-substitueerbare volume (inclusief groei) gaat naar ELV-aanbieders.`));

  const total = sumCents(lines.map((l) => l.amount_cents));
  const reasons: Reason[] = [{
    rule: 'volume.proposal', source: policy.volume.source,
    inputs: { provider_agb: input.provider.agb, base_year: input.baseYear, base_cents: baseCents, total_cents: total, lines: lines.length },
    message: `Volumevoorstel: basis ${formatEuro(baseCents)}, na correcties A (doelmatigheidspotentie) en B (verwachte volumeontwikkeling) ${formatEuro(total)}.`,
  }];
  return ok({ provider_agb: input.provider.agb, base_year: input.baseYear, base_cents: baseCents, lines, total_cents: total, flags, reasons });
}
