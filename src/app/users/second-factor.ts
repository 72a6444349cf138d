/**
 * Use cases of the second factor (TOTP) on a logged-in session: verify a code (the pending session
 * becomes full), enrol (a new secret as `otpauth://` URI and QR code, confirmed by a first code),
 * and reset (an administrator clears a user's secret; the user enrols again at the next log-in).
 * Every success and failure is audited; after `SECOND_FACTOR_MAX_FAILURES` wrong codes the session
 * ends and the password is asked again.
 */
import { randomBytes } from 'node:crypto';
import { Secret } from 'otpauth';
import QRCode from 'qrcode';
import { systemActor, type Actor } from '../../domain/auth/actor.js';
import { needsSecondFactor, SECOND_FACTOR_MAX_FAILURES, totpRefusal, totpUri, TOTP_SECRET_BYTES, type SecondFactorState } from '../../domain/auth/second-factor.js';
import { fail, ok, type Result } from '../../domain/errors.js';
import { audit } from '../../storage/audit.js';
import { withActor, type Tx } from '../../storage/context.js';
import type { Database } from '../../storage/database.js';
import { findUserByEmail, findUserById } from '../../storage/repositories/users.js';
import type { UserRow } from '../../storage/schema.js';
import { actorOf, hashToken, sessionStateOf, sessionUserOf, type SessionUser } from './sessions.js';
import { acceptTotp } from './totp-check.js';

const PURPOSE = 'authenticatie';

/** A new random secret of 160 bits, base32. */
export function generateTotpSecret(): string {
  return new Secret({ buffer: new Uint8Array(randomBytes(TOTP_SECRET_BYTES)).buffer }).base32;
}

export interface Enrolment {
  secret: string;
  otpauthUri: string;
  /** The URI as a QR code: an SVG data URL. */
  qrCode: string;
}

interface SessionContext {
  user: UserRow;
  tokenHash: string;
  failures: number;
  state: SecondFactorState;
  actor: Actor;
}

/** The session and its user; the HTTP door has checked its time-outs for this request already. */
async function sessionContext(tx: Tx, token: string): Promise<SessionContext | null> {
  const session = await tx.selectFrom('sessions').selectAll().where('token_hash', '=', hashToken(token)).executeTakeFirst();
  if (!session) return null;
  const user = await findUserById(tx, session.user_id);
  if (!user) return null;
  return { user, tokenHash: session.token_hash, failures: session.second_factor_failures, state: sessionStateOf(user, session.second_factor_at), actor: actorOf(sessionUserOf(user)) };
}

const notLoggedIn = () => fail('unauthenticated', 'Log eerst in met uw e-mailadres en wachtwoord.');
const notNeeded = () => fail('conflict', 'Uw rol heeft geen tweede factor nodig.');

/** A wrong code: counted on the session, audited; too many end the session. */
async function refuse(tx: Tx, ctx: SessionContext, event: string, reason: 'format' | 'mismatch' | 'replayed'): Promise<Result<never>> {
  const failures = ctx.failures + 1;
  const ended = failures >= SECOND_FACTOR_MAX_FAILURES;
  if (ended) await tx.deleteFrom('sessions').where('token_hash', '=', ctx.tokenHash).execute();
  else await tx.updateTable('sessions').set({ second_factor_failures: failures }).where('token_hash', '=', ctx.tokenHash).execute();
  await audit(tx, ctx.actor, { event, action: 'E', outcome: 'denied', purpose: PURPOSE, objectType: 'user', objectId: String(ctx.user.id), details: { reason, failures, session_ended: ended } });
  return ended
    ? fail('unauthenticated', `${SECOND_FACTOR_MAX_FAILURES} keer een onjuiste verificatiecode: log opnieuw in met uw wachtwoord.`)
    : fail('unauthenticated', totpRefusal(reason));
}

async function markVerified(tx: Tx, ctx: SessionContext, now: Date): Promise<void> {
  await tx.updateTable('sessions').set({ second_factor_at: now, second_factor_failures: 0 }).where('token_hash', '=', ctx.tokenHash).execute();
}

/** `POST /api/auth/second-factor`: the code of an enrolled user makes the session full. */
export async function verifySecondFactor(db: Database, token: string, code: string, now: Date): Promise<Result<{ user: SessionUser; secondFactor: SecondFactorState }>> {
  return withActor(db, systemActor('auth'), async (tx) => {
    const ctx = await sessionContext(tx, token);
    if (!ctx) return notLoggedIn();
    if (ctx.state === 'not-required') return notNeeded();
    if (ctx.state === 'enrolment-required') return fail('conflict', 'U heeft nog geen tweede factor ingesteld: stel die eerst in.');
    const check = await acceptTotp(tx, ctx.user, code, now);
    if (!check.valid) return refuse(tx, ctx, 'auth.second-factor', check.reason);
    await markVerified(tx, ctx, now);
    await audit(tx, ctx.actor, { event: 'auth.second-factor', action: 'E', purpose: PURPOSE, objectType: 'user', objectId: String(ctx.user.id), details: { via: 'session' } });
    return ok({ user: sessionUserOf(ctx.user), secondFactor: 'verified' as const });
  });
}

/**
 * `POST /api/auth/second-factor/enrol`: for a user without a confirmed secret, a new secret (it
 * replaces an unconfirmed one) with its URI and QR code. It counts only once a code confirms it.
 */
export async function startEnrolment(db: Database, token: string): Promise<Result<Enrolment>> {
  const result = await withActor(db, systemActor('auth'), async (tx): Promise<Result<{ secret: string; uri: string }>> => {
    const ctx = await sessionContext(tx, token);
    if (!ctx) return notLoggedIn();
    if (ctx.state === 'not-required') return notNeeded();
    if (ctx.state !== 'enrolment-required') return fail('conflict', 'U heeft de tweede factor al ingesteld. Een beheerder kan die opnieuw laten instellen.');
    const secret = generateTotpSecret();
    await tx.updateTable('users').set({ totp_secret: secret, totp_enrolled_at: null, totp_last_step: null }).where('id', '=', ctx.user.id).execute();
    await audit(tx, ctx.actor, { event: 'auth.second-factor.enrol', action: 'U', purpose: PURPOSE, objectType: 'user', objectId: String(ctx.user.id), details: { stage: 'started' } });
    return ok({ secret, uri: totpUri(secret, ctx.user.email) });
  });
  if (!result.ok) return result;
  const svg = await QRCode.toString(result.value.uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return ok({ secret: result.value.secret, otpauthUri: result.value.uri, qrCode: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}` });
}

/** `POST /api/auth/second-factor/enrol/confirm`: the first code confirms the secret and makes the session full. */
export async function confirmEnrolment(db: Database, token: string, code: string, now: Date): Promise<Result<{ user: SessionUser; secondFactor: SecondFactorState }>> {
  return withActor(db, systemActor('auth'), async (tx) => {
    const ctx = await sessionContext(tx, token);
    if (!ctx) return notLoggedIn();
    if (ctx.state === 'not-required') return notNeeded();
    if (ctx.state !== 'enrolment-required') return fail('conflict', 'U heeft de tweede factor al ingesteld.');
    if (ctx.user.totp_secret === null) return fail('conflict', 'Start eerst het instellen van de tweede factor.');
    const check = await acceptTotp(tx, ctx.user, code, now);
    if (!check.valid) return refuse(tx, ctx, 'auth.second-factor.enrol', check.reason);
    await tx.updateTable('users').set({ totp_enrolled_at: now }).where('id', '=', ctx.user.id).execute();
    await markVerified(tx, ctx, now);
    await audit(tx, ctx.actor, { event: 'auth.second-factor.enrol', action: 'U', purpose: PURPOSE, objectType: 'user', objectId: String(ctx.user.id), details: { stage: 'confirmed' } });
    return ok({ user: sessionUserOf(ctx.user), secondFactor: 'verified' as const });
  });
}

/**
 * `zorginkoop users reset-second-factor`: clears the user's secret and ends the user's sessions;
 * the next log-in asks to enrol again (a lost or replaced phone).
 */
export async function resetSecondFactor(deps: { db: Database; actor: Actor }, email: string): Promise<Result<{ id: number; email: string; second_factor: SecondFactorState }>> {
  if (deps.actor.role !== 'system' && deps.actor.role !== 'purchaser') {
    return fail('forbidden', 'Alleen beheerders en zorginkopers mogen de tweede factor van een gebruiker opnieuw laten instellen.');
  }
  return withActor(deps.db, deps.actor, async (tx) => {
    const user = await findUserByEmail(tx, email.trim());
    if (!user) return fail('not_found', `Er is geen gebruiker met e-mailadres ${email.trim()}.`, [{ field: 'email', message: 'Onbekend e-mailadres.' }]);
    if (!needsSecondFactor(user.role)) {
      return fail('invalid_input', `Gebruikers met rol ${user.role} hebben geen tweede factor.`, [{ field: 'email', message: 'Rol zonder tweede factor.' }]);
    }
    await tx.updateTable('users').set({ totp_secret: null, totp_enrolled_at: null, totp_last_step: null }).where('id', '=', user.id).execute();
    const ended = await tx.deleteFrom('sessions').where('user_id', '=', user.id).executeTakeFirst();
    await audit(tx, deps.actor, {
      event: 'auth.second-factor.reset',
      action: 'U',
      purpose: 'beheer',
      objectType: 'user',
      objectId: String(user.id),
      details: { sessions_ended: Number(ended.numDeletedRows) },
    });
    return ok({ id: user.id, email: user.email, second_factor: 'enrolment-required' as const });
  });
}

/** A pending session asked for claim or patient data and was refused: recorded like any refused read. */
export async function auditSecondFactorRefusal(db: Database, actor: Actor, route: string, state: SecondFactorState): Promise<void> {
  await withActor(db, systemActor('auth'), (tx) =>
    audit(tx, actor, { event: 'auth.second-factor.required', action: 'R', outcome: 'denied', purpose: PURPOSE, objectType: 'route', objectId: route, details: { second_factor: state } }),
  );
}
