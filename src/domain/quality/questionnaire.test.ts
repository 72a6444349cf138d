/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import mszYaml from '../../../policies/msz-2018.yaml?raw';
import { expectOk } from '../errors.js';
import { parsePolicy, type MszPolicy, type PolicyParameter } from '../policy/index.js';
import { agreementTerm, improvementAgreementFor } from './improvement-agreement.js';
import { applicability, checkAnswers, questionnaireItems, summarise, type QualityProviderFacts } from './questionnaire.js';

function loadMsz(): MszPolicy {
  const policy = expectOk(parsePolicy(parse(mszYaml), 'policies/msz-2018.yaml'));
  if (policy.kind !== 'msz') throw new Error('verwacht een MSZ-beleid');
  return policy;
}
const policy = loadMsz();

const hospital: QualityProviderFacts = { type: 'ziekenhuis', specialisms: ['0303', '0307', '0313', '0320'], licences: ['wbmv-pci'], vsvLevel: 2 };
const eyeClinic: QualityProviderFacts = { type: 'zbc', specialisms: ['0301'], licences: [], vsvLevel: null };
const newProvider: QualityProviderFacts = { type: 'zbc', specialisms: [], licences: [], vsvLevel: null };

describe('applicability of the general conditions (Bijlage 1, applies_to)', () => {
  it('item 5 only for ZBCs, item 8 only with a TAVI licence, the lab item not for a ZBC', () => {
    expect(applicability('zbc-with-operating-room', eyeClinic).applies).toBe(true);
    expect(applicability('zbc-with-operating-room', hospital).applies).toBe(false);
    expect(applicability('tavi', hospital).applies).toBe(false);
    expect(applicability('tavi', { ...hospital, licences: ['wbmv-tavi'] }).applies).toBe(true);
    expect(applicability('laboratory', eyeClinic).applies).toBe(false);
    expect(applicability('laboratory', hospital).applies).toBe(true);
  });

  it('decides specialism rules from the specialisms, and asks when they are unknown', () => {
    expect(applicability('pci-icd', hospital).applies).toBe(true);
    expect(applicability('pci-icd', eyeClinic).applies).toBe(false);
    expect(applicability('pci-icd', newProvider).applies).toBe(true);
    expect(applicability('birth-care', eyeClinic).applies).toBe(false);
    expect(applicability('birth-care', { ...eyeClinic, vsvLevel: 1 }).applies).toBe(true);
    expect(applicability('diabetes-care', hospital).applies).toBe(true);
    // What the facts cannot tell is asked.
    expect(applicability('operative-care', eyeClinic).applies).toBe(true);
    expect(applicability('new-medical-interventions', hospital).applies).toBe(true);
  });
});

describe('questionnaireItems', () => {
  const items = questionnaireItems(policy, hospital);

  it('holds the 23 general conditions, the 13 purchasing specifications and a minimum-norm declaration per normed Bijlage 2 treatment', () => {
    expect(items.filter((i) => i.kind === 'general').map((i) => i.number)).toEqual(Array.from({ length: 23 }, (_, i) => i + 1));
    const specs = items.filter((i) => i.kind === 'specification');
    expect(specs).toHaveLength(13);
    // Bijlage 1: entry conditions 2, 9, 10, 12; the rest objectives.
    expect(specs.filter((s) => s.specification_type === 'instapvoorwaarde').map((s) => s.number)).toEqual([2, 9, 10, 12]);
    const norms = items.filter((i) => i.kind === 'minimum-norm');
    const withSource = policy.minimum_norms.treatments.filter((t) => t.norm_sources.length > 0);
    expect(norms).toHaveLength(withSource.length);
    expect(norms.some((n) => n.treatment_id === 'uveamelanoom')).toBe(false); // no norm source: nothing to declare
    const pci = norms.find((n) => n.treatment_id === 'pci')!;
    expect(pci.text).toContain('NVVC');
    expect(items.find((i) => i.key === 'general:15')!.text).toContain('a. implantologie');
  });

  it('marks item 5 (ZBC with OK) as not applying to a hospital', () => {
    expect(items.find((i) => i.key === 'general:5')).toMatchObject({ applies: false });
    expect(questionnaireItems(policy, eyeClinic).find((i) => i.key === 'general:5')).toMatchObject({ applies: true });
  });
});

describe('checkAnswers', () => {
  const items = questionnaireItems(policy, hospital);

  it('accepts known answers and trims the explanation', () => {
    const checked = expectOk(checkAnswers(items, [
      { kind: 'specification', number: 2, answer: 'no', explanation: '  LESA-formulier volgt in 2018.  ' },
      { kind: 'general', number: 5, answer: 'not-applicable', explanation: 'Wij zijn geen ZBC.' },
    ]));
    expect(checked).toEqual([
      { kind: 'specification', number: 2, answer: 'no', explanation: 'LESA-formulier volgt in 2018.' },
      { kind: 'general', number: 5, answer: 'not-applicable', explanation: 'Wij zijn geen ZBC.' },
    ]);
  });

  it('names the path of every wrong answer', () => {
    const result = checkAnswers(items, [
      { kind: 'general', number: 24, answer: 'yes' },
      { kind: 'specification', number: 1, answer: 'misschien' },
      { kind: 'general', number: 5, answer: 'yes' },
      { kind: 'general', number: 1, answer: 'not-applicable' },
      { kind: 'quality', number: 1, answer: 'yes' },
      { kind: 'general', number: 2, answer: 'yes' },
      { kind: 'general', number: 2, answer: 'no' },
    ]);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('invalid_input');
      expect(result.error.issues?.map((i) => i.path)).toEqual(['answers.0.number', 'answers.1.answer', 'answers.2.answer', 'answers.3.explanation', 'answers.4.kind', 'answers.6']);
    }
    expect(checkAnswers(items, []).ok).toBe(false);
  });
});

describe('agreementTerm and the improvement agreement (Bijlage 1: instapvoorwaarde)', () => {
  it('ends the term on 31 December of the last contract year of the agreement', () => {
    expect(agreementTerm(policy, 2018, { years: 3, agreement_type_id: 'transitie-3' }).end).toBe('2020-12-31');
    expect(agreementTerm(policy, 2018, { years: 1, agreement_type_id: 'plafond-1' }).end).toBe('2018-12-31');
  });

  it('without an agreement: the named parameter when the policy has it, else the contract year', () => {
    const none = { years: 0, agreement_type_id: 'geen' };
    expect(agreementTerm(policy, 2018, none)).toMatchObject({ end: '2018-12-31', reason: { rule: 'quality.term.contract-year' } });
    const withDefault: MszPolicy = {
      ...policy,
      parameters: [...policy.parameters, { id: 'improvement_agreement_default_term_end', type: 'date', value: '2019-06-30', unit: 'date', description: 'test', source: 'test' } as PolicyParameter],
    };
    expect(agreementTerm(withDefault, 2018, none)).toMatchObject({ end: '2019-06-30', reason: { rule: 'quality.term.parameter' } });
  });

  it('an entry condition answered "no" gets an agreement due inside the term; an objective or "yes" gets none', () => {
    const term = agreementTerm(policy, 2018, { years: 2, agreement_type_id: 'plafond-2-regulier' });
    const plan = expectOk(improvementAgreementFor(policy, 2, 'no', term));
    expect(plan).toMatchObject({ specification_number: 2, due_date: '2019-12-31', reason: { rule: 'quality.entry-condition.improvement-agreement' } });
    expect(plan!.due_date >= '2018-01-01' && plan!.due_date <= term.end).toBe(true);
    expect(expectOk(improvementAgreementFor(policy, 2, 'yes', term))).toBeNull();
    expect(expectOk(improvementAgreementFor(policy, 2, 'not-applicable', term))).toBeNull();
    expect(expectOk(improvementAgreementFor(policy, 1, 'no', term))).toBeNull(); // a doelstelling is recorded only
    expect(improvementAgreementFor(policy, 14, 'no', term).ok).toBe(false);
  });

  it('every entry condition answered "no" is due inside the term, whatever the agreement length', () => {
    for (const years of [0, 1, 2, 3]) {
      const term = agreementTerm(policy, 2018, { years, agreement_type_id: 'x' });
      for (const spec of policy.quality.purchasing_specifications.questions) {
        const plan = expectOk(improvementAgreementFor(policy, spec.number, 'no', term));
        if (spec.type === 'doelstelling') expect(plan).toBeNull();
        else expect(plan!.due_date >= '2018-01-01' && plan!.due_date <= term.end).toBe(true);
      }
    }
  });
});

describe('summarise', () => {
  it('counts open items and lists the unmet conditions and objectives', () => {
    const items = questionnaireItems(policy, hospital);
    const summary = summarise(items, [
      { kind: 'general', number: 1, answer: 'no' },
      { kind: 'specification', number: 2, answer: 'no' },
      { kind: 'specification', number: 1, answer: 'yes' },
      { kind: 'specification', number: 3, answer: 'no' },
    ]);
    expect(summary).toMatchObject({ answered: 4, general_not_met: [1], entry_conditions_not_met: [2], objectives_met: [1], objectives_not_met: [3] });
    expect(summary.open).not.toContain('general:1');
    expect(summary.open).not.toContain('general:5'); // does not apply to a hospital
    expect(summary.open.length).toBe(summary.applicable - 4);
  });
});
