/**
 * Use case: the reclaim statement of one provider and year (MSZ §4A, §6): the findings upheld after
 * the hearing whose outcome is a reclaim or a rejection (see `upheldOutcome`), on claims that
 * started in the year. Insurer staff may ask for any provider, a provider user for its own only
 * (a refusal is audited by `providerAccess`). Every statement produced is audited.
 */
import { sql } from 'kysely';
import { systemActor, type Actor } from '../../domain/auth/actor.js';
import { upheldOutcome } from '../../domain/claims/hearing.js';
import type { FindingAction } from '../../domain/claims/types.js';
import { fail, ok, type Result } from '../../domain/errors.js';
import { reclaimStatementJson, reclaimStatementPdf, reclaimStatementXlsx, type ReclaimFinding, type ReclaimStatement, type ReclaimStatementModel } from '../../documents/reclaim-statement.js';
import { audit } from '../../storage/audit.js';
import { withActor } from '../../storage/context.js';
import type { Database } from '../../storage/database.js';
import { findProvider } from '../../storage/repositories/providers.js';
import { providerAccess } from '../access.js';
import type { PolicyCatalogue } from '../policies.js';
import { parseYear } from '../purchasing/negotiation.js';
import { hearingSettings, today } from './hearing.js';

export interface ReclaimDeps {
  db: Database;
  actor: Actor;
  policies: PolicyCatalogue;
}

const EVENT = 'claims.reclaim-statement';

interface UpheldRow {
  id: number;
  claim_id: string;
  rule: string;
  source: string;
  action: FindingAction;
  amount_at_stake_cents: number;
  decision_note: string | null;
  decided_on: string | null;
}

/** Rule titles from the policies, the newest policy year first. */
function ruleTitles(policies: PolicyCatalogue): Map<string, string> {
  const titles = new Map<string, string>();
  for (const policy of policies.all().toSorted((a, b) => b.policy_year - a.policy_year)) {
    for (const rule of policy.claims_control.rules) if (!titles.has(rule.id)) titles.set(rule.id, rule.title);
  }
  return titles;
}

export async function reclaimStatementModel(deps: ReclaimDeps, agbInput: string, yearInput: unknown, now: Date, format: 'pdf' | 'xlsx' | 'json' = 'json'): Promise<Result<ReclaimStatementModel>> {
  const year = parseYear(yearInput);
  if (!year.ok) return year;
  const agb = await providerAccess(deps, agbInput, EVENT);
  if (!agb.ok) return agb;
  const settings = hearingSettings(deps.policies, now);
  if (!settings.ok) return settings;
  const titles = ruleTitles(deps.policies);

  // Read as the system after the access check (a provider may read its own findings anyway); audited under the actor.
  return withActor(deps.db, systemActor(`reclaim-statement:${deps.actor.email ?? deps.actor.role}`), async (tx) => {
    const provider = await findProvider(tx, agb.value);
    if (!provider) return fail('not_found', `Zorgaanbieder ${agb.value} niet gevonden.`, [{ field: 'provider', message: 'Onbekende AGB-code.' }]);
    const rows = await sql<UpheldRow>`
      select f.id, f.claim_id, f.rule, f.source, f.action, f.amount_at_stake_cents, f.decision_note,
             to_char(f.decided_at at time zone 'Europe/Amsterdam', 'YYYY-MM-DD') as decided_on
      from claim_findings f join claims c on c.claim_id = f.claim_id
      where f.agb = ${agb.value} and f.status = 'upheld' and c.start_date between ${`${year.value}-01-01`} and ${`${year.value}-12-31`}
      order by f.claim_id, f.id`.execute(tx);
    const findings: ReclaimFinding[] = [];
    for (const r of rows.rows) {
      const outcome = upheldOutcome(r.action, settings.value.onConfirmed.get(r.rule));
      if (outcome === null) continue;
      findings.push({
        finding_id: r.id, claim_id: r.claim_id, rule: r.rule, rule_title: titles.get(r.rule) ?? r.rule, source: r.source, outcome,
        amount_at_stake_cents: r.amount_at_stake_cents, decision_note: r.decision_note ?? '', decided_on: r.decided_on,
      });
    }
    const model: ReclaimStatementModel = { date: today(now), provider: { agb: provider.agb, name: provider.name, city: provider.city }, year: year.value, findings };
    const statement = reclaimStatementJson(model);
    await audit(tx, deps.actor, {
      event: EVENT, action: 'R', purpose: 'controle', objectType: 'reclaim-statement', objectId: `${provider.agb}/${year.value}`, agb: provider.agb,
      details: { year: year.value, format, findings: statement.lines.length, total_cents: statement.total_cents },
    });
    return ok(model);
  });
}

export async function reclaimStatement(deps: ReclaimDeps, agb: string, year: unknown, now: Date): Promise<Result<ReclaimStatement>> {
  const model = await reclaimStatementModel(deps, agb, year, now, 'json');
  return model.ok ? ok(reclaimStatementJson(model.value)) : model;
}

export async function reclaimStatementDocument(deps: ReclaimDeps, agb: string, year: unknown, now: Date, format: 'pdf' | 'xlsx'): Promise<Result<Buffer>> {
  const model = await reclaimStatementModel(deps, agb, year, now, format);
  if (!model.ok) return model;
  return ok(format === 'pdf' ? await reclaimStatementPdf(model.value) : await reclaimStatementXlsx(model.value));
}
