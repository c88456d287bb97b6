// The robustness analysis behind the report: ONE run of src/sensitivity/analyse.ts (stability, minimal
// changes, score thresholds, method and rounding sensitivity, rank reversal, effective weights, SMAA),
// its JSON model (the same as `psc-audit sensitivity`), plus the only thing the analysis does not give:
// the one-way sensitivity lines the charts draw (breakpoint maps on the same linear model).
// Exact figures travel as canonical strings ("13/18") beside their float, as in the JSON contract.
import type { ScoreResult, Tender } from "../domain/types.js";
import type { Lang } from "../i18n/lang.js";
import { labelledProgress } from "../i18n/sensitivity.js";
import { analyseTender, type SensitivityAnalysis } from "../sensitivity/analyse.js";
import type { LinearModel } from "../sensitivity/model.js";
import { breakpointMap } from "../sensitivity/stability.js";
import type { WeightSampler } from "../smaa/index.js";
import { figure as fig, type Figure } from "./json-figures.js";
import { buildSensitivityModel, type SensitivityModel } from "./sensitivity-model.js";

/** A chart figure: the JSON convention of json-figures.ts (exact fraction only when not a short decimal). */
export type ExactFigure = Figure;

/** Totals along one criterion's weight path: V_a(t) = (1 − t)·at0 + t·at1, t ∈ [0, 1]. */
export interface SensitivityLines {
  criterion: string;
  convention: "local" | "global";
  weight: ExactFigure;
  scale: ExactFigure;
  lines: { offer: string; at0: ExactFigure; at1: ExactFigure }[];
  /** Where the first place changes hands along the path. */
  winnerChanges: { t: ExactFigure; points: ExactFigure; from: string; to: string }[];
  /** Number of crossings of any two offers in [0, 1]. */
  crossings: number;
}

/** What the charts need beyond the sensitivity model: the ranked offers and the sensitivity lines. */
export interface ReportAnalysis {
  offers: string[];
  lines: SensitivityLines[];
}

export interface AnalysisOptions {
  samples: number;
  seed: number;
  /** `--smaa-weights` as analyse.ts reads it (simplex, ordinal, box:P, box:P:top; box-top:P alias). */
  smaaWeights: string;
  /** The user gave --smaa-weights: honoured even on an order-only tree (else ordinal there). */
  smaaWeightsExplicit?: boolean;
  scoreNoise: number;
  /** Leaves get their own (global) sensitivity chart when there are at most this many. */
  maxLeafCharts?: number;
  /** Language of the progress labels ("analyses exactes", "SMAA"). */
  lang?: Lang;
  /** Progress in percent (total 100) with the current phase's translated label. */
  progress?: (done: number, total: number, label: string) => void;
}

/** The SMAA settings the analysis actually used: what the report's `parameters` must record. */
export interface AnalysisParameters {
  samples: number;
  seed: number;
  /** Canonical spelling ("box:5:top"), "ordinal" when an order-only tree overrode the default. */
  smaaWeights: string;
  sampler: WeightSampler;
  scoreNoise: number;
}

export interface ReportSensitivity {
  analysis: SensitivityAnalysis;
  model: SensitivityModel;
  charts: ReportAnalysis;
  /** From the analysis' own settings (not the command line): spread into the report's `parameters`. */
  parameters: AnalysisParameters;
}

/** The parameters a report records for an analysis: its actual settings. */
export function analysisParameters(analysis: SensitivityAnalysis): AnalysisParameters {
  const s = analysis.settings;
  return { samples: s.samples, seed: s.seed, smaaWeights: s.smaaWeights, sampler: s.sampler, scoreNoise: s.scoreNoise };
}

/** Run the whole sensitivity analysis once and derive the chart lines from its linear model. */
export async function analyseForReport(tender: Tender, scored: ScoreResult, options: AnalysisOptions): Promise<ReportSensitivity> {
  const analysis = await analyseTender(tender, scored, {
    samples: options.samples,
    seed: options.seed,
    smaaWeights: options.smaaWeights,
    smaaWeightsExplicit: options.smaaWeightsExplicit === true,
    scoreNoise: options.scoreNoise,
    ...(options.progress ? { onProgress: labelledProgress(options.lang ?? "fr", options.progress)! } : {}),
  });
  const model = buildSensitivityModel(tender, analysis, [], []);
  const m = analysis.model;
  const charts: ReportAnalysis = { offers: [...m.offers], lines: m.offers.length < 2 ? [] : sensitivityLines(m, options.maxLeafCharts ?? 12) };
  return { analysis, model, charts, parameters: analysisParameters(analysis) };
}

/** Top-level criteria (share of the total, local) and, for small trees, every leaf (global). */
function sensitivityLines(model: LinearModel, maxLeafCharts: number): SensitivityLines[] {
  if (model.tree.roots.length < 2) return [];
  const targets: { id: string; convention: "local" | "global" }[] = model.tree.roots.map((id) => ({ id, convention: "local" }));
  const deep = model.tree.leaves.length !== model.tree.roots.length;
  if (deep && model.leaves.length <= maxLeafCharts) for (const id of model.leaves) targets.push({ id, convention: "global" });
  return targets.map(({ id, convention }) => {
    const map = breakpointMap(model, id, convention);
    const winnerChanges: SensitivityLines["winnerChanges"] = [];
    for (let i = 0; i + 1 < map.segments.length; i++) {
      const a = map.segments[i]!;
      const b = map.segments[i + 1]!;
      if (a.order[0] !== b.order[0]) winnerChanges.push({ t: fig(a.to), points: fig(a.to.mul(map.scale)), from: a.order[0]!, to: b.order[0]! });
    }
    return {
      criterion: id,
      convention,
      weight: fig(map.weight),
      scale: fig(map.scale),
      lines: map.lines.map((l) => ({ offer: l.offer, at0: fig(l.at0), at1: fig(l.at1) })),
      winnerChanges,
      crossings: map.breakpoints.reduce((n, b) => n + b.pairs.length, 0),
    };
  });
}
