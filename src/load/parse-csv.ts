// Text → header + rows with their physical source line, via csv-parse. Collects syntax problems as
// diagnostics and keeps going, so one bad quote does not hide the rest of the file's problems.
import { parse } from "csv-parse/sync";
import type { Diagnostic, SourceLocation } from "../domain/types.js";
import type { DecimalSeparator } from "../exact/decimal.js";
import { diag } from "./codes.js";
import { sniffDelimiter, type Delimiter } from "./sniff.js";

export interface CsvRow {
  /** Physical line where the record starts (header = 1, an Excel `sep=` line counted). */
  line: number;
  /** Trimmed cells, as many as the header has columns. */
  cells: string[];
  /** Per-cell origin when it is not (file, line, header name): spreadsheet cells, pivoted long tables. */
  origins?: (SourceLocation | undefined)[];
  /** Spreadsheet cells that were typed as something other than text or number (a date, a boolean). */
  kinds?: (CellKind | undefined)[];
}

/** What a spreadsheet cell held before it became text; numbers and text need no mark. */
export type CellKind = "date" | "boolean";

export interface CsvTable {
  file: string;
  delimiter: Delimiter;
  header: string[];
  headerLine: number;
  rows: CsvRow[];
  /** Decimal separator of numbers written as text; by default the one that goes with the delimiter. */
  decimal?: DecimalSeparator;
  /** Spreadsheet tables: the sheet name, and where each header cell is. */
  sheet?: string;
  headerOrigins?: (SourceLocation | undefined)[];
}

export interface ParsedCsv {
  table: CsvTable | null;
  diagnostics: Diagnostic[];
}

interface CsvParseError {
  code?: string;
  lines?: number;
  message?: string;
}

/** Parse a decoded file. `table` is null when the file has no header at all. */
export function parseCsv(rawText: string, file: string): ParsedCsv {
  const diagnostics: Diagnostic[] = [];
  // One newline convention, so csv-parse's line counter matches the physical lines.
  const text = rawText.replace(/\r\n?/g, "\n");
  if (text.trim() === "") return { table: null, diagnostics: [diag("EMPTY_FILE", { file })] };
  const { delimiter, skipLines } = sniffDelimiter(text);
  const body = skipLines > 0 ? text.split("\n").slice(skipLines).join("\n") : text;
  const withLines = parseRecords(body, delimiter, skipLines, file, diagnostics);
  const first = withLines.shift();
  if (!first) {
    if (diagnostics.length === 0) diagnostics.push(diag("EMPTY_FILE", { file }));
    return { table: null, diagnostics };
  }
  const header = dropTrailingEmpty(first.cells);
  const rows: CsvRow[] = [];
  for (const r of withLines) {
    if (r.cells.every((c) => c === "")) continue; // Excel's ";;;;" lines
    const extra = r.cells.slice(header.length);
    if (r.cells.length < header.length || extra.some((c) => c !== "")) {
      diagnostics.push(
        diag("CSV_SYNTAX", { file, line: r.line }, {
          reason: "FIELD_COUNT",
          detail: "",
          found: dropTrailingEmpty(r.cells).length,
          expected: header.length,
        }),
      );
      continue;
    }
    rows.push({ line: r.line, cells: r.cells.slice(0, header.length) });
  }
  return { table: { file, delimiter, header, headerLine: first.line, rows }, diagnostics };
}

type RawRecord = { record: string[]; info: { lines: number } };

/**
 * All records with their start line. csv-parse does not recover after a syntax error (it stays inside
 * the broken quote), so after the first error of a pass we report it and parse again from the next
 * physical line: every later problem still gets reported, with the right line.
 */
function parseRecords(body: string, delimiter: Delimiter, skipLines: number, file: string, diagnostics: Diagnostic[]): CsvRow[] {
  const lines = body.split("\n");
  const out: CsvRow[] = [];
  let consumed = 0;
  while (consumed < lines.length) {
    let firstError: CsvParseError | null = null;
    let records: RawRecord[] = [];
    try {
      records = parse(lines.slice(consumed).join("\n"), {
        delimiter,
        info: true,
        bom: true,
        relax_column_count: true,
        skip_empty_lines: true,
        skip_records_with_error: true,
        on_skip: (err: CsvParseError | undefined) => {
          firstError ??= err ?? null;
        },
      }) as unknown as RawRecord[];
    } catch (err) {
      firstError = err as CsvParseError;
    }
    const errorLine = firstError ? Math.max(1, firstError.lines ?? lines.length - consumed) : Infinity;
    for (const r of records) {
      if (r.info.lines >= errorLine) break;
      // info.lines is where the record ENDS; subtract the newlines held inside its quoted fields.
      const inner = r.record.reduce((n, f) => n + (f.match(/\n/g)?.length ?? 0), 0);
      out.push({ line: consumed + r.info.lines - inner + skipLines, cells: r.record.map((c) => c.trim()) });
    }
    if (!firstError) break;
    diagnostics.push(
      diag("CSV_SYNTAX", { file, line: consumed + errorLine + skipLines }, {
        reason: firstError.code ?? "CSV_ERROR",
        detail: firstError.message ?? "",
      }),
    );
    // A broken header leaves nothing to check the rest against.
    if (out.length === 0) break;
    consumed += errorLine;
  }
  return out;
}

/** Excel often leaves empty trailing header cells ("a;b;;"): they are not columns. */
function dropTrailingEmpty(cells: string[]): string[] {
  let n = cells.length;
  while (n > 0 && cells[n - 1] === "") n--;
  return cells.slice(0, n);
}
