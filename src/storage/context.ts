/**
 * Every unit of work runs in one transaction as the application's database role
 * (`zorginkoop_app`: not the owner, no BYPASSRLS), with the actor's role and AGB set with
 * `set_config(..., true)` (the same as SET LOCAL): row-level security then decides which provider
 * rows exist for this actor, on PostgreSQL and PGlite alike.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Actor } from '../domain/auth/actor.js';
import type { Database } from './database.js';
import type { Schema } from './schema.js';

export type Tx = Transaction<Schema>;
export type Queryable = Kysely<Schema> | Tx;

export async function withActor<T>(db: Database, actor: Actor, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.kysely.transaction().execute(async (tx) => {
    await sql`select set_config('role', 'zorginkoop_app', true),
                     set_config('app.role', ${actor.role}, true),
                     set_config('app.agb', ${actor.agb ?? ''}, true),
                     set_config('app.user_id', ${actor.userId === null ? '' : String(actor.userId)}, true)`.execute(tx);
    return work(tx);
  });
}
