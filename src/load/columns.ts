// Header bookkeeping shared by both files: locating a header cell, and reporting duplicates and
// empty header names (csv-parse would silently merge duplicated columns, so we check ourselves).
import type { Diagnostic, SourceLocation } from "../domain/types.js";
import { diag } from "./codes.js";
import type { CsvTable } from "./parse-csv.js";

export function headerLocation(table: CsvTable, index: number): SourceLocation {
  return { file: table.file, line: table.headerLine, column: table.header[index] ?? "" };
}

export function cellLocation(table: CsvTable, line: number, index: number): SourceLocation {
  return { file: table.file, line, column: table.header[index] ?? "" };
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
    diagnostics.push(diag("EMPTY_HEADER", { file: table.file, line: table.headerLine }, { position: index + 1 }));
  }
  return true;
}
