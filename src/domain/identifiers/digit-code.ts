/**
 * Shared building blocks for identifiers that are fixed-length digit strings (AGB, UZOVI, BSN, ...).
 * Internal to `identifiers/`: the public API is the per-concept `parseX` / `isX` functions.
 */
import { fail, ok, type Result } from '../errors.js';

declare const brand: unique symbol;

/** A string that has passed a specific validation; only the matching `parseX` creates one. */
export type Brand<T, B extends string> = T & { readonly [brand]: B };

/** Longest part of a rejected input echoed back in a message, so one bad cell cannot flood a report. */
const MAX_ECHO = 20;

/** Renders the rejected input for a message: quoted, shortened, and "lege waarde" for empty input. */
export function echo(input: string): string {
  if (input.length === 0) return 'lege waarde';
  return input.length > MAX_ECHO ? `'${input.slice(0, MAX_ECHO)}…'` : `'${input}'`;
}

/** Exactly `length` ASCII digits (no signs, spaces, dots or non-Latin digits). */
export function isDigits(s: unknown, length: number): s is string {
  return typeof s === 'string' && hasDigits(s, length);
}

/** Exactly `length` ASCII digits, for a value already known to be a string. */
export function hasDigits(s: string, length: number): boolean {
  return s.length === length && /^[0-9]+$/.test(s);
}

/** One `invalid_input` failure with a single issue for `field`; the message is user-facing Dutch. */
export function invalid(field: string, message: string): Result<never> {
  return fail('invalid_input', message, [{ field, message }]);
}

export interface DigitCodeSpec {
  /** Dutch name used in messages, e.g. "AGB-code". */
  label: string;
  length: number;
  /**
   * Whether the rejected input may be echoed in the message. False for personal numbers (BSN):
   * error messages end up in logs and reports.
   */
  echoInput: boolean;
}

/** Trims `input` and checks it is exactly `spec.length` digits; the first step of every `parseX`. */
export function parseDigitCode(input: string, field: string, spec: DigitCodeSpec): Result<string> {
  const value = input.trim();
  if (hasDigits(value, spec.length)) return ok(value);
  const got = spec.echoInput
    ? `gekregen: ${echo(value)}`
    : value.length === 0
      ? 'gekregen: lege waarde'
      : `gekregen: ${value.length} ${value.length === 1 ? 'teken' : 'tekens'}`;
  return invalid(field, `${spec.label} moet uit ${spec.length} cijfers bestaan (${got})`);
}

/** The digits of a string already checked by `isDigits`, as numbers. */
export function digitsOf(s: string): number[] {
  return Array.from(s, (c) => c.charCodeAt(0) - 48);
}
