import { describe, expect, it } from 'vitest';
import {
  needsSecondFactor,
  parseTotpSecret,
  SECOND_FACTOR_ROLES,
  secondFactorSatisfied,
  secondFactorState,
  totpCode,
  totpStep,
  totpUri,
  verifyTotp,
} from './second-factor.js';

/** RFC 6238 Appendix B: the SHA-1 seed "12345678901234567890" in base32. */
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const at = (unixSeconds: number) => new Date(unixSeconds * 1000);

describe('second factor: who needs it', () => {
  it('is the controller and the medical adviser, not purchasers or provider users', () => {
    expect([...SECOND_FACTOR_ROLES].sort()).toEqual(['controller', 'medical-adviser']);
    expect(needsSecondFactor('controller')).toBe(true);
    expect(needsSecondFactor('medical-adviser')).toBe(true);
    expect(needsSecondFactor('purchaser')).toBe(false);
    expect(needsSecondFactor('provider')).toBe(false);
    expect(needsSecondFactor('public')).toBe(false);
  });

  it('derives the session state from role, enrolment and verification', () => {
    expect(secondFactorState({ role: 'purchaser', enrolled: false, verified: false })).toBe('not-required');
    expect(secondFactorState({ role: 'controller', enrolled: false, verified: false })).toBe('enrolment-required');
    expect(secondFactorState({ role: 'controller', enrolled: false, verified: true })).toBe('enrolment-required');
    expect(secondFactorState({ role: 'medical-adviser', enrolled: true, verified: false })).toBe('required');
    expect(secondFactorState({ role: 'medical-adviser', enrolled: true, verified: true })).toBe('verified');
    expect(['not-required', 'verified'].map((s) => secondFactorSatisfied(s as 'verified'))).toEqual([true, true]);
    expect(['required', 'enrolment-required'].map((s) => secondFactorSatisfied(s as 'required'))).toEqual([false, false]);
  });
});

describe('TOTP codes (RFC 6238)', () => {
  it('computes the RFC 6238 test vectors (SHA-1, last 6 of the 8 digits)', () => {
    const vectors: [number, string][] = [
      [59, '287082'],
      [1111111109, '081804'],
      [1111111111, '050471'],
      [1234567890, '005924'],
      [2000000000, '279037'],
    ];
    for (const [seconds, code] of vectors) expect(totpCode(RFC_SECRET, totpStep(at(seconds)))).toBe(code);
  });

  it('counts 30-second steps from the epoch', () => {
    expect(totpStep(at(0))).toBe(0);
    expect(totpStep(at(29))).toBe(0);
    expect(totpStep(at(30))).toBe(1);
    expect(totpStep(at(1234567890))).toBe(41152263);
  });

  it('writes the otpauth URI an authenticator app reads', () => {
    const uri = totpUri(RFC_SECRET, 'controller@zorginkoop.nl');
    expect(uri).toMatch(/^otpauth:\/\/totp\/Zorginkoop:controller%40zorginkoop\.nl\?/);
    const params = new URL(uri).searchParams;
    expect(Object.fromEntries(params)).toMatchObject({ issuer: 'Zorginkoop', secret: RFC_SECRET, algorithm: 'SHA1', digits: '6', period: '30' });
  });
});

describe('verifying a code', () => {
  const now = at(1234567890);
  const step = totpStep(now);
  const codeAt = (delta: number) => totpCode(RFC_SECRET, step + delta);

  it('accepts the current step and one step either side, and says which step', () => {
    expect(verifyTotp({ secret: RFC_SECRET, code: codeAt(0), at: now, lastUsedStep: null })).toEqual({ valid: true, step });
    expect(verifyTotp({ secret: RFC_SECRET, code: codeAt(-1), at: now, lastUsedStep: null })).toEqual({ valid: true, step: step - 1 });
    expect(verifyTotp({ secret: RFC_SECRET, code: codeAt(1), at: now, lastUsedStep: null })).toEqual({ valid: true, step: step + 1 });
  });

  it('refuses codes two steps away, wrong codes and malformed input', () => {
    expect(verifyTotp({ secret: RFC_SECRET, code: codeAt(-2), at: now, lastUsedStep: null })).toEqual({ valid: false, reason: 'mismatch' });
    expect(verifyTotp({ secret: RFC_SECRET, code: codeAt(2), at: now, lastUsedStep: null })).toEqual({ valid: false, reason: 'mismatch' });
    const wrong = '005925'; // the current code is 005924
    expect([codeAt(-1), codeAt(0), codeAt(1)]).not.toContain(wrong);
    expect(verifyTotp({ secret: RFC_SECRET, code: wrong, at: now, lastUsedStep: null })).toEqual({ valid: false, reason: 'mismatch' });
    for (const bad of ['', '12345', '1234567', 'abcdef', '12 34 5']) {
      expect(verifyTotp({ secret: RFC_SECRET, code: bad, at: now, lastUsedStep: null })).toEqual({ valid: false, reason: 'format' });
    }
    expect(verifyTotp({ secret: RFC_SECRET, code: `${codeAt(0).slice(0, 3)} ${codeAt(0).slice(3)}`, at: now, lastUsedStep: null })).toEqual({ valid: true, step });
  });

  it('refuses a replay: a step not after the last used one, even within the window', () => {
    expect(verifyTotp({ secret: RFC_SECRET, code: codeAt(0), at: now, lastUsedStep: step })).toEqual({ valid: false, reason: 'replayed' });
    expect(verifyTotp({ secret: RFC_SECRET, code: codeAt(-1), at: now, lastUsedStep: step })).toEqual({ valid: false, reason: 'replayed' });
    expect(verifyTotp({ secret: RFC_SECRET, code: codeAt(0), at: now, lastUsedStep: step + 1 })).toEqual({ valid: false, reason: 'replayed' });
    // The next step is still fresh.
    expect(verifyTotp({ secret: RFC_SECRET, code: codeAt(1), at: now, lastUsedStep: step })).toEqual({ valid: true, step: step + 1 });
    expect(verifyTotp({ secret: RFC_SECRET, code: codeAt(0), at: now, lastUsedStep: step - 1 })).toEqual({ valid: true, step });
  });
});

describe('parsing a secret', () => {
  it('normalises what a person types: case, spaces, dashes, padding', () => {
    expect(parseTotpSecret('gezd gnbv-gy3t qojq gezd gnbv gy3t qojq==')).toEqual({ ok: true, value: RFC_SECRET });
  });
  it('refuses non-base32 and secrets under 128 bits', () => {
    const notBase32 = parseTotpSecret('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJ1');
    expect(notBase32.ok || notBase32.error.issues?.[0]?.field).toBe('totp_secret');
    expect(parseTotpSecret('GEZDGNBVGY3TQOJQGEZDGNBVG').ok).toBe(false); // 25 chars = 125 bits
    expect(parseTotpSecret('GEZDGNBVGY3TQOJQGEZDGNBVGY').ok).toBe(true); // 26 chars = 130 bits
    expect(parseTotpSecret('A'.repeat(129)).ok).toBe(false);
  });
});
