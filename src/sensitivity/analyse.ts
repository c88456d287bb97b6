// The sensitivity orchestrator (issue 3): stability, minimal change, single-score thresholds, method
// and rounding sensitivity, rank reversal, effective weights and SMAA-2, for one scored tender. No IO
// (SMAA may use worker threads through src/smaa); everything but SMAA is exact.
import { Rational } from "../exact/rational.js";
import type { Diagnostic, ScoreResult, Tender } from "../domain/types.js";
import { scoreTender } from "../scoring/score-tender.js";
import { planLeaves } from "../scoring/inputs.js";
import { runSmaa, type SmaaProblem, type SmaaResult, type WeightSampler } from "../smaa/index.js";
import { effectiveWeights, type EffectiveWeightReport } from "./effective-weight.js";
import { methodSensitivity, type MethodSensitivity } from "./method-sensitivity.js";
import { minimalWeightChanges, type MinimalChangeReport } from "./min-change.js";
import { linearModel, type LinearModel } from "./model.js";
import { rankReversal, type RankReversal } from "./rank-reversal.js";
import { scoreThresholds, type ScoreSensitivity } from "./score-threshold.js";
import { stabilityIntervals, type StabilityInterval } from "./stability.js";

import { DEFAULT_SAMPLES, DEFAULT_SEED } from "./defaults.js";

export { DEFAULT_SAMPLES, DEFAULT_SEED };

/** Codes of the analysis-level diagnostics (words in src/i18n/sensitivity.ts). */
export const ANALYSIS_CODES = [
  /** info: `decimals` are set; the weight and score analyses use the unrounded model. */
  "ANALYSIS_UNROUNDED",
  /** The buyer's rounding alone changes the winner. */
  "ROUNDING_DECIDES",
  /** Another price formula of the library alone changes the winner. */
  "FORMULA_DECIDES",
  /** Withdrawing or readmitting one offer reverses (or ties) two others. */
  "RANK_REVERSAL",
  /** info: SMAA not run (no ranked offer, zero total weight, or samples = 0). */
  "SMAA_SKIPPED",
] as const;
export type AnalysisCode = (typeof ANALYSIS_CODES)[number];

/** The phase a progress report belongs to (its translated label: progressLabel in src/i18n/sensitivity.ts). */
export type AnalysisPhase = "exact" | "smaa";

export interface AnalyseOptions {
  /** SMAA draws K (default 10,000); 0 skips SMAA. */
  samples?: number;
  seed?: number;
  /**
   * "simplex" (default), "ordinal", "box:P" (leaf weights ± P points), "box:P:top" (top-level criteria).
   * When the tree's weightKind is "order" and `smaaWeightsExplicit` is not true, "ordinal" is used.
   */
  smaaWeights?: string;
  /** The user chose `smaaWeights` (a CLI flag given), rather than the default: always honoured. */
  smaaWeightsExplicit?: boolean;
  /** Jury-note noise: each `direct` note uniform within ±K scale points, intersected with the scale. */
  scoreNoise?: number;
  /** Adaptive SMAA: draw until every half-width ≤ precision. */
  precision?: number;
  workers?: number;
  /**
   * Progress over the whole analysis, in percent (total 100): the exact phases fill the first part,
   * SMAA's draws (its onProgress) the rest.
   */
  onProgress?: (done: number, total: number, phase: AnalysisPhase) => void;
  /** Replace the linear model before the weight analyses (occulted-value limits, bounds.ts). */
  patchModel?: (model: LinearModel) => LinearModel;
}

/** How the weights are known, and what the weight analyses can claim. */
export interface WeightBasis {
  kind: "exact" | "mid" | "order";
  /** For "order": criterion id → published rank (1 = most important). */
  order: Array<{ criterion: string; rank: number }>;
  /** SMAA switched to ordinal weights because only the order is published (no explicit --smaa-weights). */
  smaaOrdinalDefault: boolean;
}

export interface SensitivityAnalysis {
  /** The buyer's scoring (rounded as its rules say), as given. */
  scored: ScoreResult;
  /** The same without rounding: the basis of the linear model. */
  unrounded: ScoreResult;
  /** Some node has `decimals`: the weight and score analyses ignore the buyer's rounding. */
  roundingIgnored: boolean;
  model: LinearModel;
  stability: StabilityInterval[];
  minimalChange: MinimalChangeReport;
  scoreSensitivity: ScoreSensitivity;
  methods: MethodSensitivity;
  rankReversal: RankReversal;
  effectiveWeight: EffectiveWeightReport;
  smaa: SmaaResult | null;
  settings: { samples: number; seed: number; sampler: WeightSampler; smaaWeights: string; scoreNoise: number; precision: number | null };
  weightBasis: WeightBasis;
  warnings: Diagnostic[];
}

/**
 * Parse `--smaa-weights` (the one parser of every command): `simplex`, `ordinal`, `box:P` (every leaf
 * weight within ±P points of the total), `box:P:top` (every top-level criterion weight within ±P
 * points, leaves keeping their share); `box-top:P` is read as an alias of `box:P:top` (older report
 * option). P ≥ 0, "." or "," decimals. Returns null for anything else.
 */
export function parseSmaaWeights(text: string): WeightSampler | null {
  if (text === "simplex") return { kind: "simplex" };
  if (text === "ordinal") return { kind: "ordinal" };
  const alias = /^box-top:(\d+(?:[.,]\d+)?)$/.exec(text);
  if (alias) return { kind: "box", points: Number(alias[1]!.replace(",", ".")), level: "top" };
  const m = /^box:(\d+(?:[.,]\d+)?)(:top|:leaf)?$/.exec(text);
  if (!m) return null;
  return { kind: "box", points: Number(m[1]!.replace(",", ".")), level: m[2] === ":top" ? "top" : "leaf" };
}

/** The canonical spelling of a `--smaa-weights` value (`box-top:P` → `box:P:top`), as recorded in outputs. */
export function canonicalSmaaWeights(text: string): string {
  const alias = /^box-top:(\d+(?:[.,]\d+)?)$/.exec(text);
  return alias ? `box:${alias[1]}:top` : text;
}

/**
 * The SMAA problem of a linear model: coefficients as floats (offers × leaves, row-major), announced
 * leaf weights in points; top-level groups (for `box:P:top`); and, when `scoreNoise` K > 0, noise on
 * every `direct` leaf (half-width K on its scale, the offers' raw notes).
 */
export function smaaProblem(tender: Tender, model: LinearModel, scoreNoise = 0): SmaaProblem {
  const m = model.offers.length;
  const n = model.leaves.length;
  const coef = new Float64Array(m * n);
  model.coef.forEach((row, i) => row.forEach((c, j) => (coef[i * n + j] = c.toNumber())));
  const tree = tender.criteria;
  const topOf = (id: string): string => {
    let node = tree.byId.get(id)!;
    while (node.parent !== null) node = tree.byId.get(node.parent)!;
    return node.id;
  };
  const topIndex = new Map(tree.roots.map((id, k) => [id, k]));
  const topWeights = Float64Array.from(tree.roots.map((id) => tree.byId.get(id)!.weight.toNumber()));
  const parentOfLeaf = Int32Array.from(model.leaves.map((id) => topIndex.get(topOf(id))!));
  const groupPoints = tree.roots.map((_, k) => Rational.sum(model.weights.filter((_, j) => parentOfLeaf[j] === k)));
  const groupSize = tree.roots.map((_, k) => model.leaves.filter((_, j) => parentOfLeaf[j] === k).length);
  // A leaf's share inside its top-level criterion; equal shares when the criterion weighs 0.
  const shareInTop = Float64Array.from(
    model.weights.map((w, j) => {
      const k = parentOfLeaf[j]!;
      return groupPoints[k]!.isZero() ? 1 / groupSize[k]! : w.div(groupPoints[k]!).toNumber();
    }),
  );
  const problem: SmaaProblem = {
    offers: [...model.offers],
    leaves: [...model.leaves],
    coef,
    weights: Float64Array.from(model.weights.map((w) => w.toNumber())),
    totalPoints: model.totalPoints.toNumber(),
    groups: { parentOfLeaf, topWeights, shareInTop },
  };
  if (scoreNoise > 0) {
    const plans = new Map(planLeaves(tender, {}).map((p) => [p.node.id, p]));
    const halfWidth = new Float64Array(n);
    const max = new Float64Array(n);
    const note = new Float64Array(m * n);
    const offerById = new Map(tender.offers.map((o) => [o.id, o]));
    model.leaves.forEach((leaf, j) => {
      const plan = plans.get(leaf)!;
      if (plan.method.id !== "direct" || plan.max === null || plan.max.sign() <= 0) return;
      halfWidth[j] = scoreNoise;
      max[j] = plan.max.toNumber();
      model.offers.forEach((id, i) => {
        const v = offerById.get(id)!.values.get(leaf);
        note[i * n + j] = v ? v.toNumber() : 0;
      });
    });
    problem.noise = { halfWidth, max, note };
  }
  return problem;
}

function diag(code: AnalysisCode, args: Diagnostic["args"], severity: Diagnostic["severity"] = "warning"): Diagnostic {
  return { code, severity, args };
}

/**
 * Run every analysis of issue 3 on a scored tender. Order of work: unrounded rescoring → linear model
 * → stability (local and global, stability.ts) → minimal weight changes (min-change.ts) → single-score
 * thresholds → method / rounding sensitivity → rank reversal → effective weights → SMAA-2 (runSmaa,
 * seeded; default 10,000 draws, seed 20250622, uniform simplex weights).
 *
 * The weight and score analyses work on the UNROUNDED model (points = weight × coefficient): stated by
 * ANALYSIS_UNROUNDED whenever a `decimals` is set. Throws UnknownValuesError (from the scorer) when a
 * needed value is occulted, and RangeError for a bad `smaaWeights`.
 */
export async function analyseTender(tender: Tender, scored: ScoreResult, options: AnalyseOptions = {}): Promise<SensitivityAnalysis> {
  const samples = options.samples ?? DEFAULT_SAMPLES;
  const seed = options.seed ?? DEFAULT_SEED;
  const weightKind = tender.criteria.weightKind ?? "exact";
  const smaaOrdinalDefault = weightKind === "order" && options.smaaWeightsExplicit !== true;
  const smaaWeights = smaaOrdinalDefault ? "ordinal" : canonicalSmaaWeights(options.smaaWeights ?? "simplex");
  const sampler = parseSmaaWeights(smaaWeights);
  if (!sampler) throw new RangeError(`unknown --smaa-weights: ${smaaWeights}`);
  const scoreNoise = options.scoreNoise ?? 0;
  const runsSmaa = samples > 0;
  // Progress in percent: exact phases up to EXACT_SHARE (all of it without SMAA), SMAA the rest.
  const exactShare = runsSmaa ? 30 : 100;
  const phases = 7;
  let phase = 0;
  const step = (): void => {
    phase++;
    options.onProgress?.(Math.round((exactShare * phase) / phases), 100, "exact");
  };

  const unrounded = scoreTender(tender, { rounding: false });
  const roundingIgnored = tender.criteria.nodes.some((n) => n.decimals !== null);
  const baseModel = linearModel(tender, unrounded);
  const model = options.patchModel ? options.patchModel(baseModel) : baseModel;
  step();
  const stability = stabilityIntervals(model);
  step();
  const minimalChange = minimalWeightChanges(model);
  step();
  const scoreSensitivity = scoreThresholds(tender);
  step();
  const methods = methodSensitivity(tender);
  step();
  const reversal = rankReversal(tender);
  step();
  const effective = effectiveWeights(tender, scored);
  step();

  const warnings: Diagnostic[] = [];
  if (roundingIgnored) warnings.push(diag("ANALYSIS_UNROUNDED", {}, "info"));
  if (methods.roundingDecides) {
    warnings.push(diag("ROUNDING_DECIDES", { rounded: methods.rounding.rounded.winners.join(", "), unrounded: methods.rounding.unrounded.winners.join(", ") }));
  }
  if (methods.formulaDecides) {
    const others = methods.variants.filter((v) => v.skipped === null && !v.sameWinner);
    warnings.push(diag("FORMULA_DECIDES", { formulas: others.map((v) => `${v.formula} → ${v.winners.join(", ")}`).join("; "), winners: methods.baseline.winners.join(", ") }));
  }
  for (const s of reversal.scenarios) {
    for (const f of s.flips) {
      warnings.push(diag("RANK_REVERSAL", { kind: s.kind, offer: s.offer, first: f.first, second: f.second, flip: f.kind, leaves: s.changedLeaves.join(", ") }));
    }
  }
  warnings.push(...effective.warnings);
  const order = [...(tender.criteria.weightOrder ?? new Map<string, number>())].map(([criterion, rank]) => ({ criterion, rank }));

  let smaa: SmaaResult | null = null;
  if (samples > 0 && model.offers.length > 0 && model.totalPoints.sign() > 0 && model.leaves.length > 0) {
    const smaaOptions = {
      samples,
      seed,
      sampler,
      ...(options.precision !== undefined ? { precision: options.precision } : {}),
      ...(options.workers !== undefined ? { workers: options.workers } : {}),
      ...(options.onProgress
        ? { onProgress: (done: number, total: number) => options.onProgress!(total > 0 ? exactShare + Math.floor(((100 - exactShare) * Math.min(done, total)) / total) : 100, 100, "smaa") }
        : {}),
    };
    smaa = await runSmaa(smaaProblem(tender, model, scoreNoise), smaaOptions);
  } else warnings.push(diag("SMAA_SKIPPED", { samples, offers: model.offers.length }, "info"));

  return {
    scored,
    unrounded,
    roundingIgnored,
    model,
    stability,
    minimalChange,
    scoreSensitivity,
    methods,
    rankReversal: reversal,
    effectiveWeight: effective,
    smaa,
    settings: { samples, seed, sampler, smaaWeights, scoreNoise, precision: options.precision ?? null },
    weightBasis: { kind: weightKind, order, smaaOrdinalDefault },
    warnings,
  };
}
