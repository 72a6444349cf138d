/**
 * Test support: validates resources with the independent `fhir` npm package (FHIR.js, R4 4.0.0
 * definitions: structure, cardinality, required code bindings), strictly: an unexpected element
 * is an error too. Only tests import this file (`fhir` is a devDependency).
 */
import { Fhir } from 'fhir';

let validator: Fhir | null = null;

export interface R4Problem {
  location: string;
  message: string;
}

/** The errors (severity error or fatal) of one resource; warnings about example code systems are not errors. */
export function r4Errors(resource: unknown): R4Problem[] {
  validator ??= new Fhir();
  const result = validator.validate(resource as object, { errorOnUnexpected: true });
  return result.messages
    .filter((m) => m.severity === 'error' || m.severity === 'fatal')
    .map((m) => ({ location: `${m.resourceId ?? ''} ${m.location ?? ''}`.trim(), message: m.message ?? '' }));
}
