/**
 * Whether a treatment in oral and maxillofacial surgery (kaakchirurgie) needs the insurer's prior
 * authorisation (MSZ Bijlage 1 art. 6 items 13-19), from the policy data:
 *
 * - item 13: up to and including `prior_auth_age_limit_inclusive` years on the treatment date
 *   (decision `prior-auth-age-reference`) authorisation-free, except the kinds in `minors.except`;
 * - item 14: care under Zvw art. 2.7 lid 5 sub a is authorisation-free unless the article lists it;
 * - item 15: adults need authorisation for the listed kinds (`adult_requires_authorisation`);
 * - item 16: extractions under anaesthesia only on serious medical grounds; the kinds named in
 *   `extraction_under_anaesthesia.authorisation_free` are free, other extractions under anaesthesia
 *   of adults need authorisation (decision `prior-auth-extraction-under-anaesthesia`);
 * - items 17-18: some treatments are covered only when another entitlement holds; not holding means
 *   no entitlement, not known means doubt (decision `prior-auth-coverage-dependencies`);
 * - item 19: in doubt, the provider requests authorisation anyway.
 *
 * The treatment kinds are the policy's lists plus three structural kinds the article describes
 * without an id (other extraction under anaesthesia, and other oral surgery under item 14). Pure.
 */
import { fail, ok, type FieldIssue, type Result } from '../errors.js';
import type { Reason } from '../explain.js';
import { isLocalDate, type LocalDate } from '../calendar/working-days.js';
import { parameterValue, type MszPolicy } from '../policy/index.js';

export type KindCategory = 'listed' | 'coverage-dependency' | 'extraction-under-anaesthesia' | 'extraction-free' | 'zvw-2-7-5a';
export type CoverageCondition = MszPolicy['prior_authorisation']['coverage_dependencies'][number]['covered_only_if'];

export interface TreatmentKind {
  id: string;
  /** Dutch, from the policy text. */
  title: string;
  category: KindCategory;
  source: string;
  /** Item 15 letter for the listed kinds. */
  letter: string | null;
  /** For coverage dependencies: the entitlement the coverage rests on. */
  covered_only_if: CoverageCondition | null;
  /** Listed kinds that need authorisation for minors too (item 13 "met uitzondering van"). */
  minors_excepted: boolean;
}

/** Id of the structural kind "other extraction under anaesthesia" (item 16). */
export const EXTRACTION_UNDER_ANAESTHESIA = 'extractie-onder-narcose';
/** Id of the structural kind "other oral surgery" under Zvw 2.7.5a (item 14). */
export const OTHER_ORAL_SURGERY = 'overige-kaakchirurgie';

/** `Totaalextractie van het melkgebit bij de jeugd` → `totaalextractie-van-het-melkgebit-bij-de-jeugd`. */
export function kindSlug(title: string): string {
  return title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Every treatment kind the policy's article knows, in the order of the article. */
export function treatmentKinds(policy: MszPolicy): TreatmentKind[] {
  const auth = policy.prior_authorisation;
  const except = new Set(auth.minors.except);
  const kinds: TreatmentKind[] = auth.adult_requires_authorisation.map((a) => ({
    id: a.id,
    title: a.title,
    category: 'listed',
    source: a.source,
    letter: a.letter,
    covered_only_if: null,
    minors_excepted: except.has(a.id),
  }));
  kinds.push({
    id: EXTRACTION_UNDER_ANAESTHESIA,
    title: 'Extracties onder narcose (op zwaarwegende medische gronden)',
    category: 'extraction-under-anaesthesia',
    source: auth.extraction_under_anaesthesia.source,
    letter: null,
    covered_only_if: null,
    minors_excepted: false,
  });
  for (const title of auth.extraction_under_anaesthesia.authorisation_free) {
    kinds.push({ id: kindSlug(title), title, category: 'extraction-free', source: auth.extraction_under_anaesthesia.source, letter: null, covered_only_if: null, minors_excepted: false });
  }
  for (const d of auth.coverage_dependencies) {
    kinds.push({ id: d.id, title: d.treatment, category: 'coverage-dependency', source: d.source, letter: null, covered_only_if: d.covered_only_if, minors_excepted: false });
  }
  kinds.push({
    id: OTHER_ORAL_SURGERY,
    title: 'Overige kaakchirurgie (Zvw art. 2.7 lid 5 sub a)',
    category: 'zvw-2-7-5a',
    source: auth.zvw_2_7_5_a.source,
    letter: null,
    covered_only_if: null,
    minors_excepted: false,
  });
  return kinds;
}

export interface RequirementInput {
  birthDate: string;
  treatmentDate: string;
  treatmentKind: string;
  /** The provider doubts whether the treatment is covered (item 19). */
  inDoubt?: boolean;
  /** Item 17: the implants the treatment belongs to are covered. Unknown when absent. */
  implantsCovered?: boolean | null;
  /** Item 18: the orthodontics is part of special dentistry (bijzondere tandheelkunde). Unknown when absent. */
  orthodonticsSpecialDentistry?: boolean | null;
  /** Item 16: there are serious medical grounds for the extraction under anaesthesia. Unknown when absent. */
  seriousMedicalGrounds?: boolean | null;
}

/** `required`: ask for authorisation; `not-required`: treat without; `in-doubt`: ask anyway (item 19). */
export type RequirementOutcome = 'required' | 'not-required' | 'in-doubt';

export interface Requirement {
  policy_id: string;
  treatment_kind: string;
  treatment_title: string;
  birth_date: LocalDate;
  treatment_date: LocalDate;
  /** Full years on the treatment date. */
  age: number;
  age_limit_inclusive: number;
  minor: boolean;
  outcome: RequirementOutcome;
  /** Whether the provider should submit a request: the outcome is required or in doubt. */
  request: boolean;
  /** Whether the treatment is covered under the Zvw as far as the article says: null when it does not say. */
  covered: boolean | null;
  /** Dutch summary. */
  message: string;
  reasons: Reason[];
}

/** An existing calendar day `YYYY-MM-DD` from 1900 on (birth dates reach further back than the working-day calendar). */
export function isCalendarDate(value: unknown): value is LocalDate {
  if (typeof value !== 'string') return false;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return y >= 1900 && date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Full years from `birth` to `on` (a 29 February birthday counts from 1 March in other years). */
export function ageOn(birth: LocalDate, on: LocalDate): number {
  const [by, bm, bd] = birth.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  const hadBirthday = m > bm || (m === bm && d >= bd);
  return y - by - (hadBirthday ? 0 : 1);
}

const CONDITION_TEXT: Record<CoverageCondition, { fact: keyof RequirementInput; text: string }> = {
  'implants-covered': { fact: 'implantsCovered', text: 'de bijbehorende implantaten onder de Zorgverzekeringswet vallen' },
  'orthodontics-special-dentistry': { fact: 'orthodonticsSpecialDentistry', text: 'er sprake is van orthodontie in het kader van de bijzondere tandheelkunde' },
};

const yesNoUnknown = (value: boolean | null | undefined): string => (value === true ? 'ja' : value === false ? 'nee' : 'onbekend');

/** Checks the three facts every requirement needs; the issues name the fields `birth_date`, `treatment_date`, `treatment_kind`. */
export function requirementInputIssues(policy: MszPolicy, input: Pick<RequirementInput, 'birthDate' | 'treatmentDate' | 'treatmentKind'>): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const birthOk = isCalendarDate(input.birthDate);
  const treatmentOk = isCalendarDate(input.treatmentDate) && isLocalDate(input.treatmentDate);
  if (!birthOk) issues.push({ field: 'birth_date', message: 'Geboortedatum ontbreekt of is geen bestaande datum (JJJJ-MM-DD).' });
  if (!treatmentOk) issues.push({ field: 'treatment_date', message: 'Behandeldatum ontbreekt of is geen bestaande datum (JJJJ-MM-DD).' });
  if (birthOk && treatmentOk && input.treatmentDate < input.birthDate) issues.push({ field: 'treatment_date', message: 'De behandeldatum ligt vóór de geboortedatum.' });
  const kinds = treatmentKinds(policy);
  if (!kinds.some((k) => k.id === input.treatmentKind)) {
    issues.push({ field: 'treatment_kind', message: `Onbekende soort behandeling '${String(input.treatmentKind ?? '')}'. Kies uit: ${kinds.map((k) => k.id).join(', ')}.` });
  }
  return issues;
}

/** Decides whether authorisation is needed, with a Reason per rule that applied. */
export function authorisationRequirement(policy: MszPolicy, input: RequirementInput): Result<Requirement> {
  const issues = requirementInputIssues(policy, input);
  if (issues.length > 0) return fail('invalid_input', 'De gegevens voor de machtigingstoets zijn niet volledig of niet juist.', issues);
  const auth = policy.prior_authorisation;
  const limit = parameterValue(policy, auth.minors.max_age_inclusive_parameter, 'integer');
  if (!limit.ok) return limit;
  const kind = treatmentKinds(policy).find((k) => k.id === input.treatmentKind)!;
  const age = ageOn(input.birthDate, input.treatmentDate);
  const minor = age <= limit.value;
  const reasons: Reason[] = [];
  const kindInputs = { treatment_kind: kind.id };

  reasons.push({
    rule: 'authorisation.age',
    source: auth.minors.source,
    inputs: { birth_date: input.birthDate, treatment_date: input.treatmentDate, age, age_limit_inclusive: limit.value, decision: auth.minors.decision ?? null },
    message: `Leeftijd op de behandeldatum: ${age} jaar; tot en met ${limit.value} jaar is kaakchirurgie machtigingsvrij${auth.minors.except.length > 0 ? `, behalve ${auth.minors.except.join(', ')}` : ''}.`,
  });

  let outcome: RequirementOutcome;
  let covered: boolean | null = null;
  const minorFree = minor && auth.minors.authorisation_free && !kind.minors_excepted;
  const freeAsMinor = (): RequirementOutcome => {
    reasons.push({ rule: 'authorisation.minor-free', source: auth.minors.source, inputs: { ...kindInputs, age, age_limit_inclusive: limit.value }, message: `Machtigingsvrij: de patiënt is op de behandeldatum ${age} jaar (tot en met ${limit.value} jaar).` });
    return 'not-required';
  };
  const ordinary = (): RequirementOutcome => {
    if (minorFree) return freeAsMinor();
    if (auth.zvw_2_7_5_a.authorisation_free) {
      reasons.push({ rule: 'authorisation.zvw-2-7-5a-free', source: auth.zvw_2_7_5_a.source, inputs: kindInputs, message: 'Machtigingsvrij: hulp onder Zvw art. 2.7 lid 5 sub a die artikel 6 niet als machtigingsplichtig noemt.' });
      return 'not-required';
    }
    reasons.push({ rule: 'authorisation.zvw-2-7-5a-required', source: auth.zvw_2_7_5_a.source, inputs: kindInputs, message: 'Machtiging nodig: volgens het beleid is ook hulp onder Zvw art. 2.7 lid 5 sub a machtigingsplichtig.' });
    return 'required';
  };

  switch (kind.category) {
    case 'listed': {
      if (minorFree) {
        outcome = freeAsMinor();
      } else if (minor && kind.minors_excepted) {
        reasons.push({ rule: 'authorisation.minor-exception', source: `${auth.minors.source}; ${kind.source}`, inputs: { ...kindInputs, age }, message: `Machtiging nodig: ${kind.title.toLowerCase()} is ook tot en met ${limit.value} jaar machtigingsplichtig.` });
        outcome = 'required';
      } else {
        reasons.push({ rule: 'authorisation.adult-listed', source: kind.source, inputs: { ...kindInputs, age, letter: kind.letter }, message: `Machtiging nodig: voor volwassenen is vooraf toestemming vereist voor ${kind.title.toLowerCase()} (onderdeel ${kind.letter}).` });
        outcome = 'required';
      }
      break;
    }
    case 'coverage-dependency': {
      const condition = CONDITION_TEXT[kind.covered_only_if!];
      const fact = input[condition.fact] as boolean | null | undefined;
      if (fact === false) {
        covered = false;
        reasons.push({ rule: 'authorisation.not-covered', source: kind.source, inputs: { ...kindInputs, [kind.covered_only_if!]: 'nee', decision: 'prior-auth-coverage-dependencies' }, message: `Geen aanspraak op grond van de Zorgverzekeringswet: ${kind.title.toLowerCase()} valt er alleen onder als ${condition.text}. Een machtiging verandert dat niet.` });
        outcome = 'not-required';
      } else if (fact === true) {
        covered = true;
        reasons.push({ rule: 'authorisation.coverage-met', source: kind.source, inputs: { ...kindInputs, [kind.covered_only_if!]: 'ja', decision: 'prior-auth-coverage-dependencies' }, message: `Aanspraak mogelijk: ${condition.text}.` });
        outcome = ordinary();
      } else {
        reasons.push({ rule: 'authorisation.coverage-unknown', source: `${kind.source}; ${auth.in_doubt.source}`, inputs: { ...kindInputs, [kind.covered_only_if!]: 'onbekend', decision: 'prior-auth-coverage-dependencies' }, message: `Twijfel over de aanspraak: ${kind.title.toLowerCase()} valt alleen onder de Zorgverzekeringswet als ${condition.text}. Vraag een machtiging aan.` });
        outcome = 'in-doubt';
      }
      break;
    }
    case 'extraction-under-anaesthesia': {
      const grounds = input.seriousMedicalGrounds;
      if (grounds === false) {
        covered = false;
        reasons.push({ rule: 'authorisation.extraction-no-grounds', source: kind.source, inputs: { ...kindInputs, serious_medical_grounds: 'nee', decision: 'prior-auth-extraction-under-anaesthesia' }, message: 'Extracties onder narcose mogen alleen plaatsvinden op zwaarwegende medische gronden; zonder die gronden is er geen aanspraak.' });
        outcome = 'not-required';
      } else if (minorFree) {
        outcome = freeAsMinor();
      } else {
        reasons.push({ rule: 'authorisation.extraction-under-anaesthesia', source: kind.source, inputs: { ...kindInputs, serious_medical_grounds: yesNoUnknown(grounds), age, decision: 'prior-auth-extraction-under-anaesthesia' }, message: 'Machtiging nodig: extracties onder narcose alleen op zwaarwegende medische gronden; alleen de totaalextractie van het melkgebit bij de jeugd is machtigingsvrij.' });
        outcome = 'required';
      }
      break;
    }
    case 'extraction-free': {
      reasons.push({ rule: 'authorisation.extraction-free', source: kind.source, inputs: kindInputs, message: `Machtigingsvrij: ${kind.title.toLowerCase()}.` });
      outcome = 'not-required';
      break;
    }
    case 'zvw-2-7-5a': {
      outcome = ordinary();
      break;
    }
  }

  if (outcome === 'not-required' && input.inDoubt === true) {
    reasons.push({ rule: 'authorisation.in-doubt', source: auth.in_doubt.source, inputs: { ...kindInputs, in_doubt: true }, message: 'U twijfelt of de behandeling onder de Zorgverzekeringswet valt: vraag dan een machtiging aan.' });
    outcome = 'in-doubt';
  }

  const message =
    outcome === 'required'
      ? `Machtiging nodig voor ${kind.title.toLowerCase()}.`
      : outcome === 'in-doubt'
        ? `Bij twijfel een machtiging aanvragen (${auth.in_doubt.source}).`
        : covered === false
          ? 'Geen machtiging nodig, maar de behandeling valt niet onder de Zorgverzekeringswet.'
          : 'Machtigingsvrij: u kunt behandelen zonder voorafgaande machtiging.';
  return ok({
    policy_id: policy.id,
    treatment_kind: kind.id,
    treatment_title: kind.title,
    birth_date: input.birthDate,
    treatment_date: input.treatmentDate,
    age,
    age_limit_inclusive: limit.value,
    minor,
    outcome,
    request: outcome !== 'not-required',
    covered,
    message,
    reasons,
  });
}
