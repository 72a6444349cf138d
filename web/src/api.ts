/**
 * Typed calls to the HTTP API (`/api/...`, same origin, session cookie). Every failure becomes an
 * `ApiError` with a Dutch message: the server's own `{error: {code, message, issues}}` when it sends
 * one, else a Dutch text for the status.
 */
import type { ElementOf, ResponseOf } from './api-types';

/** A logged-in user, as the server sends it. */
export type User = ResponseOf<'/api/auth/login', 'post'>['user'];
export type Role = User['role'];

/** The second factor (TOTP) of a session: only controller and medical adviser need one. */
export type SecondFactorState = ResponseOf<'/api/auth/login', 'post'>['second_factor'];

/** A session: its user and where it stands with the second factor. */
export interface SessionInfo {
  user: User;
  secondFactor: SecondFactorState;
}

/** A new TOTP secret to add to an authenticator app, as URI, QR code (data URL) and base32 text. */
export type SecondFactorEnrolment = ResponseOf<'/api/auth/second-factor/enrol', 'post'>;

/** Amounts are integer cents; a bigint column may arrive as a string of digits. */
export type Cents = number | string;

export type ProviderSummary = ElementOf<ResponseOf<'/api/providers', 'get'>>;
export type ProviderType = ProviderSummary['type'];
export type ProviderDetail = ResponseOf<'/api/providers/{agb}', 'get'>;
export type ProviderLocation = ElementOf<ProviderDetail['locations']>;

/** Where a problem sits in the input (file, line, column or field), as the server reports it. */
export interface Issue {
  file?: string;
  line?: number;
  column?: string;
  field?: string;
  path?: string;
  code?: string;
  message: string;
}

export type ImportReport = ResponseOf<'/api/providers/import', 'post'>;

export interface PolicySummary {
  id: string;
  version: string | number;
  kind: string;
  title: string;
  policy_year: number;
  [key: string]: unknown;
}

/** A full policy file: large and nested; the policy page renders it. */
export type Policy = PolicySummary & Record<string, unknown>;

export type Health = ResponseOf<'/api/health', 'get'>;

/* ---- Purchasing: agreement, proposal, settlement, add-on, ceiling monitor ---- */

/** Why a decision, line or correction is what it is: rule id, policy section, inputs, Dutch message. */
export interface Reason {
  rule: string;
  source: string;
  inputs: Record<string, string | number | boolean | null>;
  message: string;
}

/** A money line of a proposal or settlement: the amount and why. */
export interface ExplainedLine extends Reason {
  id: string;
  label: string;
  amount_cents: Cents;
}

export type NegotiationFact = 'agreed' | 'rejected' | 'open';

export interface Negotiation {
  agb: string;
  year: number;
  price_volume: NegotiationFact;
  kernregio_conditions: NegotiationFact;
  /** null: not set, derived from price/volume and the kernregio conditions. */
  multi_year_content: NegotiationFact | null;
  new_provider: boolean;
}

export interface NegotiationChange {
  year: number;
  price_volume?: NegotiationFact;
  kernregio_conditions?: NegotiationFact;
  multi_year_content?: NegotiationFact | null;
  new_provider?: boolean;
}

export type AgreementKind = 'transitie' | 'plafond' | 'none';

export interface AgreementDecision {
  type: AgreementKind;
  years: number;
  path: 'regular' | 'digital';
  status: 'final' | 'provisional';
  agreement_type_id: string;
  title: string;
  settlement: 'transition' | 'ceiling' | 'none';
  partial_purchase_possible: boolean;
  reasons: Reason[];
}

export interface ProposalProvider {
  agb: string;
  name: string;
  city: string;
  type: ProviderType;
}

export interface VolumeFlag {
  id: string;
  message: string;
  reason: Reason;
}

export interface PriceLine {
  product_code: string;
  name: string;
  category: string;
  standard_price_cents: Cents;
  surcharge_share: string;
  price_cents: Cents;
  reasons: Reason[];
}

export interface Proposal {
  provider: ProposalProvider;
  year: number;
  policy: { id: string; title: string };
  decision: AgreementDecision;
  financial: {
    amount_kind: 'richtpunt' | 'plafond' | 'none';
    amount_cents: Cents;
    years: number[];
    price_index: string;
    lines: ExplainedLine[];
    reasons: Reason[];
  };
  volume: {
    base_year: number;
    base_cents: Cents;
    lines: ExplainedLine[];
    total_cents: Cents;
    flags: VolumeFlag[];
    reasons: Reason[];
  };
  price: {
    lines: PriceLine[];
    price_index: string;
    price_index_method: string;
    reasons: Reason[];
  };
}

export interface Settlement {
  type: 'transitie' | 'plafond';
  target_cents: Cents;
  realised_cents: Cents;
  excluded_cents: Cents;
  payable_cents: Cents;
  difference_cents: Cents;
  /** The components of the payable amount; they sum to it. */
  lines: ExplainedLine[];
  /** Informative amounts; they do not sum. */
  facts: ExplainedLine[];
  reasons: Reason[];
}

export interface CurvePoint {
  realised_cents: Cents;
  payable_cents: Cents;
}

export interface ProviderSettlement {
  provider: ProposalProvider;
  year: number;
  decision: AgreementDecision;
  settlement: Settlement;
  curve: CurvePoint[];
}

export interface SimulationInput {
  type: 'transitie' | 'plafond';
  target_cents: number | string;
  realised_cents: number | string;
  excluded_cents?: number | string;
  under_share?: string;
  growth_share?: string;
}

export interface Simulation {
  settlement: Settlement;
  curve: CurvePoint[];
}

export interface AddonCondition {
  id: string;
  met: boolean;
  reason: Reason;
}

export interface AddonCluster {
  cluster: string;
  agreed_budget_cents: Cents;
  realised_at_reference_cents: Cents;
  overrun_cents: Cents;
  nacalculatie_cents: Cents;
  payable_cents: Cents;
  lines: ExplainedLine[];
  claimed_cents?: Cents;
  capped_cents?: Cents;
  within_budget_cents?: Cents;
  facts?: ExplainedLine[];
}

export interface AddonView {
  agb?: string;
  year?: number;
  policy?: { id: string; title: string };
  agreement: {
    expected_revenue_cents: Cents;
    q2_figures: string;
    efficiency: string;
    lines: {
      zi_number: string;
      name: string;
      cluster: string;
      agreed_units: string | number;
      reference_tariff_cents: Cents;
      efficiency_requirement?: boolean;
    }[];
  } | null;
  /** null when the provider has no add-on agreement for the year. */
  eligibility: {
    nacalculatie: boolean;
    agreement: 'fda-nacalculatie' | 'plafond';
    conditions: AddonCondition[];
    reasons: Reason[];
  } | null;
  post_calculation: {
    clusters: AddonCluster[];
    totals: Record<string, Cents>;
    lines: ExplainedLine[];
    reasons: Reason[];
  } | null;
}

export type CeilingStatus = 'ok' | 'warning' | 'overrun-expected';

export interface CeilingRow {
  agb: string;
  name: string;
  region: string | null;
  ceiling_cents: Cents;
  claimed_to_date_cents: Cents;
  forecast_cents: Cents;
  status: CeilingStatus;
  /** Decimal fraction, e.g. "0.9731". */
  utilisation: string;
  room_cents: Cents;
  reasons: Reason[];
  providers_with_room?: { agb: string; name: string; room_cents: Cents }[];
}

export interface CeilingMonitor {
  year: number;
  as_of: string;
  providers: CeilingRow[];
}

/* ---- Claims control (MSZ §4A, §6, Bijlage 4; ADD §5, §8) and mirror information ---- */

export const RULE_IDS = [
  'duplicate',
  'parallel',
  'parallel-combination',
  'parallel-specialism',
  'serial',
  'non-evidence',
  'selective',
  'ceiling',
  'addon-tariff',
  'addon-centre',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

export type FindingAction = 'reject' | 'reclaim' | 'review';
export const FINDING_STATUSES = ['open', 'sent', 'responded', 'upheld', 'withdrawn'] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];

/** One step in the life of a finding, when the server sends its history. */
export interface FindingEvent {
  status: FindingStatus | string;
  at: string | null;
  by?: string | null;
  note?: string | null;
}

/** A claim flagged by one rule. No patient data: no BSN, no diagnosis. */
export interface Finding {
  id: number;
  claim_id: string;
  agb: string;
  rule: RuleId | string;
  source: string;
  amount_at_stake_cents: Cents;
  action: FindingAction;
  related_claim_ids: string[];
  status: FindingStatus;
  response_due: string | null;
  provider_response: string | null;
  reason: Reason;
  /** Sent by the server where it has them (the finding's own page). */
  provider_name?: string | null;
  created_at?: string | null;
  sent_at?: string | null;
  responded_at?: string | null;
  decided_at?: string | null;
  decided_by?: string | null;
  decision_note?: string | null;
  risk_analysis_id?: number | null;
  /** What upholding it means for the claim: not paid, paid back, or nothing financial. */
  upheld_outcome?: 'reject' | 'reclaim' | null;
  history?: FindingEvent[];
}

export type FindingFilter = {
  rule?: string;
  agb?: string;
  status?: string;
  limit?: number;
  offset?: number;
};

export interface FindingCount {
  findings: number;
  amount_at_stake_cents: Cents;
}

/** Counts and amounts at stake of the findings on claims of a year (null: all years). */
export interface FindingSummary {
  year: number | null;
  total: FindingCount & { by_status: Record<string, number> };
  /** Every rule, in rule order (zeros included). */
  by_rule: (FindingCount & { rule: RuleId | string; by_status: Record<string, number> })[];
  /** Providers with findings, most at stake first. */
  by_provider: (FindingCount & { agb: string; name: string | null; by_status: Record<string, number>; by_rule: Record<string, FindingCount> })[];
}

export interface ClaimLineError {
  line: number;
  field: string;
  code: string;
  message: string;
}

export interface ClaimImportReport {
  file: string;
  sha256?: string;
  accepted: number;
  rejected: number;
  stored?: number;
  already_stored?: number;
  duplicate_file?: boolean;
  errors: ClaimLineError[];
  errors_truncated?: boolean;
}

export interface CheckRunReport {
  run_id: number;
  year: number | null;
  claims: number;
  findings: Record<string, number>;
}

export interface SendReport {
  agb: string;
  sent: number;
  finding_ids: number[];
  /** The last day the provider may respond; null when nothing was sent. */
  response_due: string | null;
  response_working_days: number;
}

export interface RiskAnalysisInput {
  title: string;
  rationale: string;
  rules: string[];
  agb?: string;
}

export interface RiskAnalysis {
  id: number;
  title: string;
  rationale: string;
  rules: string[];
  agb: string | null;
  created_by: string;
  created_at: string;
}

export interface ClaimLine {
  claim_id: string;
  agb: string;
  uzovi: string;
  /** Full for detail control; masked for a provider user. */
  bsn: string;
  care_type: '11' | '21';
  specialism: string;
  diagnosis: string | null;
  product_code: string;
  start_date: string;
  end_date: string;
  amount_cents: Cents;
  zi_number: string | null;
  units: string | null;
}

/** Patient-level detail of a finding's claim: granted only under a specific risk analysis. */
export interface FindingDetail {
  access: 'detail-control' | 'own-provider';
  finding: Partial<Finding> & { id: number; claim_id: string; status: FindingStatus };
  risk_analysis: { id: number; title: string } | null;
  claim: ClaimLine;
  /** The insured person's other claims; `related` marks those the finding names. */
  related_claims: (ClaimLine & { related: boolean })[];
  related_truncated: boolean;
}

export type MirrorSignal = 'above-p90' | 'above-p75' | 'normal' | 'below-p25';
export type MirrorUnit = 'share' | 'per-patient' | 'cents';
export type MirrorTopicId = 'correct-declareren' | 'gepast-gebruik' | 'juiste-zorg' | 'feitelijke-levering' | 'doelmatigheid';

export interface Percentiles {
  p10: string;
  p25: string;
  p50: string;
  p75: string;
  p90: string;
}

export interface MirrorIndicator {
  id: string;
  topic: MirrorTopicId;
  label: string;
  /** Decimal text at the unit's precision: a share 0..1, per patient, or whole cents. */
  value: string;
  unit: MirrorUnit;
  specialism?: string;
  peers: number;
  percentiles: Percentiles;
  /** Percentile rank 0..1 among the peers. */
  rank: string;
  signal: MirrorSignal;
  reason: Reason;
}

export interface MirrorReport {
  agb: string;
  year: number;
  peer_group: { type: ProviderType; providers: number; min_patients: number; min_peers: number };
  own: { patients: number; meets_minimum: boolean };
  method: { percentiles: string; rank: string };
  indicators: MirrorIndicator[];
  omitted: { id: string; specialism?: string; label: string; reason: string }[];
  notice: Reason;
}

export interface MirrorOverviewRow {
  agb: string;
  name: string | null;
  type: ProviderType;
  patients: number;
  peers: number;
  signals: Record<MirrorSignal, number>;
  attention: { id: string; specialism?: string; topic: MirrorTopicId; label: string; signal: MirrorSignal; value: string; p75: string; p90: string; rank: string }[];
}

export interface MirrorOverview {
  year: number;
  settings: { minPatients: number; minSpecialismPatients: number; minPeers: number };
  providers: MirrorOverviewRow[];
  below_minimum: number;
}

/* ---- Public transparency (MSZ §1, §5): no log-in ---- */

export type InsurerId = 'zk' | 'de-friesland';

/** One line of the price finder: a contracted provider's price of the product, and how far it is. */
export interface PriceHit {
  agb: string;
  name: string;
  city: string;
  type: ProviderType;
  /** As the crow flies from the searched place, rounded to 0.1 km. */
  distance_km: number;
  price_cents: number;
  contracted: boolean;
  product_code: string;
  product_name: string;
  budget_policy: boolean;
  insurer: InsurerId;
  latitude: number;
  longitude: number;
}

/** The answer of the price finder with what its headers say (the chosen product, the place). */
export interface PriceSearchResult {
  hits: PriceHit[];
  /** `x-zorginkoop-product`: the chosen care-product code. */
  productCode: string | null;
  /** `x-zorginkoop-product-match`: by code or name, and how many products matched. */
  matchedBy: 'code' | 'name' | null;
  candidates: number | null;
  /** `x-zorginkoop-near`: where the distances are measured from, e.g. "Utrecht" or "3511 Utrecht". */
  near: string | null;
}

export interface InsurerArrangement {
  id: InsurerId;
  name: string;
  purchases_in: 'friesland' | 'outside-friesland' | 'all';
  for_customers_of: InsurerId[];
  source: string;
}

export interface ContractedProvider {
  agb: string;
  name: string;
  city: string;
  type: ProviderType;
  insurer: InsurerId;
  budget_policy: boolean;
}

/** The contracted providers of a year; empty with `published: false` before `published_on`. */
export interface ContractedList {
  year: number;
  policy_id: string;
  published: boolean;
  /** First day the list is public (YYYY-MM-DD). */
  published_on: string;
  insurers: InsurerArrangement[];
  providers: ContractedProvider[];
}

const statusMessages: Record<number, string> = {
  400: 'De invoer is ongeldig.',
  401: 'U bent niet (meer) ingelogd.',
  403: 'U heeft hier geen toegang toe.',
  404: 'Niet gevonden.',
  409: 'Dit conflicteert met bestaande gegevens.',
  413: 'Het bestand is te groot.',
  422: 'De termijn is verstreken.',
  429: 'Te veel verzoeken; probeer het over een minuut opnieuw.',
  500: 'Er ging iets mis op de server.',
  502: 'De server is niet bereikbaar.',
  503: 'De dienst is tijdelijk niet beschikbaar.',
};

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: Issue[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

let onUnauthenticated: (() => void) | null = null;

/** The session registers this: a 401 on any call but log-in and `me` means the session ended. */
export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  onUnauthenticated = handler;
}

interface RequestOptions {
  json?: unknown;
  form?: FormData;
  signal?: AbortSignal;
  /** Leave a 401 to the caller instead of ending the session (log-in, who-am-I). */
  ownUnauthenticated?: boolean;
}

async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  return (await send<T>(method, path, options)).data;
}

/** `request` with the response headers, for answers that say something in them. */
async function send<T>(method: string, path: string, options: RequestOptions = {}): Promise<{ data: T; headers: Headers }> {
  const headers: Record<string, string> = { accept: 'application/json' };
  let body: BodyInit | undefined;
  if (options.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.json);
  } else if (options.form) {
    body = options.form;
  }
  let response: Response;
  try {
    response = await fetch(path, { method, headers, body, credentials: 'same-origin', signal: options.signal ?? null });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'network', 'Geen verbinding met de server. Controleer uw netwerk en probeer het opnieuw.');
  }
  if (response.status === 204) return { data: undefined as T, headers: response.headers };
  const payload: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const error = toApiError(response.status, payload);
    if (error.status === 401 && !options.ownUnauthenticated) onUnauthenticated?.();
    throw error;
  }
  return { data: payload as T, headers: response.headers };
}

/** A header the server percent-encodes (non-ASCII place names); the raw text when it is not. */
function decodedHeader(headers: Headers, name: string): string | null {
  const value = headers.get(name);
  if (value === null) return null;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

async function searchPrices(search: { q: string; near: string; year: number }, signal?: AbortSignal): Promise<PriceSearchResult> {
  const { data, headers } = await send<PriceHit[]>('GET', `/api/public/prices${query({ q: search.q, near: search.near, year: search.year })}`, { signal });
  const match = /^(code|name)(?:;\s*candidates=(\d+))?/.exec(headers.get('x-zorginkoop-product-match') ?? '');
  return {
    hits: data,
    productCode: headers.get('x-zorginkoop-product'),
    matchedBy: match ? (match[1] as 'code' | 'name') : null,
    candidates: match?.[2] ? Number(match[2]) : null,
    near: decodedHeader(headers, 'x-zorginkoop-near'),
  };
}

function toApiError(status: number, payload: unknown): ApiError {
  const fallback = statusMessages[status] ?? `Onverwachte fout (HTTP ${status}).`;
  if (typeof payload === 'object' && payload !== null && 'error' in payload) {
    const error = (payload as { error: unknown }).error;
    if (typeof error === 'object' && error !== null) {
      const { code, message, issues } = error as { code?: unknown; message?: unknown; issues?: unknown };
      return new ApiError(
        status,
        typeof code === 'string' ? code : 'unknown',
        typeof message === 'string' && message !== '' ? message : fallback,
        Array.isArray(issues) ? (issues as Issue[]) : [],
      );
    }
  }
  return new ApiError(status, 'unknown', fallback);
}

const segment = encodeURIComponent;

const sessionInfo = (r: { user: User; second_factor: SecondFactorState }): SessionInfo => ({ user: r.user, secondFactor: r.second_factor });

/** `?a=1&b=x` from the defined, non-empty values; '' when there are none. */
function query(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}

export const api = {
  login: (email: string, password: string): Promise<SessionInfo> =>
    request<ResponseOf<'/api/auth/login', 'post'>>('POST', '/api/auth/login', { json: { email, password }, ownUnauthenticated: true }).then(sessionInfo),
  logout: () => request<void>('POST', '/api/auth/logout', { ownUnauthenticated: true }),
  /** The session, or null when there is none (the server answers `{ user: null }`). */
  me: async (signal?: AbortSignal): Promise<SessionInfo | null> => {
    const result = await request<ResponseOf<'/api/auth/me', 'get'>>('GET', '/api/auth/me', { signal, ownUnauthenticated: true });
    return result.user ? sessionInfo({ user: result.user, second_factor: result.second_factor ?? 'not-required' }) : null;
  },
  /** The second step of the log-in: the code from the authenticator app. */
  secondFactor: (code: string): Promise<SessionInfo> =>
    request<ResponseOf<'/api/auth/second-factor', 'post'>>('POST', '/api/auth/second-factor', { json: { code }, ownUnauthenticated: true }).then(sessionInfo),
  enrolSecondFactor: () => request<SecondFactorEnrolment>('POST', '/api/auth/second-factor/enrol', { ownUnauthenticated: true }),
  confirmSecondFactor: (code: string): Promise<SessionInfo> =>
    request<ResponseOf<'/api/auth/second-factor/enrol/confirm', 'post'>>('POST', '/api/auth/second-factor/enrol/confirm', { json: { code }, ownUnauthenticated: true }).then(sessionInfo),
  health: (signal?: AbortSignal) => request<Health>('GET', '/api/health', { signal }),
  policies: (signal?: AbortSignal) => request<PolicySummary[]>('GET', '/api/policies', { signal }),
  policy: (id: string, signal?: AbortSignal) => request<Policy>('GET', `/api/policies/${segment(id)}`, { signal }),
  providers: (signal?: AbortSignal) => request<ProviderSummary[]>('GET', '/api/providers', { signal }),
  provider: (agb: string, signal?: AbortSignal) => request<ProviderDetail>('GET', `/api/providers/${segment(agb)}`, { signal }),
  importProviders: (file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return request<ImportReport>('POST', '/api/providers/import', { form });
  },
  providerTemplateUrl: '/api/providers/import-template.csv',
  negotiation: (agb: string, year: number, signal?: AbortSignal) =>
    request<Negotiation>('GET', `/api/providers/${segment(agb)}/negotiation?year=${year}`, { signal }),
  setNegotiation: (agb: string, change: NegotiationChange) =>
    request<Negotiation>('PUT', `/api/providers/${segment(agb)}/negotiation`, { json: change }),
  agreement: (agb: string, year: number, signal?: AbortSignal) =>
    request<AgreementDecision>('GET', `/api/providers/${segment(agb)}/agreement?year=${year}`, { signal }),
  proposal: (agb: string, year: number, signal?: AbortSignal) =>
    request<Proposal>('GET', `/api/providers/${segment(agb)}/proposal?year=${year}`, { signal }),
  settlement: (agb: string, year: number, signal?: AbortSignal) =>
    request<ProviderSettlement>('GET', `/api/providers/${segment(agb)}/settlement?year=${year}`, { signal }),
  addon: (agb: string, year: number, signal?: AbortSignal) =>
    request<AddonView>('GET', `/api/providers/${segment(agb)}/addon?year=${year}`, { signal }),
  simulate: (input: SimulationInput) => request<Simulation>('POST', '/api/settlement/simulate', { json: input }),
  ceilings: (year: number, asOf: string, signal?: AbortSignal) =>
    request<CeilingMonitor>('GET', `/api/monitoring/ceilings?year=${year}&as_of=${segment(asOf)}`, { signal }),
  findings: (filter: FindingFilter, signal?: AbortSignal) => request<Finding[]>('GET', `/api/claims/findings${query(filter)}`, { signal }),
  /** One finding by its number, with its history fields (the hint is kept for the page's links). */
  finding: (id: number, _hint: { agb?: string; rule?: string }, signal?: AbortSignal): Promise<Finding> =>
    request<Finding>('GET', `/api/claims/findings/${segment(String(id))}`, { signal }),
  findingSummary: (year: number | null, signal?: AbortSignal) =>
    request<FindingSummary>('GET', `/api/claims/findings/summary${query({ year: year ?? undefined })}`, { signal }),
  findingDetail: (id: string | number, purpose: string) =>
    request<FindingDetail>('GET', `/api/claims/findings/${segment(String(id))}/detail${query({ purpose })}`),
  sendFindings: (agb: string, rule?: string) => request<SendReport>('POST', '/api/claims/findings/send', { json: rule ? { agb, rule } : { agb } }),
  respondToFinding: (agb: string, id: number, text: string) =>
    request<Finding>('POST', `/api/providers/${segment(agb)}/findings/${segment(String(id))}/response`, { json: { response: text } }),
  decideFinding: (id: number, decision: 'uphold' | 'withdraw', note: string) =>
    request<Finding>('POST', `/api/claims/findings/${segment(String(id))}/decision`, { json: { decision, note } }),
  createRiskAnalysis: (input: RiskAnalysisInput) => request<RiskAnalysis>('POST', '/api/claims/risk-analyses', { json: input }),
  attachFindings: (riskAnalysisId: number, findingIds: number[]) =>
    request<{ analysis_id: number; attached: number; finding_ids: number[] }>('POST', `/api/claims/risk-analyses/${segment(String(riskAnalysisId))}/findings`, { json: { finding_ids: findingIds } }),
  importClaims: (file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return request<ClaimImportReport>('POST', '/api/claims/import', { form });
  },
  checkClaims: (year: number | null) => request<CheckRunReport>('POST', '/api/claims/check', { json: year === null ? {} : { year } }),
  mirror: (agb: string, year: number, signal?: AbortSignal) => request<MirrorReport>('GET', `/api/providers/${segment(agb)}/mirror?year=${year}`, { signal }),
  mirrorOverview: (year: number, signal?: AbortSignal) => request<MirrorOverview>('GET', `/api/mirror?year=${year}`, { signal }),
  reclaimStatementPdfUrl: (agb: string, year: number) => `/api/providers/${segment(agb)}/reclaim-statement.pdf?year=${year}`,
  reclaimStatementXlsxUrl: (agb: string, year: number) => `/api/providers/${segment(agb)}/reclaim-statement.xlsx?year=${year}`,
  /** Downloads and images: plain links, the browser sends the session cookie. */
  proposalPdfUrl: (agb: string, year: number) => `/api/providers/${segment(agb)}/proposal.pdf?year=${year}`,
  priceListUrl: (agb: string, year: number) => `/api/providers/${segment(agb)}/price-list.xlsx?year=${year}`,
  priceListCsvUrl: (agb: string, year: number) => `/api/providers/${segment(agb)}/price-list.csv?year=${year}`,
  settlementPdfUrl: (agb: string, year: number) => `/api/providers/${segment(agb)}/settlement.pdf?year=${year}`,
  paymentCurveUrl: (agb: string, year: number) => `/api/providers/${segment(agb)}/payment-curve.svg?year=${year}`,
  docsUrl: '/api/docs',
  /* Public (no log-in): the price finder, the contracted providers, the open price file. */
  publicPrices: searchPrices,
  contracted: (year: number, signal?: AbortSignal) => request<ContractedList>('GET', `/api/public/contracted?year=${year}`, { signal }),
  priceFileUrl: (year: number) => `/api/public/price-file?year=${year}`,
  priceFileSchemaUrl: '/api/public/price-file.schema.json',
};

/** A Dutch message for anything a call may throw. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return 'Er ging iets onverwachts mis. Probeer het opnieuw.';
}

/** The typed call and its variant with headers, for the API modules of one area (e.g. `api-contracting.ts`). */
export { request as apiRequest, send as apiSend, toApiError };
