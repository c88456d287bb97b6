// Diagnostic codes raised by the check layer (declared-figures file, analysis limits). Data only;
// the words live in src/i18n/check.ts.
import type { Diagnostic, Severity, SourceLocation } from "../domain/types.js";

export const CHECK_CODES = {
  DECLARED_MISSING_COLUMN: "error",
  DECLARED_UNKNOWN_NODE: "error",
  DECLARED_UNKNOWN_OFFER: "error",
  DECLARED_INVALID_RANK: "error",
  DECLARED_DUPLICATE: "error",
  DECLARED_CONFLICT: "warning",
  NOTHING_TO_CHECK: "error",
  THRESHOLDS_WITH_UNKNOWNS: "warning",
  UNSUPPORTED_UNKNOWN: "warning",
} as const satisfies Record<string, Severity>;

export type CheckCode = keyof typeof CHECK_CODES;

export function checkDiag(code: CheckCode, location: SourceLocation | undefined, args: Record<string, string | number> = {}): Diagnostic {
  const d: Diagnostic = { code, severity: CHECK_CODES[code], args };
  if (location) d.location = location;
  return d;
}

export function isCheckCode(code: string): code is CheckCode {
  return Object.prototype.hasOwnProperty.call(CHECK_CODES, code);
}
