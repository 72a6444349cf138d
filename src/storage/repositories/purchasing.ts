/** Query functions for the purchasing engine: realisation from claims, catalogue, proposal inputs. */
import { sql } from 'kysely';
import type { Queryable } from '../context.js';

const yearBounds = (year: number) => ({ from: `${year}-01-01`, to: `${year}-12-31` });

export interface RealisationRow {
  product_code: string;
  name: string;
  specialism: string;
  category: 'algemeen' | 'complex' | 'topklinisch' | 'topreferent';
  care_kinds: string[];
  bijlage4_item: number | null;
  units: number;
  amount_cents: number;
}

/**
 * A provider's realisation per care product in a year: units are subtrajecten net of credit lines
 * (a credit counts −1), amounts the sum of what was claimed. Add-on drug lines are left out.
 */
export async function realisationByProduct(q: Queryable, agb: string, year: number): Promise<RealisationRow[]> {
  const { from, to } = yearBounds(year);
  const rows = await sql<RealisationRow>`
    select c.product_code, p.name, p.specialism, p.category, p.care_kinds, p.bijlage4_item,
           (sum(case when c.amount_cents < 0 then -1 else 1 end))::int8 as units,
           sum(c.amount_cents)::int8 as amount_cents
    from claims c join care_products p on p.code = c.product_code
    where c.agb = ${agb} and c.start_date between ${from} and ${to} and c.zi_number is null
    group by c.product_code, p.name, p.specialism, p.category, p.care_kinds, p.bijlage4_item
    order by c.product_code`.execute(q);
  return rows.rows;
}

export interface CatalogueRow {
  code: string;
  name: string;
  category: 'algemeen' | 'complex' | 'topklinisch' | 'topreferent';
  care_kinds: string[];
  price_cents: number;
  cost_price_cents: number | null;
  market_price_cents: number | null;
}

export function catalogueWithPrices(q: Queryable, policyId: string): Promise<CatalogueRow[]> {
  return q
    .selectFrom('care_products as p')
    .innerJoin('standard_prices as s', 's.product_code', 'p.code')
    .select(['p.code', 'p.name', 'p.category', 'p.care_kinds', 's.price_cents', 's.cost_price_cents', 's.market_price_cents'])
    .where('s.policy_id', '=', policyId)
    .orderBy('p.code')
    .execute();
}

export function readProposalInputs(q: Queryable, agb: string, year: number) {
  return q.selectFrom('proposal_inputs').selectAll().where('agb', '=', agb).where('year', '=', year).executeTakeFirst();
}

/**
 * Claimed totals of a provider in a year up to a date: all medical-specialist care (add-on drug lines
 * are settled through their own sub-agreement and left out), and the part of the given care kinds.
 */
export async function claimedTotals(q: Queryable, agb: string, year: number, options: { until?: string; exemptKinds: string[] }): Promise<{ total_cents: number; exempt_cents: number }> {
  const { from, to } = yearBounds(year);
  const until = options.until && options.until < to ? options.until : to;
  const exempt = options.exemptKinds.length > 0 ? sql`p.care_kinds && ${sql.val(options.exemptKinds)}::text[]` : sql`false`;
  const row = await sql<{ total_cents: number | null; exempt_cents: number | null }>`
    select sum(c.amount_cents)::int8 as total_cents,
           sum(case when ${exempt} then c.amount_cents else 0 end)::int8 as exempt_cents
    from claims c left join care_products p on p.code = c.product_code
    where c.agb = ${agb} and c.start_date between ${from} and ${until} and c.zi_number is null`.execute(q);
  return { total_cents: row.rows[0]?.total_cents ?? 0, exempt_cents: row.rows[0]?.exempt_cents ?? 0 };
}

export interface FollowUpRate {
  agb: string;
  patients: number;
  follow_ups: number;
  follow_up_cents: number;
}

/** Per provider in a year and specialism: patients, follow-up subtrajecten ('21') and their amount. */
export async function followUpRates(q: Queryable, specialism: string, year: number): Promise<FollowUpRate[]> {
  const { from, to } = yearBounds(year);
  const rows = await sql<FollowUpRate>`
    select agb, count(distinct bsn)::int8 as patients,
           (count(*) filter (where care_type = '21' and amount_cents > 0))::int8 as follow_ups,
           (coalesce(sum(amount_cents) filter (where care_type = '21'), 0))::int8 as follow_up_cents
    from claims
    where specialism = ${specialism} and start_date between ${from} and ${to} and zi_number is null
    group by agb`.execute(q);
  return rows.rows;
}
