// `psc-audit sensitivity`: load, score, run every robustness analysis of issue 3, evaluate --fail-on,
// render. Pure apart from loading (src/commands/load.ts) and SMAA's worker threads.
import { EXIT } from "../cli/exit-code.js";
import type { Lang } from "../i18n/lang.js";
import { labelledProgress, ts } from "../i18n/sensitivity.js";
import { renderJson } from "../report/renderers/json.js";
import { renderSensitivityMarkdown } from "../report/renderers/sensitivity-markdown.js";
import { renderSensitivityTerminal } from "../report/renderers/sensitivity-terminal.js";
import type { RenderOptions, Renderer } from "../report/renderers/types.js";
import { buildSensitivityModel, type SensitivityModel } from "../report/sensitivity-model.js";
import type { Rational } from "../exact/rational.js";
import { scoreTender } from "../scoring/score-tender.js";
import { analyseTender, parseSmaaWeights, type AnalyseOptions } from "../sensitivity/analyse.js";
import { analyseOcculted, hasOccultedValues } from "../sensitivity/bounds.js";
import { evaluateFailOn, failOnFacts, occultedFailOnFacts, parseFailOn } from "../sensitivity/fail-on.js";
import { failOnMessage } from "../report/renderers/sensitivity-sections.js";
import { loadFromArgs } from "./load.js";
import type { CommandOutcome } from "./outcome.js";

export const SENSITIVITY_RENDERERS = {
  table: renderSensitivityTerminal,
  json: renderJson,
  markdown: renderSensitivityMarkdown,
} satisfies Record<string, Renderer<SensitivityModel>>;
export type SensitivityFormat = keyof typeof SENSITIVITY_RENDERERS;

export interface SensitivityCommandOptions {
  /** Terminal width for the table output (none off a terminal: no wrapping). */
  width?: number;
  criteria?: string;
  /** Workbook sheets: `criteria=NAME,offers=NAME`. */
  sheet?: string;
  format: SensitivityFormat;
  lang: Lang;
  color: boolean;
  rescaleWeights: boolean;
  /** SMAA draws (default 10,000; 0 skips SMAA). */
  samples: number;
  seed: number;
  /** "simplex" | "ordinal" | "box:P" | "box:P:top". */
  smaaWeights: string;
  /** `--smaa-weights` was given on the command line (else the default, which "order" weights override). */
  smaaWeightsExplicit?: boolean;
  /** Admissible values of an occulted price (`--price-range LO:HI`, hi null = +∞); default (0, +∞). */
  priceRange?: { lo: Rational; hi: Rational | null };
  /** ±K scale points on every `direct` note (0 = none). */
  scoreNoise: number;
  precision?: number;
  workers?: number;
  /** Raw `--fail-on` values (repeatable). */
  failOn: string[];
  progress?: (done: number, total: number, label?: string) => void;
}

/**
 * Exit codes: 2 for a bad `--fail-on` / `--smaa-weights` (before any work, with the accepted forms) or
 * bad input; 1 when a --fail-on condition is met (named in the output and on stderr); 0 otherwise.
 * Occulted values: the analysis runs on the two completed scenarios of bounds.ts and reports bounds;
 * --fail-on then reads the conservative end (challengers' best case; margin 0 when the award itself
 * depends on the occulted data).
 */
export async function runSensitivity(offersArg: string, options: SensitivityCommandOptions): Promise<CommandOutcome> {
  const lang = options.lang;
  const parsed = parseFailOn(options.failOn);
  if (!parsed.ok) {
    return { exitCode: EXIT.badInput, messages: [ts(lang, "failUsage", { bad: parsed.bad, accepted: parsed.accepted.join(", ") })], inputs: [] };
  }
  if (!parseSmaaWeights(options.smaaWeights)) {
    return { exitCode: EXIT.badInput, messages: [ts(lang, "badSmaaWeights", { bad: options.smaaWeights })], inputs: [] };
  }
  const loaded = await loadFromArgs(offersArg, { criteria: options.criteria, rescaleWeights: options.rescaleWeights, sheet: options.sheet, lang, command: "sensitivity" });
  const messages = loaded.messages;
  if (!loaded.ok) return { exitCode: EXIT.badInput, messages, inputs: loaded.inputs };
  const tender = loaded.tender;

  const analyseOptions: AnalyseOptions = {
    samples: options.samples,
    seed: options.seed,
    smaaWeights: options.smaaWeights,
    smaaWeightsExplicit: options.smaaWeightsExplicit === true,
    scoreNoise: options.scoreNoise,
    ...(options.precision !== undefined ? { precision: options.precision } : {}),
    ...(options.workers !== undefined ? { workers: options.workers } : {}),
    ...(options.progress ? { onProgress: labelledProgress(lang, options.progress)! } : {}),
  };
  let model: SensitivityModel;
  if (hasOccultedValues(tender)) {
    const occulted = await analyseOcculted(tender, { ...analyseOptions, ...(options.priceRange ? { priceRange: options.priceRange } : {}) });
    const analysis = occulted.analyses[occulted.body];
    const failOn = evaluateFailOn(parsed.conditions, occultedFailOnFacts(occulted));
    model = buildSensitivityModel(tender, analysis, failOn, loaded.diagnostics, occulted);
  } else {
    const scored = scoreTender(tender);
    const analysis = await analyseTender(tender, scored, analyseOptions);
    const failOn = evaluateFailOn(parsed.conditions, failOnFacts(analysis));
    model = buildSensitivityModel(tender, analysis, failOn, loaded.diagnostics);
  }
  const render: RenderOptions = { lang, color: options.color, detail: true, ...(options.width !== undefined ? { width: options.width } : {}) };
  const output = await SENSITIVITY_RENDERERS[options.format](model, render);
  // A condition that cannot be evaluated (SMAA off, one offer…) must not pass silently in CI.
  if (model.failOnUnevaluable) {
    const why = model.failOn.filter((f) => f.status === "unevaluable").map((f) => failOnMessage(f, lang));
    return { exitCode: EXIT.badInput, output, messages: [...messages, ...why], inputs: loaded.inputs };
  }
  const met = model.failOn.filter((f) => f.met).map((f) => failOnMessage(f, lang));
  const stderr = options.format === "table" ? met : [...messages, ...met];
  return { exitCode: model.failed ? EXIT.failOn : EXIT.ok, output, messages: stderr, inputs: loaded.inputs };
}
