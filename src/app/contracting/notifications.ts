/**
 * Use cases: a user's own notifications (row-level security shows only the user's own rows) and
 * marking one as read. The notifications are written by the contracting transitions (`notify`).
 */
import type { Actor } from '../../domain/auth/actor.js';
import { fail, ok, type Result } from '../../domain/errors.js';
import { withActor } from '../../storage/context.js';
import type { Database } from '../../storage/database.js';
import { markRead, ownNotifications, type NotificationRow } from './contract-store.js';

export interface NotificationView {
  id: number;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  agb: string | null;
  created_at: string;
  read_at: string | null;
}

const view = (n: NotificationRow): NotificationView => ({
  id: n.id,
  kind: n.kind,
  title: n.title,
  body: n.body,
  link: n.link,
  agb: n.agb,
  created_at: new Date(n.created_at).toISOString(),
  read_at: n.read_at === null ? null : new Date(n.read_at).toISOString(),
});

export async function listNotifications(deps: { db: Database; actor: Actor }, options: { unreadOnly?: boolean; limit?: number } = {}): Promise<Result<{ unread: number; notifications: NotificationView[] }>> {
  const userId = deps.actor.userId;
  if (userId === null) return fail('unauthenticated', 'Log eerst in.');
  const limit = Math.min(Math.max(options.limit ?? 50, 1), 200);
  return withActor(deps.db, deps.actor, async (tx) => {
    const rows = await ownNotifications(tx, userId, { unreadOnly: options.unreadOnly === true, limit });
    const unread = await tx.selectFrom('notifications').select((eb) => eb.fn.countAll<number>().as('n')).where('user_id', '=', userId).where('read_at', 'is', null).executeTakeFirst();
    return ok({ unread: Number(unread?.n ?? 0), notifications: rows.map(view) });
  });
}

export async function markNotificationRead(deps: { db: Database; actor: Actor; now: Date }, idInput: unknown): Promise<Result<NotificationView>> {
  const userId = deps.actor.userId;
  if (userId === null) return fail('unauthenticated', 'Log eerst in.');
  const id = Number(idInput);
  if (!Number.isSafeInteger(id) || id < 1) return fail('invalid_input', 'Ongeldig meldingnummer.', [{ field: 'id', message: 'Een positief geheel getal.' }]);
  const row = await withActor(deps.db, deps.actor, (tx) => markRead(tx, userId, id, deps.now));
  return row ? ok(view(row)) : fail('not_found', `Melding ${id} bestaat niet (of is niet voor u).`);
}
