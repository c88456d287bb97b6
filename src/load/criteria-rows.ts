// criteria.csv rows → raw criteria: columns resolved through aliases, each cell read and checked on
// its own (id syntax, numbers, type, decimals). Structure and weights are checked later. Pure.
import type { CriterionType, Diagnostic, SourceLocation } from "../domain/types.js";
import { Rational } from "../exact/rational.js";
import { CRITERIA_ALIASES, TYPE_EXPECTED, matchAlias, readCriterionType, type CriteriaField } from "./aliases.js";
import { diag } from "./codes.js";
import { ColumnMap, cellLocation, checkEmptyHeader, headerLocation, rowLocation, tableLocation } from "./columns.js";
import { readTableNumber } from "./number-cell.js";
import type { CsvTable } from "./parse-csv.js";

export interface RawCriterion {
  id: string;
  /** Lower-cased id: ids are matched case-insensitively (offer columns too). */
  key: string;
  parentKey: string | null;
  parentText: string;
  label: string;
  /** Null when missing or unreadable (already reported). */
  weight: Rational | null;
  /** Null when not written (or unreadable: typeInvalid). */
  type: CriterionType | null;
  typeInvalid: boolean;
  methodText: string | null;
  max: Rational | null;
  maxWritten: boolean;
  minScore: Rational | null;
  decimals: number | null;
  /** Which optional cells were written, to warn when they are set where they mean nothing. */
  written: Set<CriteriaField>;
  /** The weight kind as written (eForms BT-5421, OCDS numbers[].weight), or "". */
  weightKindText: string;
  /** Spreadsheets only: where each field's cell is, so messages name the cell (`[Critères]!D7`). */
  cells?: Partial<Record<CriteriaField, SourceLocation>>;
  line: number;
  source: SourceLocation;
}

const ID_SYNTAX = /^[A-Za-z0-9._-]+$/;

export interface CriteriaRows {
  rows: RawCriterion[];
  /** False when the file could not be read as criteria at all (no id or weight column). */
  usable: boolean;
}

export function readCriteriaRows(table: CsvTable, diagnostics: Diagnostic[]): CriteriaRows {
  const cols = new ColumnMap<CriteriaField>(table, diagnostics);
  table.header.forEach((h, i) => {
    if (checkEmptyHeader(table, i, diagnostics)) return;
    const field = matchAlias(h, CRITERIA_ALIASES);
    if (field) cols.assign(field, i);
    else diagnostics.push(diag("IGNORED_COLUMN", headerLocation(table, i), { column: h }));
  });
  let usable = true;
  for (const f of ["id", "weight"] as const) {
    if (!cols.indexOf.has(f)) {
      diagnostics.push(diag("MISSING_COLUMN", tableLocation(table), { field: f, expected: CRITERIA_ALIASES[f].slice(0, 4).join(", ") }));
      usable = false;
    }
  }
  if (!usable) return { rows: [], usable };
  const rows: RawCriterion[] = [];
  for (const row of table.rows) {
    const at = (f: CriteriaField): SourceLocation => cellLocation(table, row, cols.indexOf.get(f) ?? -1);
    const num = (f: CriteriaField, context: Record<string, string>) => readTableNumber(table, row, cols.indexOf.get(f) ?? -1, at(f), diagnostics, context);
    const text = (f: CriteriaField): string => cols.cell(row, f) ?? "";
    const id = text("id");
    if (id === "") {
      diagnostics.push(diag("MISSING_VALUE", at("id"), { field: "id" }));
      continue;
    }
    if (!ID_SYNTAX.test(id)) diagnostics.push(diag("INVALID_ID", at("id"), { id }));
    const node = id;
    const written = new Set<CriteriaField>((Object.keys(CRITERIA_ALIASES) as CriteriaField[]).filter((f) => text(f) !== ""));
    let weight: Rational | null = null;
    if (text("weight") === "") diagnostics.push(diag("MISSING_VALUE", at("weight"), { field: "weight", node }));
    else {
      weight = num("weight", { node });
      if (weight && weight.sign() < 0) {
        diagnostics.push(diag("NEGATIVE_WEIGHT", at("weight"), { node, text: text("weight") }));
        weight = null;
      }
    }
    let type: CriterionType | null = null;
    let typeInvalid = false;
    if (text("type") !== "") {
      type = readCriterionType(text("type")) ?? null;
      if (!type) {
        typeInvalid = true;
        diagnostics.push(diag("INVALID_TYPE", at("type"), { node, text: text("type"), expected: TYPE_EXPECTED }));
      }
    }
    let max: Rational | null = null;
    if (text("max") !== "") {
      max = num("max", { node });
      if (max && max.sign() <= 0) {
        diagnostics.push(diag("INVALID_MAX", at("max"), { node, text: text("max") }));
        max = null;
      }
    }
    let minScore: Rational | null = null;
    if (text("min_score") !== "") {
      minScore = num("min_score", { node });
      if (minScore && minScore.sign() < 0) {
        diagnostics.push(diag("INVALID_THRESHOLD", at("min_score"), { node, text: text("min_score"), max: "" }));
        minScore = null;
      }
    }
    let decimals: number | null = null;
    if (text("decimals") !== "") {
      if (/^\d{1,2}$/.test(text("decimals"))) decimals = Number(text("decimals"));
      else diagnostics.push(diag("INVALID_DECIMALS", at("decimals"), { node, text: text("decimals") }));
    }
    const parentText = text("parent");
    rows.push({
      id,
      key: id.toLowerCase(),
      parentKey: parentText === "" ? null : parentText.toLowerCase(),
      parentText,
      label: text("label") || id,
      weight,
      type,
      typeInvalid,
      methodText: text("method") === "" ? null : text("method"),
      max,
      maxWritten: text("max") !== "",
      minScore,
      decimals,
      written,
      weightKindText: text("weight_kind"),
      ...(table.sheet === undefined ? {} : { cells: fieldCells(cols, at) }),
      line: row.line,
      source: rowLocation(table, row),
    });
  }
  return { rows, usable };
}

function fieldCells(cols: ColumnMap<CriteriaField>, at: (f: CriteriaField) => SourceLocation): Partial<Record<CriteriaField, SourceLocation>> {
  const out: Partial<Record<CriteriaField, SourceLocation>> = {};
  for (const f of cols.indexOf.keys()) out[f] = at(f);
  return out;
}

/** Where a field of a criterion row is: its cell in a spreadsheet, else the row with the field name. */
export function fieldLocation(row: RawCriterion, field: CriteriaField): SourceLocation {
  return row.cells?.[field] ?? { ...row.source, column: field };
}
