/**
 * Outcome classes of one request in the authorisation matrix, and how an HTTP answer is judged
 * against them. Only the class is asserted, not the content: the feature tests do that.
 */

export type Outcome =
  /** Served: 2xx. Used where the placeholder request is complete (real ids, valid body). */
  | 'ok'
  /**
   * Passed the access check: 2xx, or a 4xx other than 401/403 (400/404/409/422: the placeholder
   * body or id was refused on its merits, after the check).
   */
  | 'allowed'
  /** Refused for want of a session: 401 `unauthenticated`. */
  | 'unauthenticated'
  /** Refused for this actor: 403 `forbidden`. */
  | 'forbidden'
  /** Refused by hiding the object (row-level security): 404 `not_found`, as for an unknown id. */
  | 'hidden';

export const isRefusal = (outcome: Outcome): boolean => outcome === 'unauthenticated' || outcome === 'forbidden' || outcome === 'hidden';

export interface Observed {
  status: number;
  /** `error.code` of a JSON error body, if any. */
  code: string | null;
}

/**
 * Whether `observed` is in the class `expected`. A refusal must carry its own error code, so a 403
 * for another reason (e.g. `second_factor_required`) is not taken for a role refusal, nor a
 * 404 for an unknown route for a hidden object. On a rate-limited public endpoint a 429 still
 * shows the request reached the endpoint's own door, so it counts as allowed there.
 */
export function satisfies(expected: Outcome, observed: Observed, options: { rateLimited?: boolean } = {}): boolean {
  const { status, code } = observed;
  const coded = (want: string) => code === null || code === want;
  switch (expected) {
    case 'ok':
      return status >= 200 && status < 300;
    case 'allowed':
      if (status >= 200 && status < 300) return true;
      if (status === 429) return options.rateLimited === true;
      return status >= 400 && status < 500 && status !== 401 && status !== 403;
    case 'unauthenticated':
      return status === 401 && coded('unauthenticated');
    case 'forbidden':
      return status === 403 && coded('forbidden');
    case 'hidden':
      return status === 404 && coded('not_found');
  }
}

export const describeObserved = (observed: Observed): string => (observed.code ? `${observed.status} ${observed.code}` : String(observed.status));
