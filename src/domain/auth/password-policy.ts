/**
 * Password rules for a system holding health data (in the spirit of NIST SP 800-63B): 8 to 128
 * characters, no composition rules, and the most common passwords refused.
 */
import { fail, ok, type Result } from '../errors.js';

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

const COMMON_PASSWORDS = new Set([
  '12345678', '123456789', '1234567890', 'password', 'password1', 'password123', 'wachtwoord', 'wachtwoord1',
  'welkom01', 'welkom123', 'qwertyui', 'qwerty123', 'iloveyou', 'abcdefgh', 'abc12345', '11111111', '00000000',
  '87654321', 'letmein1', 'sunshine', 'princess', 'football', 'baseball', 'zorginkoop', 'zilverenkruis',
  'ziekenhuis', 'admin123', 'administrator', 'passw0rd', 'p@ssw0rd', 'p@ssword', 'trustno1', 'monkey12',
  'dragon12', 'master12', 'starwars', 'whatever', 'superman', 'asdfghjk', 'zaq12wsx', '1q2w3e4r', 'q1w2e3r4',
  'changeme', 'secret12', 'test1234', 'testtest', 'amsterdam', 'rotterdam', 'nederland', 'voetbal1',
]);

export function checkPassword(password: string, context: { email?: string } = {}): Result<string> {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) {
    return fail('invalid_input', `Wachtwoord moet minstens ${PASSWORD_MIN_LENGTH} tekens hebben.`, [{ field: 'password', message: 'Te kort.' }]);
  }
  if (length > PASSWORD_MAX_LENGTH) {
    return fail('invalid_input', `Wachtwoord mag hooguit ${PASSWORD_MAX_LENGTH} tekens hebben.`, [{ field: 'password', message: 'Te lang.' }]);
  }
  const lower = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lower) || /^(.)\1+$/.test(password)) {
    return fail('invalid_input', 'Dit wachtwoord is te gangbaar; kies een ander.', [{ field: 'password', message: 'Veelgebruikt wachtwoord.' }]);
  }
  const localPart = context.email?.split('@')[0]?.toLowerCase();
  if (localPart && localPart.length >= 4 && lower.includes(localPart)) {
    return fail('invalid_input', 'Het wachtwoord mag uw e-mailadres niet bevatten.', [{ field: 'password', message: 'Bevat e-mailadres.' }]);
  }
  return ok(password);
}
