/** Who acts: a logged-in user, the public, or the system (CLI, jobs, demo seeding). */
/** `medical-adviser`: the insurer's medical adviser, who supervises patient-level detail control. */
export type Role = 'purchaser' | 'controller' | 'medical-adviser' | 'provider' | 'public' | 'system';

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
  if (actor.role === 'purchaser' || actor.role === 'controller' || actor.role === 'medical-adviser' || actor.role === 'system') return true;
  return actor.role === 'provider' && actor.agb === agb;
}
