// The common first step of every command: read the files, load the tender, turn problems into
// printable diagnostics.
import type { Diagnostic, Tender } from "../domain/types.js";
import { readTenderFiles } from "../io/read-inputs.js";
import { loadTender } from "../load/load-tender.js";

export type Loaded =
  | { ok: true; tender: Tender; diagnostics: Diagnostic[]; inputs: string[] }
  | { ok: false; diagnostics: Diagnostic[]; inputs: string[] };

export async function loadFromArgs(offersArg: string, criteriaArg: string | undefined, rescaleWeights: boolean): Promise<Loaded> {
  const read = await readTenderFiles(offersArg, criteriaArg);
  if (!read.ok) return { ok: false, diagnostics: read.diagnostics, inputs: [] };
  const { offers, criteria } = read.inputs;
  const inputs = [offers.path, criteria.path];
  const result = loadTender(offers, criteria, { rescaleWeights });
  return result.ok
    ? { ok: true, tender: result.tender, diagnostics: result.diagnostics, inputs }
    : { ok: false, diagnostics: result.diagnostics, inputs };
}
