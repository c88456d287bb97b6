// `psc-audit validate`: check the files only and list every problem found at once.
import { EXIT } from "../cli/exit-code.js";
import type { Lang } from "../i18n/lang.js";
import { lineOf } from "../i18n/messages.js";
import { t } from "../i18n/ui.js";
import { loadFromArgs } from "./load.js";
import type { CommandOutcome } from "./outcome.js";

export interface ValidateOptions {
  criteria?: string;
  lang: Lang;
  rescaleWeights: boolean;
}

export async function runValidate(offersArg: string, options: ValidateOptions): Promise<CommandOutcome> {
  const loaded = await loadFromArgs(offersArg, options.criteria, options.rescaleWeights);
  const lines = loaded.diagnostics.map((d) => lineOf(d, options.lang));
  const errors = loaded.diagnostics.filter((d) => d.severity === "error").length;
  const warnings = loaded.diagnostics.filter((d) => d.severity === "warning").length;
  if (!loaded.ok) {
    return { exitCode: EXIT.badInput, messages: [...lines, t(options.lang, "problems", { errors, warnings })], inputs: loaded.inputs };
  }
  const tree = loaded.tender.criteria;
  const summary = t(options.lang, "validOk", {
    file: loaded.inputs[0] ?? offersArg,
    offers: loaded.tender.offers.length,
    criteria: tree.nodes.length,
    leaves: tree.leaves.length,
  });
  return { exitCode: EXIT.ok, output: [...lines, summary].join("\n") + "\n", messages: [], inputs: loaded.inputs };
}
