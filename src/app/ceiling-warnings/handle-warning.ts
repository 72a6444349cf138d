/**
 * Use case: a purchaser acknowledges a ceiling warning (it is being acted on: new patients are
 * mediated elsewhere) or closes it, each with a note. The status moves open → acknowledged → closed
 * (or open → closed) and never back; the database guard refuses anything else too. Audited; the
 * provider's users are notified.
 */
import { fail, ok, type Result } from '../../domain/errors.js';
import { audit } from '../../storage/audit.js';
import { withActor } from '../../storage/context.js';
import { notify } from '../contracting/transition.js';
import type { CeilingWarningDeps } from './report-warning.js';
import { warningView, type CeilingWarningView } from './views.js';
import { findWarning, lockWarning, recordHandling } from './warnings-store.js';

export interface HandleInput {
  note: unknown;
  /** Close the warning (default: acknowledge). */
  close?: unknown;
}

const LABEL = { acknowledged: 'in behandeling genomen', closed: 'afgesloten' } as const;

export async function handleCeilingWarning(deps: CeilingWarningDeps, idInput: unknown, input: HandleInput): Promise<Result<CeilingWarningView>> {
  if (deps.actor.role === 'public') return fail('unauthenticated', 'Log eerst in.');
  if (deps.actor.role !== 'purchaser' && deps.actor.role !== 'system') return fail('forbidden', 'Alleen een zorginkoper handelt een plafondmelding af.');
  const id = Number(idInput);
  if (!Number.isSafeInteger(id) || id < 1) return fail('invalid_input', 'Ongeldig meldingnummer.', [{ field: 'id', message: 'Een positief geheel getal.' }]);
  const note = typeof input.note === 'string' ? input.note.trim() : '';
  if (note.length === 0 || note.length > 2000) return fail('invalid_input', 'Een notitie van 1 tot 2000 tekens is verplicht.', [{ field: 'note', message: 'Verplicht, ten hoogste 2000 tekens.' }]);
  if (input.close !== undefined && typeof input.close !== 'boolean') return fail('invalid_input', "'close' is waar of onwaar.", [{ field: 'close', message: 'true of false.' }]);
  const target = input.close === true ? 'closed' : 'acknowledged';

  return withActor(deps.db, deps.actor, async (tx) => {
    const current = await lockWarning(tx, id);
    if (!current) return fail('not_found', `Plafondmelding ${id} bestaat niet.`);
    if (current.status === 'closed') return fail('conflict', `Plafondmelding ${id} is al afgesloten.`);
    if (current.status === target) return fail('conflict', `Plafondmelding ${id} is al ${LABEL[target]}.`);
    const by = deps.actor.email ?? deps.actor.role;
    await recordHandling(tx, id, { status: target, by, at: deps.now, note });
    await audit(tx, deps.actor, {
      event: target === 'closed' ? 'ceiling-warning.close' : 'ceiling-warning.acknowledge', action: 'U', purpose: 'zorginkoop',
      objectType: 'ceiling-warning', objectId: String(id), agb: current.agb, details: { from: current.status, to: target },
    });
    await notify(tx, deps.actor, current.agb, ['provider'], {
      kind: `ceiling-warning.${target}`,
      title: `Uw plafondmelding ${current.year} is ${LABEL[target]}`,
      body: `Zilveren Kruis heeft uw melding van een dreigende plafondoverschrijding (${current.year}) ${LABEL[target]}. Notitie van de zorginkoper: ${note}`.slice(0, 3900),
      link: '/plafondmelding',
    }, deps.now);
    const row = await findWarning(tx, id);
    if (!row) return fail('internal', 'De melding is bijgewerkt maar niet terug te lezen.');
    const policy = deps.policies.get(row.policy_id);
    return ok(warningView(row, policy.ok ? policy.value : null));
  });
}
