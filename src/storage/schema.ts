/**
 * Table types for the typed query builder (Kysely). One interface per table, kept beside the
 * migrations in `migrations/`; `int8` columns arrive as JavaScript numbers on both databases
 * (see `database.ts`), `numeric` columns as strings to be parsed by the domain (never parseFloat).
 */
import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

type DateOnly = ColumnType<string, string, string>;
type Numeric = ColumnType<string, string | number, string | number>;

export type ProviderType = 'ziekenhuis' | 'umc' | 'zbc' | 'categoraal';

export interface ProvidersTable {
  agb: string;
  name: string;
  type: ProviderType;
  city: string;
  province: ColumnType<string | null, string | null | undefined, string | null>;
  region: ColumnType<string | null, string | null | undefined, string | null>;
  kernregio: ColumnType<boolean, boolean | undefined, boolean>;
  insurer: ColumnType<'zk' | 'de-friesland', 'zk' | 'de-friesland' | undefined, 'zk' | 'de-friesland'>;
  zk_revenue_cents: number;
  market_share: ColumnType<string | null, string | number | null | undefined, string | number | null>;
  kvk: ColumnType<string | null, string | null | undefined, string | null>;
  vsv_level: ColumnType<number | null, number | null | undefined, number | null>;
  budget_policy_selected: ColumnType<boolean, boolean | undefined, boolean>;
  licences: ColumnType<string[], string[] | undefined, string[]>;
  certificates: ColumnType<string[], string[] | undefined, string[]>;
  programmes: ColumnType<string[], string[] | undefined, string[]>;
  /** Bijlage 2 treatments for which the provider meets the minimum-volume norm. */
  minimum_norms: ColumnType<string[], string[] | undefined, string[]>;
  /** Vektis specialism codes the provider offers. */
  specialisms: ColumnType<string[], string[] | undefined, string[]>;
  latitude: ColumnType<string | null, string | number | null | undefined, string | number | null>;
  longitude: ColumnType<string | null, string | number | null | undefined, string | number | null>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ProviderLocationsTable {
  id: Generated<number>;
  agb: string;
  name: string;
  city: string;
  is_main: boolean;
  latitude: Numeric | null;
  longitude: Numeric | null;
}

export interface CareProductsTable {
  code: string;
  name: string;
  specialism: string;
  diagnosis: string;
  category: 'algemeen' | 'complex' | 'topklinisch' | 'topreferent';
  care_kinds: ColumnType<string[], string[] | undefined, string[]>;
  bijlage4_item: number | null;
  selective_id: string | null;
}

export interface StandardPricesTable {
  policy_id: string;
  product_code: string;
  price_cents: number;
  cost_price_cents: number | null;
  market_price_cents: number | null;
}

export interface AddonDrugsTable {
  zi_number: string;
  name: string;
  cluster: string;
  unit: string;
  reference_tariff_cents: number;
  specialised_centres_only: boolean;
  efficiency_requirement: boolean;
}

export interface AgreementsTable {
  id: Generated<number>;
  agb: string;
  policy_id: string;
  year: number;
  type: 'transitie' | 'plafond' | 'none';
  years: number;
  path: 'regular' | 'digital';
  status: string;
  amount_cents: number | null;
  decision: ColumnType<unknown, string, string>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ClaimImportsTable {
  id: Generated<number>;
  file_name: string;
  sha256: string;
  format: 'csv' | 'zh308' | 'fhir';
  accepted: number;
  rejected: number;
  imported_at: Timestamp;
}

/** Per record of an imported claim file: its status and return codes, for the ZH309 answer (0011). */
export interface ClaimImportRecordsTable {
  id: Generated<number>;
  import_id: number;
  line: number;
  record_type: string | null;
  record_id: number | null;
  claim_id: string | null;
  agb: string | null;
  status: 'accepted' | 'rejected';
  return_codes: ColumnType<string[], string[] | undefined, string[]>;
  issues: ColumnType<{ line: number; field: string; code: string; message: string }[], string | undefined, string>;
  amount_cents: number | null;
}

export interface ClaimsTable {
  claim_id: string;
  import_id: number | null;
  uzovi: string;
  agb: string;
  bsn: string;
  care_type: '11' | '21';
  specialism: string;
  diagnosis: string;
  product_code: string;
  start_date: DateOnly;
  end_date: DateOnly;
  amount_cents: number;
  zi_number: string | null;
  units: Numeric | null;
}

export type UserRole = 'purchaser' | 'controller' | 'medical-adviser' | 'provider';

export interface UsersTable {
  id: Generated<number>;
  email: string;
  password_hash: string;
  role: UserRole;
  agb: string | null;
  is_signatory: boolean;
  display_name: string | null;
  totp_secret: string | null;
  created_at: Timestamp;
  /** Time step of the last accepted TOTP code (replay protection; migration 0010). */
  totp_last_step: number | null;
  /** When the TOTP secret was confirmed; a secret without it is an enrolment in progress. */
  totp_enrolled_at: Timestamp | null;
}

export interface SessionsTable {
  token_hash: string;
  user_id: number;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  absolute_expires_at: Timestamp;
  /** When the second factor was verified; null: a pending session (migration 0010). */
  second_factor_at: Timestamp | null;
  /** Wrong second-factor codes sent on this session. */
  second_factor_failures: Generated<number>;
}

export interface AuditLogTable {
  /** Assigned by the chain trigger. */
  seq: ColumnType<number, never, never>;
  occurred_at: Timestamp;
  event: string;
  action: 'C' | 'R' | 'U' | 'D' | 'E';
  outcome: 'success' | 'denied' | 'failure';
  user_id: number | null;
  user_email: string | null;
  role: string;
  responsible_user: string | null;
  purpose: string;
  object_type: string | null;
  object_id: string | null;
  agb: string | null;
  details: ColumnType<unknown, string | undefined, never>;
  prev_hash: ColumnType<string, never, never>;
  hash: ColumnType<string, never, never>;
}

export type NegotiationFact = 'agreed' | 'rejected' | 'open';

export interface NegotiationsTable {
  agb: string;
  year: number;
  price_volume: ColumnType<NegotiationFact, NegotiationFact | undefined, NegotiationFact>;
  kernregio_conditions: ColumnType<NegotiationFact, NegotiationFact | undefined, NegotiationFact>;
  multi_year_content: NegotiationFact | null;
  new_provider: ColumnType<boolean, boolean | undefined, boolean>;
  updated_at: Timestamp;
}

export interface ProposalInputsTable {
  agb: string;
  year: number;
  provider_surcharge_share: Numeric | null;
  provider_surcharge_evidence: string | null;
  academic_share: Numeric | null;
  a1_input_cents: number | null;
  demography_growth: Numeric | null;
  kwf_incidence_growth: Numeric | null;
  home_dialysis_expected_share: Numeric | null;
  integrated_birth_care: ColumnType<boolean, boolean | undefined, boolean>;
  elv_substitution_share: Numeric | null;
  under_share: Numeric | null;
  growth_share: Numeric | null;
  updated_at: Timestamp;
}

export interface AddonAgreementsTable {
  agb: string;
  year: number;
  expected_revenue_cents: number;
  q2_figures: ColumnType<'on-time' | 'late' | 'incorrect', 'on-time' | 'late' | 'incorrect' | undefined, 'on-time' | 'late' | 'incorrect'>;
  efficiency: ColumnType<'met' | 'not-met' | 'no-requirement', 'met' | 'not-met' | 'no-requirement' | undefined, 'met' | 'not-met' | 'no-requirement'>;
  updated_at: Timestamp;
}

export interface AddonAgreementLinesTable {
  agb: string;
  year: number;
  zi_number: string;
  agreed_units: Numeric;
}

export interface ClaimCheckRunsTable {
  id: Generated<number>;
  year: number | null;
  started_at: Timestamp;
  finished_at: Timestamp | null;
  claims: ColumnType<number, number | undefined, number>;
  findings: ColumnType<unknown, string | undefined, string>;
  started_by: string;
}

export interface RiskAnalysesTable {
  id: Generated<number>;
  title: string;
  rationale: string;
  rules: ColumnType<string[], string[] | undefined, string[]>;
  agb: string | null;
  created_by: string;
  created_at: Timestamp;
}

export type FindingStatus = 'open' | 'sent' | 'responded' | 'upheld' | 'withdrawn';

export interface ClaimFindingsTable {
  id: Generated<number>;
  run_id: number;
  claim_id: string;
  agb: string;
  rule: string;
  source: string;
  amount_at_stake_cents: number;
  action: 'reject' | 'reclaim' | 'review';
  related_claim_ids: ColumnType<string[], string[] | undefined, string[]>;
  reason: ColumnType<unknown, string, string>;
  status: ColumnType<FindingStatus, FindingStatus | undefined, FindingStatus>;
  response_due: string | null;
  provider_response: string | null;
  responded_at: Timestamp | null;
  decided_by: string | null;
  decided_at: Timestamp | null;
  decision_note: string | null;
  risk_analysis_id: number | null;
  created_at: Timestamp;
}

export interface DiagnosisCombinationsTable {
  specialism: string;
  diagnosis_a: string;
  diagnosis_b: string;
  description: string | null;
}

export interface SpecialisedCentresTable {
  agb: string;
  recognition: string;
}

/** Dutch 4-digit postcode areas (GeoNames, CC BY 4.0) for the public price finder; see migrations/0005_public.sql. */
export interface PostcodeAreasTable {
  postcode: string;
  place: string;
  other_places: ColumnType<string[], string[] | undefined, string[]>;
  municipality: string | null;
  municipality_code: string | null;
  province: string | null;
  latitude: number;
  longitude: number;
  source: string;
  updated_at: Timestamp;
}

/** The contracting year (MSZ §5, §7), see migrations/0006_contracting.sql and src/domain/contracting. */
export type ContractStateColumn =
  | 'invited'
  | 'concept-out'
  | 'proposal-sent'
  | 'provider-responded'
  | 'negotiating'
  | 'onderhandelakkoord'
  | 'signed'
  | 'price-list-fixed'
  | 'published'
  | 'no-agreement';

export interface ContractProcessesTable {
  agb: string;
  year: number;
  policy_id: string;
  path: 'regular' | 'digital';
  agreement_type_id: string;
  state: ColumnType<ContractStateColumn, ContractStateColumn | undefined, ContractStateColumn>;
  concept_published_at: Timestamp | null;
  concept_feedback: string | null;
  concept_feedback_at: Timestamp | null;
  consent_by_silence: ColumnType<boolean, boolean | undefined, boolean>;
  proposal_sent_at: Timestamp | null;
  proposal_document_date: DateOnly | null;
  proposal_sha256: string | null;
  response: 'accepted' | 'countered' | null;
  response_reasons: string | null;
  responded_at: Timestamp | null;
  response_overdue: ColumnType<boolean, boolean | undefined, boolean>;
  onderhandelakkoord_at: Timestamp | null;
  signed_at: Timestamp | null;
  price_list_fixed_at: Timestamp | null;
  published_at: Timestamp | null;
  no_agreement_reason: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ContractEventsTable {
  id: Generated<number>;
  agb: string;
  year: number;
  event: string;
  from_state: string | null;
  to_state: string;
  actor_role: 'purchaser' | 'provider' | 'job';
  actor_user_id: number | null;
  actor_email: string | null;
  at: Timestamp;
  details: ColumnType<unknown, string | undefined, never>;
}

export interface SignaturesTable {
  id: Generated<number>;
  agb: string;
  year: number;
  document_kind: 'proposal-letter';
  document_sha256: string;
  signed_by: number;
  signed_at: Timestamp;
  signer_email: string;
}

export interface NotificationsTable {
  id: Generated<number>;
  user_id: number;
  agb: string | null;
  role: UserRole;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  created_at: Timestamp;
  read_at: Timestamp | null;
}

export interface OutboxTable {
  id: Generated<number>;
  to_email: string;
  subject: string;
  body: string;
  agb: string | null;
  created_at: Timestamp;
  sent_at: Timestamp | null;
}

/** New providers (MSZ §5) and the quality questionnaire (MSZ Bijlage 1, 2), see migrations/0007_applications_quality.sql. */
export type ApplicationStatus = 'submitted' | 'assessing' | 'accepted' | 'rejected';

export interface ProviderApplicationsTable {
  id: string;
  year: number;
  policy_id: string;
  organisation_name: string;
  applicant_email: string;
  kvk: string;
  agb: string;
  provider_type: ProviderType;
  city: string;
  wtzi_admission: boolean;
  kvk_registered: boolean;
  meets_quality_and_entry_conditions: boolean;
  added_value: string;
  submitted_at: Timestamp;
  status: ColumnType<ApplicationStatus, ApplicationStatus | undefined, ApplicationStatus>;
  assessed_by: string | null;
  assessed_at: Timestamp | null;
  rejection_reasons: string | null;
  objection: string | null;
  objection_at: Timestamp | null;
  objection_kind: 'objection' | 'explanation' | null;
}

export type QualityItemKind = 'general' | 'specification' | 'minimum-norm';
export type QualityAnswer = 'yes' | 'no' | 'not-applicable';

export interface QualityAnswersTable {
  id: Generated<number>;
  agb: string;
  year: number;
  item_kind: QualityItemKind;
  item_number: number;
  answer: QualityAnswer;
  explanation: string | null;
  answered_by: string;
  answered_at: Timestamp;
}

export interface ImprovementAgreementsTable {
  id: Generated<number>;
  agb: string;
  year: number;
  specification_number: number;
  due_date: DateOnly;
  status: ColumnType<'open' | 'met', 'open' | 'met' | undefined, 'open' | 'met'>;
  created_from_answer: number;
  created_at: Timestamp;
}

/** Prior authorisations for oral and maxillofacial surgery (MSZ Bijlage 1 art. 6), see migrations/0008_prior_authorisations.sql. */
export type PriorAuthorisationStatus = 'submitted' | 'info-requested' | 'approved' | 'rejected' | 'withdrawn';

export interface PriorAuthorisationsTable {
  id: Generated<number>;
  agb: string;
  policy_id: string;
  provider_reference: string | null;
  patient_bsn: string;
  patient_name: string;
  patient_birth_date: DateOnly;
  treatment_kind: string;
  treatment_date: DateOnly;
  treatment_plan: string;
  technique_costs_cents: number;
  in_doubt: ColumnType<boolean, boolean | undefined, boolean>;
  requirement: ColumnType<unknown, string, never>;
  status: ColumnType<PriorAuthorisationStatus, PriorAuthorisationStatus | undefined, PriorAuthorisationStatus>;
  received_at: Timestamp;
  submitted_by: string;
  decision: 'approved' | 'rejected' | null;
  decision_reason: string | null;
  decided_at: Timestamp | null;
  decided_by: string | null;
  withdrawn_at: Timestamp | null;
  updated_at: Timestamp;
}

export interface PriorAuthorisationLinesTable {
  authorisation_id: number;
  line_no: number;
  agb: string;
  performance_code: string;
  element_numbers: ColumnType<number[], number[] | undefined, never>;
  amount_cents: number;
  description: string | null;
}

export interface PriorAuthorisationAttachmentsTable {
  id: Generated<number>;
  authorisation_id: number;
  agb: string;
  kind: 'record' | 'photo';
  file_name: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  content: ColumnType<Uint8Array, Uint8Array, never>;
  uploaded_by: string;
  uploaded_at: Timestamp;
}

export type PriorAuthorisationEvent = 'submitted' | 'information-requested' | 'information-provided' | 'decided' | 'withdrawn' | 'attachment-added' | 'consultation-scheduled';

export interface PriorAuthorisationEventsTable {
  id: Generated<number>;
  authorisation_id: number;
  agb: string;
  event: PriorAuthorisationEvent;
  at: Timestamp;
  actor_role: 'provider' | 'medical-adviser' | 'controller' | 'system';
  actor_email: string | null;
  message: string | null;
  details: ColumnType<unknown, string | undefined, never>;
  /** The consultation-hour date of a 'consultation-scheduled' event (migrations/0012_authorisation_consultation.sql). */
  consultation_date: ColumnType<string | null, string | null | undefined, never>;
}

/** Quarterly add-on figures and ceiling early warnings, see migrations/0009_addon_figures_ceiling_warnings.sql. */
export interface AddonFigureUploadsTable {
  id: Generated<number>;
  agb: string;
  year: number;
  quarter: number;
  policy_id: string;
  received_at: Timestamp;
  received_on: DateOnly;
  deadline: DateOnly;
  in_time: boolean;
  file_name: string;
  format: 'csv' | 'xlsx';
  sha256: string;
  uploaded_by: string;
  uploaded_by_user_id: number | null;
  status: 'accepted' | 'rejected';
  row_count: number;
  realisation_cents: number;
  prognosis_cents: number;
  issues: ColumnType<unknown, string | undefined, never>;
}

export interface AddonFigureRowsTable {
  upload_id: number;
  agb: string;
  year: number;
  quarter: number;
  line: number;
  zi_number: string;
  patients: number;
  realisation_cents: number;
  prognosis_cents: number;
}

export type CeilingWarningStatus = 'open' | 'acknowledged' | 'closed';

export interface CeilingWarningsTable {
  id: Generated<number>;
  agb: string;
  year: number;
  policy_id: string;
  ceiling_cents: number;
  expected_revenue_cents: number;
  specialisms: ColumnType<string[], string[], string[]>;
  explanation: string;
  reported_by: number | null;
  reported_by_email: string;
  reported_at: Timestamp;
  status: ColumnType<CeilingWarningStatus, CeilingWarningStatus | undefined, CeilingWarningStatus>;
  acknowledged_by: string | null;
  acknowledged_at: Timestamp | null;
  acknowledgement_note: string | null;
  closed_by: string | null;
  closed_at: Timestamp | null;
  closing_note: string | null;
}

export interface Schema {
  prior_authorisations: PriorAuthorisationsTable;
  prior_authorisation_lines: PriorAuthorisationLinesTable;
  prior_authorisation_attachments: PriorAuthorisationAttachmentsTable;
  prior_authorisation_events: PriorAuthorisationEventsTable;
  addon_figure_uploads: AddonFigureUploadsTable;
  addon_figure_rows: AddonFigureRowsTable;
  ceiling_warnings: CeilingWarningsTable;
  provider_applications: ProviderApplicationsTable;
  quality_answers: QualityAnswersTable;
  improvement_agreements: ImprovementAgreementsTable;
  contract_processes: ContractProcessesTable;
  contract_events: ContractEventsTable;
  signatures: SignaturesTable;
  notifications: NotificationsTable;
  outbox: OutboxTable;
  postcode_areas: PostcodeAreasTable;
  diagnosis_combinations: DiagnosisCombinationsTable;
  specialised_centres: SpecialisedCentresTable;
  claim_check_runs: ClaimCheckRunsTable;
  risk_analyses: RiskAnalysesTable;
  claim_findings: ClaimFindingsTable;
  negotiations: NegotiationsTable;
  proposal_inputs: ProposalInputsTable;
  addon_agreements: AddonAgreementsTable;
  addon_agreement_lines: AddonAgreementLinesTable;
  providers: ProvidersTable;
  provider_locations: ProviderLocationsTable;
  care_products: CareProductsTable;
  standard_prices: StandardPricesTable;
  addon_drugs: AddonDrugsTable;
  agreements: AgreementsTable;
  claim_imports: ClaimImportsTable;
  claim_import_records: ClaimImportRecordsTable;
  claims: ClaimsTable;
  users: UsersTable;
  sessions: SessionsTable;
  audit_log: AuditLogTable;
}

export type ProviderRow = Selectable<ProvidersTable>;
export type NewProvider = Insertable<ProvidersTable>;
export type UserRow = Selectable<UsersTable>;
