// A workbook already read into sheets → the criteria sheet and the offers sheet, found by name
// (French or English, case- and accent-insensitive) or chosen with --sheet, then loaded like CSV. Pure.
import type { Diagnostic } from "../domain/types.js";
import { normalizeName } from "./aliases.js";
import { diag } from "./codes.js";
import type { InputSheet } from "./load-tender.js";
import type { SheetData } from "./sheet-table.js";

export interface WorkbookInput {
  path: string;
  bytes: Uint8Array;
  sheets: SheetData[];
}

export type SheetRole = "criteria" | "offers";

/** `--sheet criteria=Grille,offers=Notes` (French keys too); a bare name is the offers sheet. */
export interface SheetChoice {
  criteria?: string;
  offers?: string;
}

/** Sheet names recognised for each role, normalised (see normalizeName). Exact match first, then prefix. */
export const SHEET_NAMES: Record<SheetRole, readonly string[]> = {
  criteria: ["criteres", "critere", "criteria", "criterion", "grille", "grille_de_notation", "ponderation", "ponderations", "award_criteria", "bareme"],
  offers: ["offres", "offre", "offers", "offer", "notes", "notation", "bids", "tenders", "soumissions", "candidats"],
};

export type SheetChoiceParse = { ok: true; choice: SheetChoice } | { ok: false; text: string };

export function parseSheetOption(text: string | undefined): SheetChoiceParse {
  const choice: SheetChoice = {};
  if (text === undefined || text.trim() === "") return { ok: true, choice };
  for (const part of text.split(",")) {
    const m = /^\s*([^=]+?)\s*=\s*(.+?)\s*$/.exec(part);
    if (!m) {
      if (choice.offers !== undefined || part.trim() === "") return { ok: false, text };
      choice.offers = part.trim();
      continue;
    }
    const key = normalizeName(m[1]!);
    if (["criteria", "criteres", "critere", "criterion", "grille"].includes(key)) choice.criteria = m[2]!;
    else if (["offers", "offres", "offre", "offer", "notes"].includes(key)) choice.offers = m[2]!;
    else return { ok: false, text };
  }
  return { ok: true, choice };
}

/** The sheet playing `role`, or SHEET_NOT_FOUND listing the sheets there are. */
export function pickSheet(workbook: WorkbookInput, role: SheetRole, wanted?: string): { ok: true; input: InputSheet } | { ok: false; diagnostic: Diagnostic } {
  const byName = (n: string): SheetData | undefined => workbook.sheets.find((s) => normalizeName(s.name) === normalizeName(n));
  let sheet: SheetData | undefined;
  if (wanted !== undefined) sheet = byName(wanted);
  else {
    const names = SHEET_NAMES[role];
    sheet =
      workbook.sheets.find((s) => names.includes(normalizeName(s.name))) ??
      workbook.sheets.find((s) => names.some((n) => normalizeName(s.name).startsWith(n + "_")));
  }
  if (!sheet) {
    const args = {
      role,
      wanted: wanted ?? "",
      expected: role === "criteria" ? "Critères, criteria, Grille" : "Offres, offers, Notes",
      sheets: workbook.sheets.map((s) => s.name).join(", "),
    };
    return { ok: false, diagnostic: diag("SHEET_NOT_FOUND", { file: workbook.path }, args) };
  }
  return { ok: true, input: { path: workbook.path, bytes: workbook.bytes, sheet } };
}
