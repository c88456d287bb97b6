// `psc-audit check`: load, read the declared figures (offers.csv columns and/or --declared FILE),
// recompute exactly, compare, explain, analyse occulted values, render.
import { loadDeclaredFile } from "./declared.js";
import { EXIT } from "../cli/exit-code.js";
import type { Diagnostic } from "../domain/types.js";
import type { Rational } from "../exact/rational.js";
import { tc } from "../i18n/check.js";
import type { Lang } from "../i18n/lang.js";
import { messagesOf } from "../i18n/messages.js";
import { checkDiag } from "../check/codes.js";
import { checkTender, type CheckResult } from "../check/check-tender.js";
import { buildCheckModel, type CheckModel } from "../report/check-model.js";
import { renderCheckJson } from "../report/renderers/check-json.js";
import { renderCheckMarkdown } from "../report/renderers/check-markdown.js";
import { renderCheckTable } from "../report/renderers/check-terminal.js";
import type { Renderer } from "../report/renderers/types.js";
import { loadFromArgs } from "./load.js";
import type { CommandOutcome } from "./outcome.js";

export const CHECK_RENDERERS = {
  table: renderCheckTable,
  json: renderCheckJson,
  markdown: renderCheckMarkdown,
} satisfies Record<string, Renderer<CheckModel>>;
export type CheckFormat = keyof typeof CHECK_RENDERERS;

export interface CheckCommandOptions {
  /** Terminal width for the table output (none off a terminal: no wrapping). */
  width?: number;
  criteria?: string;
  /** Workbook sheets: `criteria=NAME,offers=NAME`. */
  sheet?: string;
  declared?: string;
  tolerance?: Rational;
  format: CheckFormat;
  lang: Lang;
  color: boolean;
  rescaleWeights: boolean;
  priceRange?: { lo: Rational; hi: Rational | null };
}

/** What checking one tender gave, before any rendering (the batch reads it as is). */
export type CheckRun =
  | { kind: "bad-input"; diagnostics: Diagnostic[]; messages: string[]; inputs: string[] }
  /** No published figure at all: nothing to check (exit 2 alone, "skip" in a batch). */
  | { kind: "nothing"; diagnostics: Diagnostic[]; messages: string[]; inputs: string[] }
  | { kind: "checked"; model: CheckModel; result: CheckResult; failed: boolean; messages: string[]; inputs: string[] };

/**
 * The check itself: load, read the declared figures, recompute, compare. No rendering.
 */
export async function checkOne(offersArg: string, options: Omit<CheckCommandOptions, "format" | "color">): Promise<CheckRun> {
  const lang = options.lang;
  const loaded = await loadFromArgs(offersArg, { criteria: options.criteria, rescaleWeights: options.rescaleWeights, sheet: options.sheet, lang, command: "check" });
  const diagnostics: Diagnostic[] = [...loaded.diagnostics];
  const inputs = [...loaded.inputs];
  if (!loaded.ok) return { kind: "bad-input", diagnostics, messages: loaded.messages, inputs };
  const tender = loaded.tender;
  const files = tender.inputs.map((i) => ({ path: i.path, sha256: i.sha256 }));
  let declared = [...tender.declared];
  if (options.declared !== undefined) {
    inputs.push(options.declared);
    const loadedDeclared = await loadDeclaredFile(options.declared, tender);
    diagnostics.push(...loadedDeclared.diagnostics);
    if (!loadedDeclared.ok) return { kind: "bad-input", diagnostics, messages: messagesOf(diagnostics, lang), inputs };
    files.push(loadedDeclared.file);
    declared = loadedDeclared.declared;
  }
  if (declared.length === 0) {
    const all = [...diagnostics, checkDiag("NOTHING_TO_CHECK", undefined)];
    return { kind: "nothing", diagnostics: all, messages: messagesOf(all, lang), inputs };
  }
  const checkOptions = { ...(options.tolerance ? { tolerance: options.tolerance } : {}), ...(options.priceRange ? { priceRange: options.priceRange } : {}) };
  const result = checkTender(tender, declared, checkOptions);
  const model = buildCheckModel(tender, result, {
    inputs: files,
    warnings: diagnostics.filter((d) => d.severity !== "info"),
    ...(options.tolerance ? { tolerance: options.tolerance } : {}),
    ...(options.priceRange ? { priceRange: options.priceRange } : {}),
  });
  const failed = result.verdict === "discrepancies" || result.verdict === "inconsistent";
  return { kind: "checked", model, result, failed, messages: messagesOf(diagnostics, lang), inputs };
}

/**
 * Exit codes: 0 every declared figure agrees within tolerance (and, with occulted values, some values
 * are proven to reproduce them all, or the joint question is "not decided" with nothing disagreeing);
 * 1 some figure disagrees, is impossible, or the figures are proven inconsistent together; 2 bad input
 * (files, declared file, or no declared figure at all: "nothing to check").
 */
export async function runCheck(offersArg: string, options: CheckCommandOptions): Promise<CommandOutcome> {
  const lang = options.lang;
  const run = await checkOne(offersArg, options);
  if (run.kind !== "checked") return { exitCode: EXIT.badInput, messages: run.messages, inputs: run.inputs };
  const output = await CHECK_RENDERERS[options.format](run.model, { lang, color: options.color, detail: true, ...(options.width !== undefined ? { width: options.width } : {}) });
  const summary = tc(lang, "summary", { ...run.result.counts });
  const stderr = options.format === "table" ? [] : [...run.messages, summary];
  return { exitCode: run.failed ? EXIT.failOn : EXIT.ok, output, messages: stderr, inputs: run.inputs };
}
