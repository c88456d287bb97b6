// Header bookkeeping shared by both files: locating a header cell, a data cell or a row (CSV line or
// spreadsheet cell), and reporting duplicates and empty header names (csv-parse would silently merge
// duplicated columns, so we check ourselves).
import type { Diagnostic, SourceLocation } from "../domain/types.js";
import { diag } from "./codes.js";
import type { CsvRow, CsvTable } from "./parse-csv.js";

/** The table as a whole, at its header line (`offers.csv:1`, `grid.xlsx[Offres]:1`). */
export function tableLocation(table: CsvTable): SourceLocation {
  return withSheet(table, { file: table.file, line: table.headerLine });
}

export function headerLocation(table: CsvTable, index: number): SourceLocation {
  return table.headerOrigins?.[index] ?? withSheet(table, { file: table.file, line: table.headerLine, column: table.header[index] ?? "" });
}

/** One cell of a data row; `row` may be a bare line number for plain CSV rows. */
export function cellLocation(table: CsvTable, row: CsvRow | number, index: number): SourceLocation {
  if (typeof row !== "number") {
    const origin = row.origins?.[index];
    if (origin) return origin;
  }
  const line = typeof row === "number" ? row : row.line;
  return withSheet(table, { file: table.file, line, column: table.header[index] ?? "" });
}

/** A whole row (`offers.csv:7`, `grid.xlsx[Offres]:7`). */
export function rowLocation(table: CsvTable, row: CsvRow): SourceLocation {
  return withSheet(table, { file: table.file, line: row.line });
}

function withSheet(table: CsvTable, loc: SourceLocation): SourceLocation {
  return table.sheet === undefined ? loc : { ...loc, sheet: table.sheet };
}

/**
 * Map each target (a field or a leaf id) to its column index. A second column for the same target is
 * DUPLICATE_COLUMN; an unnamed column that holds data is EMPTY_HEADER.
 */
export class ColumnMap<K extends string> {
  readonly indexOf = new Map<K, number>();
  constructor(
    private readonly table: CsvTable,
    private readonly diagnostics: Diagnostic[],
  ) {}

  assign(target: K, index: number): void {
    const first = this.indexOf.get(target);
    if (first !== undefined) {
      this.diagnostics.push(
        diag("DUPLICATE_COLUMN", headerLocation(this.table, index), {
          column: this.table.header[index] ?? "",
          first: this.table.header[first] ?? "",
        }),
      );
      return;
    }
    this.indexOf.set(target, index);
  }

  cell(row: { cells: string[] }, target: K): string | undefined {
    const i = this.indexOf.get(target);
    return i === undefined ? undefined : row.cells[i];
  }
}

/** True when the header cell is empty; reports it when the column holds data. */
export function checkEmptyHeader(table: CsvTable, index: number, diagnostics: Diagnostic[]): boolean {
  if ((table.header[index] ?? "") !== "") return false;
  if (table.rows.some((r) => (r.cells[index] ?? "") !== "")) {
    diagnostics.push(diag("EMPTY_HEADER", table.headerOrigins?.[index] ?? tableLocation(table), { position: index + 1 }));
  }
  return true;
}
