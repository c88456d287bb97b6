// Reading the input files. The only module that resolves what the user named into tender inputs: a
// pair of CSV files (as bytes), or the criteria and offers sheets of a workbook. It never writes.
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { Diagnostic } from "../domain/types.js";
import type { TenderInput } from "../load/load-tender.js";
import { parseSheetOption, pickSheet, type SheetChoice, type WorkbookInput } from "../load/load-workbook.js";
import { locateTender } from "./file-system.js";
import { readWorkbook, spreadsheetFormat } from "./read-workbook.js";

export interface InputPair {
  offers: TenderInput;
  criteria: TenderInput;
}

export type ReadResult = { ok: true; inputs: InputPair } | { ok: false; diagnostics: Diagnostic[] };

export interface ReadOptions {
  /** `--sheet criteria=Grille,offers=Notes` (or a bare offers sheet name). */
  sheet?: string;
  /** The command reading the files, named when a folder of tenders is given where one is expected. */
  command?: string;
}

/**
 * Resolve the offers input (a CSV file, a workbook, or a folder holding offers.csv — or a single
 * workbook: io/file-system.ts `locateTender`) and its criteria (`--criteria`, else criteria.csv beside the offers, else the workbook's
 * criteria sheet), then read them. Missing or unreadable files become diagnostics.
 */
export async function readTenderFiles(offersArg: string, criteriaArg?: string, options: ReadOptions = {}): Promise<ReadResult> {
  const sheetOption = parseSheetOption(options.sheet);
  if (!sheetOption.ok) {
    return { ok: false, diagnostics: [{ code: "SHEET_OPTION_INVALID", severity: "error", args: { text: sheetOption.text } }] };
  }
  const choice = sheetOption.choice;
  const located = await locateTender(offersArg);
  if (located.kind === "folder") {
    // A folder of tenders (or of nothing) is not one tender: say so rather than "offers.csv not found".
    const d: Diagnostic = { code: "NOT_A_TENDER", severity: "error", location: { file: offersArg }, args: { dir: offersArg, command: options.command ?? "score" } };
    return { ok: false, diagnostics: [d] };
  }
  const offersPath = located.kind === "tender" ? located.offers : offersArg;
  const workbooks = new Map<string, Promise<Awaited<ReturnType<typeof readWorkbook>>>>();
  const openWorkbook = (file: string) => {
    if (!workbooks.has(file)) workbooks.set(file, readWorkbook(file));
    return workbooks.get(file)!;
  };
  const offersIsBook = spreadsheetFormat(offersPath) !== null;
  const criteriaPath = criteriaArg ?? (offersIsBook ? offersPath : path.join(path.dirname(offersPath), "criteria.csv"));
  const [offers, criteria] = await Promise.all([
    readRole(offersPath, "offers", choice, openWorkbook),
    readRole(criteriaPath, "criteria", choice, openWorkbook),
  ]);
  if ("input" in offers && "input" in criteria) return { ok: true, inputs: { offers: offers.input, criteria: criteria.input } };
  // The offers file itself is missing: the criteria file beside it is missing by consequence only.
  const offersMissing = "diagnostics" in offers && offers.diagnostics.some((d) => d.code === "FILE_NOT_FOUND");
  if (offersMissing && criteriaArg === undefined) return { ok: false, diagnostics: offers.diagnostics };
  // One unreadable workbook behind both roles is reported once.
  const seen = new Set<string>();
  const diagnostics = [offers, criteria]
    .flatMap((r) => ("diagnostics" in r ? r.diagnostics : []))
    .filter((d) => {
      const key = JSON.stringify([d.code, d.location, d.args]);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  return { ok: false, diagnostics };
}

type RoleRead = { input: TenderInput } | { diagnostics: Diagnostic[] };

async function readRole(
  file: string,
  role: "offers" | "criteria",
  choice: SheetChoice,
  openWorkbook: (file: string) => Promise<{ ok: true; workbook: WorkbookInput } | { ok: false; diagnostics: Diagnostic[] }>,
): Promise<RoleRead> {
  if (spreadsheetFormat(file) === null) {
    const r = await readBytes(file);
    return "bytes" in r ? { input: { path: file, bytes: r.bytes } } : { diagnostics: [r.diagnostic] };
  }
  const book = await openWorkbook(file);
  if (!book.ok) return { diagnostics: book.diagnostics };
  const picked = pickSheet(book.workbook, role, choice[role]);
  return picked.ok ? { input: picked.input } : { diagnostics: [picked.diagnostic] };
}

/** Read one file as bytes; a missing or unreadable file becomes a diagnostic. */
export async function readBytes(file: string): Promise<{ bytes: Uint8Array } | { diagnostic: Diagnostic }> {
  try {
    const s = await stat(file);
    if (s.isDirectory()) {
      return { diagnostic: { code: "FILE_UNREADABLE", severity: "error", location: { file }, args: { file, reason: "directory" } } };
    }
    return { bytes: new Uint8Array(await readFile(file)) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return { diagnostic: { code: "FILE_NOT_FOUND", severity: "error", location: { file }, args: { file } } };
    return { diagnostic: { code: "FILE_UNREADABLE", severity: "error", location: { file }, args: { file, reason: String(code ?? error) } } };
  }
}
