/**
 * Use cases: specific risk analyses (Regeling zorgverzekering art. 7.8). Patient-level detail
 * control of a finding is only allowed once the finding is attached to a specific risk analysis
 * that says why (see `claim-detail.ts`). Controllers and medical advisers record them.
 *
 * An analysis may be narrowed to one provider and to some rules; a finding outside that scope
 * cannot be attached, so the analysis never opens more detail than it argues for.
 */
import type { Actor } from '../../domain/auth/actor.js';
import { RULE_IDS, type RuleId } from '../../domain/claims/types.js';
import { fail, ok, type Result } from '../../domain/errors.js';
import { parseAgb } from '../../domain/identifiers/index.js';
import { audit } from '../../storage/audit.js';
import { withActor } from '../../storage/context.js';
import type { Database } from '../../storage/database.js';
import { findProvider } from '../../storage/repositories/providers.js';
import { parseFindingId } from './hearing.js';

export interface RiskAnalysisDeps {
  db: Database;
  actor: Actor;
}

export interface RiskAnalysisInput {
  title: unknown;
  rationale: unknown;
  rules?: unknown;
  agb?: string | null;
}

export interface RiskAnalysisView {
  id: number;
  title: string;
  rationale: string;
  rules: RuleId[];
  agb: string | null;
  created_by: string;
  created_at: string;
}

export interface AttachReport {
  analysis_id: number;
  attached: number;
  finding_ids: number[];
}

const PURPOSE = 'controle';
const MAX_FINDINGS_PER_ATTACH = 10_000;
const mayRecord = (actor: Actor) => actor.role === 'controller' || actor.role === 'medical-adviser' || actor.role === 'system';

function parseInput(input: RiskAnalysisInput): Result<{ title: string; rationale: string; rules: RuleId[]; agb: string | null }> {
  const title = typeof input.title === 'string' ? input.title.trim() : '';
  if (title.length < 3 || title.length > 200) return fail('invalid_input', 'De titel moet 3–200 tekens lang zijn.', [{ field: 'title', message: 'Ongeldige titel.' }]);
  const rationale = typeof input.rationale === 'string' ? input.rationale.trim() : '';
  if (rationale.length < 10 || rationale.length > 10_000) {
    return fail('invalid_input', 'De onderbouwing moet 10–10.000 tekens lang zijn: waarom is detailcontrole op patiëntniveau nodig?', [{ field: 'rationale', message: 'Ongeldige onderbouwing.' }]);
  }
  const rawRules = input.rules ?? [];
  if (!Array.isArray(rawRules)) return fail('invalid_input', 'rules moet een lijst van regel-ids zijn.', [{ field: 'rules', message: 'Geen lijst.' }]);
  const unknown = rawRules.filter((r) => typeof r !== 'string' || !(RULE_IDS as readonly string[]).includes(r));
  if (unknown.length > 0) {
    return fail('invalid_input', `Onbekende regel(s): ${unknown.map(String).join(', ')}. Bekend: ${RULE_IDS.join(', ')}.`, [{ field: 'rules', message: 'Onbekende regel.' }]);
  }
  let agb: string | null = null;
  if (input.agb !== undefined && input.agb !== null && input.agb !== '') {
    const parsed = parseAgb(input.agb, 'agb');
    if (!parsed.ok) return parsed;
    agb = parsed.value;
  }
  return ok({ title, rationale, rules: [...new Set(rawRules as RuleId[])], agb });
}

export async function createRiskAnalysis(deps: RiskAnalysisDeps, input: RiskAnalysisInput): Promise<Result<RiskAnalysisView>> {
  if (deps.actor.role === 'public') return fail('unauthenticated', 'Log eerst in.');
  if (!mayRecord(deps.actor)) return fail('forbidden', 'Alleen een controller of medisch adviseur legt een specifieke risicoanalyse vast.');
  const parsed = parseInput(input);
  if (!parsed.ok) return parsed;
  const { title, rationale, rules, agb } = parsed.value;
  return withActor(deps.db, deps.actor, async (tx) => {
    if (agb !== null && !(await findProvider(tx, agb))) return fail('not_found', `Zorgaanbieder ${agb} niet gevonden.`, [{ field: 'agb', message: 'Onbekende AGB-code.' }]);
    const row = await tx
      .insertInto('risk_analyses')
      .values({ title, rationale, rules, agb, created_by: deps.actor.email ?? deps.actor.role })
      .returning(['id', 'created_by', 'created_at'])
      .executeTakeFirstOrThrow();
    await audit(tx, deps.actor, {
      event: 'claims.risk-analysis', action: 'C', purpose: PURPOSE, objectType: 'risk-analysis', objectId: String(row.id), agb,
      details: { title, rules },
    });
    return ok({ id: row.id, title, rationale, rules, agb, created_by: row.created_by, created_at: new Date(row.created_at).toISOString() });
  });
}

export async function attachRiskAnalysis(deps: RiskAnalysisDeps, analysisId: unknown, findingIds: unknown): Promise<Result<AttachReport>> {
  if (deps.actor.role === 'public') return fail('unauthenticated', 'Log eerst in.');
  if (!mayRecord(deps.actor)) return fail('forbidden', 'Alleen een controller of medisch adviseur koppelt bevindingen aan een risicoanalyse.');
  const id = parseFindingId(analysisId, 'analysis');
  if (!id.ok) return id;
  if (!Array.isArray(findingIds) || findingIds.length === 0 || findingIds.length > MAX_FINDINGS_PER_ATTACH) {
    return fail('invalid_input', `Geef 1–${MAX_FINDINGS_PER_ATTACH} bevindingen op.`, [{ field: 'finding_ids', message: 'Lege of te lange lijst.' }]);
  }
  const ids: number[] = [];
  for (const raw of findingIds) {
    const parsed = parseFindingId(raw, 'finding_ids');
    if (!parsed.ok) return parsed;
    ids.push(parsed.value);
  }
  const unique = [...new Set(ids)].sort((a, b) => a - b);

  return withActor(deps.db, deps.actor, async (tx) => {
    const analysis = await tx.selectFrom('risk_analyses').select(['id', 'rules', 'agb']).where('id', '=', id.value).executeTakeFirst();
    if (!analysis) return fail('not_found', `Risicoanalyse ${id.value} niet gevonden.`);
    const findings = await tx.selectFrom('claim_findings').select(['id', 'agb', 'rule', 'risk_analysis_id']).where('id', 'in', unique).forUpdate().execute();
    const found = new Set(findings.map((f) => f.id));
    const missing = unique.filter((f) => !found.has(f));
    if (missing.length > 0) return fail('not_found', `Bevinding(en) ${missing.join(', ')} niet gevonden.`, missing.map((f) => ({ field: 'finding_ids', message: `Bevinding ${f} niet gevonden.` })));
    const outside = findings.filter((f) => (analysis.agb !== null && f.agb !== analysis.agb) || (analysis.rules.length > 0 && !analysis.rules.includes(f.rule)));
    if (outside.length > 0) {
      const scope = [analysis.agb ? `zorgaanbieder ${analysis.agb}` : null, analysis.rules.length > 0 ? `regel(s) ${analysis.rules.join(', ')}` : null].filter(Boolean).join(' en ');
      return fail('conflict', `Bevinding(en) ${outside.map((f) => f.id).join(', ')} vallen buiten de risicoanalyse (${scope}); een specifieke risicoanalyse opent alleen detailcontrole op wat zij onderbouwt.`,
        outside.map((f) => ({ field: 'finding_ids', message: `Bevinding ${f.id} (${f.agb}, ${f.rule}) valt buiten de analyse.` })));
    }
    await tx.updateTable('claim_findings').set({ risk_analysis_id: analysis.id }).where('id', 'in', unique).execute();
    for (const f of findings) {
      await audit(tx, deps.actor, {
        event: 'claims.risk-analysis.attach', action: 'U', purpose: PURPOSE, objectType: 'claim-finding', objectId: String(f.id), agb: f.agb,
        details: { risk_analysis_id: analysis.id, previous_risk_analysis_id: f.risk_analysis_id },
      });
    }
    return ok({ analysis_id: analysis.id, attached: unique.length, finding_ids: unique });
  });
}
