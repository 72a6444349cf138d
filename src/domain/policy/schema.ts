/**
 * The schema of a policy file (policies/*.yaml): one policy year of one purchasing document, as data.
 * Two kinds, discriminated on `kind`: `msz` (medisch-specialistische zorg) and `add-on` (add-on
 * geneesmiddelen). Every object is strict (an unknown key is an error), every entry carries its
 * `source` in the document, and the cross-field rules (unique ids, numbering without gaps, references
 * to parameters, decisions, calendar events and claim rules) live here with an exact path.
 *
 * Money is integer cents, shares are decimal strings ("0.10"), dates ISO `YYYY-MM-DD`.
 */
import { z } from 'zod';

// ---------------------------------------------------------------------------------------------
// Building blocks

const text = z.string().trim().min(1, 'mag niet leeg zijn');
const source = z.string().trim().min(1, 'bron (source) ontbreekt');
const kebabId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'id in kleine letters met koppeltekens (kebab-case)');
const snakeId = z.string().regex(/^[a-z][a-z0-9_]*$/, 'id in kleine letters met underscores (snake_case)');
const articleId = z.string().regex(/^\d+(?:\.[a-z])?$/, 'artikelnummer zoals "1" of "3.a"');
const number = z.number().int().positive();
const year = z.number().int().min(2000).max(2100);
const cents = z.number().int('bedrag in hele centen').nonnegative().max(Number.MAX_SAFE_INTEGER);
const decimal = z.string().regex(/^-?\d+(?:\.\d+)?$/, 'decimaal getal als tekst, zoals "0.10"');

export function isIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}
const isoDate = z.string().refine(isIsoDate, 'datum als JJJJ-MM-DD (een bestaande dag)');

const withSource = <T extends z.core.$ZodLooseShape>(shape: T) => z.strictObject({ ...shape, source });
const idTitle = withSource({ id: kebabId, title: text });
const textWithSource = withSource({ text });

// ---------------------------------------------------------------------------------------------
// Shared by both kinds

export const policyDocumentSchema = z.strictObject({
  insurer: text,
  title: text,
  published: isoDate,
  seed_file: text,
  cite_as: z.enum(['MSZ', 'ADD']),
  notes: z.array(text).optional(),
});

const parameterBase = { id: snakeId, unit: text, description: text, source, decision: kebabId.optional() };
export const policyParameterSchema = z.discriminatedUnion('type', [
  z.strictObject({ ...parameterBase, type: z.literal('integer'), value: z.number().int(), minimum: z.number().int().optional() }),
  z.strictObject({ ...parameterBase, type: z.literal('money'), value: cents }),
  z.strictObject({ ...parameterBase, type: z.literal('decimal'), value: decimal }),
  z.strictObject({ ...parameterBase, type: z.literal('date'), value: isoDate }),
  z.strictObject({ ...parameterBase, type: z.literal('boolean'), value: z.boolean() }),
  z.strictObject({ ...parameterBase, type: z.literal('text'), value: text }),
  z.strictObject({ ...parameterBase, type: z.literal('enum'), value: text, allowed: z.array(text).min(1) }),
  z.strictObject({ ...parameterBase, type: z.literal('list'), value: z.array(text) }),
]);

export const policyDecisionSchema = withSource({ id: kebabId, question: text, decision: text, why: text });

export const calendarPaths = ['regular', 'digital', 'new-provider', 'all'] as const;
export const calendarEventSchema = withSource({
  id: kebabId,
  /** Row in the document's planning table (1..n), or null for a date from elsewhere in the text. */
  table_row: number.nullable(),
  date: isoDate,
  date_precision: z.enum(['day', 'month', 'approximate']).default('day'),
  title: text,
  paths: z.array(z.enum(calendarPaths)).min(1),
  kind: z.enum(['publication', 'deadline', 'milestone']),
  actor: z.enum(['insurer', 'provider', 'both']),
  consent_on_silence: z.boolean().optional(),
  note: text.optional(),
  decision: kebabId.optional(),
});

export const claimsRuleSchema = withSource({
  id: kebabId,
  title: text,
  description: text,
  action: z.enum(['reject', 'reclaim', 'review']),
  on_confirmed: z.enum(['reject', 'reclaim']).optional(),
  parameters: z.array(snakeId),
  decision: kebabId.optional(),
});

const mirrorInformationSchema = withSource({
  topics: z.array(z.strictObject({ id: kebabId, title: text })).min(1),
  shared_before_control: z.boolean(),
  insufficient_improvement_leads_to_control: z.boolean(),
  /** The parameters that say who counts as a peer and when an indicator may be shown. */
  parameters: z.array(snakeId).optional(),
  text,
  decision: kebabId.optional(),
});

const relatedPoliciesSchema = withSource({ items: z.array(text).min(1) });

const common = {
  id: kebabId,
  version: number,
  title: text,
  document: policyDocumentSchema,
  policy_year: year,
  contracting_year: year,
  calendar: z.array(calendarEventSchema).min(1),
  related_policies: relatedPoliciesSchema,
  amendments: textWithSource,
  parameters: z.array(policyParameterSchema).min(1),
  decisions: z.array(policyDecisionSchema),
};

// ---------------------------------------------------------------------------------------------
// MSZ

const agreementAlternativeSchema = z
  .strictObject({
    new_provider: z.boolean().optional(),
    kernregio: z.boolean().optional(),
    revenue: z.enum(['above-threshold', 'below-threshold']).optional(),
    price_volume_agreed: z.boolean().optional(),
    kernregio_conditions_met: z.boolean().optional(),
    multi_year_content_agreed: z.boolean().optional(),
    decision: kebabId.optional(),
  })
  .refine((alt) => Object.keys(alt).some((key) => key !== 'decision'), 'een alternatief noemt minstens één feit');

export const agreementTypeSchema = withSource({
  id: kebabId,
  rank: number,
  type: z.enum(['transitie', 'plafond', 'none']),
  title: text,
  years: z.number().int().min(0).max(5),
  path: z.enum(['regular', 'digital']),
  settlement: z.enum(['transition', 'ceiling', 'none']),
  partial_purchase_possible: z.boolean().optional(),
  applies_when: z.array(agreementAlternativeSchema).min(1),
  text,
});

const agreementSelectionSchema = withSource({
  rule: z.literal('first-match'),
  description: text,
  revenue_threshold_parameter: snakeId,
  revenue_boundary_parameter: snakeId,
  revenue_basis_parameter: snakeId,
  kernregio_definition: text,
  kernregio_definition_source: source,
  multi_year_conditions: z.array(withSource({ id: kebabId, text, applies_in: z.enum(['kernregio', 'everywhere']) })).min(1),
  outside_kernregio_text: text,
  facts: z.array(z.strictObject({ id: snakeId, description: text })).min(1),
});

export const selectivePurchasingSchema = withSource({
  id: kebabId,
  kind: z.enum(['licensed', 'specific-conditions', 'minimum-norm', 'conditional-admission', 'population-screening', 'trial-centres', 'tender']),
  title: text,
  selection_basis: z.enum(['licence', 'certificate', 'norm', 'programme', 'named-centres', 'procedure']),
  requirement: kebabId,
  centres: z.array(text).optional(),
  multi_year: z.boolean().optional(),
  valid_for_year: year.optional(),
  valid_from: isoDate.optional(),
  procedure_start_year: year.optional(),
  effective_year: year.optional(),
  note: text.optional(),
  text,
  decision: kebabId.optional(),
});

const priceSchema = withSource({
  text,
  standard_price: withSource({
    bases: z.array(z.enum(['cost-price', 'market-price'])).min(1),
    cost_price_examples: z.array(text),
    method_parameter: snakeId,
    text,
  }),
  provider_surcharge: withSource({ requires_evidence_parameter: snakeId, text }),
  umc_surcharge: withSource({
    basis_parameter: snakeId,
    categories: z.array(z.strictObject({ id: z.enum(['algemeen', 'complex', 'topklinisch', 'topreferent']), title: text })).length(4),
    text,
  }),
  result: text,
  rounding_parameter: snakeId,
  cross_subsidy_note: text,
});

/** An A3 practice-variation indicator: a rate per `per` patients of one specialism, compared with peers. */
export const practiceVariationIndicatorSchema = withSource({
  id: kebabId,
  measure: z.enum(['follow-up-subtrajects']),
  specialism: z.string().regex(/^\d{4}$/, 'Vektis-specialismecode van 4 cijfers, zoals "0320"'),
  label: text,
  per: number,
  min_patients: number,
  min_peers: number,
  decision: kebabId.optional(),
});

export const volumeCorrectionSchema = withSource({
  id: z.string().regex(/^[AB]\d+$/, 'correctie-id zoals "A1" of "B3"'),
  group: z.enum(['A', 'B']),
  kind: z.enum(['efficiency', 'development', 'care-shift']),
  title: text,
  text,
  analyses: z.array(text).optional(),
  claims_rules: z.array(kebabId).optional(),
  references: z.array(text).optional(),
  examples: z.array(text).optional(),
  examples_scope: text.optional(),
  parameters: z.array(snakeId).optional(),
  explanation_required_below_minimum: z.boolean().optional(),
  indicators: z.array(practiceVariationIndicatorSchema).optional(),
  removes_volume_of: text.optional(),
  moves_budget_to: text.optional(),
  decision: kebabId.optional(),
});

const volumeSchema = withSource({
  base: withSource({ source_kind: z.literal('zk-estimated-realisation'), year_parameter: snakeId, text }),
  corrections: z.array(volumeCorrectionSchema).min(1),
});

const settlementPartSchema = z.strictObject({ paid_share_parameter: snakeId, purpose: text, text, decision: kebabId.optional() });
const settlementSchema = withSource({
  transition: withSource({
    richtpunt_years: z.array(year).min(1),
    below_richtpunt: settlementPartSchema,
    above_richtpunt: settlementPartSchema,
    figure_indicative: z.boolean(),
    figure: text,
    text,
    decision: kebabId.optional(),
  }),
  ceiling: withSource({
    overrun_paid_share_parameter: snakeId,
    early_warning_parameter: snakeId,
    report_threatened_overrun: z.boolean(),
    text,
    decision: kebabId.optional(),
  }),
  umc_exception: withSource({
    exempt_care_parameter: snakeId,
    paid_share_parameter: snakeId,
    outside_richtpunt: z.boolean(),
    outside_ceiling: z.boolean(),
    text,
    decision: kebabId.optional(),
  }),
  rounding_parameter: snakeId,
  statement_fields: z.array(text).min(1),
  statement_note: text,
});

const mszContractingProcessSchema = withSource({
  principles: withSource({ text, good_contracting_practices: text }),
  concept_agreement: withSource({
    publication_event: kebabId,
    feedback_deadline_event: kebabId,
    final_publication_event: kebabId,
    silence_is_consent: z.boolean(),
    changes_after_deadline_possible: z.boolean(),
    legal_changes_after_publication_possible: z.boolean(),
    text,
    parameters: z.array(snakeId),
  }),
  paths: z.array(withSource({
    id: z.enum(['regular', 'digital']),
    title: text,
    steps: z.array(z.strictObject({ number, text, events: z.array(kebabId) })).min(1),
  })).min(1),
  new_providers: withSource({
    contact_email: z.email(),
    application_event: kebabId,
    assessment_event: kebabId,
    objection_event: kebabId,
    requirements: z.array(z.strictObject({ id: kebabId, text })).min(1),
    outcomes: z.array(z.strictObject({ id: kebabId, text })).min(1),
    agreement_type: kebabId,
    text,
  }),
  questions: text,
});

const controlKindsSchema = z.array(idTitle).min(1);
const mszClaimsControlSchema = withSource({
  text,
  control_kinds: controlKindsSchema,
  procedure: withSource({ text, parameters: z.array(snakeId) }),
  rules: z.array(claimsRuleSchema).min(1),
  mirror_information: mirrorInformationSchema,
});

export const generalConditionItemSchema = withSource({
  number,
  article: articleId,
  text,
  sub_items: z.array(z.strictObject({ letter: z.string().regex(/^[a-z]$/), text })).optional(),
  applies_to: kebabId,
  /** A programme the provider record holds while this item is answered "yes" (e.g. the NVVC white list). */
  programme: kebabId.optional(),
});

export const purchasingSpecificationSchema = withSource({
  number,
  topic: z.enum(['IC zorg', 'Eerstelijnsdiagnostiek', 'Ouderenzorg', 'Cardiologie', 'Geboortezorg', 'Kinderen met diabetes']),
  question: text,
  type: z.enum(['instapvoorwaarde', 'doelstelling']),
  notes: z.array(text).optional(),
  if_not_met: text.optional(),
  decision: kebabId.optional(),
});

const qualitySchema = withSource({
  general_conditions: withSource({
    intro: text,
    articles: z.array(withSource({ id: articleId, title: text })).min(1),
    items: z.array(generalConditionItemSchema).min(1),
  }),
  purchasing_specifications: withSource({
    intro: text,
    entry_condition_rule: withSource({
      reference_date_parameter: snakeId,
      otherwise: z.literal('improvement-agreement-within-term'),
      decision: kebabId.optional(),
    }),
    objective_rule: withSource({ asked: z.boolean(), may_become_entry_condition: z.boolean() }),
    questions: z.array(purchasingSpecificationSchema).min(1),
  }),
});

export const minimumNormTreatmentSchema = withSource({
  id: kebabId,
  group: kebabId,
  treatment: text,
  norm_sources: z.array(kebabId),
  note: text.optional(),
  decision: kebabId.optional(),
});

/** What a "yes" on a treatment's minimum norm still needs: a licence, and a "yes" on a Bijlage 1 general item. */
export const minimumNormPrerequisiteSchema = withSource({
  treatment: kebabId,
  licence: kebabId.optional(),
  general_item: number.optional(),
  decision: kebabId.optional(),
});

const minimumNormsSchema = withSource({
  intro: text,
  norm_sources: z.array(withSource({ id: kebabId, name: text })).min(1),
  references_date: isoDate,
  references: z.array(z.strictObject({ text, for_source: kebabId.optional() })),
  groups: z.array(idTitle.omit({ source: true })).min(1),
  treatments: z.array(minimumNormTreatmentSchema).min(1),
  prerequisites: z.array(minimumNormPrerequisiteSchema).optional(),
  decision: kebabId.optional(),
});

export const conditionalAdmissionSchema = withSource({
  number,
  title: text,
  inclusion: z.enum(['open', 'closed']),
  stated_hospital_count: number.optional(),
  hospitals: z.array(z.strictObject({ name: text, city: text.optional(), note: text.optional(), implanted_at: text.optional() })),
  notes: z.array(text).optional(),
  url: z.url(),
  decision: kebabId.optional(),
});

const conditionalAdmissionsSchema = withSource({
  intro: text,
  reimbursed_only_in_study: z.boolean(),
  covenant_since: year,
  end_of_period: text,
  overview_date: isoDate,
  no_new_projects_note: text,
  projects: z.array(conditionalAdmissionSchema).min(1),
  decision: kebabId.optional(),
});

export const nonEvidenceTreatmentSchema = withSource({ number, treatment: text, exception: text.nullable(), text });

const nonEvidenceBasedSchema = withSource({
  intro: text,
  not_exhaustive: z.boolean(),
  not_exhaustive_text: text,
  enforcement: withSource({ checked: z.boolean(), reclaim_when_unjustified: z.boolean(), claims_rule: kebabId, text }),
  treatments: z.array(nonEvidenceTreatmentSchema).min(1),
});

const priorAuthorisationSchema = withSource({
  scope: text,
  minors: withSource({
    max_age_inclusive_parameter: snakeId,
    authorisation_free: z.boolean(),
    except: z.array(kebabId),
    decision: kebabId.optional(),
  }),
  zvw_2_7_5_a: withSource({ authorisation_free: z.boolean(), unless_agreed_otherwise_in_article: z.boolean(), text }),
  adult_requires_authorisation: z.array(withSource({ id: kebabId, letter: z.enum(['a', 'b', 'c', 'd']), title: text })).min(1),
  extraction_under_anaesthesia: withSource({ allowed_only_on: z.literal('serious-medical-grounds'), authorisation_free: z.array(text) }),
  coverage_dependencies: z.array(withSource({
    id: kebabId,
    treatment: text,
    covered_only_if: z.enum(['implants-covered', 'orthodontics-special-dentistry']),
  })).min(1),
  in_doubt: withSource({ action: z.literal('request-authorisation') }),
  submission: withSource({ channel: z.literal('vecozo'), portal: text, url: text }),
  required_content: z.array(z.strictObject({ id: kebabId, title: text, optional: z.boolean().optional() })).min(1),
  required_content_source: source,
  decision_term: withSource({
    working_days_parameter: snakeId,
    unless: z.array(z.enum(['more-information-needed', 'advising-dentist-review'])),
    /** How far ahead (calendar days) a consultation at the advising dentist's hour may be scheduled. */
    consultation_horizon_parameter: snakeId.optional(),
    decision: kebabId.optional(),
  }),
  disagreement: withSource({ action: z.literal('refer-insured-to-insurer') }),
});

const transparencySchema = withSource({
  treeknormen: withSource({
    monitored: z.boolean(),
    on_exceeded: z.literal('improvement-agreement'),
    improvement_agreement_with: z.array(z.enum(['provider', 'professional-group'])).min(1),
    text,
  }),
  transparency_calendar: withSource({ conditions_count: number, year, on_needed: z.literal('improvement-agreement'), url: z.url(), text }),
  meetbaar_beter: textWithSource,
  prijszoeker: withSource({ prices_public: z.boolean(), started_year: year, url: z.url(), text }),
  contracted_providers: withSource({ publication_event: kebabId, text }),
});

export const mszPolicyObjectSchema = z.strictObject({
  ...common,
  kind: z.literal('msz'),
  spearheads: z.array(idTitle).min(1),
  appropriate_use: withSource({ definition: text, criteria: z.array(z.strictObject({ id: kebabId, text })).min(1) }),
  partner_insurers: z.array(withSource({
    id: kebabId,
    name: text,
    arrangements: z.array(z.strictObject({
      purchaser: kebabId,
      region: z.enum(['friesland', 'outside-friesland']),
      for_customers_of: kebabId,
    })).min(1),
    text,
    decision: kebabId.optional(),
  })),
  eligibility: textWithSource,
  agreement_selection: agreementSelectionSchema,
  agreement_types: z.array(agreementTypeSchema).min(1),
  multi_year_adjustments: z.array(withSource({ id: kebabId, title: text, examples: z.array(text).optional(), note: text.optional() })).min(1),
  multi_year_rules: textWithSource,
  resolutive_conditions: z.array(withSource({ id: kebabId, text, applies_if: text, decision: kebabId.optional() })),
  budget_policy: withSource({
    description: text,
    description_source: source,
    selection_years: z.array(year).min(1),
    selected_for_year: year,
    extension_years: number,
    non_selected_eligible_from: year,
    text,
  }),
  expensive_drugs: withSource({
    agreement: z.literal('financial-sub-agreement'),
    years: number,
    part_of_msz_agreement: z.boolean(),
    applies_if_applicable: z.boolean(),
    reference_document: text,
    text,
  }),
  selective_purchasing: z.array(selectivePurchasingSchema).min(1),
  price: priceSchema,
  volume: volumeSchema,
  settlement: settlementSchema,
  contracting_process: mszContractingProcessSchema,
  claims_control: mszClaimsControlSchema,
  quality: qualitySchema,
  minimum_norms: minimumNormsSchema,
  conditional_admissions: conditionalAdmissionsSchema,
  non_evidence_based: nonEvidenceBasedSchema,
  prior_authorisation: priorAuthorisationSchema,
  transparency: transparencySchema,
  administrative_burden: textWithSource,
});

// ---------------------------------------------------------------------------------------------
// Add-on geneesmiddelen

export const nacalculatieConditionSchema = withSource({
  id: kebabId,
  number,
  title: text,
  text,
  parameters: z.array(snakeId),
  otherwise: z.enum(['ceiling-at-reference-tariffs-without-nacalculatie', 'no-nacalculatie', 'no-nacalculatie-for-drug']),
  deadline_event: kebabId.optional(),
  applies_only_to_drugs_with_efficiency_requirements: z.boolean().optional(),
});

export const addOnPolicyObjectSchema = z.strictObject({
  ...common,
  kind: z.literal('add-on'),
  changes: z.array(withSource({ id: kebabId, text })),
  goals: z.array(idTitle).min(1),
  agreement: withSource({
    type: z.literal('fda'),
    title: text,
    years_parameter: snakeId,
    addendum_to: z.literal('msz-agreement'),
    requires_msz_agreement: z.boolean(),
    also_under_multi_year_msz: z.boolean(),
    text,
  }),
  specialised_centres: withSource({
    quality_conditions_by: text,
    consulted: z.array(text),
    claims_rule: kebabId,
    text,
    decision: kebabId.optional(),
  }),
  innovation: withSource({ strategy: text, url: z.url(), text }),
  tariffs: withSource({
    reference_tariffs: withSource({
      negotiable: z.boolean(),
      available_event: kebabId,
      follows_wgp_maximum_prices: z.boolean(),
      max_claimable_parameter: snakeId,
      text,
      decision: kebabId.optional(),
    }),
    joint_negotiation: withSource({ with_other_insurers: z.boolean(), legally_reviewed: z.boolean(), text }),
    rounding_parameter: snakeId,
  }),
  volume: withSource({
    basis: z.literal('claims'),
    quarterly_figures: z.array(z.enum(['realisation', 'prognosis'])).min(1),
    demography_adjustment: z.boolean(),
    text,
  }),
  nacalculatie: withSource({
    level: z.literal('cluster'),
    covered_share_parameter: snakeId,
    efficiency_based_for_some_drugs: z.boolean(),
    efficiency_rule_parameter: snakeId,
    text,
    conditions: z.array(nacalculatieConditionSchema).min(1),
    all_conditions_required: z.boolean(),
  }),
  efficiency: withSource({
    mirror_information: z.boolean(),
    additional_prescribing_agreements: z.boolean(),
    treatmeds: z.boolean(),
    text,
  }),
  contracting_process: withSource({
    channel: z.literal('vecozo-zorginkoopportaal'),
    digital_procedure: z.boolean(),
    all_providers: z.boolean(),
    certificate_required: z.boolean(),
    access_request_working_days_parameter: snakeId,
    access_request_url: z.url(),
    fda_available_via: z.array(text).min(1),
    zorgverlenersportaal_url: z.url(),
    text,
    questions: text,
  }),
  claims_control: withSource({
    text,
    control_kinds: controlKindsSchema,
    rules: z.array(claimsRuleSchema).min(1),
    mirror_information: mirrorInformationSchema,
  }),
});

// ---------------------------------------------------------------------------------------------
// Types

export type MszPolicy = z.output<typeof mszPolicyObjectSchema>;
export type AddOnPolicy = z.output<typeof addOnPolicyObjectSchema>;
export type Policy = MszPolicy | AddOnPolicy;
export type PolicyKind = Policy['kind'];
export type PolicyDocument = z.output<typeof policyDocumentSchema>;
export type PolicyParameter = z.output<typeof policyParameterSchema>;
export type PolicyDecision = z.output<typeof policyDecisionSchema>;
export type CalendarEvent = z.output<typeof calendarEventSchema>;
export type ClaimsRule = z.output<typeof claimsRuleSchema>;
export type AgreementType = z.output<typeof agreementTypeSchema>;
export type AgreementAlternative = z.output<typeof agreementAlternativeSchema>;
export type SelectivePurchasing = z.output<typeof selectivePurchasingSchema>;
export type VolumeCorrection = z.output<typeof volumeCorrectionSchema>;
export type GeneralConditionItem = z.output<typeof generalConditionItemSchema>;
export type PurchasingSpecification = z.output<typeof purchasingSpecificationSchema>;
export type MinimumNormTreatment = z.output<typeof minimumNormTreatmentSchema>;
export type MinimumNormPrerequisite = z.output<typeof minimumNormPrerequisiteSchema>;
export type PracticeVariationIndicatorDefinition = z.output<typeof practiceVariationIndicatorSchema>;
export type ConditionalAdmission = z.output<typeof conditionalAdmissionSchema>;
export type NonEvidenceTreatment = z.output<typeof nonEvidenceTreatmentSchema>;
export type NacalculatieCondition = z.output<typeof nacalculatieConditionSchema>;

// ---------------------------------------------------------------------------------------------
// Cross-field rules. Each problem is reported with the exact path of the offending field.

type Path = (string | number)[];
type Report = (path: Path, message: string) => void;

function uniqueIds<T>(items: readonly T[], id: (item: T) => string, at: Path, field: string, report: Report): void {
  const seen = new Map<string, number>();
  items.forEach((item, index) => {
    const value = id(item);
    const first = seen.get(value);
    if (first === undefined) seen.set(value, index);
    else report([...at, index, field], `dubbele ${field} '${value}' (ook bij ${at.join('.')}[${first}])`);
  });
}

/** Numbers must run 1, 2, ..., n in order: no gaps, no duplicates. */
function numberedInOrder<T>(items: readonly T[], num: (item: T) => number, at: Path, field: string, report: Report): void {
  items.forEach((item, index) => {
    if (num(item) !== index + 1) report([...at, index, field], `nummering moet 1..${items.length} zonder gaten zijn: verwacht ${index + 1}, gevonden ${num(item)}`);
  });
}

function mustExist(known: ReadonlySet<string>, value: string, path: Path, what: string, report: Report): void {
  if (!known.has(value)) report(path, `${what} '${value}' bestaat niet in dit beleidsbestand`);
}

/** Every value whose key says it refers to something (…_parameter, …_event, decision, …) must exist. */
function checkReferences(policy: Policy, report: Report): void {
  const parameters = new Set(policy.parameters.map((p) => p.id));
  const decisions = new Set(policy.decisions.map((d) => d.id));
  const events = new Set(policy.calendar.map((e) => e.id));
  const rules = new Set(policy.claims_control.rules.map((r) => r.id));
  const refs = (value: unknown, path: Path, known: ReadonlySet<string>, what: string) => {
    if (typeof value === 'string') mustExist(known, value, path, what, report);
    else if (Array.isArray(value)) value.forEach((v, i) => { if (typeof v === 'string') mustExist(known, v, [...path, i], what, report); });
  };
  const visit = (value: unknown, path: Path): void => {
    if (Array.isArray(value)) { value.forEach((item, i) => visit(item, [...path, i])); return; }
    if (value === null || typeof value !== 'object') return;
    for (const [key, child] of Object.entries(value)) {
      const at = [...path, key];
      if (path.length === 0 && key === 'decisions') continue;
      if (key === 'decision') refs(child, at, decisions, 'beslissing (decision)');
      else if (key.endsWith('_parameter') || (key === 'parameters' && path.length > 0)) refs(child, at, parameters, 'parameter');
      else if (key.endsWith('_event') || key === 'events') refs(child, at, events, 'kalendermoment');
      else if (key === 'claims_rule' || key === 'claims_rules') refs(child, at, rules, 'controleregel');
      else visit(child, at);
    }
  };
  visit(policy, []);
}

function checkParameters(policy: Policy, report: Report): void {
  const events = new Set(policy.calendar.map((e) => e.id));
  const agreementTypes = new Set(policy.kind === 'msz' ? policy.agreement_types.map((a) => a.id) : []);
  uniqueIds(policy.parameters, (p) => p.id, ['parameters'], 'id', report);
  policy.parameters.forEach((p, i) => {
    const at: Path = ['parameters', i];
    if (p.type === 'enum' && !p.allowed.includes(p.value)) report([...at, 'value'], `waarde '${p.value}' staat niet in allowed (${p.allowed.join(', ')})`);
    if (p.type === 'integer' && p.minimum !== undefined && p.value < p.minimum) report([...at, 'value'], `waarde ${p.value} is kleiner dan het minimum ${p.minimum}`);
    if (p.type === 'decimal' && p.unit === 'share' && !/^(?:0(?:\.\d+)?|1(?:\.0+)?)$/.test(p.value)) report([...at, 'value'], `een aandeel ligt tussen 0 en 1, gevonden ${p.value}`);
    const domain = p.unit === 'calendar-event' ? events : p.unit === 'agreement-type' ? agreementTypes : undefined;
    if (domain && p.type === 'enum') {
      mustExist(domain, p.value, [...at, 'value'], p.unit, report);
      p.allowed.forEach((v, j) => mustExist(domain, v, [...at, 'allowed', j], p.unit, report));
    }
  });
}

function checkCalendar(policy: Policy, report: Report): void {
  uniqueIds(policy.calendar, (e) => e.id, ['calendar'], 'id', report);
  let expectedRow = 1;
  let previousTableDate: string | undefined;
  policy.calendar.forEach((event, i) => {
    if (event.paths.includes('all') && event.paths.length > 1) report(['calendar', i, 'paths'], "'all' kan niet samen met andere paden");
    if (event.table_row === null) return;
    if (event.table_row !== expectedRow) report(['calendar', i, 'table_row'], `tabelrijen moeten 1..n zonder gaten zijn: verwacht ${expectedRow}, gevonden ${event.table_row}`);
    if (previousTableDate !== undefined && event.date < previousTableDate) report(['calendar', i, 'date'], `datum ${event.date} ligt vóór die van de vorige tabelrij (${previousTableDate})`);
    previousTableDate = event.date;
    expectedRow += 1;
  });
}

function checkMsz(policy: MszPolicy, report: Report): void {
  const facts = new Set(policy.agreement_selection.facts.map((f) => f.id));
  uniqueIds(policy.agreement_types, (a) => a.id, ['agreement_types'], 'id', report);
  numberedInOrder(policy.agreement_types, (a) => a.rank, ['agreement_types'], 'rank', report);
  const settlementFor = { transitie: 'transition', plafond: 'ceiling', none: 'none' } as const;
  policy.agreement_types.forEach((a, i) => {
    if (a.settlement !== settlementFor[a.type]) report(['agreement_types', i, 'settlement'], `afspraaksoort ${a.type} hoort afrekening ${settlementFor[a.type]}`);
    if ((a.type === 'none') !== (a.years === 0)) report(['agreement_types', i, 'years'], 'alleen "geen overeenkomst" heeft 0 jaar');
    a.applies_when.forEach((alt, j) => Object.keys(alt).forEach((key) => {
      if (key !== 'decision' && !facts.has(key)) report(['agreement_types', i, 'applies_when', j, key], `feit '${key}' staat niet in agreement_selection.facts`);
    }));
  });
  uniqueIds(policy.agreement_selection.multi_year_conditions, (c) => c.id, ['agreement_selection', 'multi_year_conditions'], 'id', report);
  const typeIds = new Set(policy.agreement_types.map((a) => a.id));
  mustExist(typeIds, policy.contracting_process.new_providers.agreement_type, ['contracting_process', 'new_providers', 'agreement_type'], 'afspraaksoort', report);
  policy.contracting_process.paths.forEach((p, i) => numberedInOrder(p.steps, (s) => s.number, ['contracting_process', 'paths', i, 'steps'], 'number', report));
  uniqueIds(policy.contracting_process.paths, (p) => p.id, ['contracting_process', 'paths'], 'id', report);

  uniqueIds(policy.selective_purchasing, (s) => s.id, ['selective_purchasing'], 'id', report);
  policy.selective_purchasing.forEach((s, i) => {
    if (s.selection_basis === 'procedure' && s.effective_year === undefined) report(['selective_purchasing', i, 'effective_year'], 'een inkoopprocedure noemt het jaar waarin de selectie ingaat');
  });
  uniqueIds(policy.volume.corrections, (c) => c.id, ['volume', 'corrections'], 'id', report);
  policy.volume.corrections.forEach((c, i) => {
    if (!c.id.startsWith(c.group)) report(['volume', 'corrections', i, 'group'], `correctie ${c.id} hoort bij groep ${c.id.charAt(0)}`);
    if (c.indicators) uniqueIds(c.indicators, (x) => x.id, ['volume', 'corrections', i, 'indicators'], 'id', report);
  });

  const general = policy.quality.general_conditions;
  uniqueIds(general.articles, (a) => a.id, ['quality', 'general_conditions', 'articles'], 'id', report);
  numberedInOrder(general.items, (item) => item.number, ['quality', 'general_conditions', 'items'], 'number', report);
  const articles = new Set(general.articles.map((a) => a.id));
  general.items.forEach((item, i) => mustExist(articles, item.article, ['quality', 'general_conditions', 'items', i, 'article'], 'artikel', report));
  numberedInOrder(policy.quality.purchasing_specifications.questions, (q) => q.number, ['quality', 'purchasing_specifications', 'questions'], 'number', report);

  const norms = policy.minimum_norms;
  uniqueIds(norms.norm_sources, (s) => s.id, ['minimum_norms', 'norm_sources'], 'id', report);
  uniqueIds(norms.groups, (g) => g.id, ['minimum_norms', 'groups'], 'id', report);
  uniqueIds(norms.treatments, (t) => t.id, ['minimum_norms', 'treatments'], 'id', report);
  const normSources = new Set(norms.norm_sources.map((s) => s.id));
  const groups = new Set(norms.groups.map((g) => g.id));
  norms.references.forEach((r, i) => { if (r.for_source !== undefined) mustExist(normSources, r.for_source, ['minimum_norms', 'references', i, 'for_source'], 'normbron', report); });
  norms.treatments.forEach((t, i) => {
    const at: Path = ['minimum_norms', 'treatments', i];
    mustExist(groups, t.group, [...at, 'group'], 'groep', report);
    t.norm_sources.forEach((s, j) => mustExist(normSources, s, [...at, 'norm_sources', j], 'normbron', report));
    if (t.norm_sources.length === 0 && t.note === undefined) report([...at, 'note'], 'een behandeling zonder normbron heeft een toelichting (note)');
  });
  const prerequisites = norms.prerequisites ?? [];
  uniqueIds(prerequisites, (p) => p.treatment, ['minimum_norms', 'prerequisites'], 'treatment', report);
  const treatmentIds = new Set(norms.treatments.map((t) => t.id));
  const generalItems = new Set(policy.quality.general_conditions.items.map((item) => String(item.number)));
  prerequisites.forEach((p, i) => {
    const at: Path = ['minimum_norms', 'prerequisites', i];
    mustExist(treatmentIds, p.treatment, [...at, 'treatment'], 'behandeling', report);
    if (p.general_item !== undefined) mustExist(generalItems, String(p.general_item), [...at, 'general_item'], 'bijlage 1-item', report);
    if (p.licence === undefined && p.general_item === undefined) report(at, 'een voorwaarde noemt een vergunning (licence) of een bijlage 1-item (general_item)');
  });

  numberedInOrder(policy.conditional_admissions.projects, (p) => p.number, ['conditional_admissions', 'projects'], 'number', report);
  numberedInOrder(policy.non_evidence_based.treatments, (t) => t.number, ['non_evidence_based', 'treatments'], 'number', report);

  const auth = policy.prior_authorisation;
  uniqueIds(auth.adult_requires_authorisation, (a) => a.id, ['prior_authorisation', 'adult_requires_authorisation'], 'id', report);
  auth.adult_requires_authorisation.forEach((a, i) => {
    const expected = String.fromCharCode(97 + i);
    if (a.letter !== expected) report(['prior_authorisation', 'adult_requires_authorisation', i, 'letter'], `letters moeten a, b, c, ... zonder gaten zijn: verwacht ${expected}`);
  });
  const adultIds = new Set(auth.adult_requires_authorisation.map((a) => a.id));
  auth.minors.except.forEach((id, i) => mustExist(adultIds, id, ['prior_authorisation', 'minors', 'except', i], 'machtigingsplichtige behandeling', report));
}

function checkAddOn(policy: AddOnPolicy, report: Report): void {
  uniqueIds(policy.nacalculatie.conditions, (c) => c.id, ['nacalculatie', 'conditions'], 'id', report);
  numberedInOrder(policy.nacalculatie.conditions, (c) => c.number, ['nacalculatie', 'conditions'], 'number', report);
}

export function checkPolicyRules(policy: Policy, report: Report): void {
  const citeAs = policy.kind === 'msz' ? 'MSZ' : 'ADD';
  if (policy.document.cite_as !== citeAs) report(['document', 'cite_as'], `een ${policy.kind}-beleid wordt geciteerd als ${citeAs}`);
  if (policy.id !== `${policy.kind}-${policy.policy_year}`) report(['id'], `id moet '${policy.kind}-${policy.policy_year}' zijn (soort en beleidsjaar)`);
  if (policy.contracting_year !== policy.policy_year - 1) report(['contracting_year'], `het contracteerjaar is het jaar vóór het beleidsjaar (${policy.policy_year - 1})`);
  uniqueIds(policy.decisions, (d) => d.id, ['decisions'], 'id', report);
  uniqueIds(policy.claims_control.rules, (r) => r.id, ['claims_control', 'rules'], 'id', report);
  uniqueIds(policy.claims_control.mirror_information.topics, (t) => t.id, ['claims_control', 'mirror_information', 'topics'], 'id', report);
  checkParameters(policy, report);
  checkCalendar(policy, report);
  checkReferences(policy, report);
  if (policy.kind === 'msz') checkMsz(policy, report);
  else checkAddOn(policy, report);
}

/** The policy file schema: both kinds, discriminated on `kind`, with the cross-field rules. */
export const policySchema = z
  .discriminatedUnion('kind', [mszPolicyObjectSchema, addOnPolicyObjectSchema])
  .superRefine((policy, ctx) => checkPolicyRules(policy, (path, message) => ctx.addIssue({ code: 'custom', path, message })));
