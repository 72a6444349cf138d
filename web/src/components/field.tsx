/**
 * One form field: the label (with "(verplicht)" when required), an optional hint, the error when
 * there is one, and the control, which gets the props that tie it to them: `id`, `aria-invalid`
 * and `aria-describedby` (hint `<id>-hint`, error `<id>-error`).
 */
import type { ReactNode } from 'react';

export interface ControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

interface FieldProps {
  id: string;
  label: ReactNode;
  /** What to enter, or why it is asked; shown under the label. */
  hint?: ReactNode;
  error?: string | null | undefined;
  required?: boolean | undefined;
  children(control: ControlProps): ReactNode;
}

export function Field({ id, label, hint, error, required, children }: FieldProps) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {required && <span className="muted"> (verplicht)</span>}
      </label>
      {hint && (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      )}
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy })}
    </div>
  );
}

/** A tool panel of a page: a section named by its heading, with an optional hint under it. */
export function Panel({ id, title, hint, children }: { id: string; title: ReactNode; hint?: ReactNode; children: ReactNode }) {
  return (
    <section className="panel" aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      {hint && <p className="hint">{hint}</p>}
      {children}
    </section>
  );
}
