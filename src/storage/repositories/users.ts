import type { Queryable } from '../context.js';
import type { UserRole } from '../schema.js';

export function findUserByEmail(q: Queryable, email: string) {
  return q.selectFrom('users').selectAll().where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase())).executeTakeFirst();
}

export function findUserById(q: Queryable, id: number) {
  return q.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertUser(
  q: Queryable,
  user: { email: string; passwordHash: string; role: UserRole; agb: string | null; isSignatory: boolean; displayName?: string | null },
): Promise<number> {
  const row = await q
    .insertInto('users')
    .values({
      email: user.email,
      password_hash: user.passwordHash,
      role: user.role,
      agb: user.agb,
      is_signatory: user.isSignatory,
      display_name: user.displayName ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export function listUsers(q: Queryable) {
  return q.selectFrom('users').select(['id', 'email', 'role', 'agb', 'is_signatory', 'display_name', 'created_at']).orderBy('email').execute();
}
