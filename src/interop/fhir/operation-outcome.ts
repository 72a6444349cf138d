/**
 * Expected failures as an R4 `OperationOutcome`: one issue per problem, the element path in
 * `expression` (when the problem names a FHIR element: `Bundle.entry[2].resource.provider`), the
 * return code in `details`, the Dutch message as text. The HTTP status comes from the error table.
 */
import { errorTable, type AppError, type ErrorCode, type FieldIssue } from '../../domain/errors.js';
import { returnCodeDisplay } from './claim-bundle.js';
import { RETURN_CODE_SYSTEM } from './systems.js';
import type { OperationOutcome, OperationOutcomeIssue } from './types.js';

/** R4 issue-type per error code (http://hl7.org/fhir/issue-type); a code not listed is `security` when refused with 401/403, else `processing`. */
const ISSUE_TYPE: Partial<Record<ErrorCode, string>> = {
  invalid_input: 'invalid',
  not_found: 'not-found',
  unauthenticated: 'login',
  forbidden: 'forbidden',
  conflict: 'conflict',
  deadline_passed: 'business-rule',
  rate_limited: 'throttled',
  unavailable: 'transient',
  internal: 'exception',
};

/** A more precise issue type for the FHIR return codes. */
const ISSUE_TYPE_BY_RETURN_CODE: Record<string, string> = {
  'ZK-170': 'structure', 'ZK-171': 'required', 'ZK-172': 'value', 'ZK-173': 'value', 'ZK-174': 'structure', 'ZK-175': 'not-found', 'ZK-179': 'structure',
};

/** A FHIRPath-like element path (starts with a resource type), as opposed to a parameter or column name. */
const ELEMENT_PATH = /^[A-Z][A-Za-z]+(\.|\[|$)/;

function outcomeIssue(code: ErrorCode, issue: FieldIssue | null, message: string): OperationOutcomeIssue {
  const where = issue?.field ?? issue?.path ?? issue?.column;
  const expression = where !== undefined && ELEMENT_PATH.test(where) ? [where] : undefined;
  const returnCode = issue?.code;
  const located = [issue?.file, issue?.line !== undefined ? `regel ${issue.line}` : undefined, where !== undefined && expression === undefined ? where : undefined].filter(Boolean).join(', ');
  return {
    severity: code === 'internal' ? 'fatal' : 'error',
    code: (returnCode !== undefined ? ISSUE_TYPE_BY_RETURN_CODE[returnCode] : undefined) ?? ISSUE_TYPE[code] ?? ([401, 403].includes(errorTable[code].http) ? 'security' : 'processing'),
    ...(returnCode !== undefined
      ? { details: { coding: [{ system: RETURN_CODE_SYSTEM, code: returnCode, ...(returnCodeDisplay(returnCode) ? { display: returnCodeDisplay(returnCode) } : {}) }], text: message } }
      : { details: { text: message } }),
    ...(located !== '' ? { diagnostics: located } : {}),
    ...(expression ? { expression } : {}),
  };
}

export function operationOutcome(error: AppError): OperationOutcome {
  const issues = error.issues && error.issues.length > 0 ? error.issues.map((i) => outcomeIssue(error.code, i, i.message)) : [outcomeIssue(error.code, null, error.message)];
  return { resourceType: 'OperationOutcome', issue: issues };
}
