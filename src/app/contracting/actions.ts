/**
 * Use cases: the steps of the contracting year that carry no document (MSZ §5). Each validates its
 * input and hands one event to the state machine through `runTransition`; sending the proposal and
 * signing, which carry the proposal letter, are in `proposal.ts` and `sign.ts`.
 */
import { fail, type Result } from '../../domain/errors.js';
import { runTransition, type ContractingDeps, type ContractSummary } from './transition.js';

function text(value: unknown, field: string, label: string, max: number): Result<string> {
  const trimmed = typeof value === 'string' ? value.trim() : '';
  if (trimmed.length === 0) return fail('invalid_input', `${label} is verplicht.`, [{ field, message: 'Mag niet leeg zijn.' }]);
  if (trimmed.length > max) return fail('invalid_input', `${label} is te lang (ten hoogste ${max} tekens).`, [{ field, message: `Ten hoogste ${max} tekens.` }]);
  return { ok: true, value: trimmed };
}

export const publishConcept = (deps: ContractingDeps, agb: string, year: unknown) => runTransition(deps, agb, year, { type: 'publish-concept' });

export async function giveConceptFeedback(deps: ContractingDeps, agb: string, year: unknown, feedback: unknown): Promise<Result<ContractSummary>> {
  const value = text(feedback, 'feedback', 'De feedback', 10_000);
  if (!value.ok) return value;
  return runTransition(deps, agb, year, { type: 'give-concept-feedback', feedback: value.value });
}

export async function respondToProposal(deps: ContractingDeps, agb: string, year: unknown, input: { response: unknown; reasons?: unknown }): Promise<Result<ContractSummary>> {
  if (input.response === 'accepted') {
    if (input.reasons !== undefined && input.reasons !== null && input.reasons !== '') {
      return fail('invalid_input', 'Bij acceptatie horen geen redenen; kies een tegenvoorstel om redenen te geven.', [{ field: 'reasons', message: 'Alleen bij een tegenvoorstel.' }]);
    }
    return runTransition(deps, agb, year, { type: 'respond', response: 'accepted' });
  }
  if (input.response === 'countered') {
    const reasons = text(input.reasons, 'reasons', 'De redenen van het tegenvoorstel', 10_000);
    if (!reasons.ok) return reasons;
    return runTransition(deps, agb, year, { type: 'respond', response: 'countered', reasons: reasons.value });
  }
  return fail('invalid_input', `Reactie moet 'accepted' of 'countered' zijn.`, [{ field: 'response', message: 'Onbekende reactie.' }]);
}

export const startNegotiation = (deps: ContractingDeps, agb: string, year: unknown) => runTransition(deps, agb, year, { type: 'start-negotiation' });

export const recordOnderhandelakkoord = (deps: ContractingDeps, agb: string, year: unknown) => runTransition(deps, agb, year, { type: 'record-onderhandelakkoord' });

export const fixPriceList = (deps: ContractingDeps, agb: string, year: unknown) => runTransition(deps, agb, year, { type: 'fix-price-list' });

export const publishContract = (deps: ContractingDeps, agb: string, year: unknown) => runTransition(deps, agb, year, { type: 'publish' });

export async function declineContract(deps: ContractingDeps, agb: string, year: unknown, reason: unknown): Promise<Result<ContractSummary>> {
  const value = text(reason, 'reason', 'De reden', 2_000);
  if (!value.ok) return value;
  return runTransition(deps, agb, year, { type: 'decline', reason: value.value });
}
