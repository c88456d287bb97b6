// `psc-audit validate`: check the files only and list every problem found at once. Several inputs or
// a folder of tenders (or --format json) run as a batch: one line or record per tender.
import { EXIT } from "../cli/exit-code.js";
import { batchWords } from "../i18n/batch.js";
import type { Lang } from "../i18n/lang.js";
import { messageOf, terminalLinesOf } from "../i18n/messages.js";
import { formatLocation } from "../i18n/diagnostics.js";
import { t } from "../i18n/ui.js";
import { locateTender } from "../io/file-system.js";
import { terminalSafe } from "../report/text-safety.js";
import { problemReason, runBatch, type TenderReport } from "./batch.js";
import { loadFromArgs } from "./load.js";
import type { CommandOutcome, ProgressReport } from "./outcome.js";

export interface ValidateOptions {
  criteria?: string;
  lang: Lang;
  rescaleWeights: boolean;
  /** `--sheet criteria=Grille,offers=Notes` for workbooks. */
  sheet?: string;
}

export async function runValidate(offersArg: string, options: ValidateOptions): Promise<CommandOutcome> {
  const loaded = await loadFromArgs(offersArg, { criteria: options.criteria, rescaleWeights: options.rescaleWeights, sheet: options.sheet, lang: options.lang, command: "validate" });
  // Every diagnostic, infos included (validate lists everything), each line made inert for the terminal.
  const lines = loaded.diagnostics.map((d) => terminalSafe(terminalLinesOf(d, options.lang)));
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
  return { exitCode: EXIT.ok, output: [...lines, terminalSafe(summary)].join("\n") + "\n", messages: [], inputs: loaded.inputs };
}

export interface ValidateManyOptions extends ValidateOptions {
  format: "text" | "json";
  progress?: ProgressReport;
}

/**
 * `psc-audit validate PATH…`: one tender (a file, or a folder holding offers.csv or a single
 * workbook) in text format is the single-tender report above; anything else (several paths, a folder
 * of tenders, --format json) is a batch.
 */
export async function runValidateMany(paths: readonly string[], options: ValidateManyOptions): Promise<CommandOutcome> {
  if (paths.length === 1 && options.format === "text" && (await isSingleTender(paths[0]!))) return runValidate(paths[0]!, options);
  const single = paths.length === 1 ? options.criteria : undefined;
  return runBatch(paths, (p) => validateOne(p, { ...options, ...(single === undefined ? {} : { criteria: single }) }), {
    lang: options.lang,
    format: options.format,
    command: "validate",
    ...(options.progress ? { progress: options.progress } : {}),
  });
}

/**
 * One tender, as io/file-system.ts `locateTender` says: a file (or a missing path: the single report
 * says FILE_NOT_FOUND), a folder holding offers.csv, or a folder holding exactly one workbook.
 */
export async function isSingleTender(p: string): Promise<boolean> {
  return (await locateTender(p)).kind !== "folder";
}

/** One tender's validation as a batch report and JSON record. */
export async function validateOne(offersPath: string, options: ValidateOptions): Promise<TenderReport> {
  const words = batchWords(options.lang);
  const loaded = await loadFromArgs(offersPath, { criteria: options.criteria, rescaleWeights: options.rescaleWeights, sheet: options.sheet, lang: options.lang, command: "validate" });
  const errors = loaded.diagnostics.filter((d) => d.severity === "error");
  const warnings = loaded.diagnostics.filter((d) => d.severity === "warning").length;
  const diagnostics = loaded.diagnostics.map((d) => ({
    code: d.code,
    severity: d.severity,
    location: d.location ? formatLocation(d.location) : null,
    message: messageOf(d, options.lang),
  }));
  const record: Record<string, unknown> = { inputs: loaded.inputs, errors: errors.length, warnings, diagnostics };
  if (!loaded.ok) return { exitCode: EXIT.badInput, reason: problemReason(loaded.diagnostics, options.lang), record };
  const tree = loaded.tender.criteria;
  Object.assign(record, { offers: loaded.tender.offers.length, criteria: tree.nodes.length, leaves: tree.leaves.length, weightKind: loaded.weightKind });
  return { exitCode: EXIT.ok, reason: words.validOk({ offers: loaded.tender.offers.length, criteria: tree.nodes.length }), record };
}
