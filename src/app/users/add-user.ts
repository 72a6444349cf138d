/** Use case: register a user (purchaser, controller, or provider user bound to one AGB). */
import { hash } from '@node-rs/argon2';
import type { Actor } from '../../domain/auth/actor.js';
import { checkPassword } from '../../domain/auth/password-policy.js';
import { fail, ok, type Result } from '../../domain/errors.js';
import { parseAgb } from '../../domain/identifiers/index.js';
import { audit } from '../../storage/audit.js';
import { withActor } from '../../storage/context.js';
import type { Database } from '../../storage/database.js';
import { findProvider } from '../../storage/repositories/providers.js';
import { findUserByEmail, insertUser } from '../../storage/repositories/users.js';
import type { UserRole } from '../../storage/schema.js';

/** argon2id with the OWASP-recommended minimum (19 MiB, 2 iterations, 1 lane). */
export const ARGON2ID_OPTIONS = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export interface NewUser {
  email: string;
  password: string;
  role: UserRole;
  agb?: string | null;
  signatory?: boolean;
  displayName?: string | null;
}

export async function addUser(deps: { db: Database; actor: Actor }, input: NewUser): Promise<Result<{ id: number; email: string; role: UserRole; agb: string | null }>> {
  if (deps.actor.role !== 'system' && deps.actor.role !== 'purchaser') {
    return fail('forbidden', 'Alleen beheerders en zorginkopers mogen gebruikers toevoegen.');
  }
  const email = input.email.trim();
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email) || email.length > 254) {
    return fail('invalid_input', `Ongeldig e-mailadres: '${email}'.`, [{ field: 'email', message: 'Ongeldig e-mailadres.' }]);
  }
  if (!['purchaser', 'controller', 'medical-adviser', 'provider'].includes(input.role)) {
    return fail('invalid_input', `Rol moet purchaser, controller, medical-adviser of provider zijn.`, [{ field: 'role', message: 'Onbekende rol.' }]);
  }
  const password = checkPassword(input.password, { email });
  if (!password.ok) return password;

  let agb: string | null = null;
  if (input.role === 'provider') {
    if (!input.agb) return fail('invalid_input', 'Een gebruiker van een zorgaanbieder heeft een AGB-code nodig (--agb).', [{ field: 'agb', message: 'Verplicht voor rol provider.' }]);
    const parsed = parseAgb(input.agb, 'agb');
    if (!parsed.ok) return parsed;
    agb = parsed.value;
  } else if (input.agb) {
    return fail('invalid_input', 'Alleen gebruikers met rol provider zijn aan een AGB-code gebonden.', [{ field: 'agb', message: 'Niet toegestaan voor deze rol.' }]);
  }
  if (input.signatory && input.role !== 'provider') {
    return fail('invalid_input', 'Alleen een gebruiker van een zorgaanbieder kan tekenbevoegd zijn.', [{ field: 'signatory', message: 'Alleen voor rol provider.' }]);
  }

  const passwordHash = await hash(password.value, ARGON2ID_OPTIONS);
  return withActor(deps.db, deps.actor, async (tx) => {
    if (agb && !(await findProvider(tx, agb))) {
      return fail('not_found', `Zorgaanbieder met AGB-code ${agb} bestaat niet.`, [{ field: 'agb', message: 'Onbekende AGB-code.' }]);
    }
    if (await findUserByEmail(tx, email)) {
      return fail('conflict', `Er bestaat al een gebruiker met e-mailadres ${email}.`, [{ field: 'email', message: 'Bestaat al.' }]);
    }
    const id = await insertUser(tx, { email, passwordHash, role: input.role, agb, isSignatory: input.signatory === true, displayName: input.displayName ?? null });
    await audit(tx, deps.actor, { event: 'user.add', action: 'C', purpose: 'beheer', objectType: 'user', objectId: String(id), agb, details: { role: input.role, signatory: input.signatory === true } });
    return ok({ id, email, role: input.role, agb });
  });
}
