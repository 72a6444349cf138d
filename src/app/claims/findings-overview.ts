/**
 * Use cases for the controller screen: the findings listing with an audited provider check, and
 * the summary of findings per rule and per provider (counts and amounts at stake, by status).
 * No patient data: no BSN, no diagnosis.
 */
import { sql } from 'kysely';
import type { Actor } from '../../domain/auth/actor.js';
import { FINDING_STATUSES, type FindingStatus } from '../../domain/claims/hearing.js';
import { RULE_IDS, type RuleId } from '../../domain/claims/types.js';
import { fail, ok, type Result } from '../../domain/errors.js';
import { withActor } from '../../storage/context.js';
import type { Database } from '../../storage/database.js';
import { providerAccess } from '../access.js';
import { parseYear } from '../purchasing/negotiation.js';
import { getFinding, listFindings, type FindingDetailView, type FindingFilter, type FindingView } from './findings.js';

export interface OverviewDeps {
  db: Database;
  actor: Actor;
}

const STAFF: readonly Actor['role'][] = ['purchaser', 'controller', 'medical-adviser', 'system'];

/**
 * `listFindings` (row-level security scopes a provider to its own sent findings), after refusing,
 * with an audit record, a provider user that names another provider.
 */
export async function findingsFor(deps: OverviewDeps, filter: FindingFilter): Promise<Result<FindingView[]>> {
  if (deps.actor.role === 'provider' && filter.agb !== undefined) {
    const access = await providerAccess(deps, filter.agb, 'claims.findings', 'agb');
    if (!access.ok) return access;
  }
  if (filter.status !== undefined && !(FINDING_STATUSES as readonly string[]).includes(filter.status)) {
    return fail('invalid_input', `Onbekende status '${filter.status}'. Bekend: ${FINDING_STATUSES.join(', ')}.`, [{ field: 'status', message: 'Onbekende status.' }]);
  }
  return listFindings(deps, filter);
}

/** One provider's findings, the provider named in the path (a provider user only its own; refusals audited). */
export async function providerFindings(deps: OverviewDeps, agbInput: string, filter: Omit<FindingFilter, 'agb'>): Promise<Result<FindingView[]>> {
  const agb = await providerAccess(deps, agbInput, 'claims.findings', 'agb');
  if (!agb.ok) return agb;
  return findingsFor(deps, { ...filter, agb: agb.value });
}

/** One finding of the provider named in the path: a finding of another provider is not found there. */
export async function providerFinding(deps: OverviewDeps, agbInput: string, id: number): Promise<Result<FindingDetailView>> {
  const agb = await providerAccess(deps, agbInput, 'claims.finding.read', 'agb');
  if (!agb.ok) return agb;
  const finding = await getFinding(deps, id);
  if (finding.ok && finding.value.agb !== agb.value) return fail('not_found', `Bevinding ${id} van zorgaanbieder ${agb.value} niet gevonden.`);
  return finding;
}

export interface Tally {
  findings: number;
  amount_at_stake_cents: number;
}

export interface RuleSummary extends Tally {
  rule: RuleId;
  by_status: Record<FindingStatus, number>;
}

export interface ProviderSummary extends Tally {
  agb: string;
  name: string | null;
  by_status: Record<FindingStatus, number>;
  by_rule: Partial<Record<RuleId, Tally>>;
}

export interface FindingsSummary {
  /** Claims starting in this year; null for all years. */
  year: number | null;
  total: Tally & { by_status: Record<FindingStatus, number> };
  /** Every rule, in rule order (zeros included). */
  by_rule: RuleSummary[];
  /** Providers with findings, most at stake first. */
  by_provider: ProviderSummary[];
}

const noStatuses = (): Record<FindingStatus, number> => Object.fromEntries(FINDING_STATUSES.map((s) => [s, 0])) as Record<FindingStatus, number>;

export async function findingsSummary(deps: OverviewDeps, yearInput?: unknown): Promise<Result<FindingsSummary>> {
  if (deps.actor.role === 'public') return fail('unauthenticated', 'Log eerst in.');
  if (!STAFF.includes(deps.actor.role)) return fail('forbidden', 'Alleen medewerkers van de zorgverzekeraar zien het overzicht van alle bevindingen.');
  let year: number | null = null;
  if (yearInput !== undefined && yearInput !== null && yearInput !== '') {
    const parsed = parseYear(yearInput);
    if (!parsed.ok) return parsed;
    year = parsed.value;
  }
  const yearFilter = year === null ? sql`true` : sql`c.start_date between ${`${year}-01-01`} and ${`${year}-12-31`}`;
  const rows = await withActor(deps.db, deps.actor, (tx) =>
    sql<{ agb: string; name: string | null; rule: string; status: FindingStatus; findings: number; amount: number }>`
      select f.agb, p.name, f.rule, f.status, count(*)::int8 as findings, coalesce(sum(f.amount_at_stake_cents), 0)::int8 as amount
      from claim_findings f join claims c on c.claim_id = f.claim_id left join providers p on p.agb = f.agb
      where ${yearFilter}
      group by f.agb, p.name, f.rule, f.status`.execute(tx),
  );

  const total = { findings: 0, amount_at_stake_cents: 0, by_status: noStatuses() };
  const byRule = new Map<string, RuleSummary>(RULE_IDS.map((rule) => [rule, { rule, findings: 0, amount_at_stake_cents: 0, by_status: noStatuses() }]));
  const byProvider = new Map<string, ProviderSummary>();
  for (const r of rows.rows) {
    const ruleId = r.rule as RuleId;
    total.findings += r.findings;
    total.amount_at_stake_cents += r.amount;
    total.by_status[r.status] += r.findings;
    const rule = byRule.get(r.rule);
    if (rule) {
      rule.findings += r.findings;
      rule.amount_at_stake_cents += r.amount;
      rule.by_status[r.status] += r.findings;
    }
    const provider = byProvider.get(r.agb) ?? { agb: r.agb, name: r.name, findings: 0, amount_at_stake_cents: 0, by_status: noStatuses(), by_rule: {} };
    provider.findings += r.findings;
    provider.amount_at_stake_cents += r.amount;
    provider.by_status[r.status] += r.findings;
    const tally = provider.by_rule[ruleId] ?? { findings: 0, amount_at_stake_cents: 0 };
    tally.findings += r.findings;
    tally.amount_at_stake_cents += r.amount;
    provider.by_rule[ruleId] = tally;
    byProvider.set(r.agb, provider);
  }
  const providers = [...byProvider.values()].sort((a, b) => b.amount_at_stake_cents - a.amount_at_stake_cents || (a.agb < b.agb ? -1 : 1));
  return ok({ year, total, by_rule: [...byRule.values()], by_provider: providers });
}
