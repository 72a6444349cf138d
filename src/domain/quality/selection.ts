/**
 * Minimum-norm and selective-purchasing status of a provider (MSZ §2, Bijlage 1, 2, 3), from its
 * questionnaire answers and its licences and programmes. What `selectionStatus` returns is what the
 * provider is selected for, with the reason per Bijlage 2 treatment and per selective-purchasing
 * entry of the policy, plus the `minimum_norms` and `programmes` the provider record should hold;
 * the claim checks read those (`domain/claims/checks/selective.ts`: `minimumnorm:<treatment>`
 * needs the treatment in `minimum_norms`, `mr-clean` etc. in `programmes`).
 *
 * Per Bijlage 2 treatment:
 * 1. no norm source (Uveamelanoom): no norm, so not selective; every provider may deliver it;
 * 2. the provider's minimum-norm declaration decides; for PCI and ICD (NVVC) the white-list answer
 *    (Bijlage 1 item 7) and for THI the TAVI protocol (item 8) stand in when it gave none;
 * 3. "yes" still needs what the policy's `minimum_norms.prerequisites` name (decision
 *    `minimum-norm-prerequisites`): the WBMV licence (PCI, ICD, TAVI, radiotherapy) and, where it
 *    answered it, a "yes" on the Bijlage 1 item;
 * 4. no answer at all: the recorded fact is kept (an insurer's earlier finding is not undone by a
 *    questionnaire that is not filled in).
 *
 * A Bijlage 1 item with a `programme` (item 7: the NVVC white list) puts the provider in that
 * programme on "yes" and takes it out on another answer; without an answer the record stands.
 *
 * Selective-purchasing entries read licences and programmes by the claim checks' vocabulary
 * (`selectiveRequirement`), so a status here and a claim check never disagree. Pure.
 */
import { selectiveRequirement, type SelectiveRequirement } from '../claims/checks/selective.js';
import type { Reason } from '../explain.js';
import type { MinimumNormPrerequisite, MszPolicy, SelectivePurchasing } from '../policy/index.js';
import { itemKey, minimumNormItems, type Answer, type StoredAnswer } from './questionnaire.js';

export interface SelectionProvider {
  agb: string;
  licences: readonly string[];
  programmes: readonly string[];
  minimumNorms: readonly string[];
}

/** What the policy says a treatment's "yes" still needs (`minimum_norms.prerequisites`), by treatment id. */
export function normPrerequisites(policy: MszPolicy): ReadonlyMap<string, MinimumNormPrerequisite> {
  return new Map((policy.minimum_norms.prerequisites ?? []).map((p) => [p.treatment, p]));
}

/** Programmes that follow from a Bijlage 1 answer (the items with a `programme`, e.g. item 7: the NVVC white list). */
export function answerProgrammes(policy: MszPolicy): { programme: string; generalItem: number; source: string }[] {
  return policy.quality.general_conditions.items.flatMap((item) => (item.programme ? [{ programme: item.programme, generalItem: item.number, source: item.source }] : []));
}

/**
 * The claim checks' selective id for each `requirement` of the policy's selective-purchasing list;
 * `selectiveRequirement` turns it into the licence or programme the provider must hold. WBMV care,
 * minimum norms and conditional admissions are families, handled separately.
 */
const REQUIREMENT_SELECTIVE_ID: Readonly<Record<string, string>> = {
  'mohs-licence': 'mohs',
  'rivm-cooperation-agreement': 'rivm-darmkanker-coloscopie',
  'mr-clean-trial-centre': 'mr-clean-trombectomie',
  'proton-therapy-contract': 'protonentherapie',
  'prostate-cancer-surgery-procedure': 'prostaatkankeroperaties',
};

export type Determination = 'answers' | 'recorded' | 'no-norm';

export interface TreatmentStatus {
  id: string;
  treatment: string;
  group: string;
  /** Questionnaire number of the minimum-norm declaration, or null when the treatment has no norm. */
  number: number | null;
  norm_sources: string[];
  selected: boolean;
  determined_by: Determination;
  reasons: Reason[];
}

export interface SelectiveStatus {
  id: string;
  title: string;
  kind: SelectivePurchasing['kind'];
  /** False when the selection does not apply in the policy year (e.g. prostate surgery from 2019). */
  selective: boolean;
  selected: boolean;
  /** The licences, programmes or treatments that select the provider. */
  holds: string[];
  reason: Reason;
}

export interface ListChange {
  added: string[];
  removed: string[];
}

export interface SelectionStatus {
  agb: string;
  year: number;
  policy_id: string;
  treatments: TreatmentStatus[];
  selective_purchasing: SelectiveStatus[];
  /** What the provider record should hold after applying the status (unknown codes are kept). */
  minimum_norms: string[];
  programmes: string[];
  changes: { minimum_norms: ListChange; programmes: ListChange };
}

type Answers = ReadonlyMap<string, Answer>;

const ANSWER_TEXT: Record<Answer, string> = { yes: 'ja', no: 'nee', 'not-applicable': 'niet van toepassing' };

function treatmentStatus(
  provider: SelectionProvider,
  answers: Answers,
  number: number | null,
  t: MszPolicy['minimum_norms']['treatments'][number],
  prerequisite: MinimumNormPrerequisite | undefined,
): TreatmentStatus {
  const base = { id: t.id, treatment: t.treatment, group: t.group, number, norm_sources: [...t.norm_sources] };
  const source = t.source;
  const recorded = provider.minimumNorms.includes(t.id);
  if (t.norm_sources.length === 0 || number === null) {
    return { ...base, selected: true, determined_by: 'no-norm', reasons: [{ rule: 'selection.minimum-norm.no-norm', source, inputs: { treatment: t.id }, message: `Voor ${t.treatment} noemt bijlage 2 geen norm; de behandeling wordt niet selectief ingekocht.` }] };
  }
  const generalItem = prerequisite?.general_item;
  const declared = answers.get(itemKey('minimum-norm', number));
  const general = generalItem === undefined ? undefined : answers.get(itemKey('general', generalItem));
  const answer = declared ?? general;
  if (answer === undefined) {
    return {
      ...base,
      selected: recorded,
      determined_by: 'recorded',
      reasons: [{ rule: 'selection.minimum-norm.recorded', source, inputs: { treatment: t.id, recorded }, message: `Geen antwoord over de minimumnorm voor ${t.treatment}; de vastgelegde stand (${recorded ? 'voldoet' : 'voldoet niet'}) blijft staan.` }],
    };
  }
  const by = declared !== undefined ? `minimumnormverklaring ${number}` : `bijlage 1 item ${generalItem}`;
  const reasons: Reason[] = [{ rule: 'selection.minimum-norm.answer', source: `${source}; MSZ §2`, inputs: { treatment: t.id, answer, answered_by_item: by }, message: `Antwoord '${ANSWER_TEXT[answer]}' op ${by} (${t.treatment}).` }];
  let selected = answer === 'yes';
  const licence = prerequisite?.licence;
  if (selected && licence && !provider.licences.includes(licence)) {
    selected = false;
    reasons.push({ rule: 'selection.minimum-norm.licence', source: prerequisite.source, inputs: { treatment: t.id, licence }, message: `Voor ${t.treatment} is vergunning ${licence} nodig; die heeft u niet.` });
  }
  if (selected && declared !== undefined && general !== undefined && general !== 'yes') {
    selected = false;
    reasons.push({ rule: 'selection.minimum-norm.general-condition', source: prerequisite?.source ?? `MSZ Bijlage 1 item ${generalItem}`, inputs: { treatment: t.id, item: generalItem ?? null, answer: general }, message: `Bijlage 1 item ${generalItem} is met '${ANSWER_TEXT[general]}' beantwoord; daarmee komt u niet in aanmerking voor ${t.treatment}.` });
  }
  return { ...base, selected, determined_by: 'answers', reasons };
}

function inYear(entry: SelectivePurchasing, year: number): { selective: boolean; why: string | null } {
  if (entry.valid_for_year !== undefined && entry.valid_for_year !== year) return { selective: false, why: `geldt alleen voor ${entry.valid_for_year}` };
  if (entry.effective_year !== undefined && year < entry.effective_year) return { selective: false, why: `selectief vanaf ${entry.effective_year}` };
  if (entry.valid_from !== undefined && Number(entry.valid_from.slice(0, 4)) > year) return { selective: false, why: `geldt vanaf ${entry.valid_from}` };
  return { selective: true, why: null };
}

const holdsRequirement = (provider: SelectionProvider, need: SelectiveRequirement): boolean =>
  need.kind === 'licence' ? provider.licences.includes(need.code) : need.kind === 'programme' ? provider.programmes.includes(need.code) : provider.minimumNorms.includes(need.code);

function selectiveStatus(entry: SelectivePurchasing, year: number, provider: SelectionProvider, treatments: readonly TreatmentStatus[]): SelectiveStatus {
  const base = { id: entry.id, title: entry.title, kind: entry.kind };
  const timing = inYear(entry, year);
  const inputs = { requirement: entry.requirement, year };
  if (!timing.selective) {
    return { ...base, selective: false, selected: true, holds: [], reason: { rule: 'selection.selective.not-in-year', source: entry.source, inputs, message: `${entry.title}: ${timing.why}; in ${year} geen selectie.` } };
  }
  let holds: string[];
  let what: string;
  if (entry.requirement === 'wbmv-licence') {
    holds = provider.licences.filter((l) => l.startsWith('wbmv-'));
    what = 'een WBMV-vergunning';
  } else if (entry.requirement === 'minimum-norms-met') {
    holds = treatments.filter((t) => t.determined_by !== 'no-norm' && t.selected).map((t) => t.id);
    what = 'een behandeling waarvan u aan de minimumnorm voldoet';
  } else if (entry.requirement === 'conditional-admission-centre') {
    holds = provider.programmes.filter((p) => /^vt-[0-9]+$/.test(p));
    what = 'deelname aan een project voorwaardelijke toelating (bijlage 3)';
  } else {
    const selectiveId = REQUIREMENT_SELECTIVE_ID[entry.requirement];
    if (selectiveId === undefined) {
      return { ...base, selective: true, selected: false, holds: [], reason: { rule: 'selection.selective.unknown-requirement', source: entry.source, inputs, message: `${entry.title}: eis '${entry.requirement}' is in deze versie niet te toetsen; niet geselecteerd.` } };
    }
    const need = selectiveRequirement(selectiveId);
    holds = holdsRequirement(provider, need) ? [need.code] : [];
    what = `${need.kind === 'licence' ? 'vergunning' : need.kind === 'programme' ? 'programma' : 'minimumnorm'} ${need.code}`;
  }
  const selected = holds.length > 0;
  return {
    ...base,
    selective: true,
    selected,
    holds,
    reason: {
      rule: selected ? 'selection.selective.selected' : 'selection.selective.not-selected',
      source: entry.source,
      inputs: { ...inputs, holds: holds.join(', ') || null },
      message: selected ? `${entry.title}: geselecteerd op grond van ${holds.join(', ')}.` : `${entry.title}: niet geselecteerd; daarvoor is ${what} nodig.`,
    },
  };
}

function change(before: readonly string[], after: readonly string[]): ListChange {
  return { added: after.filter((x) => !before.includes(x)), removed: before.filter((x) => !after.includes(x)) };
}

/**
 * The selection status of `provider` for contract `year` (default: the policy's year) from its
 * `answers` (its questionnaire for that year). Codes on the provider that are not treatments of
 * this policy are kept as they are.
 */
export function selectionStatus(policy: MszPolicy, provider: SelectionProvider, answers: readonly StoredAnswer[], year: number = policy.policy_year): SelectionStatus {
  const lookup: Answers = new Map(answers.map((a) => [itemKey(a.kind, a.number), a.answer]));
  const numbers = new Map(minimumNormItems(policy).map((row) => [row.treatment.id, row.number]));
  const prerequisites = normPrerequisites(policy);
  const treatments = policy.minimum_norms.treatments.map((t) => treatmentStatus(provider, lookup, numbers.get(t.id) ?? null, t, prerequisites.get(t.id)));
  const selective = policy.selective_purchasing.map((entry) => selectiveStatus(entry, year, provider, treatments));

  // The provider's own order is kept; removed codes drop out, new ones are appended.
  const policyTreatments = new Set(treatments.filter((t) => t.determined_by !== 'no-norm').map((t) => t.id));
  const selectedNorms = treatments.filter((t) => t.determined_by !== 'no-norm' && t.selected).map((t) => t.id);
  const minimumNorms = [
    ...provider.minimumNorms.filter((code) => !policyTreatments.has(code) || selectedNorms.includes(code)),
    ...selectedNorms.filter((code) => !provider.minimumNorms.includes(code)),
  ];
  let programmes = [...provider.programmes];
  for (const { programme, generalItem } of answerProgrammes(policy)) {
    const answer = lookup.get(itemKey('general', generalItem));
    if (answer === undefined) continue; // no answer: the recorded membership stands
    if (answer !== 'yes') programmes = programmes.filter((p) => p !== programme);
    else if (!programmes.includes(programme)) programmes.push(programme);
  }
  return {
    agb: provider.agb,
    year,
    policy_id: policy.id,
    treatments,
    selective_purchasing: selective,
    minimum_norms: minimumNorms,
    programmes,
    changes: { minimum_norms: change(provider.minimumNorms, minimumNorms), programmes: change(provider.programmes, programmes) },
  };
}
