/**
 * Use cases: a provider's minimum-norm and selective-purchasing status for a contract year
 * (MSZ §2, Bijlage 2, 3; the rule is `domain/quality/selection.ts`).
 *
 * - `getSelection`: the status per Bijlage 2 treatment and per selective-purchasing entry with its
 *   reasons, and what applying it would change on the provider record. Staff and the provider itself.
 * - `applySelection` (purchaser or job): writes the resulting `minimum_norms` and `programmes` on the
 *   provider, so the claim checks (`check-reference.ts`) use them. A provider's answers are its own
 *   declarations; the insurer decides when they take effect. Audited with before and after.
 */
import { fail, ok, type Result } from '../../domain/errors.js';
import { selectionStatus, type SelectionStatus } from '../../domain/quality/selection.js';
import { audit } from '../../storage/audit.js';
import { withActor, type Tx } from '../../storage/context.js';
import { PURPOSE, providerOf, qualityScope, readAnswers, type QualityDeps, type QualityScope } from './quality-context.js';

async function statusIn(tx: Tx, scope: QualityScope): Promise<Result<SelectionStatus>> {
  const provider = await providerOf(tx, scope.agb);
  if (!provider.ok) return provider;
  const answers = await readAnswers(tx, scope.agb, scope.year);
  const p = provider.value;
  return ok(selectionStatus(scope.policy, { agb: p.agb, licences: p.licences, programmes: p.programmes, minimumNorms: p.minimum_norms }, answers, scope.year));
}

export async function getSelection(deps: QualityDeps, agbInput: string, yearInput: unknown): Promise<Result<SelectionStatus>> {
  const scope = await qualityScope(deps, agbInput, yearInput, 'selection.read');
  if (!scope.ok) return scope;
  return withActor(deps.db, deps.actor, (tx) => statusIn(tx, scope.value));
}

export interface AppliedSelection {
  applied: boolean;
  status: SelectionStatus;
}

export async function applySelection(deps: QualityDeps, agbInput: string, yearInput: unknown): Promise<Result<AppliedSelection>> {
  if (deps.actor.role !== 'purchaser' && deps.actor.role !== 'system') return fail('forbidden', 'Alleen zorginkopers leggen de selectie voor minimumnormen en selectieve inkoop vast.');
  const scope = await qualityScope(deps, agbInput, yearInput, 'selection.apply');
  if (!scope.ok) return scope;
  return withActor(deps.db, deps.actor, async (tx) => {
    const status = await statusIn(tx, scope.value);
    if (!status.ok) return status;
    const s = status.value;
    const { minimum_norms: norms, programmes } = s.changes;
    const applied = norms.added.length + norms.removed.length + programmes.added.length + programmes.removed.length > 0;
    if (applied) {
      await tx.updateTable('providers').set({ minimum_norms: s.minimum_norms, programmes: s.programmes, updated_at: new Date() }).where('agb', '=', s.agb).execute();
    }
    await audit(tx, deps.actor, {
      event: 'selection.apply',
      action: 'U',
      purpose: PURPOSE,
      objectType: 'provider',
      objectId: s.agb,
      agb: s.agb,
      details: { year: s.year, policy_id: s.policy_id, applied, changes: s.changes },
    });
    // After applying, the record holds the status: nothing left to change.
    const after: SelectionStatus = applied ? { ...s, changes: { minimum_norms: { added: [], removed: [] }, programmes: { added: [], removed: [] } } } : s;
    return ok({ applied, status: after });
  });
}
