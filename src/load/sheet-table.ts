// A spreadsheet sheet (cells as a workbook reader gives them) → the same table the CSV parser makes,
// with every cell's origin (`grid.xlsx[Offres]!D7`). Pure.
//
// Numbers: Excel stores binary doubles. A number cell becomes the shortest decimal text that reads
// back as the same double (ECMAScript Number → String), then is parsed exactly: 0.1 is 1/10, never
// 3602879701896397/36028797018963968; 1234.56 is 123456/100. The raw XML text ("0.10000000000000001"
// in files from old Excel versions) is first read as a double, so both spellings give 1/10.
// Text cells go through the same strict parser as CSV ("1 234,56 €" is 1234.56). Dates and booleans
// are kept as text for labels, and marked so that a numeric column refuses them.
import type { Diagnostic, SourceLocation } from "../domain/types.js";
import { diag } from "./codes.js";
import type { CellKind, CsvRow, CsvTable } from "./parse-csv.js";

/** A cell as read: empty, text, a number (as a JS number or the raw XML text), a boolean or a date. */
export type SheetCell = null | undefined | string | number | boolean | Date | { xlsxNumber: string };

export interface SheetData {
  name: string;
  /** Row 0 is the sheet's row 1, column 0 its column A. */
  rows: SheetCell[][];
}

export interface SheetTableResult {
  table: CsvTable | null;
  diagnostics: Diagnostic[];
}

/** Column letters of a 0-based index: 0 → A, 25 → Z, 26 → AA. */
export function columnLetters(index: number): string {
  let n = index + 1;
  let out = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** The shortest round-trip decimal of a double, without exponent ("1e-7" → "0.0000001"). */
export function exactNumberText(x: number): string {
  const s = String(x);
  const m = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (!m) return s;
  const [, sign, int, frac = "", expText] = m;
  const exp = Number(expText);
  const digits = int! + frac;
  const point = int!.length + exp;
  if (point <= 0) return `${sign}0.${"0".repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${"0".repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

function cellText(cell: SheetCell): { text: string; kind?: CellKind } {
  if (cell === null || cell === undefined) return { text: "" };
  if (typeof cell === "string") return { text: cell.trim() };
  if (typeof cell === "number") return { text: Number.isFinite(cell) ? exactNumberText(cell) : String(cell) };
  if (typeof cell === "boolean") return { text: cell ? "TRUE" : "FALSE", kind: "boolean" };
  if (cell instanceof Date) {
    const iso = Number.isNaN(cell.getTime()) ? "" : cell.toISOString();
    return { text: iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso, kind: "date" };
  }
  const x = Number(cell.xlsxNumber);
  return { text: Number.isFinite(x) ? exactNumberText(x) : cell.xlsxNumber.trim() };
}

/**
 * The header is the first row with at least two filled cells (a title line above it is skipped);
 * every later non-empty row is a data row, its line being the sheet's row number.
 */
export function sheetToTable(file: string, sheet: SheetData): SheetTableResult {
  const diagnostics: Diagnostic[] = [];
  const where: SourceLocation = { file, sheet: sheet.name };
  const texts = sheet.rows.map((row) => row.map(cellText));
  const headerIndex = texts.findIndex((row) => row.filter((c) => c.text !== "").length >= 2);
  if (headerIndex < 0) {
    diagnostics.push(diag("EMPTY_FILE", where));
    return { table: null, diagnostics };
  }
  const width = Math.max(...texts.slice(headerIndex).map((r) => lastFilled(r) + 1));
  const headerLine = headerIndex + 1;
  const headerCells = texts[headerIndex]!;
  const header = Array.from({ length: width }, (_, i) => headerCells[i]?.text ?? "");
  const origin = (line: number, i: number): SourceLocation => ({ file, line, column: header[i] ?? "", sheet: sheet.name, cell: `${columnLetters(i)}${line}` });
  const rows: CsvRow[] = [];
  texts.forEach((row, r) => {
    if (r <= headerIndex || row.every((c) => c.text === "")) return;
    const line = r + 1;
    const cells = Array.from({ length: width }, (_, i) => row[i]?.text ?? "");
    const kinds = Array.from({ length: width }, (_, i) => row[i]?.kind);
    const out: CsvRow = { line, cells, origins: cells.map((_, i) => origin(line, i)) };
    if (kinds.some((k) => k !== undefined)) out.kinds = kinds;
    rows.push(out);
  });
  const table: CsvTable = {
    file,
    delimiter: ",",
    decimal: ".",
    header,
    headerLine,
    rows,
    sheet: sheet.name,
    headerOrigins: header.map((_, i) => origin(headerLine, i)),
  };
  if (rows.length === 0) {
    diagnostics.push(diag("HEADER_ONLY", { ...where, line: headerLine }));
    return { table: null, diagnostics };
  }
  return { table, diagnostics };
}

function lastFilled(row: { text: string }[]): number {
  for (let i = row.length - 1; i >= 0; i--) if (row[i]!.text !== "") return i;
  return -1;
}
