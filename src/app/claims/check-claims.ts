/**
 * Use case: run every claims-control rule over the stored claims (of a year, or all), per insured
 * person, and store the findings. Claims are read in pages ordered by BSN (keyset pagination), so
 * memory holds one page and the ceiling lines, never the whole table; every per-person rule only
 * compares the lines of one person, then the ceiling rule runs per provider. Findings already sent
 * to a provider for its response keep their status; open findings are replaced by the new run.
 */
import { sql } from 'kysely';
import { systemActor, type Actor } from '../../domain/auth/actor.js';
import { checkCeilings, checkPerson, compareFindings, type CeilingLine } from '../../domain/claims/check-claims.js';
import { RULE_IDS, type Finding, type RuleId } from '../../domain/claims/types.js';
import { fail, ok, type Result } from '../../domain/errors.js';
import { audit } from '../../storage/audit.js';
import { withActor } from '../../storage/context.js';
import type { Database } from '../../storage/database.js';
import type { PolicyCatalogue } from '../policies.js';
import { parseYear } from '../purchasing/negotiation.js';
import { loadCheckInputs, personBatches, STORED_CLAIM_COLUMNS, toClaim, type StoredClaimRow } from './stored-claims.js';

export const CHECK_PAGE_SIZE = 20_000;

export interface CheckRunReport {
  run_id: number;
  year: number | null;
  claims: number;
  findings: Record<RuleId, number>;
}

export const emptyRuleCounts = (): Record<RuleId, number> => Object.fromEntries(RULE_IDS.map((r) => [r, 0])) as Record<RuleId, number>;

export async function checkStoredClaims(deps: { db: Database; actor: Actor; policies: PolicyCatalogue }, options: { year?: unknown }): Promise<Result<CheckRunReport>> {
  if (deps.actor.role !== 'controller' && deps.actor.role !== 'system') return fail('forbidden', 'Alleen controllers voeren de declaratiecontrole uit.');
  let year: number | null = null;
  if (options.year !== undefined && options.year !== null) {
    const parsed = parseYear(options.year);
    if (!parsed.ok) return parsed;
    year = parsed.value;
  }
  const inputs = await loadCheckInputs(deps, year);
  if (!inputs.ok) return inputs;
  const { settings, reference, prepared } = inputs.value;

  const system = systemActor('claims-check');
  const findings: Finding[] = [];
  const ceilingLines: CeilingLine[] = [];
  let claims = 0;
  const yearFilter = year === null ? sql`true` : sql`start_date between ${`${year}-01-01`} and ${`${year}-12-31`}`;
  let after: { bsn: string; claim_id: string } | null = null;
  const persons = personBatches((lines) => {
    const result = checkPerson(lines, prepared, settings);
    for (const f of result.findings) findings.push(f);
    for (const l of result.ceilingLines) ceilingLines.push(l);
  });
  for (;;) {
    const from: { bsn: string; claim_id: string } | null = after;
    const cursor = from === null ? sql<boolean>`true` : sql<boolean>`(bsn, claim_id) > (${from.bsn}, ${from.claim_id})`;
    const page: { rows: StoredClaimRow[] } = await withActor(deps.db, system, (tx) =>
      sql<StoredClaimRow>`select ${STORED_CLAIM_COLUMNS} from claims where ${yearFilter} and ${cursor} order by bsn, claim_id limit ${CHECK_PAGE_SIZE}`.execute(tx),
    );
    for (const row of page.rows) {
      claims += 1;
      persons.add(toClaim(row));
    }
    const last: StoredClaimRow | undefined = page.rows.at(-1);
    if (!last || page.rows.length < CHECK_PAGE_SIZE) break;
    after = { bsn: last.bsn, claim_id: last.claim_id };
  }
  persons.flush();
  for (const f of checkCeilings(ceilingLines, reference.ceilings, settings)) findings.push(f);
  findings.sort(compareFindings);

  const counts = emptyRuleCounts();
  for (const f of findings) counts[f.rule] += 1;
  const runId = await withActor(deps.db, deps.actor.role === 'system' ? system : deps.actor, async (tx) => {
    const run = await tx
      .insertInto('claim_check_runs')
      .values({ year, claims, findings: JSON.stringify(counts), started_by: deps.actor.email ?? deps.actor.role, finished_at: new Date() })
      .returning('id')
      .executeTakeFirstOrThrow();
    const openScope = year === null ? sql`true` : sql`claim_id in (select claim_id from claims where ${yearFilter})`;
    await sql`delete from claim_findings where status = 'open' and ${openScope}`.execute(tx);
    for (let i = 0; i < findings.length; i += 1000) {
      const rows = findings.slice(i, i + 1000).map((f) => ({
        run_id: run.id, claim_id: f.claimId, agb: f.agb, rule: f.rule, source: f.source, amount_at_stake_cents: f.amountAtStakeCents,
        action: f.action, related_claim_ids: f.relatedClaimIds, reason: JSON.stringify(f.reason),
      }));
      if (rows.length > 0) await tx.insertInto('claim_findings').values(rows).onConflict((oc) => oc.columns(['claim_id', 'rule']).doNothing()).execute();
    }
    await audit(tx, deps.actor, { event: 'claims.check', action: 'E', purpose: 'controle', objectType: 'claim-check-run', objectId: String(run.id), details: { year, claims, findings: counts } });
    return run.id;
  });
  return ok({ run_id: runId, year, claims, findings: counts });
}
