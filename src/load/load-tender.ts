// Entry point of the loading layer: criteria and offers (CSV bytes, or a sheet of a workbook already
// read into cells) → a Tender, or every problem found in both. Pure (the CLI reads the files); never
// throws for bad data.
import { createHash } from "node:crypto";
import type { Diagnostic, Tender } from "../domain/types.js";
import { diag, hasErrors } from "./codes.js";
import { loadCriteria, type CriteriaView } from "./criteria.js";
import { decodeBytes } from "./decode.js";
import { loadOffers } from "./offers.js";
import { parseCsv, type CsvTable } from "./parse-csv.js";
import { sheetToTable, type SheetData } from "./sheet-table.js";
import type { WeightKind } from "./weight-kinds.js";

export interface InputBytes {
  /** The path as the user gave it, used in messages. */
  path: string;
  bytes: Uint8Array;
}

/** One sheet of a workbook: `bytes` are the whole workbook's (for its sha256). */
export interface InputSheet {
  path: string;
  bytes: Uint8Array;
  sheet: SheetData;
}

export type TenderInput = InputBytes | InputSheet;

export interface LoadOptions {
  rescaleWeights?: boolean;
}

export type LoadResult =
  | {
      ok: true;
      tender: Tender;
      diagnostics: Diagnostic[];
      /** exact: weights as published; mid: middles of published ranges; order: only the order of importance is known. */
      weightKind: WeightKind;
      /** For weightKind "order": criterion id → rank as published (1 = most important). */
      weightOrder?: Map<string, number>;
    }
  | { ok: false; diagnostics: Diagnostic[] };

export function loadTender(offers: TenderInput, criteria: TenderInput, options: LoadOptions = {}): LoadResult {
  const diagnostics: Diagnostic[] = [];
  const criteriaTable = readTable(criteria, diagnostics);
  const crit = criteriaTable ? loadCriteria(criteriaTable, options) : null;
  if (crit) diagnostics.push(...crit.diagnostics);
  sortByLine(diagnostics);
  const criteriaCount = diagnostics.length;
  const view: CriteriaView = crit?.view ?? { known: false, leaves: new Map(), inner: new Map() };
  const offersTable = readTable(offers, diagnostics);
  const off = offersTable ? loadOffers(offersTable, view) : null;
  if (off) diagnostics.push(...off.diagnostics);
  diagnostics.splice(criteriaCount, Infinity, ...sortByLine(diagnostics.slice(criteriaCount)));
  if (hasErrors(diagnostics) || !crit?.tree || !off) return { ok: false, diagnostics };
  const tree = { ...crit.tree, weightKind: crit.weightKind.kind };
  if (crit.weightKind.order) tree.weightOrder = crit.weightKind.order;
  const tender: Tender = {
    criteria: tree,
    offers: off.offers,
    declared: off.declared,
    inputs:
      criteria.path === offers.path
        ? [{ path: offers.path, sha256: sha256(offers.bytes) }]
        : [
            { path: criteria.path, sha256: sha256(criteria.bytes) },
            { path: offers.path, sha256: sha256(offers.bytes) },
          ],
  };
  const order = crit.weightKind.order;
  return order ? { ok: true, tender, diagnostics, weightKind: crit.weightKind.kind, weightOrder: order } : { ok: true, tender, diagnostics, weightKind: crit.weightKind.kind };
}

/** Decode and parse one file (or adapt one sheet); null (with diagnostics) when it has no usable header or no rows. */
function readTable(input: TenderInput, diagnostics: Diagnostic[]): CsvTable | null {
  const file = input.path;
  if ("sheet" in input) {
    const read = sheetToTable(file, input.sheet);
    diagnostics.push(...read.diagnostics);
    return read.table;
  }
  if (input.bytes.length === 0) {
    diagnostics.push(diag("EMPTY_FILE", { file }));
    return null;
  }
  const decoded = decodeBytes(input.bytes);
  if (decoded.encoding === "cp1252") diagnostics.push(diag("ENCODING_CP1252", { file }));
  if (decoded.encoding === "utf-16le" || decoded.encoding === "utf-16be") diagnostics.push(diag("ENCODING_UTF16", { file }));
  const parsed = parseCsv(decoded.text, file);
  diagnostics.push(...parsed.diagnostics);
  const table = parsed.table;
  if (!table) return null;
  if (table.rows.length === 0 && !parsed.diagnostics.some((d) => d.code === "CSV_SYNTAX")) {
    diagnostics.push(diag("HEADER_ONLY", { file, line: table.headerLine }));
    return null;
  }
  return table;
}

/** Criteria first, then offers; within a file by line (stable, so same-line problems keep their order). */
function sortByLine(ds: Diagnostic[]): Diagnostic[] {
  return ds.sort((a, b) => (a.location?.line ?? 0) - (b.location?.line ?? 0));
}

function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}
