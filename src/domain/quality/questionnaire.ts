/**
 * The quality questionnaire of a provider for a contract year (MSZ §2, Bijlage 1, 2):
 *
 * - **general**: the general quality conditions, Bijlage 1 items 1-23, asked where they apply to
 *   the provider (`applies_to` hints, see `applicability`);
 * - **specification**: the 13 purchasing specifications, each an *instapvoorwaarde* (must hold on
 *   `entry_condition_reference_date`, else an improvement agreement within the agreement term) or a
 *   *doelstelling* (asked and recorded; may become an entry condition later);
 * - **minimum-norm**: a declaration per Bijlage 2 treatment that has a norm source ("meets the
 *   minimum-volume norm of NVVH/SONCOS/NVU/NVRO/NVVC"), numbered by the treatment's row in the
 *   policy's list. Bijlage 1 asks nothing per treatment, yet selection for minimum-norm care
 *   (MSZ §2) needs the provider's word per treatment; see `selection.ts`.
 *
 * Answers are `yes`, `no` or `not-applicable` (the last with an explanation). Pure: the facts, the
 * answers and the agreement term come in, items, checks and consequences go out.
 */
import { fail, ok, type FieldIssue, type Result } from '../errors.js';
import type { MszPolicy } from '../policy/index.js';

export const ITEM_KINDS = ['general', 'specification', 'minimum-norm'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];
export const ANSWERS = ['yes', 'no', 'not-applicable'] as const;
export type Answer = (typeof ANSWERS)[number];

export const EXPLANATION_MAX = 2000;

/** What the questionnaire needs to know about the provider to decide which general conditions apply. */
export interface QualityProviderFacts {
  type: 'ziekenhuis' | 'umc' | 'zbc' | 'categoraal';
  /** Vektis specialism codes; empty = unknown (a new provider), and then specialism rules apply. */
  specialisms: readonly string[];
  licences: readonly string[];
  vsvLevel: number | null;
}

export interface Applicability {
  applies: boolean;
  reason: string;
}

const CARDIOLOGY = '0320';
const INTERNAL_MEDICINE = '0313';
const PAEDIATRICS = '0316';
const GYNAECOLOGY = '0307';

const has = (list: readonly string[], ...values: string[]) => values.some((v) => list.includes(v));
/** A specialism rule: applies when the specialisms are unknown or include one of `codes`. */
const bySpecialism = (facts: QualityProviderFacts, codes: string[], label: string): Applicability =>
  facts.specialisms.length === 0
    ? { applies: true, reason: `Uw specialismen zijn (nog) niet bekend; geldt als u ${label} levert.` }
    : has(facts.specialisms, ...codes)
      ? { applies: true, reason: `U levert ${label}.` }
      : { applies: false, reason: `Geldt alleen voor aanbieders die ${label} leveren.` };

const ASK: Applicability = { applies: true, reason: "Niet af te leiden uit uw gegevens; geldt het niet, antwoord dan 'niet van toepassing' met een toelichting." };

/**
 * Whether a general condition applies to the provider, from its `applies_to` hint. Deliberately
 * simple (decision recorded in the report of this module): a hint is decided only from the recorded
 * provider facts (type, specialisms, licences, VSV level); what those facts cannot tell (an
 * operating room, new interventions, small locations) is asked, and the provider answers
 * "not-applicable" with an explanation where it does not apply.
 *
 * | hint | applies when |
 * |---|---|
 * | `all` | always |
 * | `zbc-with-operating-room` | type `zbc` (whether it has an OK is asked) |
 * | `pci-icd` | licence `wbmv-pci`/`wbmv-icd`, or cardiology (0320) |
 * | `tavi` | licence `wbmv-tavi` |
 * | `rt-cgm`, `diabetes-care` | internal medicine (0313) or paediatrics (0316) |
 * | `laboratory` | not a `zbc` (a hospital or categorical laboratory) |
 * | `birth-care` | gynaecology (0307) or a VSV level |
 * | anything else | asked (see above) |
 */
export function applicability(hint: string, facts: QualityProviderFacts): Applicability {
  switch (hint) {
    case 'all':
      return { applies: true, reason: 'Geldt voor elke aanbieder.' };
    case 'zbc-with-operating-room':
      return facts.type === 'zbc'
        ? { applies: true, reason: "U bent een zelfstandig behandelcentrum; heeft u geen OK, antwoord dan 'niet van toepassing'." }
        : { applies: false, reason: "Geldt alleen voor zelfstandige behandelcentra (ZBC's) met OK." };
    case 'pci-icd':
      if (has(facts.licences, 'wbmv-pci', 'wbmv-icd')) return { applies: true, reason: "U heeft een WBMV-vergunning voor PCI's of ICD's." };
      return bySpecialism(facts, [CARDIOLOGY], 'cardiologie');
    case 'tavi':
      return has(facts.licences, 'wbmv-tavi')
        ? { applies: true, reason: 'U heeft een WBMV-vergunning voor TAVI.' }
        : { applies: false, reason: 'Geldt alleen voor aanbieders met een WBMV-vergunning voor TAVI.' };
    case 'rt-cgm':
    case 'diabetes-care':
      return bySpecialism(facts, [INTERNAL_MEDICINE, PAEDIATRICS], 'diabeteszorg (interne geneeskunde of kindergeneeskunde)');
    case 'laboratory':
      return facts.type === 'zbc'
        ? { applies: false, reason: 'Geldt voor een (ziekenhuis)laboratorium; een zelfstandig behandelcentrum heeft er geen.' }
        : { applies: true, reason: "Geldt voor uw (ziekenhuis)laboratorium; heeft u er geen, antwoord dan 'niet van toepassing'." };
    case 'birth-care':
      if (facts.vsvLevel !== null) return { applies: true, reason: `U maakt deel uit van een VSV (niveau ${facts.vsvLevel}).` };
      return bySpecialism(facts, [GYNAECOLOGY], 'geboortezorg (obstetrie en gynaecologie)');
    default:
      return ASK;
  }
}

export interface QuestionnaireItem {
  kind: ItemKind;
  number: number;
  /** `general:7`, `specification:2`, `minimum-norm:38`. */
  key: string;
  text: string;
  source: string;
  applies: boolean;
  applies_reason: string;
  /** Bijlage 1 article of a general condition. */
  article: string | null;
  /** Type and topic of a purchasing specification. */
  specification_type: 'instapvoorwaarde' | 'doelstelling' | null;
  topic: string | null;
  /** The Bijlage 2 treatment of a minimum-norm declaration, with the names of its norm sources. */
  treatment_id: string | null;
  norm_sources: string[];
}

export const itemKey = (kind: ItemKind, number: number): string => `${kind}:${number}`;

/** The minimum-norm rows that are asked: treatments with at least one norm source, numbered by their row. */
export function minimumNormItems(policy: MszPolicy): { number: number; treatment: MszPolicy['minimum_norms']['treatments'][number] }[] {
  return policy.minimum_norms.treatments.map((treatment, i) => ({ number: i + 1, treatment })).filter((row) => row.treatment.norm_sources.length > 0);
}

/** Every item of the questionnaire, in the order of the policy, with whether it applies to this provider. */
export function questionnaireItems(policy: MszPolicy, facts: QualityProviderFacts): QuestionnaireItem[] {
  const base = { article: null, specification_type: null, topic: null, treatment_id: null, norm_sources: [] as string[] };
  const sourceNames = new Map(policy.minimum_norms.norm_sources.map((s) => [s.id, s.name]));
  const general = policy.quality.general_conditions.items.map((item): QuestionnaireItem => {
    const sub = item.sub_items?.map((s) => `${s.letter}. ${s.text}`).join(' ') ?? '';
    const a = applicability(item.applies_to, facts);
    return { ...base, kind: 'general', number: item.number, key: itemKey('general', item.number), text: sub ? `${item.text} ${sub}` : item.text, source: item.source, applies: a.applies, applies_reason: a.reason, article: item.article };
  });
  const specifications = policy.quality.purchasing_specifications.questions.map((q): QuestionnaireItem => ({
    ...base,
    kind: 'specification',
    number: q.number,
    key: itemKey('specification', q.number),
    text: q.question,
    source: q.source,
    applies: true,
    applies_reason: q.type === 'instapvoorwaarde' ? 'Instapvoorwaarde: geldt voor elke aanbieder.' : 'Doelstelling: wij vragen elke aanbieder ernaar.',
    specification_type: q.type,
    topic: q.topic,
  }));
  const norms = minimumNormItems(policy).map(({ number, treatment }): QuestionnaireItem => {
    const names = treatment.norm_sources.map((id) => sourceNames.get(id) ?? id);
    return {
      ...base,
      kind: 'minimum-norm',
      number,
      key: itemKey('minimum-norm', number),
      text: `U voldoet aan de minimumnormen van ${names.join(' en ')} voor ${treatment.treatment}.`,
      source: treatment.source,
      applies: true,
      applies_reason: "Levert u deze behandeling niet, antwoord dan 'niet van toepassing'.",
      treatment_id: treatment.id,
      norm_sources: names,
    };
  });
  return [...general, ...specifications, ...norms];
}

// ---- answers ------------------------------------------------------------------------------------

export interface AnswerInput {
  kind: string;
  number: number;
  answer: string;
  explanation?: string | null;
}

export interface CheckedAnswer {
  kind: ItemKind;
  number: number;
  answer: Answer;
  explanation: string | null;
}

/**
 * Checks a batch of answers against the items: a known, applying item, once per batch, a known
 * answer, an explanation for "not-applicable" and at most 2000 characters. For an item that does
 * not apply to the provider only "not-applicable" is accepted. Every problem names its path.
 */
export function checkAnswers(items: readonly QuestionnaireItem[], answers: readonly AnswerInput[]): Result<CheckedAnswer[]> {
  const byKey = new Map(items.map((i) => [i.key, i]));
  const seen = new Set<string>();
  const issues: FieldIssue[] = [];
  const checked: CheckedAnswer[] = [];
  answers.forEach((a, index) => {
    const path = `answers.${index}`;
    if (!(ITEM_KINDS as readonly string[]).includes(a.kind)) return issues.push({ path: `${path}.kind`, message: `Onbekende soort '${a.kind}'; kies ${ITEM_KINDS.join(', ')}.` });
    const kind = a.kind as ItemKind;
    const key = itemKey(kind, a.number);
    const item = byKey.get(key);
    if (!item) return issues.push({ path: `${path}.number`, message: `Vraag ${key} bestaat niet in deze vragenlijst.` });
    if (seen.has(key)) return issues.push({ path, message: `Vraag ${key} staat meer dan eens in het antwoord.` });
    seen.add(key);
    if (!(ANSWERS as readonly string[]).includes(a.answer)) return issues.push({ path: `${path}.answer`, message: `Antwoord '${a.answer}' is onbekend; kies ${ANSWERS.join(', ')}.` });
    const answer = a.answer as Answer;
    const explanation = a.explanation?.trim() ? a.explanation.trim() : null;
    if (explanation && explanation.length > EXPLANATION_MAX) return issues.push({ path: `${path}.explanation`, message: `Toelichting hoogstens ${EXPLANATION_MAX} tekens.` });
    if (!item.applies && answer !== 'not-applicable') return issues.push({ path: `${path}.answer`, message: `Vraag ${key} geldt niet voor u (${item.applies_reason}); alleen 'not-applicable' is mogelijk.` });
    if (answer === 'not-applicable' && !explanation) return issues.push({ path: `${path}.explanation`, message: `Licht toe waarom vraag ${key} niet van toepassing is.` });
    checked.push({ kind, number: a.number, answer, explanation });
  });
  if (issues.length > 0) return fail('invalid_input', `${issues.length} antwoord(en) van de vragenlijst kloppen niet.`, issues);
  if (checked.length === 0) return fail('invalid_input', 'Geef minstens één antwoord.', [{ path: 'answers', message: 'Leeg.' }]);
  return ok(checked);
}

// ---- summary --------------------------------------------------------------------------------------

export interface StoredAnswer {
  kind: ItemKind;
  number: number;
  answer: Answer;
}

export interface QuestionnaireSummary {
  items: number;
  applicable: number;
  answered: number;
  /** Applicable items without an answer, by key. */
  open: string[];
  /** General conditions that apply and are answered "no". */
  general_not_met: number[];
  entry_conditions_not_met: number[];
  objectives_met: number[];
  objectives_not_met: number[];
}

export function summarise(items: readonly QuestionnaireItem[], answers: readonly StoredAnswer[]): QuestionnaireSummary {
  const byKey = new Map(answers.map((a) => [itemKey(a.kind, a.number), a.answer]));
  const applicable = items.filter((i) => i.applies);
  const answerOf = (i: QuestionnaireItem) => byKey.get(i.key);
  const specs = (type: 'instapvoorwaarde' | 'doelstelling', answer: Answer) => items.filter((i) => i.specification_type === type && answerOf(i) === answer).map((i) => i.number);
  return {
    items: items.length,
    applicable: applicable.length,
    answered: items.filter((i) => byKey.has(i.key)).length,
    open: applicable.filter((i) => !byKey.has(i.key)).map((i) => i.key),
    general_not_met: applicable.filter((i) => i.kind === 'general' && answerOf(i) === 'no').map((i) => i.number),
    entry_conditions_not_met: specs('instapvoorwaarde', 'no'),
    objectives_met: specs('doelstelling', 'yes'),
    objectives_not_met: specs('doelstelling', 'no'),
  };
}
