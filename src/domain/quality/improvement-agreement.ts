/**
 * The improvement agreement of an entry condition not met (MSZ Bijlage 1: "Aan instapvoorwaarden
 * moet u op 1-1-2018 voldoen. Als u hier nog niet aan kunt voldoen, maken wij met u een
 * verbeterafspraak zodat u tijdens de looptijd van de overeenkomst alsnog aan de instapvoorwaarden
 * voldoet."): the agreement term it must fall in, and its due date. Pure.
 */
import type { Reason } from '../explain.js';
import { fail, ok, type Result } from '../errors.js';
import { parameterValue, type MszPolicy } from '../policy/index.js';
import type { Answer } from './questionnaire.js';

/** Policy parameter (type date) that, when present, ends the term when the provider has no agreement (decision years 0). */
export const DEFAULT_TERM_END_PARAMETER = 'improvement_agreement_default_term_end';

export interface AgreementTerm {
  /** The last day of the term, YYYY-MM-DD. */
  end: string;
  reason: Reason;
}

/**
 * The end of the agreement term within which an entry condition must be met (MSZ Bijlage 1: "tijdens
 * de looptijd van de overeenkomst"): the last day of the last contract year of the provider's
 * agreement decision (`year + years - 1`, 31 December). Without an agreement (years 0): the date of
 * parameter `improvement_agreement_default_term_end` when the policy has it, else the end of the
 * contract year itself (a one-year term, as for every new provider, MSZ §2).
 */
export function agreementTerm(policy: MszPolicy, year: number, agreement: { years: number; agreement_type_id: string }): AgreementTerm {
  const source = 'MSZ Bijlage 1; MSZ §2';
  if (agreement.years >= 1) {
    const last = year + agreement.years - 1;
    return {
      end: `${last}-12-31`,
      reason: { rule: 'quality.term.agreement', source, inputs: { year, agreement_type: agreement.agreement_type_id, years: agreement.years }, message: `De looptijd van de afspraak (${agreement.years} jaar vanaf ${year}) eindigt op 31 december ${last}.` },
    };
  }
  const parameter = parameterValue(policy, DEFAULT_TERM_END_PARAMETER, 'date');
  if (parameter.ok) {
    return {
      end: parameter.value,
      reason: { rule: 'quality.term.parameter', source: `${source}; parameter ${DEFAULT_TERM_END_PARAMETER}`, inputs: { year, agreement_type: agreement.agreement_type_id, years: 0 }, message: `Zonder afspraak geldt de looptijd tot ${parameter.value} (parameter ${DEFAULT_TERM_END_PARAMETER}).` },
    };
  }
  return {
    end: `${year}-12-31`,
    reason: { rule: 'quality.term.contract-year', source, inputs: { year, agreement_type: agreement.agreement_type_id, years: 0 }, message: `Zonder (meerjarige) afspraak geldt het contractjaar ${year} als looptijd, tot en met 31 december ${year}.` },
  };
}

export interface ImprovementAgreementPlan {
  specification_number: number;
  due_date: string;
  reason: Reason;
}

/**
 * The improvement agreement an entry condition answered "no" produces: due on the last day of the
 * agreement term, and never before the day the entry conditions apply (`entry_condition_reference_date`).
 * `null` for any other answer or for a doelstelling (recorded only).
 */
export function improvementAgreementFor(policy: MszPolicy, specificationNumber: number, answer: Answer, term: AgreementTerm): Result<ImprovementAgreementPlan | null> {
  const spec = policy.quality.purchasing_specifications.questions.find((q) => q.number === specificationNumber);
  if (!spec) return fail('not_found', `Inkoopspecificatie ${specificationNumber} bestaat niet in beleid ${policy.id}.`);
  if (spec.type !== 'instapvoorwaarde' || answer !== 'no') return ok(null);
  const rule = policy.quality.purchasing_specifications.entry_condition_rule;
  const reference = parameterValue(policy, rule.reference_date_parameter, 'date');
  if (!reference.ok) return reference;
  const due = term.end < reference.value ? reference.value : term.end;
  return ok({
    specification_number: spec.number,
    due_date: due,
    reason: {
      rule: 'quality.entry-condition.improvement-agreement',
      source: `${spec.source}; ${rule.source}`,
      inputs: { specification: spec.number, answer, reference_date: reference.value, term_end: term.end, due_date: due },
      message: `Instapvoorwaarde ${spec.number} (${spec.topic}) geldt vanaf ${reference.value}; u voldoet er nog niet aan, dus maken wij een verbeterafspraak: uiterlijk ${due} alsnog voldoen, binnen de looptijd van de overeenkomst.`,
    },
  });
}
