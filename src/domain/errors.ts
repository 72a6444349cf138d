/**
 * Expected failures are values, not exceptions. Every use case returns a `Result`; only bugs throw.
 * One table (`errorTable`) maps each error code to its HTTP status and CLI exit code, so the
 * doors (HTTP, CLI, jobs) never decide that on their own.
 */

export type ErrorCode =
  | 'invalid_input'
  | 'not_found'
  | 'unauthenticated'
  | 'forbidden'
  /** A session of a role that sees claim or patient data has not passed its second factor yet. */
  | 'second_factor_required'
  | 'conflict'
  | 'deadline_passed'
  | 'rate_limited'
  | 'unavailable'
  | 'internal';

/** Where a problem sits in the input: any of file, line, column/field or a schema path. */
export interface FieldIssue {
  file?: string;
  line?: number;
  column?: string;
  field?: string;
  path?: string;
  code?: string;
  message: string;
}

export interface AppError {
  code: ErrorCode;
  /** Dutch, user-facing. */
  message: string;
  issues?: FieldIssue[];
}

export type Result<T, E = AppError> = { ok: true; value: T } | { ok: false; error: E };

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string, issues?: FieldIssue[]): Result<never, AppError> => ({
  ok: false,
  error: issues && issues.length > 0 ? { code, message, issues } : { code, message },
});

export interface ErrorMapping {
  http: number;
  /** CLI exit code: 1 bad input, 2 any other failure. */
  exit: 1 | 2;
  /** Dutch title shown to users. */
  title: string;
}

export const errorTable: Record<ErrorCode, ErrorMapping> = {
  invalid_input: { http: 400, exit: 1, title: 'Ongeldige invoer' },
  not_found: { http: 404, exit: 1, title: 'Niet gevonden' },
  unauthenticated: { http: 401, exit: 2, title: 'Niet ingelogd' },
  forbidden: { http: 403, exit: 2, title: 'Geen toegang' },
  second_factor_required: { http: 403, exit: 2, title: 'Tweede factor vereist' },
  conflict: { http: 409, exit: 1, title: 'Conflict met bestaande gegevens' },
  deadline_passed: { http: 422, exit: 1, title: 'Termijn verstreken' },
  rate_limited: { http: 429, exit: 2, title: 'Te veel verzoeken' },
  unavailable: { http: 503, exit: 2, title: 'Tijdelijk niet beschikbaar' },
  internal: { http: 500, exit: 2, title: 'Interne fout' },
};

/** Unwraps a result in code paths where failure is a bug (tests, seeded demo data). */
export function expectOk<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}
