/**
 * Names and free text typed by people: no control characters (C0 incl. NUL, DEL, C1) and no bidirectional
 * overrides or isolates. NUL makes PostgreSQL refuse the row (error 22021, a 500 before this check); the others
 * let a name render differently from what it is ("Trojan Source"). Free text may keep tab and newlines.
 */
import { z } from 'zod';

// C0 except tab/LF/CR, DEL, C1; bidi embeddings/overrides U+202A–U+202E and isolates U+2066–U+2069.
const UNSAFE_IN_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/u;
// Names are one line: tab, LF and CR are refused too.
const UNSAFE_IN_NAME = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/u;

export const UNSAFE_TEXT_MESSAGE = 'must not contain control characters or bidirectional overrides';

export function hasUnsafeText(value: string, { multiline = false } = {}): boolean {
  return (multiline ? UNSAFE_IN_TEXT : UNSAFE_IN_NAME).test(value);
}

/** Refinement for any zod string: `z.string().max(200).check(safeName())`-style use via `.refine(...safeNameRefine)`. */
export const safeNameRefine = [(v: string) => !hasUnsafeText(v), { message: UNSAFE_TEXT_MESSAGE }] as const;
export const safeTextRefine = [
  (v: string) => !hasUnsafeText(v, { multiline: true }),
  { message: UNSAFE_TEXT_MESSAGE },
] as const;

/** A one-line name (team, person, model, token). */
export function zSafeName(max = 200) {
  return z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine(...safeNameRefine);
}

/** Free text (descriptions, justifications, comments): newlines and tabs allowed. */
export function zSafeText(max = 2000) {
  return z
    .string()
    .max(max)
    .refine(...safeTextRefine);
}
