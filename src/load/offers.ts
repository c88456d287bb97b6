// offers.csv table → offers (raw leaf values) and declared figures, checked against the criteria:
// every leaf has a column, every column is known, values are numbers within their scale. Pure.
import type { DeclaredFigure, Diagnostic, Offer, OfferStatus } from "../domain/types.js";
import type { Rational } from "../exact/rational.js";
import {
  COMMENT_PREFIX,
  DECLARED_PREFIX,
  OFFER_ALIASES,
  OFFER_IGNORED,
  SCORE_PREFIX,
  STATUS_EXPECTED,
  isUnknownMarker,
  matchAlias,
  normalizeName,
  readOfferStatus,
  type OfferField,
} from "./aliases.js";
import { diag, showNumber } from "./codes.js";
import { ColumnMap, cellLocation, checkEmptyHeader, headerLocation, rowLocation, tableLocation } from "./columns.js";
import type { CriteriaView, LeafInfo } from "./criteria.js";
import { isLongTable, pivotLongTable } from "./long-format.js";
import { readTableNumber } from "./number-cell.js";
import type { CsvTable } from "./parse-csv.js";

export interface OffersLoad {
  offers: Offer[];
  declared: DeclaredFigure[];
  diagnostics: Diagnostic[];
}

/** Column targets: an offer field, `leaf:<id>` or `declared:<node|total|rank>`. */
type Target = OfferField | `leaf:${string}` | `declared:${string}`;

export function loadOffers(source: CsvTable, view: CriteriaView): OffersLoad {
  const diagnostics: Diagnostic[] = [];
  // Long format (one row per offer and criterion) is pivoted to the wide form first.
  const table = isLongTable(source, view) ? pivotLongTable(source, view, diagnostics) : source;
  const cols = new ColumnMap<Target>(table, diagnostics);
  const leafOfColumn = new Map<number, LeafInfo>();
  table.header.forEach((h, i) => {
    if (checkEmptyHeader(table, i, diagnostics)) return;
    const target = classifyColumn(h, i, table, view, diagnostics);
    if (target === null) return;
    cols.assign(target.target, i);
    if (target.leaf) leafOfColumn.set(i, target.leaf);
  });
  if (view.known) {
    for (const [key, leaf] of view.leaves) {
      if (!cols.indexOf.has(`leaf:${key}`)) diagnostics.push(diag("MISSING_LEAF_COLUMN", tableLocation(table), { node: leaf.id }));
    }
  }
  const idField: OfferField | null = cols.indexOf.has("offer") ? "offer" : cols.indexOf.has("bidder") ? "bidder" : null;
  if (idField === null) {
    diagnostics.push(diag("MISSING_COLUMN", tableLocation(table), { field: "offer", expected: OFFER_ALIASES.offer.slice(0, 3).concat(OFFER_ALIASES.bidder.slice(0, 3)).join(", ") }));
    return { offers: [], declared: [], diagnostics };
  }
  const offers: Offer[] = [];
  const declared: DeclaredFigure[] = [];
  const firstLine = new Map<string, number>();
  let unknownCount = 0;
  for (const row of table.rows) {
    const at = (t: Target): ReturnType<typeof cellLocation> => cellLocation(table, row, cols.indexOf.get(t) ?? -1);
    const id = cols.cell(row, idField) ?? "";
    if (id === "") {
      diagnostics.push(diag("MISSING_VALUE", at(idField), { field: "offer" }));
      continue;
    }
    const seen = firstLine.get(id);
    if (seen !== undefined) diagnostics.push(diag("DUPLICATE_OFFER", at(idField), { offer: id, firstLine: seen }));
    else firstLine.set(id, row.line);
    const label = cols.cell(row, "label") || (idField === "offer" ? cols.cell(row, "bidder") : undefined) || id;
    const statusText = cols.cell(row, "status") ?? "";
    let status: OfferStatus = "ok";
    const read = readOfferStatus(statusText);
    if (read) status = read;
    else diagnostics.push(diag("UNKNOWN_STATUS", at("status"), { offer: id, text: statusText, expected: STATUS_EXPECTED }));
    const values = new Map<string, Rational | null>();
    for (const [i, leaf] of leafOfColumn) {
      const text = row.cells[i] ?? "";
      const loc = cellLocation(table, row, i);
      if (isUnknownMarker(text) && row.kinds?.[i] === undefined) {
        unknownCount++;
        values.set(leaf.id, null);
        continue;
      }
      const value = readTableNumber(table, row, i, loc, diagnostics, { offer: id, node: leaf.id });
      if (value === null) continue;
      checkLeafValue(value, text, leaf, id, loc, diagnostics);
      values.set(leaf.id, value);
    }
    for (const [target, i] of cols.indexOf) {
      if (!target.startsWith("declared:")) continue;
      const node = target.slice("declared:".length);
      const text = row.cells[i] ?? "";
      if (isUnknownMarker(text)) continue; // nothing published for this offer
      const loc = cellLocation(table, row, i);
      const value = readTableNumber(table, row, i, loc, diagnostics, { offer: id, node });
      if (value === null) continue;
      if (node === "rank" && (!value.isInteger() || value.sign() <= 0)) {
        diagnostics.push(diag("INVALID_RANK", loc, { offer: id, text }));
        continue;
      }
      declared.push({ offer: id, node, value, text, source: loc });
    }
    offers.push({ id, label, status, values, source: rowLocation(table, row) });
  }
  if (unknownCount > 0) diagnostics.push(diag("UNKNOWN_VALUE", table.sheet === undefined ? { file: table.file } : { file: table.file, sheet: table.sheet }, { count: unknownCount }));
  return { offers, declared, diagnostics };
}

interface Classified {
  target: Target;
  leaf?: LeafInfo;
}

/**
 * Leaf ids win over aliases (a leaf may be called "prix"); then `declared:`/`publie:` columns, then
 * offer fields, then commentary columns (ignored). Anything else is UNKNOWN_COLUMN.
 */
function classifyColumn(header: string, index: number, table: CsvTable, view: CriteriaView, diagnostics: Diagnostic[]): Classified | null {
  const loc = headerLocation(table, index);
  const declaredMatch = DECLARED_PREFIX.exec(header);
  if (declaredMatch) {
    const node = resolveDeclaredNode(declaredMatch[2]!, view);
    if (node === null) {
      diagnostics.push(diag("UNKNOWN_DECLARED_NODE", loc, { column: header, node: declaredMatch[2]!, expected: expectedIds(view) }));
      return null;
    }
    return { target: `declared:${node}` };
  }
  const key = (SCORE_PREFIX.exec(header)?.[2] ?? header).trim().toLowerCase();
  const leaf = view.leaves.get(key);
  if (leaf) return { target: `leaf:${key}`, leaf };
  if (view.inner.has(key)) {
    diagnostics.push(diag("INNER_NODE_COLUMN", loc, { column: header, node: view.inner.get(key)! }));
    return null;
  }
  const field = matchAlias(header, OFFER_ALIASES);
  if (field === "declared_total") return { target: "declared:total" };
  if (field === "declared_rank") return { target: "declared:rank" };
  if (field) return { target: field };
  if (COMMENT_PREFIX.test(header) || OFFER_IGNORED.includes(normalizeName(header))) return null;
  if (!view.known) {
    // criteria.csv is unreadable: still check that the column holds numbers.
    return { target: `leaf:${key}`, leaf: { id: header, type: null, method: null, max: null } };
  }
  diagnostics.push(diag("UNKNOWN_COLUMN", loc, { column: header, expected: expectedIds(view) }));
  return null;
}

function resolveDeclaredNode(text: string, view: CriteriaView): string | null {
  const n = normalizeName(text);
  if (["total", "note_totale", "note_finale"].includes(n)) return "total";
  if (["rank", "rang", "classement"].includes(n)) return "rank";
  const key = text.trim().toLowerCase();
  if (!view.known) return text.trim();
  return view.leaves.get(key)?.id ?? view.inner.get(key) ?? null;
}

function expectedIds(view: CriteriaView): string {
  return [...view.leaves.values()].map((l) => l.id).join(", ");
}

function checkLeafValue(value: Rational, text: string, leaf: LeafInfo, offer: string, loc: ReturnType<typeof cellLocation>, diagnostics: Diagnostic[]): void {
  const args = { offer, node: leaf.id, text };
  if (leaf.type === "price" || leaf.type === "cost") {
    if (value.sign() <= 0) diagnostics.push(diag("NON_POSITIVE_PRICE", loc, args));
    return;
  }
  const method = leaf.method?.id;
  if (method !== "direct" && method !== "relative-best") return;
  if (value.sign() < 0) {
    if (method === "direct" && leaf.max) diagnostics.push(diag("SCORE_BELOW_SCALE", loc, { ...args, max: showNumber(leaf.max) }));
    else diagnostics.push(diag("NEGATIVE_SCORE", loc, args));
  } else if (leaf.max && value.gt(leaf.max)) {
    diagnostics.push(diag("SCORE_ABOVE_SCALE", loc, { ...args, max: showNumber(leaf.max) }));
  }
}
