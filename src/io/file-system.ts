// The few file-system questions commands ask (is it a folder, what does it hold) and the template
// writer of `init`. Commands stay free of node:fs; this module is the edge.
import { mkdir, readdir, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { spreadsheetFormat } from "./read-workbook.js";

export interface DirEntry {
  name: string;
  isFile: boolean;
  isDirectory: boolean;
}

/** "dir", "file", or null when the path does not exist (or cannot be stat'ed). */
export async function kindOf(p: string): Promise<"dir" | "file" | null> {
  try {
    return (await stat(p)).isDirectory() ? "dir" : "file";
  } catch {
    return null;
  }
}

/** An .xlsx (or .xlsm) workbook, not an Excel lock file (`~$…`). */
export function isWorkbookName(name: string): boolean {
  return spreadsheetFormat(name) === "xlsx" && !path.basename(name).startsWith("~$");
}

/**
 * What a path names, the one rule every command follows: a file is a tender as is; a folder holding
 * offers.csv is that tender, and so is a folder holding exactly one workbook (and no offers.csv);
 * any other folder is a folder of tenders (or of nothing); a path that does not exist is missing.
 */
export type TenderLocation =
  | { kind: "tender"; offers: string }
  | { kind: "folder"; dir: string }
  | { kind: "missing"; path: string };

export async function locateTender(p: string): Promise<TenderLocation> {
  const kind = await kindOf(p);
  if (kind === null) return { kind: "missing", path: p };
  if (kind === "file") return { kind: "tender", offers: p };
  const csv = path.join(p, "offers.csv");
  if ((await kindOf(csv)) === "file") return { kind: "tender", offers: csv };
  let books: string[];
  try {
    books = (await listDir(p)).filter((e) => e.isFile && isWorkbookName(e.name)).map((e) => e.name);
  } catch {
    return { kind: "folder", dir: p };
  }
  return books.length === 1 ? { kind: "tender", offers: path.join(p, books[0]!) } : { kind: "folder", dir: p };
}

/** The entries of a folder sorted by code point, so the order is the same on every machine. */
export async function listDir(dir: string): Promise<DirEntry[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries
    .map((e) => ({ name: e.name, isFile: e.isFile(), isDirectory: e.isDirectory() }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * Write new text files into `dir` (created if needed). Without `force`, refuses when any of them
 * exists and writes nothing: returns the paths in the way.
 */
export async function writeNewFiles(
  dir: string,
  files: readonly { name: string; content: string }[],
  force: boolean,
): Promise<{ ok: true } | { ok: false; existing: string[] } | { ok: false; notDir: true }> {
  const k = await kindOf(dir);
  if (k === "file") return { ok: false, notDir: true };
  const existing: string[] = [];
  for (const f of files) if ((await kindOf(path.join(dir, f.name))) !== null) existing.push(path.join(dir, f.name));
  if (existing.length > 0 && !force) return { ok: false, existing };
  await mkdir(dir, { recursive: true });
  for (const f of files) await writeFile(path.join(dir, f.name), f.content, "utf8");
  return { ok: true };
}
