/**
 * Use case: register a user (purchaser, controller, medical adviser, or provider user bound to one
 * AGB). A role with a second factor gets a TOTP secret (the given one, else a new random one),
 * confirmed at once: the result carries its `otpauth://` URI to hand to the user.
 */
import { hash } from '@node-rs/argon2';
import type { Actor } from '../../domain/auth/actor.js';
import { checkPassword } from '../../domain/auth/password-policy.js';
import { needsSecondFactor, parseTotpSecret, totpUri } from '../../domain/auth/second-factor.js';
import { fail, ok, type Result } from '../../domain/errors.js';
import { parseAgb } from '../../domain/identifiers/index.js';
import { audit } from '../../storage/audit.js';
import { withActor } from '../../storage/context.js';
import type { Database } from '../../storage/database.js';
import { findProvider } from '../../storage/repositories/providers.js';
import { findUserByEmail, insertUser } from '../../storage/repositories/users.js';
import type { UserRole } from '../../storage/schema.js';
import { generateTotpSecret } from './second-factor.js';

/** argon2id with the OWASP-recommended minimum (19 MiB, 2 iterations, 1 lane). */
export const ARGON2ID_OPTIONS = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export interface NewUser {
  email: string;
  password: string;
  role: UserRole;
  agb?: string | null;
  signatory?: boolean;
  displayName?: string | null;
  /** Base32 TOTP secret for a role with a second factor; a new random one when absent. */
  totpSecret?: string | null;
}

export interface AddedUser {
  id: number;
  email: string;
  role: UserRole;
  agb: string | null;
  /** The `otpauth://` URI of the user's TOTP secret; null for roles without a second factor. */
  totpUri: string | null;
}

export async function addUser(deps: { db: Database; actor: Actor; now?: Date }, input: NewUser): Promise<Result<AddedUser>> {
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

  let totpSecret: string | null = null;
  if (needsSecondFactor(input.role)) {
    if (input.totpSecret) {
      const parsed = parseTotpSecret(input.totpSecret);
      if (!parsed.ok) return parsed;
      totpSecret = parsed.value;
    } else {
      totpSecret = generateTotpSecret();
    }
  } else if (input.totpSecret) {
    return fail('invalid_input', 'Alleen controllers en medisch adviseurs hebben een tweede factor (TOTP).', [{ field: 'totp_secret', message: 'Niet voor deze rol.' }]);
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
    if (totpSecret) await tx.updateTable('users').set({ totp_secret: totpSecret, totp_enrolled_at: deps.now ?? new Date() }).where('id', '=', id).execute();
    await audit(tx, deps.actor, { event: 'user.add', action: 'C', purpose: 'beheer', objectType: 'user', objectId: String(id), agb, details: { role: input.role, signatory: input.signatory === true, second_factor: totpSecret !== null } });
    return ok({ id, email, role: input.role, agb, totpUri: totpSecret ? totpUri(totpSecret, email) : null });
  });
}
