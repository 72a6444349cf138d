/** Who acts: a logged-in user, the public, or the system (CLI, jobs, demo seeding). */
export type Role = 'purchaser' | 'controller' | 'provider' | 'public' | 'system';

export interface Actor {
  role: Role;
  userId: number | null;
  email: string | null;
  /** Set for provider users only: the one provider they act for. */
  agb: string | null;
  isSignatory?: boolean;
}

export const systemActor = (label = 'system'): Actor => ({ role: 'system', userId: null, email: label, agb: null });
export const publicActor: Actor = { role: 'public', userId: null, email: null, agb: null };

/** Insurer staff see all providers; a provider user only its own AGB. */
export function canSeeProvider(actor: Actor, agb: string): boolean {
  if (actor.role === 'purchaser' || actor.role === 'controller' || actor.role === 'system') return true;
  return actor.role === 'provider' && actor.agb === agb;
}
