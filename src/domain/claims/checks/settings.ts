/**
 * The parameters of the claim checks, read once from the policy files (MSZ §4A, §6; ADD §3, §4).
 * Every rule reads its action and source from its `claims_control.rules` entry and its parameters
 * from `parameters`; only where a policy file has no entry does `RULE_DEFAULTS` apply (documented
 * constant table). A plain object of strings and numbers, so a worker thread can receive the
 * policies and resolve the same settings itself.
 */
import { fail, ok, type Result } from '../../errors.js';
import { parseShare, type RoundingMode } from '../../money/index.js';
import { claimsRule, parameterValue, type AddOnPolicy, type MszPolicy, type Policy } from '../../policy/index.js';
import type { FindingAction, RuleId } from '../types.js';

export interface RuleSetting {
  action: FindingAction;
  source: string;
  title: string;
}

/**
 * Used only when a policy file lacks the rule: the action and source the rule would have. The
 * 2018 and 2022 files carry every rule, so this table is the fallback for older or partial files.
 */
export const RULE_DEFAULTS: Record<RuleId, RuleSetting> = {
  duplicate: { action: 'reject', source: 'MSZ §4A; MSZ §6', title: 'Dubbele declaraties' },
  parallel: { action: 'review', source: 'MSZ §4A; NZa Regeling medisch-specialistische zorg', title: 'Parallelliteit (zelfde diagnose)' },
  'parallel-combination': { action: 'reject', source: 'MSZ §4A; NZa Regeling medisch-specialistische zorg', title: 'Parallelliteit (diagnosecombinatie)' },
  'parallel-specialism': { action: 'reject', source: 'MSZ §4A; NZa Regeling medisch-specialistische zorg', title: 'Parallelliteit (specialisme zonder parallelliteit)' },
  serial: { action: 'review', source: 'MSZ §4A; NZa Regeling medisch-specialistische zorg', title: 'Serialiteit' },
  'non-evidence': { action: 'review', source: 'MSZ §4A; MSZ Bijlage 4', title: 'Behandeling uit bijlage 4' },
  selective: { action: 'reject', source: 'MSZ §2; MSZ Bijlage 2; MSZ Bijlage 3', title: 'Selectief ingekochte zorg' },
  ceiling: { action: 'reject', source: 'MSZ §4', title: 'Overschrijding van het omzetplafond' },
  'addon-tariff': { action: 'reject', source: 'ADD §4', title: 'Prijs boven het referentietarief' },
  'addon-centre': { action: 'reject', source: 'ADD §3', title: 'Geneesmiddel alleen bij gespecialiseerde centra' },
};

/** The claim fields `duplicate_match_fields` may name (policy vocabulary → Claim field). */
export const DUPLICATE_FIELD_NAMES = {
  insured_id: 'bsn',
  provider_agb: 'agb',
  declaration_code: 'declarationCode',
  start_date: 'startDate',
  end_date: 'endDate',
  amount_cents: 'amountCents',
  care_type: 'careType',
  specialism: 'specialism',
  diagnosis: 'diagnosis',
  uzovi: 'uzovi',
} as const;
export type DuplicateField = keyof typeof DUPLICATE_FIELD_NAMES;

export interface CheckSettings {
  rules: Record<RuleId, RuleSetting>;
  /** Policy names of the duplicate key, in policy order; always includes `insured_id`. */
  duplicateFields: readonly DuplicateField[];
  serialWindowDays: number;
  /** Care type of an initial subtraject (`11`). */
  initialCareType: string;
  parallelExcludedSpecialisms: readonly string[];
  /** Care kinds for which an excluded specialism may still run a parallel subtraject. */
  parallelExceptions: readonly string[];
  /** Share of a plafond overrun that is still paid, as a decimal string (`0.00`). */
  ceilingPaidShare: string;
  ceilingRounding: RoundingMode;
  /** False when no add-on policy is given: the add-on rules do not run. */
  addOnRules: boolean;
  addOnRounding: RoundingMode;
}

function isDuplicateField(name: string): name is DuplicateField {
  return Object.hasOwn(DUPLICATE_FIELD_NAMES, name);
}

function isRounding(value: string): value is RoundingMode {
  return value === 'half-up' || value === 'half-even' || value === 'down';
}

function ruleSetting(policy: Policy | null, id: RuleId): RuleSetting {
  const rule = policy ? claimsRule(policy, id) : undefined;
  return rule ? { action: rule.action, source: rule.source, title: rule.title } : RULE_DEFAULTS[id];
}

function rounding(policy: Policy): Result<RoundingMode> {
  const value = parameterValue(policy, 'rounding_rule', 'enum');
  if (!value.ok) return ok('half-up');
  return isRounding(value.value) ? ok(value.value) : fail('invalid_input', `rounding_rule '${value.value}' in beleid ${policy.id} is onbekend.`);
}

/**
 * The settings of every rule from the MSZ policy and (optionally) the add-on policy. Fails when
 * a parameter is missing, has another type, or names a field the checks do not know.
 */
export function resolveCheckSettings(policy: MszPolicy, addOnPolicy: AddOnPolicy | null): Result<CheckSettings> {
  const fields = parameterValue(policy, 'duplicate_match_fields', 'list');
  if (!fields.ok) return fields;
  const window = parameterValue(policy, 'serial_window_days', 'integer');
  if (!window.ok) return window;
  const initial = parameterValue(policy, 'serial_initial_subtraject_code', 'text');
  if (!initial.ok) return initial;
  const excluded = parameterValue(policy, 'parallel_excluded_specialisms', 'list');
  if (!excluded.ok) return excluded;
  const exceptions = parameterValue(policy, 'parallel_cardiology_exceptions', 'list');
  if (!exceptions.ok) return exceptions;
  const paidShare = parameterValue(policy, 'ceiling_overrun_paid_share', 'decimal');
  if (!paidShare.ok) return paidShare;
  const mszRounding = rounding(policy);
  if (!mszRounding.ok) return mszRounding;
  const unknown = fields.value.filter((f) => !isDuplicateField(f));
  if (unknown.length > 0) {
    return fail('invalid_input', `duplicate_match_fields noemt onbekende velden: ${unknown.join(', ')} (bekend: ${Object.keys(DUPLICATE_FIELD_NAMES).join(', ')}).`);
  }
  if (!fields.value.includes('insured_id')) {
    return fail('invalid_input', 'duplicate_match_fields moet insured_id bevatten: een dubbele declaratie gaat over dezelfde verzekerde.');
  }
  if (window.value < 0) return fail('invalid_input', `serial_window_days moet 0 of meer zijn (gekregen: ${window.value}).`);
  const share = parseShare(paidShare.value, 'ceiling_overrun_paid_share');
  if (!share.ok) return share;
  let addOnRounding: RoundingMode = 'half-up';
  if (addOnPolicy) {
    const r = rounding(addOnPolicy);
    if (!r.ok) return r;
    addOnRounding = r.value;
  }
  const rules = {} as Record<RuleId, RuleSetting>;
  for (const id of ['duplicate', 'parallel', 'parallel-combination', 'parallel-specialism', 'serial', 'non-evidence', 'selective', 'ceiling'] as const) {
    rules[id] = ruleSetting(policy, id);
  }
  rules['addon-tariff'] = ruleSetting(addOnPolicy, 'addon-tariff');
  rules['addon-centre'] = ruleSetting(addOnPolicy, 'addon-centre');
  return ok({
    rules,
    duplicateFields: fields.value.filter(isDuplicateField),
    serialWindowDays: window.value,
    initialCareType: initial.value,
    parallelExcludedSpecialisms: excluded.value,
    parallelExceptions: exceptions.value,
    ceilingPaidShare: paidShare.value,
    ceilingRounding: mszRounding.value,
    addOnRules: addOnPolicy !== null,
    addOnRounding,
  });
}
