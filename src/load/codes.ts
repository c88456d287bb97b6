// The loader's diagnostic codes and their fixed severity. Data only; the words live in src/i18n.
import type { Diagnostic, Severity, SourceLocation } from "../domain/types.js";

export const LOAD_CODES = {
  // Files (FILE_* are raised by the CLI, which reads the bytes; listed here so they have words).
  FILE_NOT_FOUND: "error",
  FILE_UNREADABLE: "error",
  OUTPUT_IS_INPUT: "error",
  OUTPUT_UNWRITABLE: "error",
  EMPTY_FILE: "error",
  HEADER_ONLY: "error",
  CSV_SYNTAX: "error",
  ENCODING_CP1252: "info",
  ENCODING_UTF16: "info",
  // Spreadsheets.
  UNSUPPORTED_FORMAT: "error",
  WORKBOOK_UNREADABLE: "error",
  SHEET_NOT_FOUND: "error",
  SHEET_OPTION_INVALID: "error",
  CELL_NOT_A_NUMBER: "error",
  // Columns.
  MISSING_COLUMN: "error",
  EMPTY_HEADER: "error",
  DUPLICATE_COLUMN: "error",
  UNKNOWN_COLUMN: "error",
  IGNORED_COLUMN: "warning",
  // Cells.
  MISSING_VALUE: "error",
  NOT_A_NUMBER: "error",
  AMBIGUOUS_NUMBER: "error",
  UNKNOWN_VALUE: "info",
  // Criteria tree.
  INVALID_ID: "error",
  DUPLICATE_ID: "error",
  UNKNOWN_PARENT: "error",
  CYCLE: "error",
  INVALID_TYPE: "error",
  IGNORED_FIELD: "warning",
  METHOD_SYNTAX: "error",
  UNKNOWN_METHOD: "error",
  UNKNOWN_PARAMETER: "error",
  MISSING_PARAMETER: "error",
  INVALID_PARAMETER: "error",
  METHOD_NOT_APPLICABLE: "error",
  MISSING_MAX: "error",
  INVALID_MAX: "error",
  INVALID_THRESHOLD: "error",
  INVALID_DECIMALS: "error",
  // Weights.
  NEGATIVE_WEIGHT: "error",
  ZERO_TOTAL_WEIGHT: "error",
  ZERO_CHILD_WEIGHTS: "error",
  WEIGHTS_DO_NOT_ADD_UP: "error",
  WEIGHTS_READ_AS_PERCENT: "info",
  WEIGHTS_RESCALED: "warning",
  // Offers.
  MISSING_LEAF_COLUMN: "error",
  INNER_NODE_COLUMN: "error",
  UNKNOWN_DECLARED_NODE: "error",
  DUPLICATE_OFFER: "error",
  UNKNOWN_STATUS: "error",
  NON_POSITIVE_PRICE: "error",
  SCORE_ABOVE_SCALE: "error",
  SCORE_BELOW_SCALE: "error",
  NEGATIVE_SCORE: "error",
  INVALID_RANK: "error",
  // Long format (one row per offer and criterion).
  UNKNOWN_CRITERION: "error",
  DUPLICATE_PAIR: "error",
  MISSING_PAIR: "warning",
  CONFLICTING_VALUE: "error",
  // Weight kinds (eForms BT-5421, OCDS).
  UNKNOWN_WEIGHT_KIND: "error",
  MIXED_WEIGHT_KINDS: "error",
  INVALID_ORDER: "error",
  WEIGHTS_DECIMAL: "info",
  WEIGHTS_APPROXIMATE: "warning",
  WEIGHTS_ORDER_ONLY: "warning",
} as const satisfies Record<string, Severity>;

export type LoadCode = keyof typeof LOAD_CODES;

/**
 * Codes about how the command was used rather than what the files hold (raised by the commands and
 * the file reader, never by the loader): kept apart so that every LOAD_CODES error has its fixture.
 */
export const USAGE_CODES = {
  /** `score --format csv` on a tender with occulted values (totals are intervals). */
  CSV_WITH_INTERVALS: "error",
  /** A folder of tenders (or of nothing) where one tender is expected (`score fixtures/`). */
  NOT_A_TENDER: "error",
} as const satisfies Record<string, Severity>;

export type UsageCode = keyof typeof USAGE_CODES;

export type DiagArgs = Record<string, string | number>;

/** A diagnostic with the code's fixed severity. */
export function diag(code: LoadCode, location: SourceLocation | undefined, args: DiagArgs = {}): Diagnostic {
  const d: Diagnostic = { code, severity: LOAD_CODES[code], args };
  if (location) d.location = location;
  return d;
}

export function hasErrors(ds: readonly Diagnostic[]): boolean {
  return ds.some((d) => d.severity === "error");
}

/** A Rational as diagnostic text: "69.5", or "2/3" when it is not a short decimal. */
export function showNumber(r: { toExactDecimal(): string | null; toString(): string }): string {
  return r.toExactDecimal() ?? r.toString();
}
