/** Maps a use-case result to an HTTP reply through the one error table. */
import type { FastifyReply } from 'fastify';
import { errorTable, type AppError, type Result } from '../domain/errors.js';

export function sendError(reply: FastifyReply, error: AppError) {
  return reply.status(errorTable[error.code].http).send({ error });
}

export function sendResult<T>(reply: FastifyReply, result: Result<T>, status = 200) {
  if (!result.ok) return sendError(reply, result.error);
  return reply.status(status).send(result.value);
}
