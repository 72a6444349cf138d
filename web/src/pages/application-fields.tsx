/**
 * Form pieces shared by the new-provider and quality screens: a labelled text input and text area
 * with hint and error tied to the control (`aria-describedby`, `aria-invalid`), a form-level
 * alert that names the fields in error, and the placing of the server's `issues` at their field.
 */
import type { ReactNode } from 'react';
import { ApiError, errorMessage, type Issue } from '../api';
import { Field } from '../components/field';

interface FieldProps {
  id: string;
  label: string;
  value: string;
  error?: string | undefined;
  onChange(value: string): void;
  /** The hint under the label (what to enter, why it is asked). */
  children?: ReactNode;
  required?: boolean;
}

export function TextField({
  id,
  label,
  value,
  error,
  onChange,
  children,
  required,
  type = 'text',
  autoComplete = 'off',
  inputMode,
  maxLength,
}: FieldProps & { type?: 'text' | 'email'; autoComplete?: string; inputMode?: 'numeric' | 'text' | 'email'; maxLength?: number }) {
  return (
    <Field id={id} label={label} hint={children} error={error} required={required}>
      {(control) => (
        <input
          {...control}
          type={type}
          autoComplete={autoComplete}
          inputMode={inputMode}
          maxLength={maxLength}
          value={value}
          required={required}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

export function TextAreaField({ id, label, value, error, onChange, children, required, rows = 5, maxLength }: FieldProps & { rows?: number; maxLength?: number }) {
  return (
    <Field id={id} label={label} hint={children} error={error} required={required}>
      {(control) => <textarea {...control} rows={rows} maxLength={maxLength} value={value} required={required} onChange={(e) => onChange(e.target.value)} />}
    </Field>
  );
}

/** The last segment of an issue's field or path (`body.kvk`, `answers.3.explanation` → `explanation`). */
export const issueKey = (issue: Issue): string => (issue.field ?? issue.path ?? '').split('.').pop() ?? '';

/**
 * The server's field issues placed at the form's fields (first message per field wins), and the
 * rest, which belong to no field, as text for the form-level alert.
 */
export function placeIssues<F extends string>(error: unknown, fields: readonly F[]): { fields: Partial<Record<F, string>>; message: string; rest: string[] } {
  const placed: Partial<Record<F, string>> = {};
  const rest: string[] = [];
  const issues = error instanceof ApiError ? error.issues : [];
  for (const issue of issues) {
    const key = issueKey(issue) as F;
    if (fields.includes(key) && !placed[key]) placed[key] = issue.message;
    else rest.push(issue.message);
  }
  return { fields: placed, message: errorMessage(error), rest };
}

/** Moves focus to the first field in error, in the order of `order`. */
export function focusFirst<F extends string>(errors: Partial<Record<F, string>>, order: readonly F[], idOf: (field: F) => string): void {
  const first = order.find((f) => errors[f]);
  if (first) document.getElementById(idOf(first))?.focus();
}

/** The alert above a form after a failed submit: the message, and the fields to correct as links. */
export function FormAlert({ title, message, fields, rest = [] }: { title: string; message: string; fields?: { id: string; label: string; error: string }[]; rest?: string[] }) {
  return (
    <div className="alert alert-error" role="alert">
      <p className="alert-title">{title}</p>
      <p>{message}</p>
      {(fields?.length ?? 0) + rest.length > 0 && (
        <ul className="plain-list">
          {fields?.map((f) => (
            <li key={f.id}>
              <a href={`#${f.id}`}>{f.label}</a>: {f.error}
            </li>
          ))}
          {rest.map((text) => (
            <li key={text}>{text}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
