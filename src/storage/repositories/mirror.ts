/**
 * Query functions for mirror information (ADD §8): per provider and year, the aggregates the
 * indicators are computed from. Patients are counted in the database (`count(distinct bsn)`); no
 * BSN or single claim leaves it. A claim belongs to the year of its start date, as elsewhere.
 * Run under the system role: the figures of peers are used only anonymously by the domain.
 */
import { sql } from 'kysely';
import type { RuleId } from '../../domain/claims/types.js';
import type { ProviderAggregates } from '../../domain/mirror/index.js';
import type { ProviderType } from '../schema.js';
import type { Queryable } from '../context.js';

const yearBounds = (year: number) => ({ from: `${year}-01-01`, to: `${year}-12-31` });

export interface ClaimTotalsRow {
  agb: string;
  type: ProviderType;
  claim_lines: number;
  patients: number;
  subtrajects: number;
  follow_ups: number;
  credit_lines: number;
}

/**
 * Per provider: all claim lines, distinct patients, DBC subtrajecten and follow-up (`21`)
 * subtrajecten net of credits (a credit line counts −1; add-on drug lines left out), credit lines.
 */
export async function claimTotalsByProvider(q: Queryable, year: number): Promise<ClaimTotalsRow[]> {
  const { from, to } = yearBounds(year);
  const rows = await sql<ClaimTotalsRow>`
    select c.agb, p.type,
           count(*)::int8 as claim_lines,
           count(distinct c.bsn)::int8 as patients,
           coalesce(sum(case when c.amount_cents < 0 then -1 else 1 end) filter (where c.zi_number is null), 0)::int8 as subtrajects,
           coalesce(sum(case when c.amount_cents < 0 then -1 else 1 end) filter (where c.zi_number is null and c.care_type = '21'), 0)::int8 as follow_ups,
           (count(*) filter (where c.amount_cents < 0))::int8 as credit_lines
    from claims c join providers p on p.agb = c.agb
    where c.start_date between ${from} and ${to}
    group by c.agb, p.type
    order by c.agb`.execute(q);
  return rows.rows;
}

export interface SpecialismTotalsRow {
  agb: string;
  specialism: string;
  patients: number;
  amount_cents: number;
}

/** Per provider and specialism: distinct patients and the claimed amount of subtrajecten (add-on lines left out). */
export async function specialismTotals(q: Queryable, year: number): Promise<SpecialismTotalsRow[]> {
  const { from, to } = yearBounds(year);
  const rows = await sql<SpecialismTotalsRow>`
    select agb, specialism, count(distinct bsn)::int8 as patients, sum(amount_cents)::int8 as amount_cents
    from claims
    where start_date between ${from} and ${to} and zi_number is null
    group by agb, specialism
    order by agb, specialism`.execute(q);
  return rows.rows;
}

export interface FindingCountRow {
  agb: string;
  rule: RuleId;
  claims: number;
}

/** Per provider and rule: claims of the year with a finding; withdrawn findings (the provider was right) left out. */
export async function findingCounts(q: Queryable, year: number): Promise<FindingCountRow[]> {
  const { from, to } = yearBounds(year);
  const rows = await sql<FindingCountRow>`
    select c.agb, f.rule, count(distinct f.claim_id)::int8 as claims
    from claim_findings f join claims c on c.claim_id = f.claim_id
    where c.start_date between ${from} and ${to} and f.status <> 'withdrawn'
    group by c.agb, f.rule
    order by c.agb, f.rule`.execute(q);
  return rows.rows;
}

function groupByAgb<T extends { agb: string }>(rows: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(row.agb);
    if (group) group.push(row);
    else groups.set(row.agb, [row]);
  }
  return groups;
}

/** Every provider with claims in the year, as the mirror domain takes them. */
export async function mirrorAggregates(q: Queryable, year: number): Promise<ProviderAggregates[]> {
  const [totals, specialisms, findings] = await Promise.all([claimTotalsByProvider(q, year), specialismTotals(q, year), findingCounts(q, year)]);
  const bySpecialism = groupByAgb(specialisms);
  const byFinding = groupByAgb(findings);
  return totals.map((t) => ({
    agb: t.agb,
    type: t.type,
    claimLines: t.claim_lines,
    patients: t.patients,
    subtrajects: t.subtrajects,
    followUps: t.follow_ups,
    creditLines: t.credit_lines,
    specialisms: (bySpecialism.get(t.agb) ?? []).map((s) => ({ specialism: s.specialism, patients: s.patients, amountCents: s.amount_cents })),
    findings: (byFinding.get(t.agb) ?? []).map((f) => ({ rule: f.rule, claims: f.claims })),
  }));
}
