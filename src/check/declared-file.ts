// A separate declared-figures file (`--declared FILE`, rows `offer,node,points`) → DeclaredFigure[]
// plus diagnostics with file:line. Pure: reuses the loader's decoding, CSV parsing and number cells.
import type { DeclaredFigure, Diagnostic, Tender } from "../domain/types.js";
import { normalizeName, isUnknownMarker, OFFER_ALIASES } from "../load/aliases.js";
import { diag } from "../load/codes.js";
import { cellLocation } from "../load/columns.js";
import { decodeBytes } from "../load/decode.js";
import { decimalSeparatorFor, readNumber } from "../load/number-cell.js";
import { parseCsv } from "../load/parse-csv.js";
import { checkDiag } from "./codes.js";

const OFFER_HEADERS = [...OFFER_ALIASES.offer, ...OFFER_ALIASES.bidder];
const NODE_HEADERS = ["node", "noeud", "criterion", "critere", "sous_critere", "id_critere", "critere_id", "element"];
const POINTS_HEADERS = ["points", "note", "value", "valeur", "score", "note_publiee", "points_publies", "declared", "publie"];
const TOTAL_WORDS = ["total", "note_totale", "note_finale", "note_globale"];
const RANK_WORDS = ["rank", "rang", "classement"];

export interface DeclaredFileResult {
  declared: DeclaredFigure[];
  diagnostics: Diagnostic[];
}

/**
 * Parse the declared-figures file against a loaded tender. Columns (case- and accent-insensitive):
 * offer (`offre`, `soumissionnaire`…), node (`critere`, `noeud`…; a value `total`/`note_totale` or
 * `rank`/`rang`/`classement`, else a criterion id, case-insensitive), points (`note`, `valeur`…).
 * Empty / `?` / `occulté` points cells mean "not published" and are skipped. Diagnostics: missing
 * column, unknown offer, unknown node, invalid rank (not a positive integer), a figure given twice
 * (error), plus the loader's CSV_SYNTAX / NOT_A_NUMBER / AMBIGUOUS_NUMBER with file:line.
 * `existing` (figures from offers.csv) are checked for duplicates with a conflicting value (warning).
 */
export function parseDeclaredFile(
  input: { path: string; bytes: Uint8Array },
  tender: Tender,
  existing: readonly DeclaredFigure[] = [],
): DeclaredFileResult {
  const file = input.path;
  const diagnostics: Diagnostic[] = [];
  if (input.bytes.length === 0) return { declared: [], diagnostics: [diag("EMPTY_FILE", { file }, { file })] };
  const parsed = parseCsv(decodeBytes(input.bytes).text, file);
  diagnostics.push(...parsed.diagnostics);
  const table = parsed.table;
  if (!table) return { declared: [], diagnostics };
  const find = (names: readonly string[]): number => table.header.findIndex((h) => names.includes(normalizeName(h)));
  const cols = { offer: find(OFFER_HEADERS), node: find(NODE_HEADERS), points: find(POINTS_HEADERS) };
  for (const [field, idx] of Object.entries(cols)) {
    if (idx < 0) diagnostics.push(checkDiag("DECLARED_MISSING_COLUMN", { file, line: table.headerLine }, { field, found: table.header.join(", ") }));
  }
  if (cols.offer < 0 || cols.node < 0 || cols.points < 0) return { declared: [], diagnostics };
  const sep = decimalSeparatorFor(table.delimiter);
  const offers = new Set(tender.offers.map((o) => o.id));
  const nodeIds = new Map(tender.criteria.nodes.map((n) => [n.id.toLowerCase(), n.id] as const));
  const seen = new Map<string, DeclaredFigure>(existing.map((d) => [`${d.offer}\u0000${d.node}`, d] as const));
  const declared: DeclaredFigure[] = [];
  for (const row of table.rows) {
    const offer = row.cells[cols.offer] ?? "";
    const nodeText = row.cells[cols.node] ?? "";
    const text = row.cells[cols.points] ?? "";
    const at = (i: number) => cellLocation(table, row.line, i);
    if (!offers.has(offer)) {
      diagnostics.push(checkDiag("DECLARED_UNKNOWN_OFFER", at(cols.offer), { offer, expected: [...offers].join(", ") }));
      continue;
    }
    const node = resolveNode(nodeText, nodeIds);
    if (node === null) {
      diagnostics.push(checkDiag("DECLARED_UNKNOWN_NODE", at(cols.node), { offer, node: nodeText, expected: ["total", "rank", ...nodeIds.values()].join(", ") }));
      continue;
    }
    if (isUnknownMarker(text)) continue;
    const loc = at(cols.points);
    const value = readNumber(text, sep, loc, diagnostics, { offer, node });
    if (value === null) continue;
    if (node === "rank" && (!value.isInteger() || value.sign() <= 0)) {
      diagnostics.push(checkDiag("DECLARED_INVALID_RANK", loc, { offer, text }));
      continue;
    }
    const key = `${offer}\u0000${node}`;
    const before = seen.get(key);
    if (before) {
      const sameFile = before.source.file === file;
      if (sameFile || !before.value.eq(value)) {
        const firstAt = `${before.source.file}${before.source.line ? `:${before.source.line}` : ""}`;
        diagnostics.push(checkDiag(sameFile ? "DECLARED_DUPLICATE" : "DECLARED_CONFLICT", loc, { offer, node, first: firstAt, text, firstText: before.text }));
      }
      continue;
    }
    const fig: DeclaredFigure = { offer, node, value, text, source: loc };
    seen.set(key, fig);
    declared.push(fig);
  }
  return { declared, diagnostics };
}

function resolveNode(text: string, nodeIds: ReadonlyMap<string, string>): string | null {
  const n = normalizeName(text);
  if (TOTAL_WORDS.includes(n)) return "total";
  if (RANK_WORDS.includes(n)) return "rank";
  return nodeIds.get(text.trim().toLowerCase()) ?? null;
}
