/**
 * One file upload, used by every import screen: choose a file (and optional choices such as a
 * format or a quarter), send it as multipart, and show the outcome: the counts of the report, the
 * per-line errors (line, field, code, message) with a notice when the list is cut short, or, when
 * the server refuses the file as a whole (400), its message and every problem by line and field.
 * The page says what the report means (`describe`); this component owns the form, the checks before
 * sending (each error at its field, focus moved there), the busy state and the live region.
 */
import { useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { ApiError, errorMessage, type Issue } from '../api';
import { formatNumber } from '../format';
import { ErrorMessage, TableScroll } from './status';

/** One problem of a file, as reports and refusals give it. */
export interface LineError {
  line?: number | null;
  field?: string | null;
  code?: string | null;
  message: string;
}

/** A select shown before the file (format, quarter, …); its value is passed to `upload`. */
export interface ImportChoice {
  /** The element id and the key of its value. */
  id: string;
  label: string;
  options: readonly { value: string; label: string }[];
  /** Text of an empty first option; choosing nothing then gives `required` as the field's error. */
  placeholder?: string;
  required?: string;
  initial?: string;
}

export type ChoiceValues = Readonly<Record<string, string>>;

/** The per-line errors of a report or a refusal, as a table. */
export interface LineErrorList {
  items: readonly LineError[];
  caption: string;
  /** Keep the caption for screen readers only (a heading above says it already). */
  captionHidden?: boolean;
  /** A heading above the table (e.g. "3 fouten in bestand.csv"). */
  heading?: string;
  /** The report lists only the first errors; the counts are complete. */
  truncated?: boolean;
}

/** What a stored report means, in the page's words. */
export interface ImportResultView {
  tone: 'success' | 'info';
  title: ReactNode;
  /** The title as a heading (of `headingLevel`) rather than a paragraph. */
  titleAsHeading?: boolean;
  counts?: readonly { label: string; value: number | string }[];
  notes?: ReactNode;
  errors?: LineErrorList;
  /** Shown below the errors (links onwards, a ZH309 answer, …). */
  after?: ReactNode;
}

export interface FileImportProps<T> {
  /** Id of the file input (its label is `label`). */
  inputId: string;
  label?: string;
  choices?: readonly ImportChoice[];
  /** Text above the file input; may depend on the choices. */
  hint: ReactNode | ((values: ChoiceValues) => ReactNode);
  accept: string | ((values: ChoiceValues) => string);
  /** Shown at the file input when no file was chosen. */
  missingFile: string | ((values: ChoiceValues) => string);
  /** The problem with the chosen file (its type), or null. */
  checkFile?(file: File, values: ChoiceValues): string | null;
  upload(file: File, values: ChoiceValues): Promise<T>;
  describe(report: T, fileName: string): ImportResultView;
  /** Called after the server answered: a stored report, or a file refused (which may be recorded too). */
  onUploaded?(outcome: 'stored' | 'refused', report: T | null): void;
  submitLabel?: string;
  busyLabel?: string;
  busyText?(fileName: string): string;
  failedTitle?: string;
  /** The title of a refusal, and how its problems are shown. */
  refusedTitle(fileName: string): string;
  refusedErrors(fileName: string, count: number): Omit<LineErrorList, 'items' | 'truncated'>;
  /** Text such as "Jaar: 2018" at the top of the form. */
  before?: ReactNode;
  /** Level of the result's headings: one below the section the form sits in. */
  headingLevel?: 2 | 3 | 4;
  /** Column header of the field: "Veld" (default) or "Kolom" for spreadsheets. */
  fieldHeader?: string;
  className?: string;
}

type Outcome<T> =
  | { kind: 'idle' }
  | { kind: 'busy'; fileName: string }
  | { kind: 'done'; fileName: string; report: T }
  | { kind: 'refused'; fileName: string; message: string; issues: Issue[] }
  | { kind: 'failed'; message: string };

const FILE_KEY = '';

/** An `Issue` of a refused file as a line error (the field may be called column or path). */
export const issueAsLineError = (issue: Issue): LineError => ({
  line: issue.line ?? null,
  field: issue.field ?? issue.column ?? issue.path ?? null,
  code: issue.code ?? null,
  message: issue.message,
});

const valueOf = <V,>(value: V | ((values: ChoiceValues) => V), values: ChoiceValues): V =>
  typeof value === 'function' ? (value as (values: ChoiceValues) => V)(values) : value;

/** "1 fout" / "12 fouten". */
export const errorCountText = (n: number) => (n === 1 ? '1 fout' : `${formatNumber(n)} fouten`);

export function FileImport<T>(props: FileImportProps<T>) {
  const { inputId, label = 'Bestand', choices = [], headingLevel = 3 } = props;
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(choices.map((c) => [c.id, c.initial ?? ''])));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [outcome, setOutcome] = useState<Outcome<T>>({ kind: 'idle' });
  const fileInput = useRef<HTMLInputElement>(null);
  const base = useId();
  const hintId = `${base}-hint`;
  const errorId = (key: string) => `${base}-error-${key || 'file'}`;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const file = fileInput.current?.files?.[0];
    const found: Record<string, string> = {};
    for (const choice of choices) if (choice.required && !values[choice.id]) found[choice.id] = choice.required;
    if (!file) found[FILE_KEY] = valueOf(props.missingFile, values);
    else {
      const problem = props.checkFile?.(file, values) ?? null;
      if (problem) found[FILE_KEY] = problem;
    }
    setErrors(found);
    const first = choices.find((c) => found[c.id]);
    if (first) return document.getElementById(first.id)?.focus();
    if (found[FILE_KEY] !== undefined || !file) return fileInput.current?.focus();

    setOutcome({ kind: 'busy', fileName: file.name });
    try {
      const report = await props.upload(file, values);
      setOutcome({ kind: 'done', fileName: file.name, report });
      props.onUploaded?.('stored', report);
    } catch (error) {
      if (error instanceof ApiError && error.status === 400) {
        setOutcome({ kind: 'refused', fileName: file.name, message: error.message, issues: error.issues });
        props.onUploaded?.('refused', null);
      } else setOutcome({ kind: 'failed', message: errorMessage(error) });
    }
  };

  const fileError = errors[FILE_KEY];
  return (
    <>
      <form className={props.className} onSubmit={(e) => void submit(e)} noValidate>
        {props.before}
        {choices.map((choice) => {
          const error = errors[choice.id];
          return (
            <div className="field" key={choice.id}>
              <label htmlFor={choice.id}>{choice.label}</label>
              {error && (
                <p className="field-error" id={errorId(choice.id)}>
                  {error}
                </p>
              )}
              <select
                id={choice.id}
                value={values[choice.id] ?? ''}
                onChange={(e) => {
                  const value = e.target.value;
                  setValues((v) => ({ ...v, [choice.id]: value }));
                  setErrors((found) => ({ ...found, [choice.id]: '', [FILE_KEY]: '' }));
                }}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? errorId(choice.id) : undefined}
              >
                {choice.placeholder !== undefined && <option value="">{choice.placeholder}</option>}
                {choice.options.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            </div>
          );
        })}
        <div className="field">
          <label htmlFor={inputId}>{label}</label>
          <p className="hint" id={hintId}>
            {valueOf(props.hint, values)}
          </p>
          {fileError && (
            <p className="field-error" id={errorId(FILE_KEY)}>
              {fileError}
            </p>
          )}
          <input
            id={inputId}
            name="file"
            type="file"
            accept={valueOf(props.accept, values) || undefined}
            ref={fileInput}
            aria-describedby={fileError ? `${hintId} ${errorId(FILE_KEY)}` : hintId}
            aria-invalid={fileError ? true : undefined}
            onChange={() => setErrors((found) => ({ ...found, [FILE_KEY]: '' }))}
          />
        </div>
        <button type="submit" className="button button-primary" disabled={outcome.kind === 'busy'}>
          {outcome.kind === 'busy' ? (props.busyLabel ?? 'Bezig met importeren…') : (props.submitLabel ?? 'Importeren')}
        </button>
      </form>
      <div aria-live="polite" className="form-outcome">
        <OutcomeView outcome={outcome} props={props} headingLevel={headingLevel} />
      </div>
    </>
  );
}

function OutcomeView<T>({ outcome, props, headingLevel }: { outcome: Outcome<T>; props: FileImportProps<T>; headingLevel: 2 | 3 | 4 }) {
  switch (outcome.kind) {
    case 'idle':
      return null;
    case 'busy':
      return <p className="muted">{props.busyText ? props.busyText(outcome.fileName) : `${outcome.fileName} wordt geïmporteerd…`}</p>;
    case 'failed':
      return <ErrorMessage title={props.failedTitle ?? 'Importeren mislukt'}>{outcome.message}</ErrorMessage>;
    case 'refused': {
      const list = props.refusedErrors(outcome.fileName, outcome.issues.length);
      return (
        <div className="result">
          <ErrorMessage title={props.refusedTitle(outcome.fileName)}>
            <p>{outcome.message}</p>
          </ErrorMessage>
          {outcome.issues.length > 0 && (
            <LineErrors list={{ ...list, items: outcome.issues.map(issueAsLineError) }} headingLevel={headingLevel} fieldHeader={props.fieldHeader} />
          )}
        </div>
      );
    }
    case 'done': {
      const view = props.describe(outcome.report, outcome.fileName);
      const Heading = `h${headingLevel}` as const;
      return (
        <div className="result">
          <div className={`alert ${view.tone === 'success' ? 'alert-success' : 'alert-info'}`}>
            {view.titleAsHeading ? <Heading className="alert-title">{view.title}</Heading> : <p className="alert-title">{view.title}</p>}
            {view.counts && view.counts.length > 0 && (
              <dl className="facts facts-inline">
                {view.counts.map((c) => (
                  <div key={c.label}>
                    <dt>{c.label}</dt>
                    <dd>{typeof c.value === 'number' ? formatNumber(c.value) : c.value}</dd>
                  </div>
                ))}
              </dl>
            )}
            {view.notes}
          </div>
          {view.errors && view.errors.items.length > 0 && <LineErrors list={view.errors} headingLevel={headingLevel} fieldHeader={props.fieldHeader} />}
          {view.after}
        </div>
      );
    }
  }
}

function LineErrors({ list, headingLevel, fieldHeader }: { list: LineErrorList; headingLevel: 2 | 3 | 4; fieldHeader: string | undefined }) {
  const Heading = `h${headingLevel}` as const;
  return (
    <>
      {list.heading && <Heading>{list.heading}</Heading>}
      <LineErrorTable errors={list.items} caption={list.caption} captionHidden={list.captionHidden} fieldHeader={fieldHeader} />
      {list.truncated && (
        <p className="hint">Alleen de eerste {formatNumber(list.items.length)} meldingen worden getoond; de aantallen zijn volledig.</p>
      )}
    </>
  );
}

/** Errors by line: line, field, code (when any error has one) and message. */
export function LineErrorTable({
  errors, caption, captionHidden = false, fieldHeader = 'Veld',
}: { errors: readonly LineError[]; caption: string; captionHidden?: boolean | undefined; fieldHeader?: string | undefined }) {
  const withCode = errors.some((e) => e.code);
  return (
    <TableScroll label={caption}>
      <table className="data-table">
        <caption className={captionHidden ? 'visually-hidden' : 'table-caption'}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="numeric">
              Regel
            </th>
            <th scope="col">{fieldHeader}</th>
            {withCode && <th scope="col">Code</th>}
            <th scope="col">Melding</th>
          </tr>
        </thead>
        <tbody>
          {errors.map((e, i) => (
            <tr key={i}>
              <td className="numeric">{e.line || '—'}</td>
              <td className="code">{e.field || '—'}</td>
              {withCode && <td className="code nowrap">{e.code || '—'}</td>}
              <td>{e.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
