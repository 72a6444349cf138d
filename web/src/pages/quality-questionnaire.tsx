/**
 * Tab "Vragenlijst" of the quality screen: the general quality conditions (Bijlage 1), the purchasing
 * specifications (instapvoorwaarden and doelstellingen) and the minimum-norm declarations per
 * Bijlage 2 treatment, each with whether and why it applies to this provider. The provider's own
 * user answers and saves (only what changed); the browser checks each answer first and the server's
 * per-answer errors are shown at their question. Others read the answers.
 */
import { useState, type FormEvent } from 'react';
import { ApiError, errorMessage } from '../api';
import { answerLabels, ANSWERS, EXPLANATION_MAX, qualityApi, type Answer, type AnswerInput, type AnswerResult, type ItemKind, type Questionnaire, type QuestionnaireItem } from '../api-quality';
import { formatDate } from '../format';
import { FormAlert, issueKey } from './application-fields';

type Draft = Record<string, { answer: Answer | null; explanation: string }>;
type SaveOutcome = { kind: 'saved'; result: AnswerResult; count: number } | { kind: 'failed'; message: string; rest: string[] } | { kind: 'none' };

const GROUPS: { kind: ItemKind; title: string; intro: string }[] = [
  { kind: 'general', title: 'Algemene kwaliteitsvoorwaarden', intro: 'Bijlage 1 van het inkoopbeleid: de voorwaarden die voor iedere gecontracteerde aanbieder gelden, waar ze op u van toepassing zijn.' },
  {
    kind: 'specification',
    title: 'Inkoopspecificaties',
    intro:
      'Aan een instapvoorwaarde moet u op 1 januari van het contractjaar voldoen; lukt dat nog niet, dan maken wij een verbeterafspraak. Een doelstelling leggen wij vast.',
  },
  { kind: 'minimum-norm', title: 'Minimumnormen per behandeling', intro: 'Bijlage 2: voldoet u aan de minimumnormen van de beroepsverenigingen? Dit bepaalt of u geselecteerd bent voor deze zorg.' },
];

const domId = (key: string) => `vraag-${key.replace(':', '-')}`;
const draftOf = (q: Questionnaire): Draft => Object.fromEntries(q.items.map((i) => [i.key, { answer: i.answer, explanation: i.explanation ?? '' }]));

/** The browser's own check of one answer (the server checks again). */
function checkAnswer(item: QuestionnaireItem, answer: Answer, explanation: string): string | null {
  if (!item.applies && answer !== 'not-applicable') return `Deze vraag geldt niet voor u; kies 'niet van toepassing' en licht toe.`;
  if (answer === 'not-applicable' && explanation.trim() === '') return 'Licht toe waarom deze vraag niet van toepassing is.';
  if (explanation.trim().length > EXPLANATION_MAX) return `Hoogstens ${EXPLANATION_MAX} tekens toelichting.`;
  return null;
}

export function QuestionnairePanel({ questionnaire, editable, onSaved }: { questionnaire: Questionnaire; editable: boolean; onSaved(): void }) {
  const [current, setCurrent] = useState(questionnaire);
  const [draft, setDraft] = useState<Draft>(() => draftOf(questionnaire));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [outcome, setOutcome] = useState<SaveOutcome | null>(null);
  const [busy, setBusy] = useState(false);
  const s = current.summary;

  const change = (key: string, value: Partial<Draft[string]>) => {
    setDraft((d) => ({ ...d, [key]: { ...(d[key] ?? { answer: null, explanation: '' }), ...value } }));
    setErrors((e) => ({ ...e, [key]: '' }));
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const changed = current.items.filter((item) => {
      const d = draft[item.key];
      return d?.answer && (d.answer !== item.answer || d.explanation.trim() !== (item.explanation ?? ''));
    });
    if (changed.length === 0) {
      setOutcome({ kind: 'none' });
      return;
    }
    const found: Record<string, string> = {};
    for (const item of changed) {
      const d = draft[item.key] as Draft[string];
      const problem = checkAnswer(item, d.answer as Answer, d.explanation);
      if (problem) found[item.key] = problem;
    }
    setErrors(found);
    const firstKey = current.items.find((i) => found[i.key])?.key;
    if (firstKey) {
      setOutcome({ kind: 'failed', message: `${Object.keys(found).length} antwoord(en) kloppen nog niet; zie de gemarkeerde vragen.`, rest: [] });
      document.getElementById(`${domId(firstKey)}-${draft[firstKey]?.answer ?? 'yes'}`)?.focus();
      return;
    }
    const answers: AnswerInput[] = changed.map((item) => {
      const d = draft[item.key] as Draft[string];
      return { kind: item.kind, number: item.number, answer: d.answer as Answer, explanation: d.explanation.trim() || null };
    });
    setBusy(true);
    setOutcome(null);
    try {
      const result = await qualityApi.answer(current.agb, current.year, answers);
      setCurrent(result.questionnaire);
      setDraft(draftOf(result.questionnaire));
      setOutcome({ kind: 'saved', result, count: answers.length });
      onSaved();
    } catch (error) {
      // `answers.3.explanation`: the fourth answer sent, i.e. changed[3].
      const atItem: Record<string, string> = {};
      const rest: string[] = [];
      for (const issue of error instanceof ApiError ? error.issues : []) {
        const index = /^answers\.(\d+)/.exec(issue.path ?? issue.field ?? '')?.[1];
        const item = index === undefined ? undefined : changed[Number(index)];
        if (item && !atItem[item.key]) atItem[item.key] = issue.message;
        else rest.push(issueKey(issue) ? `${issueKey(issue)}: ${issue.message}` : issue.message);
      }
      setErrors(atItem);
      setOutcome({ kind: 'failed', message: errorMessage(error), rest });
    } finally {
      setBusy(false);
    }
  };

  const flagged = current.items.filter((i) => errors[i.key]).map((i) => ({ id: `${domId(i.key)}-${draft[i.key]?.answer ?? 'yes'}`, label: `Vraag ${labelOf(i)}`, error: errors[i.key] as string }));
  return (
    <>
      <h2>Kwaliteitsvragenlijst {current.year}</h2>
      <p>
        Beantwoord: <strong>{s.answered}</strong> van {s.applicable} vragen die voor u gelden{s.open.length > 0 ? `; nog open: ${s.open.length}` : ''}.
        {s.entry_conditions_not_met.length > 0 && <> Instapvoorwaarden niet voldaan: {s.entry_conditions_not_met.join(', ')}.</>}
        {s.general_not_met.length > 0 && <> Algemene voorwaarden niet voldaan: {s.general_not_met.join(', ')}.</>}
      </p>
      {!editable && <p className="hint">Alleen de zorgaanbieder zelf beantwoordt de vragenlijst; u ziet de antwoorden.</p>}
      <div aria-live="polite">{outcome && <Outcome outcome={outcome} flagged={flagged} />}</div>
      <form onSubmit={(e) => void submit(e)} noValidate className="questionnaire-form">
        {GROUPS.map((group) => {
          const items = current.items.filter((i) => i.kind === group.kind);
          const applying = items.filter((i) => i.applies);
          const notApplying = items.filter((i) => !i.applies);
          const render = (item: QuestionnaireItem) =>
            editable ? (
              <QuestionField key={item.key} item={item} value={draft[item.key] ?? { answer: null, explanation: '' }} error={errors[item.key]} onChange={(v) => change(item.key, v)} />
            ) : (
              <AnswerView key={item.key} item={item} />
            );
          return (
            <section key={group.kind} aria-labelledby={`groep-${group.kind}`}>
              <h3 id={`groep-${group.kind}`}>{group.title}</h3>
              <p className="hint">{group.intro}</p>
              {applying.map(render)}
              {notApplying.length > 0 && (
                <details className="subsection">
                  <summary>Vragen die niet voor u gelden ({notApplying.length})</summary>
                  {notApplying.map(render)}
                </details>
              )}
            </section>
          );
        })}
        {editable && (
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? 'Bezig met opslaan…' : 'Antwoorden opslaan'}
          </button>
        )}
      </form>
    </>
  );
}

const labelOf = (item: QuestionnaireItem) => (item.kind === 'specification' ? `inkoopspecificatie ${item.number}` : item.kind === 'general' ? `algemeen ${item.number}` : `minimumnorm ${item.number}`);

function Outcome({ outcome, flagged }: { outcome: SaveOutcome; flagged: { id: string; label: string; error: string }[] }) {
  if (outcome.kind === 'none') return <p role="status">Er is niets gewijzigd.</p>;
  if (outcome.kind === 'failed') return <FormAlert title="Antwoorden niet opgeslagen" message={outcome.message} fields={flagged} rest={outcome.rest} />;
  const created = outcome.result.improvement_agreements_created;
  return (
    <div className="alert alert-success" role="status">
      <p className="alert-title">{outcome.count} antwoord(en) opgeslagen</p>
      {created.length > 0 && (
        <>
          <p>Uw antwoorden leiden tot {created.length === 1 ? 'een verbeterafspraak' : `${created.length} verbeterafspraken`}:</p>
          <ul className="plain-list">
            {created.map((a) => (
              <li key={a.id}>
                Instapvoorwaarde {a.specification_number} ({a.topic ?? '—'}): uiterlijk {formatDate(a.due_date)} alsnog voldoen.
              </li>
            ))}
          </ul>
          <p className="hint">{outcome.result.term.reason.message}</p>
        </>
      )}
    </div>
  );
}

function ItemMeta({ item }: { item: QuestionnaireItem }) {
  return (
    <p className="hint">
      {item.specification_type && (
        <>
          <span className={`badge badge-${item.specification_type}`}>{item.specification_type === 'instapvoorwaarde' ? 'Instapvoorwaarde' : 'Doelstelling'}</span>{' '}
        </>
      )}
      {item.topic && <>{item.topic} · </>}
      <span className="source-ref">{item.source}</span> · {item.applies_reason}
    </p>
  );
}

function QuestionField({ item, value, error, onChange }: { item: QuestionnaireItem; value: Draft[string]; error: string | undefined; onChange(v: Partial<Draft[string]>): void }) {
  const id = domId(item.key);
  const showExplanation = value.answer === 'no' || value.answer === 'not-applicable' || value.explanation !== '';
  return (
    <fieldset className="field question" id={id} aria-describedby={error ? `${id}-error` : undefined}>
      <legend>
        {item.number}. {item.text}
      </legend>
      <ItemMeta item={item} />
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
      <div className="radio-row">
        {ANSWERS.map((answer) => (
          <div className="radio" key={answer}>
            <input
              id={`${id}-${answer}`}
              type="radio"
              name={id}
              value={answer}
              checked={value.answer === answer}
              onChange={() => onChange({ answer })}
              aria-invalid={error ? true : undefined}
            />
            <label htmlFor={`${id}-${answer}`}>{answerLabels[answer]}</label>
          </div>
        ))}
      </div>
      {showExplanation && (
        <div className="field">
          <label htmlFor={`${id}-toelichting`}>Toelichting{value.answer === 'not-applicable' ? ' (verplicht)' : ''}</label>
          <textarea id={`${id}-toelichting`} rows={2} maxLength={EXPLANATION_MAX} value={value.explanation} onChange={(e) => onChange({ explanation: e.target.value })} aria-invalid={error ? true : undefined} />
        </div>
      )}
      {item.answered_at && (
        <p className="hint">
          Opgeslagen: {item.answer ? answerLabels[item.answer].toLowerCase() : '—'}, {formatDate(item.answered_at)}
        </p>
      )}
    </fieldset>
  );
}

function AnswerView({ item }: { item: QuestionnaireItem }) {
  return (
    <div className="field question">
      <p className="text-label">
        {item.number}. {item.text}
      </p>
      <ItemMeta item={item} />
      <p>
        Antwoord: <strong>{item.answer ? answerLabels[item.answer] : 'nog niet beantwoord'}</strong>
        {item.answered_at && <span className="muted"> ({formatDate(item.answered_at)})</span>}
      </p>
      {item.explanation && <p className="prose">Toelichting: {item.explanation}</p>}
    </div>
  );
}
