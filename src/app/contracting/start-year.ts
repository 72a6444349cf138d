/**
 * Use case: a purchaser starts the contracting year for a provider. The path (regular or digital)
 * comes from the provider's agreement decision (MSZ §2: type 3, < EUR 10M, goes the digital way);
 * the process begins in `invited` and the provider's users are told.
 */
import { contractDeadlines, initialState, invitationNotice } from '../../domain/contracting/index.js';
import { fail, ok, type Result } from '../../domain/errors.js';
import { audit } from '../../storage/audit.js';
import { withActor } from '../../storage/context.js';
import { decideAgreementFor } from '../purchasing/provider-year.js';
import { parseYear } from '../purchasing/negotiation.js';
import { findProcess, insertContractEvent, insertProcess, providerName } from './contract-store.js';
import { contractAccess, contractingPolicyForYear, notify, summary, whoOf, type ContractingDeps, type ContractSummary } from './transition.js';

export async function startContractYear(deps: ContractingDeps, agbInput: string, yearInput: unknown): Promise<Result<ContractSummary>> {
  if (deps.actor.role !== 'purchaser' && deps.actor.role !== 'system') return fail('forbidden', 'Alleen zorginkopers starten het contracteringsjaar.');
  const year = parseYear(yearInput);
  if (!year.ok) return year;
  const agb = await contractAccess(deps, agbInput, 'contract.start');
  if (!agb.ok) return agb;
  const policy = contractingPolicyForYear(deps.policies, year.value);
  if (!policy.ok) return policy;
  const decision = await decideAgreementFor(deps, agb.value, year.value);
  if (!decision.ok) return decision;
  if (decision.value.type === 'none' && decision.value.status === 'final') {
    return fail('conflict', `Volgens de afspraaksoort komt er voor ${year.value} geen overeenkomst (${decision.value.title}); er is geen contracteringsproces te starten.`);
  }
  const path = decision.value.path;
  const deadlines = contractDeadlines(policy.value, path);
  if (!deadlines.ok) return deadlines;

  return withActor(deps.db, deps.actor, async (tx) => {
    if (await findProcess(tx, agb.value, year.value)) return fail('conflict', `Het contracteringsjaar ${year.value} is voor ${agb.value} al gestart.`);
    await insertProcess(tx, { agb: agb.value, year: year.value, policy_id: policy.value.id, path, agreement_type_id: decision.value.agreement_type_id, now: deps.now });
    const details = { path, agreement_type_id: decision.value.agreement_type_id, decision_status: decision.value.status, policy: policy.value.id };
    await insertContractEvent(tx, {
      agb: agb.value,
      year: year.value,
      event: 'start',
      from: null,
      to: 'invited',
      actorRole: whoOf(deps.actor) ?? 'job',
      actorUserId: deps.actor.role === 'system' ? null : deps.actor.userId,
      actorEmail: deps.actor.email,
      at: deps.now,
      details,
    });
    await audit(tx, deps.actor, { event: 'contract.start', action: 'C', purpose: 'zorginkoop', objectType: 'contract', objectId: `${agb.value}/${year.value}`, agb: agb.value, details });
    const name = (await providerName(tx, agb.value)) ?? agb.value;
    await notify(tx, deps.actor, agb.value, ['provider'], invitationNotice({ agb: agb.value, providerName: name, year: year.value, deadlines: deadlines.value }), deps.now);
    return ok(summary(agb.value, year.value, initialState(path), 'start', null));
  });
}
