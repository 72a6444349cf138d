/**
 * The second factor (TOTP, RFC 6238) for the roles that see claim and patient data. Pure: the time
 * is an argument, never read here; the HMAC comes from `otpauth` (a computation, no I/O). A session
 * of such a role is *pending* after the password and *full* after a valid code; a code's time step
 * may be used once (replay protection: the last used step is stored, only later steps are accepted).
 */
import { HOTP, Secret, TOTP } from 'otpauth';
import type { Role } from './actor.js';
import { fail, ok, type Result } from '../errors.js';

/**
 * The roles that need a second factor: those that see claim data and, under a specific risk
 * analysis, patient-level claim detail (Regeling zorgverzekering art. 7.8; NEN 7513 spirit). The
 * controller and the medical adviser. Purchasers and provider users see no patient data through
 * the insurer's claims control, so their log-in stays password-only.
 */
export const SECOND_FACTOR_ROLES: readonly Role[] = ['controller', 'medical-adviser'];

export const needsSecondFactor = (role: Role): boolean => SECOND_FACTOR_ROLES.includes(role);

/** RFC 6238 defaults, which every authenticator app supports: HMAC-SHA1, 6 digits, 30-second steps. */
export const TOTP_ISSUER = 'Zorginkoop';
export const TOTP_ALGORITHM = 'SHA1';
export const TOTP_DIGITS = 6;
export const TOTP_PERIOD_SECONDS = 30;
/** Steps accepted either side of the current one (clock drift of the phone): ±1 step, ±30 s. */
export const TOTP_WINDOW = 1;
/** Secrets of at least 128 bits (RFC 4226 §4); generated ones have 160 bits (20 bytes). */
export const TOTP_SECRET_MIN_BITS = 128;
export const TOTP_SECRET_BYTES = 20;
/** Wrong codes one session may send before it ends and the password is asked again. */
export const SECOND_FACTOR_MAX_FAILURES = 5;

/**
 * Where a session stands: `not-required` (role without a second factor), `enrolment-required`
 * (no confirmed secret yet), `required` (password given, code not yet), `verified` (full session).
 */
export type SecondFactorState = 'not-required' | 'enrolment-required' | 'required' | 'verified';

export function secondFactorState(input: { role: Role; enrolled: boolean; verified: boolean }): SecondFactorState {
  if (!needsSecondFactor(input.role)) return 'not-required';
  if (!input.enrolled) return 'enrolment-required';
  return input.verified ? 'verified' : 'required';
}

/** Whether a session in this state may see claim or patient data. */
export const secondFactorSatisfied = (state: SecondFactorState): boolean => state === 'not-required' || state === 'verified';

/** The TOTP time step of a moment: whole periods since the Unix epoch. */
export function totpStep(at: Date): number {
  return Math.floor(at.getTime() / 1000 / TOTP_PERIOD_SECONDS);
}

/** A base32 secret as typed by a person: upper case, without spaces, dashes or padding; at least 128 bits. */
export function parseTotpSecret(text: string, field = 'totp_secret'): Result<string> {
  const secret = text.replace(/[\s-]/g, '').replace(/=+$/, '').toUpperCase();
  if (!/^[A-Z2-7]+$/.test(secret)) {
    return fail('invalid_input', 'Het TOTP-geheim moet base32 zijn (letters A-Z en cijfers 2-7).', [{ field, message: 'Geen base32.' }]);
  }
  if (secret.length * 5 < TOTP_SECRET_MIN_BITS) {
    return fail('invalid_input', `Het TOTP-geheim moet minstens ${TOTP_SECRET_MIN_BITS} bits hebben (${Math.ceil(TOTP_SECRET_MIN_BITS / 5)} base32-tekens).`, [
      { field, message: 'Te kort.' },
    ]);
  }
  if (secret.length > 128) return fail('invalid_input', 'Het TOTP-geheim is te lang (hooguit 128 base32-tekens).', [{ field, message: 'Te lang.' }]);
  return ok(secret);
}

/** The 6-digit code of a secret at a time step (RFC 6238 = RFC 4226 with the step as counter). */
export function totpCode(secret: string, step: number): string {
  return HOTP.generate({ secret: Secret.fromBase32(secret), algorithm: TOTP_ALGORITHM, digits: TOTP_DIGITS, counter: step });
}

/** The `otpauth://totp/...` URI an authenticator app reads from a QR code. */
export function totpUri(secret: string, account: string): string {
  return new TOTP({ issuer: TOTP_ISSUER, label: account, secret: Secret.fromBase32(secret), algorithm: TOTP_ALGORITHM, digits: TOTP_DIGITS, period: TOTP_PERIOD_SECONDS }).toString();
}

export type TotpCheck = { valid: true; step: number } | { valid: false; reason: 'format' | 'mismatch' | 'replayed' };

/**
 * Checks a code against the steps around `at` (±`TOTP_WINDOW`). A code whose step is not after
 * the last used step is a replay and refused, even when it matches.
 */
export function verifyTotp(input: { secret: string; code: string; at: Date; lastUsedStep: number | null }): TotpCheck {
  const code = input.code.replace(/\s/g, '');
  if (!new RegExp(`^[0-9]{${TOTP_DIGITS}}$`).test(code)) return { valid: false, reason: 'format' };
  const secret = Secret.fromBase32(input.secret);
  const current = totpStep(input.at);
  let replayed = false;
  for (let step = current - TOTP_WINDOW; step <= current + TOTP_WINDOW; step += 1) {
    // otpauth compares in constant time.
    if (HOTP.validate({ token: code, secret, algorithm: TOTP_ALGORITHM, digits: TOTP_DIGITS, counter: step, window: 0 }) !== 0) continue;
    if (input.lastUsedStep !== null && step <= input.lastUsedStep) {
      replayed = true;
      continue;
    }
    return { valid: true, step };
  }
  return { valid: false, reason: replayed ? 'replayed' : 'mismatch' };
}

/** The Dutch message for a refused code. */
export function totpRefusal(reason: 'format' | 'mismatch' | 'replayed'): string {
  switch (reason) {
    case 'format':
      return `Vul de verificatiecode van ${TOTP_DIGITS} cijfers uit uw authenticator-app in.`;
    case 'replayed':
      return 'Deze verificatiecode is al gebruikt. Wacht op de volgende code in uw authenticator-app.';
    case 'mismatch':
      return 'Verificatiecode onjuist. Controleer de code en de tijd van uw telefoon.';
  }
}
