// `psc-audit score`: load, recompute every score exactly, rank, render.
import { EXIT } from "../cli/exit-code.js";
import type { Lang } from "../i18n/lang.js";
import { lineOf, messagesOf } from "../i18n/messages.js";
import { buildScoreModel } from "../report/score-model.js";
import { renderJson } from "../report/renderers/json.js";
import { renderScoreCsv } from "../report/renderers/score-csv.js";
import { renderScoreMarkdown } from "../report/renderers/score-markdown.js";
import { renderScoreTerminal } from "../report/renderers/score-terminal.js";
import type { RenderOptions, Renderer } from "../report/renderers/types.js";
import type { ScoreModel } from "../report/score-model.js";
import { scoreTender } from "../scoring/score-tender.js";
import { effectiveWeights } from "../sensitivity/effective-weight.js";
import { hasOccultedValues } from "../domain/occulted.js";
import { loadFromArgs } from "./load.js";
import type { Tender } from "../domain/types.js";
import type { Rational } from "../exact/rational.js";
import type { CommandOutcome } from "./outcome.js";

export const SCORE_RENDERERS = {
  table: renderScoreTerminal,
  json: renderJson,
  csv: renderScoreCsv,
  markdown: renderScoreMarkdown,
} satisfies Record<string, Renderer<ScoreModel>>;
export type ScoreFormat = keyof typeof SCORE_RENDERERS;

export interface ScoreCommandOptions {
  criteria?: string;
  /** Workbook sheets: `criteria=NAME,offers=NAME`. */
  sheet?: string;
  /** Bounds of occulted prices (default: positive). */
  priceRange?: { lo: Rational; hi: Rational | null };
  format: ScoreFormat;
  detail: boolean;
  lang: Lang;
  color: boolean;
  rescaleWeights: boolean;
  /** Terminal width for the table (none off a terminal: no fitting). */
  width?: number;
}

export async function runScore(offersArg: string, options: ScoreCommandOptions): Promise<CommandOutcome> {
  const loaded = await loadFromArgs(offersArg, { criteria: options.criteria, rescaleWeights: options.rescaleWeights, sheet: options.sheet, lang: options.lang, command: "score" });
  const messages = loaded.messages;
  if (!loaded.ok) return { exitCode: EXIT.badInput, messages, inputs: loaded.inputs };

  if (hasOccultedValues(loaded.tender)) return scoreUnknowns(loaded.tender, loaded.inputs, options, messages);

  const result = scoreTender(loaded.tender);
  // The scoring patterns courts have censured (min–max with two offers, a price gap quality cannot
  // close, a neutralised criterion) are said here too, not only by `sensitivity`.
  const patterns = effectiveWeights(loaded.tender, result).warnings;
  const model = buildScoreModel(loaded.tender, result, [...loaded.diagnostics, ...patterns]);
  const render = renderOptions(options);
  const output = await SCORE_RENDERERS[options.format](model, render);
  // Warnings are part of the table output; for machine formats they also go to stderr.
  const stderr = options.format === "table" ? [] : messages;
  return { exitCode: EXIT.ok, output, messages: stderr, inputs: loaded.inputs };
}

/**
 * Occulted values: each affected total as an exact interval over the admissible values, the possible
 * ranks, and whether the winner is certain (src/check/unknowns.ts).
 */
async function scoreUnknowns(
  tender: Tender,
  inputs: string[],
  options: ScoreCommandOptions,
  messages: string[],
): Promise<CommandOutcome> {
  // Loaded only when some value is occulted: the interval analysis is not on the common path.
  const [{ scoreWithUnknowns }, { buildUnknownsModel }, { renderUnknownsTable }, { renderUnknownsJson }, { renderUnknownsMarkdown }] =
    await Promise.all([
      import("../check/unknowns.js"),
      import("../report/unknowns-model.js"),
      import("../report/renderers/check-terminal.js"),
      import("../report/renderers/check-json.js"),
      import("../report/renderers/check-markdown.js"),
    ]);
  const result = scoreWithUnknowns(tender, options.priceRange ? { priceRange: options.priceRange } : {});
  const model = buildUnknownsModel(tender, result, options.priceRange);
  const render = renderOptions(options);
  const renderers = {
    table: renderUnknownsTable,
    json: renderUnknownsJson,
    markdown: renderUnknownsMarkdown,
    csv: renderUnknownsMarkdown,
  };
  if (options.format === "csv") {
    // No per-cell CSV for intervals: say so rather than print a misleading single value.
    const d = { code: "CSV_WITH_INTERVALS", severity: "error" as const, args: {} };
    return { exitCode: EXIT.badInput, messages: [...messages, lineOf(d, options.lang)], inputs };
  }
  const warnings = messagesOf(result.warnings, options.lang);
  const output = await renderers[options.format](model, render);
  return { exitCode: EXIT.ok, output, messages: options.format === "table" ? [] : [...messages, ...warnings], inputs };
}

function renderOptions(options: ScoreCommandOptions): RenderOptions {
  const render: RenderOptions = { lang: options.lang, color: options.color, detail: options.detail };
  if (options.width !== undefined) render.width = options.width;
  return render;
}
