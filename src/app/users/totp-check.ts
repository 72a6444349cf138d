/**
 * Checks a TOTP code of a user and uses its time step up, in the caller's transaction. The update
 * is conditional (only a later step than the stored one), so two requests racing with the same
 * code cannot both pass: the loser sees a replay.
 */
import { verifyTotp, type TotpCheck } from '../../domain/auth/second-factor.js';
import type { Tx } from '../../storage/context.js';
import type { UserRow } from '../../storage/schema.js';

export async function acceptTotp(tx: Tx, user: UserRow, code: string, now: Date, secret: string | null = user.totp_secret): Promise<TotpCheck> {
  if (secret === null) return { valid: false, reason: 'mismatch' };
  const check = verifyTotp({ secret, code, at: now, lastUsedStep: user.totp_last_step });
  if (!check.valid) return check;
  const used = await tx
    .updateTable('users')
    .set({ totp_last_step: check.step })
    .where('id', '=', user.id)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', check.step)]))
    .executeTakeFirst();
  return Number(used.numUpdatedRows) === 1 ? check : { valid: false, reason: 'replayed' };
}
