// Reading the input files as bytes. The only module that reads the user's files; it never writes.
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { Diagnostic } from "../domain/types.js";

export interface InputPair {
  offers: { path: string; bytes: Uint8Array };
  criteria: { path: string; bytes: Uint8Array };
}

export type ReadResult = { ok: true; inputs: InputPair } | { ok: false; diagnostics: Diagnostic[] };

/**
 * Resolve the offers file (a file, or a folder holding offers.csv) and its criteria file (`--criteria`,
 * else criteria.csv beside the offers), then read both. Missing or unreadable files become diagnostics.
 */
export async function readTenderFiles(offersArg: string, criteriaArg?: string): Promise<ReadResult> {
  let offersPath = offersArg;
  try {
    if ((await stat(offersArg)).isDirectory()) offersPath = path.join(offersArg, "offers.csv");
  } catch {
    // Reported below as FILE_NOT_FOUND.
  }
  const criteriaPath = criteriaArg ?? path.join(path.dirname(offersPath), "criteria.csv");
  const [offers, criteria] = await Promise.all([readBytes(offersPath), readBytes(criteriaPath)]);
  const diagnostics = [offers, criteria].flatMap((r) => ("diagnostic" in r ? [r.diagnostic] : []));
  if ("bytes" in offers && "bytes" in criteria) {
    return { ok: true, inputs: { offers: { path: offersPath, bytes: offers.bytes }, criteria: { path: criteriaPath, bytes: criteria.bytes } } };
  }
  return { ok: false, diagnostics };
}

async function readBytes(file: string): Promise<{ bytes: Uint8Array } | { diagnostic: Diagnostic }> {
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
