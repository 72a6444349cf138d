import { describe, expect, it } from 'vitest';
import { checkPassword } from './password-policy.js';

describe('password policy', () => {
  it('accepts 8 to 128 characters', () => {
    expect(checkPassword('paars-fiets-42').ok).toBe(true);
    expect(checkPassword('x'.repeat(7) + 'y').ok).toBe(true);
    expect(checkPassword('ab'.repeat(64)).ok).toBe(true);
  });
  it('refuses too short, too long and common passwords', () => {
    expect(checkPassword('kort7!x').ok).toBe(false);
    expect(checkPassword('ab'.repeat(64) + 'c').ok).toBe(false);
    expect(checkPassword('Wachtwoord1').ok).toBe(false);
    expect(checkPassword('aaaaaaaaaa').ok).toBe(false);
  });
  it('refuses a password holding the e-mail name', () => {
    expect(checkPassword('janssen-2018', { email: 'janssen@example.nl' }).ok).toBe(false);
  });
});
