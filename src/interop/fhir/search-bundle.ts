/** An R4 search result: a Bundle of type searchset with the total and a self link. */
import type { Bundle, Resource } from './types.js';

export function searchset<R extends Resource>(resources: readonly R[], options: { self: string; fullUrl: (resource: R) => string }): Bundle<R> {
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    total: resources.length,
    link: [{ relation: 'self', url: options.self }],
    entry: resources.map((resource) => ({ fullUrl: options.fullUrl(resource), resource, search: { mode: 'match' } })),
  };
}
