// The common first step of every command: read the files (CSV or workbook), load the tender, turn
// problems into printable diagnostics.
import type { Diagnostic, Tender } from "../domain/types.js";
import { readTenderFiles } from "../io/read-inputs.js";
import { loadTender } from "../load/load-tender.js";
import type { WeightKind } from "../load/weight-kinds.js";

export type Loaded =
  | {
      ok: true;
      tender: Tender;
      diagnostics: Diagnostic[];
      inputs: string[];
      /** exact, mid (middles of ranges) or order (only the order of importance is known). */
      weightKind: WeightKind;
      weightOrder?: Map<string, number>;
    }
  | { ok: false; diagnostics: Diagnostic[]; inputs: string[] };

export interface LoadArgsOptions {
  /** `--sheet criteria=Grille,offers=Notes` for workbooks. */
  sheet?: string;
}

export async function loadFromArgs(
  offersArg: string,
  criteriaArg: string | undefined,
  rescaleWeights: boolean,
  options: LoadArgsOptions = {},
): Promise<Loaded> {
  const read = await readTenderFiles(offersArg, criteriaArg, options.sheet === undefined ? {} : { sheet: options.sheet });
  if (!read.ok) return { ok: false, diagnostics: read.diagnostics, inputs: [] };
  const { offers, criteria } = read.inputs;
  const inputs = [...new Set([offers.path, criteria.path])];
  const result = loadTender(offers, criteria, { rescaleWeights });
  if (!result.ok) return { ok: false, diagnostics: result.diagnostics, inputs };
  const loaded: Loaded = { ok: true, tender: result.tender, diagnostics: result.diagnostics, inputs, weightKind: result.weightKind };
  if (result.weightOrder) loaded.weightOrder = result.weightOrder;
  return loaded;
}
