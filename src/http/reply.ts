/**
 * Maps a use-case result to an HTTP reply through the one error table. A route whose errors are
 * FHIR resources (`config.errorBody: 'fhir'`) gets every error, from any hook or handler, as an
 * OperationOutcome; all others get `{ error }`.
 */
import type { FastifyReply } from 'fastify';
import { errorTable, type AppError, type Result } from '../domain/errors.js';
import { operationOutcome } from '../interop/fhir/operation-outcome.js';

export const FHIR_JSON = 'application/fhir+json; charset=utf-8';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** How this route's errors are written: `{ error }` (default) or a FHIR OperationOutcome. */
    errorBody?: 'json' | 'fhir';
  }
}

export function sendError(reply: FastifyReply, error: AppError) {
  const status = errorTable[error.code].http;
  if (reply.request.routeOptions.config.errorBody === 'fhir') return reply.status(status).type(FHIR_JSON).send(operationOutcome(error));
  return reply.status(status).send({ error });
}

export function sendResult<T>(reply: FastifyReply, result: Result<T>, status = 200) {
  if (!result.ok) return sendError(reply, result.error);
  return reply.status(status).send(result.value);
}
