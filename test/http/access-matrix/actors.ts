/**
 * The actors of the authorisation matrix. `provider-A` and `provider-B` are the same log-in (the
 * demo provider user, whose own AGB is provider A): `provider-B` is that user asking for another
 * provider's data (provider B's AGB in the path, or an object of provider B).
 */
import { expect } from 'vitest';
import { DEMO_LOGINS, type DemoLogin } from '../../../src/app/demo/demo-users.js';
import type { Database } from '../../../src/storage/database.js';
import { ApiClient } from '../../support/server.js';

export const ACTORS = ['visitor', 'purchaser', 'controller', 'medical-adviser', 'provider-A', 'provider-B'] as const;
export type ActorId = (typeof ACTORS)[number];

const LOGIN_ROLE: Record<ActorId, DemoLogin['role'] | null> = {
  visitor: null,
  purchaser: 'purchaser',
  controller: 'controller',
  'medical-adviser': 'medical-adviser',
  'provider-A': 'provider',
  'provider-B': 'provider',
};

export const demoLogin = (role: DemoLogin['role']): DemoLogin => {
  const found = DEMO_LOGINS.find((l) => l.role === role);
  if (!found) throw new Error(`no demo log-in for role ${role}`);
  return found;
};

/**
 * One client per actor, each demo user logged in once (log-ins are rate limited to 10 a minute per
 * address): the visitor has no session, provider-A and provider-B share the provider user's.
 */
export async function loginActors(url: string): Promise<Record<ActorId, ApiClient>> {
  const byRole = new Map<DemoLogin['role'], ApiClient>();
  const clients = {} as Record<ActorId, ApiClient>;
  for (const actor of ACTORS) {
    const role = LOGIN_ROLE[actor];
    if (role === null) {
      clients[actor] = new ApiClient(url);
      continue;
    }
    let client = byRole.get(role);
    if (!client) {
      client = new ApiClient(url);
      const { email, password } = demoLogin(role);
      const response = await client.login(email, password);
      expect(response.status, `log-in of ${email}`).toBe(200);
      byRole.set(role, client);
    }
    clients[actor] = client;
  }
  return clients;
}

/** The user id behind each logged-in actor (the visitor has none), to find that user's audit records. */
export async function actorUserIds(db: Database): Promise<Partial<Record<ActorId, number>>> {
  const users = await db.kysely.selectFrom('users').select(['id', 'email']).execute();
  const ids: Partial<Record<ActorId, number>> = {};
  for (const actor of ACTORS) {
    const role = LOGIN_ROLE[actor];
    if (role === null) continue;
    const id = users.find((u) => u.email === demoLogin(role).email)?.id;
    if (id === undefined) throw new Error(`demo user of ${actor} not found`);
    ids[actor] = Number(id);
  }
  return ids;
}
