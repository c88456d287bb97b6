// Long offers tables (one row per offer and criterion: `offer,criterion,value`, French
// `offre,critere,valeur`) → the wide form, so the rest of the loader reads both the same way. Other
// columns (label, status, published figures…) may be repeated on every row or written once. Pure.
import type { Diagnostic, SourceLocation } from "../domain/types.js";
import { DECLARED_PREFIX, LONG_ALIASES, OFFER_ALIASES, matchAlias, normalizeName } from "./aliases.js";
import { diag } from "./codes.js";
import { cellLocation, headerLocation, rowLocation } from "./columns.js";
import type { CriteriaView } from "./criteria.js";
import type { CellKind, CsvRow, CsvTable } from "./parse-csv.js";

interface Roles {
  offer: number;
  criterion: number;
  value: number;
}

function roles(table: CsvTable): Partial<Roles> {
  const out: Partial<Roles> = {};
  table.header.forEach((h, i) => {
    const n = normalizeName(h);
    if (out.criterion === undefined && LONG_ALIASES.criterion.includes(n)) out.criterion = i;
    else if (out.value === undefined && LONG_ALIASES.value.includes(n)) out.value = i;
  });
  const offer = table.header.findIndex((h) => matchAlias(h, OFFER_ALIASES) === "offer");
  const bidder = table.header.findIndex((h) => matchAlias(h, OFFER_ALIASES) === "bidder");
  if (offer >= 0) out.offer = offer;
  else if (bidder >= 0) out.offer = bidder;
  return out;
}

/** A criterion column and a value column, and no column named after a leaf criterion. */
export function isLongTable(table: CsvTable, view: CriteriaView): boolean {
  const r = roles(table);
  if (r.criterion === undefined || r.value === undefined) return false;
  return !table.header.some((h) => view.leaves.has(h.trim().toLowerCase()));
}

interface Cell {
  text: string;
  origin: SourceLocation;
  kind: CellKind | undefined;
  line: number;
}

interface Group {
  id: string;
  line: number;
  location: SourceLocation;
  fixed: (Cell | undefined)[];
  pairs: Map<string, Cell>;
}

export function pivotLongTable(table: CsvTable, view: CriteriaView, diagnostics: Diagnostic[]): CsvTable {
  const r = roles(table);
  const fixedIdx = table.header.map((_, i) => i).filter((i) => i !== r.criterion && i !== r.value);
  const fixedHeader = fixedIdx.map((i) => table.header[i] ?? "");
  const fixedOrigins = fixedIdx.map((i) => headerLocation(table, i));
  if (r.offer === undefined || r.criterion === undefined || r.value === undefined) {
    // No offer column: the wide loader reports MISSING_COLUMN; no leaf noise on top of it.
    const leaves = [...view.leaves.values()].map((l) => l.id);
    return { ...table, header: [...fixedHeader, ...leaves], headerOrigins: fixedOrigins, rows: [] };
  }
  const { offer: offerIdx, criterion: critIdx, value: valueIdx } = r as Roles;
  const columns = new Map<string, { header: string; origin: SourceLocation }>();
  const groups = new Map<string, Group>();
  const loose: CsvRow[] = [];
  const cellOf = (row: CsvRow, i: number): Cell => ({ text: row.cells[i] ?? "", origin: cellLocation(table, row, i), kind: row.kinds?.[i], line: row.line });

  for (const row of table.rows) {
    const id = row.cells[offerIdx] ?? "";
    if (id === "") {
      loose.push({ line: row.line, cells: fixedIdx.map((i) => row.cells[i] ?? ""), origins: fixedIdx.map((i) => cellLocation(table, row, i)) });
      continue;
    }
    let group = groups.get(id);
    if (!group) {
      group = { id, line: row.line, location: rowLocation(table, row), fixed: fixedIdx.map(() => undefined), pairs: new Map() };
      groups.set(id, group);
    }
    mergeFixed(group, row, fixedIdx, fixedHeader, cellOf, diagnostics);
    const critText = row.cells[critIdx] ?? "";
    if (critText === "") {
      diagnostics.push(diag("MISSING_VALUE", cellLocation(table, row, critIdx), { field: "criterion", offer: id }));
      continue;
    }
    const column = resolveColumn(critText, view);
    if (column === null) {
      const expected = [...view.leaves.values()].map((l) => l.id).join(", ");
      diagnostics.push(diag("UNKNOWN_CRITERION", cellLocation(table, row, critIdx), { offer: id, node: critText, expected }));
      continue;
    }
    const key = column.toLowerCase();
    if (!columns.has(key)) columns.set(key, { header: column, origin: cellLocation(table, row, critIdx) });
    const seen = group.pairs.get(key);
    if (seen) {
      diagnostics.push(diag("DUPLICATE_PAIR", cellLocation(table, row, valueIdx), { offer: id, node: column, firstLine: seen.line }));
      continue;
    }
    group.pairs.set(key, cellOf(row, valueIdx));
  }

  const pivotKeys = [...columns.keys()];
  const rows: CsvRow[] = [...loose.map((l) => ({ ...l, cells: [...l.cells, ...pivotKeys.map(() => "")] }))];
  for (const g of groups.values()) {
    const pivot = pivotKeys.map((k) => g.pairs.get(k));
    if (view.known) {
      const missing = pivotKeys.filter((k, i) => view.leaves.has(k) && pivot[i] === undefined).map((k) => columns.get(k)!.header);
      if (missing.length > 0) diagnostics.push(diag("MISSING_PAIR", g.location, { offer: g.id, nodes: missing.join(", "), count: missing.length }));
    }
    const all = [...g.fixed, ...pivot];
    rows.push({
      line: g.line,
      cells: all.map((c) => c?.text ?? ""),
      origins: all.map((c, i) => c?.origin ?? (i < fixedIdx.length ? g.location : undefined)),
      kinds: all.map((c) => c?.kind),
    });
    // The offer id itself is written on every row: keep its first cell.
  }
  rows.sort((a, b) => a.line - b.line);
  return {
    ...table,
    header: [...fixedHeader, ...pivotKeys.map((k) => columns.get(k)!.header)],
    headerOrigins: [...fixedOrigins, ...pivotKeys.map((k) => columns.get(k)!.origin)],
    rows,
  };
}

/** A leaf id (canonical spelling), a `declared:`/`publie:` column, or null when unknown. */
function resolveColumn(text: string, view: CriteriaView): string | null {
  if (DECLARED_PREFIX.test(text)) return text.trim();
  if (!view.known) return text.trim();
  const key = text.trim().toLowerCase();
  return view.leaves.get(key)?.id ?? null;
}

/** Label, status… may be written on every row of an offer or once; two different values are an error. */
function mergeFixed(
  group: Group,
  row: CsvRow,
  fixedIdx: number[],
  fixedHeader: string[],
  cellOf: (row: CsvRow, i: number) => Cell,
  diagnostics: Diagnostic[],
): void {
  fixedIdx.forEach((col, j) => {
    const cell = cellOf(row, col);
    if (cell.text === "") return;
    const first = group.fixed[j];
    if (!first) group.fixed[j] = cell;
    else if (first.text !== cell.text) {
      diagnostics.push(diag("CONFLICTING_VALUE", cell.origin, { offer: group.id, field: fixedHeader[j] ?? "", a: first.text, b: cell.text, firstLine: first.line }));
    }
  });
}
