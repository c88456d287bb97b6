// Reading `--declared FILE` (published figures as rows offer,node,points), shared by check and report.
import { createHash } from "node:crypto";
import { parseDeclaredFile } from "../check/declared-file.js";
import type { DeclaredFigure, Diagnostic, Tender } from "../domain/types.js";
import path from "node:path";
import { kindOf } from "../io/file-system.js";
import { readBytes } from "../io/read-inputs.js";

export type DeclaredLoad =
  | { ok: true; declared: DeclaredFigure[]; file: { path: string; sha256: string }; diagnostics: Diagnostic[] }
  | { ok: false; diagnostics: Diagnostic[] };

/** Read and parse the file; its figures come after those already in the tender (offers.csv columns). */
export async function loadDeclaredFile(file: string, tender: Tender): Promise<DeclaredLoad> {
  const read = await readBytes(file);
  if ("diagnostic" in read) return { ok: false, diagnostics: [read.diagnostic] };
  const sha256 = createHash("sha256").update(read.bytes).digest("hex");
  const parsed = parseDeclaredFile({ path: file, bytes: read.bytes }, tender, tender.declared);
  if (parsed.diagnostics.some((d) => d.severity === "error")) return { ok: false, diagnostics: parsed.diagnostics };
  return { ok: true, declared: [...tender.declared, ...parsed.declared], file: { path: file, sha256 }, diagnostics: parsed.diagnostics };
}

/** `declared.csv` beside the offers file (or inside the tender folder), when it exists. */
export async function declaredBeside(offersPath: string): Promise<string | undefined> {
  const dir = (await kindOf(offersPath)) === "dir" ? offersPath : path.dirname(offersPath);
  const beside = path.join(dir, "declared.csv");
  return (await kindOf(beside)) === "file" ? beside : undefined;
}
