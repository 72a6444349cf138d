/**
 * Helpers over the generated API types (`api-schema.d.ts`, from the server's OpenAPI document;
 * `npm run api:types`): the JSON body a route answers, takes, and its query. The API modules
 * (`api.ts`, `api-*.ts`) name these types for the pages; nothing here is copied by hand.
 */
import type { paths } from './api-schema';

export type { paths } from './api-schema';

export type Method = 'get' | 'post' | 'put' | 'delete';

/** The operation of a path and method (never when the path has no such method). */
type Operation<P extends keyof paths, M extends Method> = M extends keyof paths[P] ? paths[P][M] : never;

type JsonOf<C> = C extends { content: { 'application/json': infer J } } ? J : never;

/** The JSON a route answers with status S (default 200). */
export type ResponseOf<P extends keyof paths, M extends Method, S extends number = 200> =
  Operation<P, M> extends { responses: infer R } ? (S extends keyof R ? JsonOf<R[S]> : never) : never;

/** The JSON request body a route takes. */
export type BodyOf<P extends keyof paths, M extends Method> =
  Operation<P, M> extends { requestBody?: infer B } ? JsonOf<NonNullable<B>> : never;

/** The query parameters a route takes. */
export type QueryOf<P extends keyof paths, M extends Method> =
  Operation<P, M> extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

/** One element of an array type. */
export type ElementOf<A> = A extends readonly (infer E)[] ? E : never;
