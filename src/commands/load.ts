// The common first step of every command: read the files (CSV or workbook), load the tender, turn
// problems into printable diagnostics (and their stderr lines, hints included).
import type { Diagnostic, Tender } from "../domain/types.js";
import type { Lang } from "../i18n/lang.js";
import { messagesOf } from "../i18n/messages.js";
import { readTenderFiles } from "../io/read-inputs.js";
import { loadTender } from "../load/load-tender.js";
import type { WeightKind } from "../load/weight-kinds.js";

export type Loaded =
  | {
      ok: true;
      tender: Tender;
      diagnostics: Diagnostic[];
      /** Errors and warnings as stderr lines in the chosen language (infos left out). */
      messages: string[];
      inputs: string[];
      /** exact, mid (middles of ranges) or order (only the order of importance is known). */
      weightKind: WeightKind;
      weightOrder?: Map<string, number>;
    }
  | { ok: false; diagnostics: Diagnostic[]; messages: string[]; inputs: string[] };

export interface LoadArgsOptions {
  /** `--criteria FILE` (default: criteria.csv beside the offers, or the workbook's criteria sheet). */
  criteria?: string | undefined;
  rescaleWeights: boolean;
  /** `--sheet criteria=Grille,offers=Notes` for workbooks. */
  sheet?: string | undefined;
  lang: Lang;
  /** The command, named when a folder of tenders is given where one tender is expected. */
  command?: string;
}

export async function loadFromArgs(offersArg: string, options: LoadArgsOptions): Promise<Loaded> {
  const { lang } = options;
  const read = await readTenderFiles(offersArg, options.criteria, {
    ...(options.sheet === undefined ? {} : { sheet: options.sheet }),
    ...(options.command === undefined ? {} : { command: options.command }),
  });
  if (!read.ok) return { ok: false, diagnostics: read.diagnostics, messages: messagesOf(read.diagnostics, lang), inputs: [] };
  const { offers, criteria } = read.inputs;
  const inputs = [...new Set([offers.path, criteria.path])];
  const result = loadTender(offers, criteria, { rescaleWeights: options.rescaleWeights });
  if (!result.ok) return { ok: false, diagnostics: result.diagnostics, messages: messagesOf(result.diagnostics, lang), inputs };
  const loaded: Loaded = {
    ok: true,
    tender: result.tender,
    diagnostics: result.diagnostics,
    messages: messagesOf(result.diagnostics, lang),
    inputs,
    weightKind: result.weightKind,
  };
  if (result.weightOrder) loaded.weightOrder = result.weightOrder;
  return loaded;
}
