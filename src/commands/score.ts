// `psc-audit score`: load, recompute every score exactly, rank, render.
import { EXIT } from "../cli/exit-code.js";
import type { Lang } from "../i18n/lang.js";
import { lineOf } from "../i18n/messages.js";
import { buildScoreModel } from "../report/score-model.js";
import { renderJson } from "../report/renderers/json.js";
import { renderScoreCsv } from "../report/renderers/score-csv.js";
import { renderScoreMarkdown } from "../report/renderers/score-markdown.js";
import { renderScoreTerminal } from "../report/renderers/score-terminal.js";
import type { RenderOptions, Renderer } from "../report/renderers/types.js";
import type { ScoreModel } from "../report/score-model.js";
import { scoreTender } from "../scoring/score-tender.js";
import { loadFromArgs } from "./load.js";
import type { CommandOutcome } from "./outcome.js";

export const SCORE_RENDERERS = {
  table: renderScoreTerminal,
  json: renderJson,
  csv: renderScoreCsv,
  markdown: renderScoreMarkdown,
} satisfies Record<string, Renderer<ScoreModel>>;
export type ScoreFormat = keyof typeof SCORE_RENDERERS;
export const SCORE_FORMATS = Object.keys(SCORE_RENDERERS) as ScoreFormat[];

export interface ScoreCommandOptions {
  criteria?: string;
  format: ScoreFormat;
  detail: boolean;
  lang: Lang;
  color: boolean;
  rescaleWeights: boolean;
}

export async function runScore(offersArg: string, options: ScoreCommandOptions): Promise<CommandOutcome> {
  const loaded = await loadFromArgs(offersArg, options.criteria, options.rescaleWeights);
  const messages = loaded.diagnostics.filter((d) => d.severity !== "info").map((d) => lineOf(d, options.lang));
  if (!loaded.ok) return { exitCode: EXIT.badInput, messages, inputs: loaded.inputs };

  const result = scoreTender(loaded.tender);
  const model = buildScoreModel(loaded.tender, result, loaded.diagnostics);
  const render: RenderOptions = { lang: options.lang, color: options.color, detail: options.detail };
  const output = await SCORE_RENDERERS[options.format](model, render);
  // Warnings are part of the table output; for machine formats they also go to stderr.
  const stderr = options.format === "table" ? [] : messages;
  return { exitCode: EXIT.ok, output, messages: stderr, inputs: loaded.inputs };
}
