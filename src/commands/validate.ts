// `psc-audit validate`: check the files only and list every problem found at once. Several inputs or
// a folder of tenders (or --format json) run as a batch: one line or record per tender.
import { kindOf } from "../io/file-system.js";
import path from "node:path";
import { EXIT } from "../cli/exit-code.js";
import { batchWords } from "../i18n/batch.js";
import type { Lang } from "../i18n/lang.js";
import { lineOf, messageOf } from "../i18n/messages.js";
import { formatLocation } from "../i18n/diagnostics.js";
import { t } from "../i18n/ui.js";
import { runBatch, type TenderReport } from "./batch.js";
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
  const loaded = await loadFromArgs(offersArg, options.criteria, options.rescaleWeights, sheetOf(options));
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

export interface ValidateManyOptions extends ValidateOptions {
  format: "text" | "json";
  progress?: ProgressReport;
}

/**
 * `psc-audit validate PATH…`: one tender (a file, or a folder holding offers.csv) in text format is
 * the single-tender report above; anything else (several paths, a folder of tenders, --format json)
 * is a batch.
 */
export async function runValidateMany(paths: readonly string[], options: ValidateManyOptions): Promise<CommandOutcome> {
  if (paths.length === 1 && options.format === "text" && (await isSingleTender(paths[0]!))) return runValidate(paths[0]!, options);
  const single = paths.length === 1 ? options.criteria : undefined;
  return runBatch(paths, (p) => validateOne(p, { ...options, ...(single === undefined ? {} : { criteria: single }) }), { lang: options.lang, format: options.format, ...(options.progress ? { progress: options.progress } : {}) });
}

/** A file (or a missing path: the single report says FILE_NOT_FOUND), or a folder holding offers.csv. */
export async function isSingleTender(p: string): Promise<boolean> {
  if ((await kindOf(p)) !== "dir") return true;
  return (await kindOf(path.join(p, "offers.csv"))) === "file";
}

/** One tender's validation as a batch report and JSON record. */
export async function validateOne(offersPath: string, options: ValidateOptions): Promise<TenderReport> {
  const words = batchWords(options.lang);
  const loaded = await loadFromArgs(offersPath, options.criteria, options.rescaleWeights, sheetOf(options));
  const errors = loaded.diagnostics.filter((d) => d.severity === "error");
  const warnings = loaded.diagnostics.filter((d) => d.severity === "warning").length;
  const diagnostics = loaded.diagnostics.map((d) => ({
    code: d.code,
    severity: d.severity,
    location: d.location ? formatLocation(d.location) : null,
    message: messageOf(d, options.lang),
  }));
  const record: Record<string, unknown> = { inputs: loaded.inputs, errors: errors.length, warnings, diagnostics };
  if (!loaded.ok) {
    const e = errors[0];
    const at = e?.location ? `${formatLocation({ ...e.location, file: path.basename(e.location.file) })} ` : "";
    const first = e ? `${at}${e.code}` : "";
    return { exitCode: EXIT.badInput, reason: words.problems({ errors: errors.length, first }), record };
  }
  const tree = loaded.tender.criteria;
  Object.assign(record, { offers: loaded.tender.offers.length, criteria: tree.nodes.length, leaves: tree.leaves.length, weightKind: loaded.weightKind });
  return { exitCode: EXIT.ok, reason: words.validOk({ offers: loaded.tender.offers.length, criteria: tree.nodes.length }), record };
}

function sheetOf(options: ValidateOptions): { sheet?: string } {
  return options.sheet === undefined ? {} : { sheet: options.sheet };
}
