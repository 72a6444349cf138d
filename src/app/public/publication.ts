/**
 * What the insurer publishes about a contract year (MSZ §1, §5): the contracted providers and their
 * prices per care product, public from the day of the policy's calendar event
 * `transparency.contracted_providers.publication_event` (`publicatie-gecontracteerde-zorg`,
 * 12 November 2017 for 2018) — inclusive, by the Europe/Amsterdam date of the injected clock.
 *
 * Rules (each a decision, documented here and in the public API description):
 * - **Contracted**: the agreement decision of the provider for the year (MSZ §2, the same
 *   `decideAgreement` the purchasing screens show) is not `none` and is `final`. A `provisional`
 *   decision (an open point still decides the outcome) is not a contract yet and is not published.
 * - **Publication date of a later year under the same policy** (a multi-year policy file): the
 *   event's date moved by the same number of years (as `baseYearFor` does for the base year).
 * - **Prices** are the price lines of the provider's proposal (MSZ §3: standard price plus provider
 *   and UMC surcharges, `priceProposal`), without volumes: volumes change only the price index, not
 *   a line's price. A price is published for the products the provider may deliver: products of its
 *   specialisms (when its record lists any), and selectively purchased products only with the
 *   licence, programme or minimum norm they need (MSZ §2, Bijlage 2 and 3).
 * - **Insurer**: the purchasing insurer recorded on the provider (`zk`, or `de-friesland`, which
 *   purchases in Friesland for Zilveren Kruis customers, MSZ §1); **budget policy**: the provider's
 *   `budget_policy_selected` marker (selected in 2016/2017, still selected in 2018, MSZ §2).
 *
 * The data set of a year does not depend on the date; only whether it is shown does. It is built
 * with four queries and cached per year in the process for `PUBLICATION_TTL_MS` (60 s): writes
 * (negotiations, prices) show on the public pages within that time. Invalidation on write is not
 * done; the TTL is the contract.
 */
import { systemActor } from '../../domain/auth/actor.js';
import { decideAgreement, type AgreementDecision } from '../../domain/agreement/index.js';
import { holds, selectiveRequirement } from '../../domain/claims/checks/selective.js';
import { fail, ok, type Result } from '../../domain/errors.js';
import { isIsoDate, type MszPolicy } from '../../domain/policy/index.js';
import { priceProposal } from '../../domain/pricing/index.js';
import { withActor } from '../../storage/context.js';
import type { Database } from '../../storage/database.js';
import { negotiationsOfYear, proposalInputsOfYear, publicationCatalogue, publicationProviders, type PublicationProductRow, type PublicationProviderRow } from '../../storage/repositories/public.js';
import type { NegotiationFact } from '../../storage/schema.js';
import type { PolicyCatalogue } from '../policies.js';
import { mszPolicyForYear } from '../purchasing/policy-for-year.js';
import { normaliseSearchText } from './search-text.js';
import { TtlCache } from './ttl-cache.js';

export type InsurerId = 'zk' | 'de-friesland';

export interface PublicProvider {
  agb: string;
  name: string;
  city: string;
  type: 'ziekenhuis' | 'umc' | 'zbc' | 'categoraal';
  insurer: InsurerId;
  budget_policy: boolean;
  latitude: number | null;
  longitude: number | null;
}

export interface PublicOffer {
  provider: PublicProvider;
  priceCents: number;
}

export interface PublicProduct {
  code: string;
  name: string;
  /** `normaliseSearchText(name)`, for the search. */
  searchName: string;
  /** Contracted providers that may deliver it, with their price; sorted by AGB. */
  offers: PublicOffer[];
}

export interface InsurerArrangement {
  id: InsurerId;
  name: string;
  /** Where this insurer purchases: `friesland`, `outside-friesland`, or `all` without a partner arrangement. */
  purchases_in: 'friesland' | 'outside-friesland' | 'all';
  /** Whose customers its contracts cover. */
  for_customers_of: InsurerId[];
  source: string;
}

export interface PublishedYear {
  year: number;
  policyId: string;
  /** The insurer that publishes (the policy document's insurer). */
  reportingEntityName: string;
  /** First day the data set is public (YYYY-MM-DD, Europe/Amsterdam). */
  publishedOn: string;
  insurers: InsurerArrangement[];
  /** Contracted providers, sorted by name. */
  providers: PublicProvider[];
  products: PublicProduct[];
  productsByCode: ReadonlyMap<string, PublicProduct>;
  /** Latest change of a provider, negotiation or proposal input the set was built from. */
  dataChangedAt: Date | null;
  /** Contracted providers whose prices could not be computed (bad data), left out of the prices. */
  unpriced: { agb: string; reason: string }[];
}

export const PUBLICATION_TTL_MS = 60_000;

const amsterdam = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });

let lastHour = NaN;
let lastDate = '';

/**
 * The calendar date in the Netherlands at this instant, YYYY-MM-DD. Dutch time (since 1940) differs from UTC by
 * whole hours, so the date is the same within a UTC hour: the last one is remembered (hot path).
 */
export function amsterdamDate(instant: Date): string {
  const hour = Math.floor(instant.getTime() / 3_600_000);
  if (hour !== lastHour) {
    lastDate = amsterdam.format(instant);
    lastHour = hour;
  }
  return lastDate;
}

/** The first day the contracted providers of `year` are public under `policy` (see the module comment). */
export function publicationDate(policy: MszPolicy, year: number): Result<string> {
  const eventId = policy.transparency.contracted_providers.publication_event;
  const event = policy.calendar.find((e) => e.id === eventId);
  if (!event) return fail('not_found', `Het beleid ${policy.id} heeft geen kalendermoment '${eventId}' voor de publicatie van gecontracteerde zorg.`);
  const shift = year - policy.policy_year;
  const eventYear = Number(event.date.slice(0, 4)) + shift;
  const date = `${String(eventYear).padStart(4, '0')}${event.date.slice(4)}`;
  // 29 February moved to a year without it: the day before.
  return ok(isIsoDate(date) ? date : `${date.slice(0, 8)}28`);
}

export const isContracted = (decision: Pick<AgreementDecision, 'type' | 'status'>): boolean => decision.type !== 'none' && decision.status === 'final';

export const isPublic = (published: Pick<PublishedYear, 'publishedOn'>, today: string): boolean => today >= published.publishedOn;

/** The policy's ids for insurers ("zilveren-kruis") as stored on providers ("zk"). */
const INSURER_IDS: Readonly<Record<string, InsurerId>> = { 'zilveren-kruis': 'zk', zk: 'zk', 'de-friesland': 'de-friesland' };

/** Who purchases where for whom (MSZ §1 `partner_insurers`); each insurer covers its own customers too. */
export function insurerArrangements(policy: MszPolicy): InsurerArrangement[] {
  const result = new Map<InsurerId, InsurerArrangement>();
  result.set('zk', { id: 'zk', name: policy.document.insurer, purchases_in: 'all', for_customers_of: ['zk'], source: policy.partner_insurers[0]?.source ?? 'MSZ §1' });
  for (const partner of policy.partner_insurers) {
    const partnerId = INSURER_IDS[partner.id];
    if (!partnerId) continue;
    if (!result.has(partnerId)) result.set(partnerId, { id: partnerId, name: partner.name, purchases_in: 'all', for_customers_of: [partnerId], source: partner.source });
    for (const arrangement of partner.arrangements) {
      const purchaser = result.get(INSURER_IDS[arrangement.purchaser] ?? partnerId);
      const customers = INSURER_IDS[arrangement.for_customers_of];
      if (!purchaser || !customers) continue;
      purchaser.purchases_in = arrangement.region;
      if (!purchaser.for_customers_of.includes(customers)) purchaser.for_customers_of.push(customers);
    }
  }
  return [...result.values()];
}

export interface PublicationRows {
  providers: PublicationProviderRow[];
  negotiations: { agb: string; price_volume: NegotiationFact; kernregio_conditions: NegotiationFact; multi_year_content: NegotiationFact | null; new_provider: boolean; updated_at?: Date }[];
  inputs: { agb: string; provider_surcharge_share: string | null; provider_surcharge_evidence: string | null; academic_share: string | null; updated_at?: Date }[];
  catalogue: PublicationProductRow[];
}

function decisionFor(policy: MszPolicy, provider: PublicationProviderRow, negotiation: PublicationRows['negotiations'][number] | undefined): AgreementDecision {
  // The same facts as `withProviderYear` (src/app/purchasing/provider-year.ts); no row = all open.
  return decideAgreement(policy, {
    provider: { agb: provider.agb, type: provider.type, kernregio: provider.kernregio, zkRevenueCents: provider.zk_revenue_cents, budgetPolicySelected: provider.budget_policy_selected },
    negotiation: {
      priceVolume: negotiation?.price_volume ?? 'open',
      kernregioConditions: negotiation?.kernregio_conditions ?? 'open',
      ...(negotiation?.multi_year_content ? { multiYearContent: negotiation.multi_year_content } : {}),
      newProvider: negotiation?.new_provider ?? false,
    },
  });
}

function mayDeliver(provider: PublicationProviderRow, product: PublicationProductRow): boolean {
  if (provider.specialisms.length > 0 && !provider.specialisms.includes(product.specialism)) return false;
  if (product.selective_id === null) return true;
  return holds({ licences: provider.licences, programmes: provider.programmes, minimumNorms: provider.minimum_norms }, selectiveRequirement(product.selective_id));
}

const coordinate = (value: string | null): number | null => (value === null || value === '' || !Number.isFinite(Number(value)) ? null : Number(value));

/** The published data set of a year from its rows (pure; see the module comment for the rules). */
export function buildPublishedYear(policy: MszPolicy, year: number, rows: PublicationRows): Result<PublishedYear> {
  const publishedOn = publicationDate(policy, year);
  if (!publishedOn.ok) return publishedOn;
  const negotiations = new Map(rows.negotiations.map((n) => [n.agb, n]));
  const inputs = new Map(rows.inputs.map((i) => [i.agb, i]));
  const products = rows.catalogue.map((c) => ({ code: c.code, name: c.name, searchName: normaliseSearchText(c.name), offers: [] as PublicOffer[] }));
  const productsByCode = new Map(products.map((p) => [p.code, p]));
  const providers: PublicProvider[] = [];
  const unpriced: PublishedYear['unpriced'] = [];
  let changed = 0;
  const seen = (d: Date | undefined) => (changed = Math.max(changed, d ? new Date(d).getTime() : 0));

  for (const row of [...rows.providers].sort((a, b) => (a.agb < b.agb ? -1 : 1))) {
    const negotiation = negotiations.get(row.agb);
    if (!isContracted(decisionFor(policy, row, negotiation))) continue;
    const provider: PublicProvider = {
      agb: row.agb, name: row.name, city: row.city, type: row.type, insurer: row.insurer, budget_policy: row.budget_policy_selected,
      latitude: coordinate(row.latitude), longitude: coordinate(row.longitude),
    };
    providers.push(provider);
    seen(row.updated_at);
    seen(negotiation?.updated_at);
    const input = inputs.get(row.agb);
    seen(input?.updated_at);
    const deliverable = rows.catalogue.filter((c) => mayDeliver(row, c));
    if (deliverable.length === 0) continue;
    const price = priceProposal(policy, {
      provider: { agb: row.agb, type: row.type },
      products: deliverable.map((c) => ({ code: c.code, name: c.name, category: c.category, standardPriceCents: c.price_cents })),
      providerSurcharge: input?.provider_surcharge_share != null && input.provider_surcharge_evidence ? { share: String(input.provider_surcharge_share), evidence: input.provider_surcharge_evidence } : null,
      // As in `computeProposal`: a UMC without a recorded academic share gets no UMC surcharge.
      academicShare: row.type === 'umc' ? (input?.academic_share != null ? String(input.academic_share) : '0') : null,
      volumes: null,
    });
    if (!price.ok) {
      unpriced.push({ agb: row.agb, reason: price.error.message });
      continue;
    }
    for (const line of price.value.lines) productsByCode.get(line.product_code)?.offers.push({ provider, priceCents: line.price_cents });
  }
  providers.sort((a, b) => a.name.localeCompare(b.name, 'nl') || (a.agb < b.agb ? -1 : 1));
  return ok({
    year, policyId: policy.id, reportingEntityName: policy.document.insurer, publishedOn: publishedOn.value, insurers: insurerArrangements(policy), providers, products, productsByCode,
    dataChangedAt: changed > 0 ? new Date(changed) : null, unpriced,
  });
}

export interface PublicationDeps {
  db: Database;
  policies: PolicyCatalogue;
}

/** Reads the rows of a year (four queries, one transaction) and builds its data set. */
export async function loadPublishedYear(deps: PublicationDeps, year: number): Promise<Result<PublishedYear>> {
  const policy = mszPolicyForYear(deps.policies, year);
  if (!policy.ok) return policy;
  const rows = await withActor(deps.db, systemActor('public-transparency'), async (tx) => ({
    providers: await publicationProviders(tx),
    negotiations: await negotiationsOfYear(tx, year),
    inputs: await proposalInputsOfYear(tx, year),
    catalogue: await publicationCatalogue(tx, policy.value.id),
  }));
  return buildPublishedYear(policy.value, year, rows);
}

export interface PublicationCache {
  get(year: number): Promise<Result<PublishedYear>>;
}

/** The per-process cache of published data sets, one per year (see the module comment). */
export function createPublicationCache(deps: PublicationDeps, options: { ttlMs?: number; clock?: () => number } = {}): PublicationCache {
  const cache = new TtlCache<number, PublishedYear>({
    ttlMs: options.ttlMs ?? PUBLICATION_TTL_MS,
    load: (year) => loadPublishedYear(deps, year),
    maxKeys: 200,
    ...(options.clock ? { clock: options.clock } : {}),
  });
  return { get: (year) => cache.get(year) };
}
