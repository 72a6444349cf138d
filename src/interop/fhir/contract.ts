/**
 * A provider's agreement for a contract year (MSZ §2) as an R4 `Contract`:
 * - `type`: the agreement kind, the policy's agreement type id (`AGREEMENT_KIND_SYSTEM`:
 *   transitie-3, plafond-2-regulier, plafond-2-digitaal, plafond-1, geen) with its title;
 * - `applies`: the years of the agreement (a transitieafspraak's richtpunt years, a
 *   plafondafspraak's term), the contract year alone when there is no agreement;
 * - `subject`: the provider's Organization (AGB);
 * - `status`: from the contracting process (offered → negotiable → executable → executed, or
 *   rejected), `offered` while no process exists, `rejected` for "geen overeenkomst";
 * - `term[0]`: the amount, richtpunt or plafond per year (`asset.valuedItem.net`, EUR, with the
 *   year as `effectiveTime`); then one term per reason of the decision and of the amount, its rule
 *   id as `type` (`DECISION_RULE_SYSTEM`), its policy source as `subType.text`, and
 *   `[rule] source: message` as text. The decision status (final, provisional) is an extension.
 */
import type { AgreementDecision } from '../../domain/agreement/index.js';
import type { ContractStatus } from '../../domain/contracting/index.js';
import type { Reason } from '../../domain/explain.js';
import { formatEuro } from '../../domain/money/index.js';
import type { FinancialProposal } from '../../domain/proposal/financial-proposal.js';
import { eurMoney } from './money.js';
import { organizationReference } from './organization.js';
import { AGREEMENT_AMOUNT_SYSTEM, AGREEMENT_KIND_SYSTEM, CONTRACT_ID_SYSTEM, DECISION_RULE_SYSTEM, DECISION_STATUS_EXTENSION } from './systems.js';
import type { Contract, ContractTerm } from './types.js';

export interface AgreementFacts {
  provider: { agb: string; name: string };
  year: number;
  policy: { id: string; title: string };
  decision: AgreementDecision;
  /** The amount proposed or agreed (richtpunt or plafond); null when it could not be computed. */
  financial: Pick<FinancialProposal, 'amount_kind' | 'amount_cents' | 'years' | 'reasons'> | null;
  /** The state of the contracting process of the year, null when none was started. */
  state: ContractStatus | null;
}

const STATUS: Record<ContractStatus, Contract['status']> = {
  invited: 'offered',
  'concept-out': 'offered',
  'proposal-sent': 'offered',
  'provider-responded': 'negotiable',
  negotiating: 'negotiable',
  onderhandelakkoord: 'executable',
  signed: 'executed',
  'price-list-fixed': 'executed',
  published: 'executed',
  'no-agreement': 'rejected',
};

export function contractStatus(state: ContractStatus | null, type: AgreementDecision['type']): Contract['status'] {
  if (type === 'none') return 'rejected';
  return state === null ? 'offered' : STATUS[state];
}

function reasonTerm(reason: Reason): ContractTerm {
  return {
    type: { coding: [{ system: DECISION_RULE_SYSTEM, code: reason.rule }] },
    subType: { text: reason.source },
    text: `[${reason.rule}] ${reason.source}: ${reason.message}`,
    offer: { text: reason.message },
  };
}

function amountTerm(facts: AgreementFacts): ContractTerm {
  const f = facts.financial;
  if (facts.decision.type === 'none' || f === null || f.amount_kind === 'none' || f.years.length === 0) {
    return { type: { coding: [{ system: AGREEMENT_AMOUNT_SYSTEM, code: 'none', display: 'Geen bedrag' }] }, text: facts.decision.title, offer: { text: facts.decision.title } };
  }
  const label = f.amount_kind === 'richtpunt' ? 'Richtpunt' : 'Plafond';
  const text = `${label} ${formatEuro(f.amount_cents)} per jaar voor ${f.years.join(', ')}`;
  return {
    type: { coding: [{ system: AGREEMENT_AMOUNT_SYSTEM, code: f.amount_kind, display: label }] },
    text,
    offer: { text },
    asset: [{
      type: [{ coding: [{ system: AGREEMENT_AMOUNT_SYSTEM, code: f.amount_kind, display: label }] }],
      valuedItem: f.years.map((year) => ({ effectiveTime: `${year}-01-01`, net: eurMoney(f.amount_cents) })),
    }],
  };
}

export function agreementToContract(facts: AgreementFacts): Contract {
  const { provider, year, decision } = facts;
  const years = facts.financial && facts.financial.years.length > 0 ? facts.financial.years : [year];
  const id = `${provider.agb}-${year}`;
  return {
    resourceType: 'Contract',
    id,
    extension: [{ url: DECISION_STATUS_EXTENSION, valueCode: decision.status }],
    identifier: [{ system: CONTRACT_ID_SYSTEM, value: id }],
    status: contractStatus(facts.state, decision.type),
    name: decision.agreement_type_id,
    title: `${decision.title} (${facts.policy.title}, ${year})`,
    applies: { start: `${Math.min(...years)}-01-01`, end: `${Math.max(...years)}-12-31` },
    subject: [organizationReference(provider)],
    type: {
      coding: [{ system: AGREEMENT_KIND_SYSTEM, code: decision.agreement_type_id, display: decision.title }],
      text: decision.type === 'none' ? 'Geen overeenkomst' : `${decision.type === 'transitie' ? 'Transitieafspraak' : 'Plafondafspraak'} ${decision.years} jaar`,
    },
    term: [amountTerm(facts), ...decision.reasons.map(reasonTerm), ...(facts.financial?.reasons ?? []).map(reasonTerm)],
  };
}
