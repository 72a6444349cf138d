/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import mszYaml from '../../../policies/msz-2018.yaml?raw';
import { expectOk } from '../errors.js';
import { parsePolicy, type MszPolicy } from '../policy/index.js';
import { ageOn, authorisationRequirement, EXTRACTION_UNDER_ANAESTHESIA, kindSlug, OTHER_ORAL_SURGERY, treatmentKinds, type RequirementInput } from './requirement.js';

function loadMsz(): MszPolicy {
  const policy = expectOk(parsePolicy(parse(mszYaml), 'policies/msz-2018.yaml'));
  if (policy.kind !== 'msz') throw new Error('verwacht een MSZ-beleid');
  return policy;
}
const policy = loadMsz();
const TOTAL_EXTRACTION = kindSlug('Totaalextractie van het melkgebit bij de jeugd');

/** Born 2000-06-15: 18 on 2018-06-15 (still authorisation-free), 19 on 2019-06-15. */
const MINOR_18 = { birthDate: '2000-06-15', treatmentDate: '2019-06-14' };
const ADULT_19 = { birthDate: '2000-06-15', treatmentDate: '2019-06-15' };

describe('ageOn', () => {
  it.each([
    ['2000-06-15', '2018-06-14', 17],
    ['2000-06-15', '2018-06-15', 18],
    ['2000-06-15', '2019-06-14', 18],
    ['2000-06-15', '2019-06-15', 19],
    ['2000-02-29', '2019-02-28', 18],
    ['2000-02-29', '2019-03-01', 19],
    ['2000-02-29', '2020-02-29', 20],
  ])('born %s, on %s: %d', (birth, on, age) => expect(ageOn(birth, on)).toBe(age));
});

describe('treatmentKinds come from the policy data', () => {
  it('lists the item 15 kinds, the extraction kinds, the coverage dependencies and other oral surgery', () => {
    const kinds = treatmentKinds(policy);
    expect(kinds.map((k) => k.id)).toEqual([
      ...policy.prior_authorisation.adult_requires_authorisation.map((a) => a.id),
      EXTRACTION_UNDER_ANAESTHESIA,
      TOTAL_EXTRACTION,
      ...policy.prior_authorisation.coverage_dependencies.map((d) => d.id),
      OTHER_ORAL_SURGERY,
    ]);
    expect(kinds.find((k) => k.id === 'implantologie')).toMatchObject({ category: 'listed', letter: 'a', minors_excepted: true, source: 'MSZ Bijlage 1 art. 6 item 15a' });
    expect(kinds.find((k) => k.id === 'botankers')).toMatchObject({ category: 'coverage-dependency', covered_only_if: 'orthodontics-special-dentistry' });
  });

  it('follows a change in the policy: a new listed kind needs authorisation for adults', () => {
    const changed: MszPolicy = structuredClone(policy);
    changed.prior_authorisation.adult_requires_authorisation.push({ id: 'orthognathe-chirurgie', letter: 'd', title: 'Orthognathe chirurgie', source: 'MSZ 20xx item 15e' });
    const result = expectOk(authorisationRequirement(changed, { ...ADULT_19, treatmentKind: 'orthognathe-chirurgie' }));
    expect(result).toMatchObject({ outcome: 'required', reasons: [{ rule: 'authorisation.age' }, { rule: 'authorisation.adult-listed', source: 'MSZ 20xx item 15e' }] });
    // And a changed age limit moves the boundary.
    const limit = changed.parameters.find((p) => p.id === 'prior_auth_age_limit_inclusive')!;
    limit.value = 17;
    expect(expectOk(authorisationRequirement(changed, { ...MINOR_18, treatmentKind: 'kinplastiek' })).outcome).toBe('required');
  });
});

describe('authorisationRequirement (MSZ Bijlage 1 art. 6 items 13-19)', () => {
  type Case = [string, RequirementInput, 'required' | 'not-required' | 'in-doubt', boolean | null, string];
  const cases: Case[] = [
    ['18 on the treatment date, kinplastiek: free (item 13)', { ...MINOR_18, treatmentKind: 'kinplastiek' }, 'not-required', null, 'authorisation.minor-free'],
    ['19 on the treatment date, kinplastiek: needed (item 15c)', { ...ADULT_19, treatmentKind: 'kinplastiek' }, 'required', null, 'authorisation.adult-listed'],
    ['18, implantologie: needed, the exception of item 13', { ...MINOR_18, treatmentKind: 'implantologie' }, 'required', null, 'authorisation.minor-exception'],
    ['adult, implantologie (item 15a)', { ...ADULT_19, treatmentKind: 'implantologie' }, 'required', null, 'authorisation.adult-listed'],
    ['adult, OSAS osteotomy (item 15b)', { ...ADULT_19, treatmentKind: 'osteotomie-osas' }, 'required', null, 'authorisation.adult-listed'],
    ['adult, cosmetic plastic surgery (item 15d)', { ...ADULT_19, treatmentKind: 'cosmetische-plastische-chirurgie' }, 'required', null, 'authorisation.adult-listed'],
    ['adult, other oral surgery under Zvw 2.7.5a: free (item 14)', { ...ADULT_19, treatmentKind: OTHER_ORAL_SURGERY }, 'not-required', null, 'authorisation.zvw-2-7-5a-free'],
    ['adult, other oral surgery, provider in doubt: request (item 19)', { ...ADULT_19, treatmentKind: OTHER_ORAL_SURGERY, inDoubt: true }, 'in-doubt', null, 'authorisation.in-doubt'],
    ['adult, extraction under anaesthesia: needed (item 16)', { ...ADULT_19, treatmentKind: EXTRACTION_UNDER_ANAESTHESIA, seriousMedicalGrounds: true }, 'required', null, 'authorisation.extraction-under-anaesthesia'],
    ['extraction under anaesthesia without serious grounds: not covered', { ...ADULT_19, treatmentKind: EXTRACTION_UNDER_ANAESTHESIA, seriousMedicalGrounds: false }, 'not-required', false, 'authorisation.extraction-no-grounds'],
    ['minor, extraction under anaesthesia: free (item 13)', { ...MINOR_18, treatmentKind: EXTRACTION_UNDER_ANAESTHESIA }, 'not-required', null, 'authorisation.minor-free'],
    ['total extraction of deciduous teeth: free (item 16)', { birthDate: '2012-01-01', treatmentDate: '2018-05-01', treatmentKind: TOTAL_EXTRACTION }, 'not-required', null, 'authorisation.extraction-free'],
    ['sinus floor, implants covered: ordinary rules, adult free under 2.7.5a', { ...ADULT_19, treatmentKind: 'bijholte-kaakverbreding', implantsCovered: true }, 'not-required', true, 'authorisation.zvw-2-7-5a-free'],
    ['sinus floor, implants not covered: no entitlement (item 17)', { ...ADULT_19, treatmentKind: 'bijholte-kaakverbreding', implantsCovered: false }, 'not-required', false, 'authorisation.not-covered'],
    ['sinus floor, not known whether implants are covered: in doubt (items 17, 19)', { ...ADULT_19, treatmentKind: 'bijholte-kaakverbreding' }, 'in-doubt', null, 'authorisation.coverage-unknown'],
    ['bone anchors, special dentistry unknown: in doubt (items 18, 19)', { ...MINOR_18, treatmentKind: 'botankers' }, 'in-doubt', null, 'authorisation.coverage-unknown'],
    ['bone anchors, special dentistry, minor: free', { ...MINOR_18, treatmentKind: 'botankers', orthodonticsSpecialDentistry: true }, 'not-required', true, 'authorisation.minor-free'],
  ];
  it.each(cases)('%s', (_name, input, outcome, covered, lastRule) => {
    const result = expectOk(authorisationRequirement(policy, input));
    expect(result.outcome).toBe(outcome);
    expect(result.request).toBe(outcome !== 'not-required');
    expect(result.covered).toBe(covered);
    expect(result.reasons[0]).toMatchObject({ rule: 'authorisation.age', source: 'MSZ Bijlage 1 art. 6 item 13', inputs: { decision: 'prior-auth-age-reference' } });
    expect(result.reasons.at(-1)?.rule).toBe(lastRule);
    for (const reason of result.reasons) expect(reason.source).toMatch(/^MSZ Bijlage 1 art\. 6 item \d+/);
  });

  it('says how old the patient is on the treatment date and what the limit is', () => {
    const result = expectOk(authorisationRequirement(policy, { ...MINOR_18, treatmentKind: 'kinplastiek' }));
    expect(result).toMatchObject({ age: 18, age_limit_inclusive: 18, minor: true, policy_id: 'msz-2018', treatment_title: 'Kinplastiek als zelfstandige verrichting' });
  });

  it('names the fields that are missing or wrong', () => {
    const result = authorisationRequirement(policy, { birthDate: '2018-02-30', treatmentDate: '', treatmentKind: 'kiezen-trekken' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid_input');
    expect(result.error.issues?.map((i) => i.field)).toEqual(['birth_date', 'treatment_date', 'treatment_kind']);
    expect(result.error.issues?.[2]?.message).toContain('implantologie');
    const before = authorisationRequirement(policy, { birthDate: '2018-05-01', treatmentDate: '2018-04-01', treatmentKind: 'kinplastiek' });
    expect(!before.ok && before.error.issues?.map((i) => i.field)).toEqual(['treatment_date']);
  });
});
