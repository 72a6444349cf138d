/**
 * Log-in and sessions. A session token is random (256 bits), only its SHA-256 is stored; a session
 * ends after an idle time-out and at an absolute time-out, whichever comes first. The clock is a
 * parameter so tests can move time.
 *
 * For the roles that see claim and patient data (`SECOND_FACTOR_ROLES`) the password opens a
 * *pending* session; the second factor (`second-factor.ts`, or the optional `totp` of the log-in
 * itself) makes it full. Every log-in, accepted or refused, is audited.
 */
import { createHash, randomBytes } from 'node:crypto';
import { verify } from '@node-rs/argon2';
import type { Actor } from '../../domain/auth/actor.js';
import { systemActor } from '../../domain/auth/actor.js';
import { secondFactorState, totpRefusal, type SecondFactorState } from '../../domain/auth/second-factor.js';
import { fail, ok, type Result } from '../../domain/errors.js';
import { audit } from '../../storage/audit.js';
import { withActor } from '../../storage/context.js';
import type { Database } from '../../storage/database.js';
import { findUserByEmail, findUserById } from '../../storage/repositories/users.js';
import type { UserRole, UserRow } from '../../storage/schema.js';
import { acceptTotp } from './totp-check.js';

export const SESSION_IDLE_MINUTES = 30;
export const SESSION_ABSOLUTE_HOURS = 12;

export interface SessionUser {
  id: number;
  email: string;
  role: UserRole;
  agb: string | null;
  isSignatory: boolean;
}

/** A live session: its user and where it stands with the second factor. */
export interface ResolvedSession {
  user: SessionUser;
  secondFactor: SecondFactorState;
}

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
/** A fixed hash to verify against when the e-mail is unknown, so timing does not reveal accounts. */
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$VE3OvhrF+f7RZwlQr2NIZg$1YFgVX5Huw/hkVnWalk+DU1CGYl0hzSe4flFwwfOqCE';

export const actorOf = (user: SessionUser): Actor => ({ role: user.role, userId: user.id, email: user.email, agb: user.agb, isSignatory: user.isSignatory });

export const sessionUserOf = (user: UserRow): SessionUser => ({ id: user.id, email: user.email, role: user.role, agb: user.agb, isSignatory: user.is_signatory });

/** Where a user's session stands, from the user's enrolment and the session's verification time. */
export const sessionStateOf = (user: UserRow, secondFactorAt: Date | string | null): SecondFactorState =>
  secondFactorState({ role: user.role, enrolled: user.totp_enrolled_at !== null && user.totp_secret !== null, verified: secondFactorAt !== null });

const AUTH_PURPOSE = 'authenticatie';

export async function login(
  db: Database,
  input: { email: string; password: string; totp?: string | undefined },
  now: Date,
): Promise<Result<{ token: string; user: SessionUser; secondFactor: SecondFactorState }>> {
  const system = systemActor('auth');
  const user = await withActor(db, system, (tx) => findUserByEmail(tx, input.email.trim()));
  const valid = await verify(user?.password_hash ?? DUMMY_HASH, input.password).catch(() => false);
  if (!user || !valid) {
    await withActor(db, system, (tx) =>
      audit(tx, system, { event: 'auth.login', action: 'E', outcome: 'denied', purpose: AUTH_PURPOSE, objectType: 'user', ...(user ? { objectId: String(user.id) } : {}) }),
    );
    return fail('unauthenticated', 'E-mailadres of wachtwoord onjuist.');
  }
  const sessionUser = sessionUserOf(user);
  const actor = actorOf(sessionUser);
  let state = sessionStateOf(user, null);

  // Both factors in one call: the code is checked (and its step used up) before a session exists.
  if (state === 'required' && input.totp !== undefined) {
    const accepted = await withActor(db, system, async (tx) => {
      const check = await acceptTotp(tx, user, input.totp ?? '', now);
      await audit(tx, actor, {
        event: 'auth.second-factor',
        action: 'E',
        outcome: check.valid ? 'success' : 'denied',
        purpose: AUTH_PURPOSE,
        objectType: 'user',
        objectId: String(user.id),
        details: check.valid ? { via: 'login' } : { via: 'login', reason: check.reason },
      });
      if (!check.valid) {
        await audit(tx, actor, { event: 'auth.login', action: 'E', outcome: 'denied', purpose: AUTH_PURPOSE, objectType: 'user', objectId: String(user.id), details: { reason: 'second-factor' } });
      }
      return check;
    });
    if (!accepted.valid) return fail('unauthenticated', totpRefusal(accepted.reason));
    state = 'verified';
  }

  const token = randomBytes(32).toString('base64url');
  await withActor(db, system, async (tx) => {
    await tx
      .insertInto('sessions')
      .values({
        token_hash: hashToken(token),
        user_id: user.id,
        created_at: now,
        last_seen_at: now,
        absolute_expires_at: new Date(now.getTime() + SESSION_ABSOLUTE_HOURS * 3600_000),
        second_factor_at: state === 'verified' ? now : null,
      })
      .execute();
    await audit(tx, actor, { event: 'auth.login', action: 'E', purpose: AUTH_PURPOSE, objectType: 'user', objectId: String(user.id), details: { second_factor: state } });
  });
  return ok({ token, user: sessionUser, secondFactor: state });
}

/** The session behind a token, or null when unknown or expired; refreshes the idle clock. */
export async function resolveSession(db: Database, token: string, now: Date): Promise<ResolvedSession | null> {
  return withActor(db, systemActor('auth'), async (tx) => {
    const session = await tx.selectFrom('sessions').selectAll().where('token_hash', '=', hashToken(token)).executeTakeFirst();
    if (!session) return null;
    const idleLimit = new Date(session.last_seen_at).getTime() + SESSION_IDLE_MINUTES * 60_000;
    if (now.getTime() > idleLimit || now.getTime() > new Date(session.absolute_expires_at).getTime()) {
      await tx.deleteFrom('sessions').where('token_hash', '=', session.token_hash).execute();
      return null;
    }
    // Refresh the idle clock at most once a minute to keep reads cheap.
    if (now.getTime() - new Date(session.last_seen_at).getTime() > 60_000) {
      await tx.updateTable('sessions').set({ last_seen_at: now }).where('token_hash', '=', session.token_hash).execute();
    }
    const user = await findUserById(tx, session.user_id);
    return user ? { user: sessionUserOf(user), secondFactor: sessionStateOf(user, session.second_factor_at) } : null;
  });
}

export async function logout(db: Database, token: string): Promise<void> {
  await withActor(db, systemActor('auth'), (tx) => tx.deleteFrom('sessions').where('token_hash', '=', hashToken(token)).execute());
}
