// A numeric cell under the file's convention. `,`-delimited files write decimals with `.`; `;` and TAB
// files with `,`. A cell that holds only the other separator may use it as the decimal point
// ("12.5" in a `;` file), unless that reading competes with a valid one: "1.234" in a `;` file is
// 1234 (thousands) or 1.234, so it is AMBIGUOUS and refused rather than guessed. Spreadsheet cells
// that Excel typed as dates or booleans are never numbers (CELL_NOT_A_NUMBER).
import { parseDecimal, type DecimalSeparator } from "../exact/decimal.js";
import type { Rational } from "../exact/rational.js";
import type { Diagnostic, SourceLocation } from "../domain/types.js";
import { diag, showNumber, type DiagArgs } from "./codes.js";
import type { CsvRow, CsvTable } from "./parse-csv.js";
import type { Delimiter } from "./sniff.js";

export type CellNumber =
  | { kind: "ok"; value: Rational }
  | { kind: "nan" }
  | { kind: "ambiguous"; readings: [Rational, Rational] };

export function decimalSeparatorFor(delimiter: Delimiter): DecimalSeparator {
  return delimiter === "," ? "." : ",";
}

/** The decimal separator of a table's text numbers. */
export function tableDecimal(table: CsvTable): DecimalSeparator {
  return table.decimal ?? decimalSeparatorFor(table.delimiter);
}

export function parseNumberCell(text: string, primary: DecimalSeparator): CellNumber {
  const other: DecimalSeparator = primary === "," ? "." : ",";
  const main = parseDecimal(text, primary);
  if (text.includes(primary)) return main.ok ? { kind: "ok", value: main.value } : { kind: "nan" };
  const alt = text.includes(other) ? parseDecimal(text, other) : main;
  if (main.ok && alt.ok) {
    return main.value.eq(alt.value) ? { kind: "ok", value: main.value } : { kind: "ambiguous", readings: [main.value, alt.value] };
  }
  if (main.ok) return { kind: "ok", value: main.value };
  if (alt.ok) return { kind: "ok", value: alt.value };
  return { kind: "nan" };
}

/** Parse a non-empty cell, pushing NOT_A_NUMBER / AMBIGUOUS_NUMBER (with the text) on failure. */
export function readNumber(
  text: string,
  primary: DecimalSeparator,
  loc: SourceLocation,
  diagnostics: Diagnostic[],
  context: DiagArgs = {},
): Rational | null {
  const r = parseNumberCell(text, primary);
  if (r.kind === "ok") return r.value;
  if (r.kind === "ambiguous") {
    diagnostics.push(diag("AMBIGUOUS_NUMBER", loc, { ...context, text, a: showNumber(r.readings[0]), b: showNumber(r.readings[1]) }));
  } else {
    diagnostics.push(diag("NOT_A_NUMBER", loc, { ...context, text }));
  }
  return null;
}

/** readNumber for cell `index` of `row`, refusing spreadsheet dates and booleans first. */
export function readTableNumber(
  table: CsvTable,
  row: CsvRow,
  index: number,
  loc: SourceLocation,
  diagnostics: Diagnostic[],
  context: DiagArgs = {},
): Rational | null {
  const text = row.cells[index] ?? "";
  const kind = row.kinds?.[index];
  if (kind !== undefined) {
    diagnostics.push(diag("CELL_NOT_A_NUMBER", loc, { ...context, text, kind }));
    return null;
  }
  return readNumber(text, tableDecimal(table), loc, diagnostics, context);
}
