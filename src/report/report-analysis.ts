// The robustness figures the report computes itself from the sensitivity and SMAA libraries: weight
// stability intervals, the one-way sensitivity lines of each criterion, the minimal weight change and
// the SMAA-2 acceptabilities. Pure except for runSmaa's worker threads (same numbers as in-process).
// Exact figures travel as canonical strings ("13/18") beside their float, as in the JSON contract.
import type { ScoreResult, Tender } from "../domain/types.js";
import type { Rational } from "../exact/rational.js";
import { minimalWeightChanges } from "../sensitivity/min-change.js";
import { linearModel, type LinearModel } from "../sensitivity/model.js";
import { breakpointMap, stabilityIntervals, type StabilityRange } from "../sensitivity/stability.js";
import { runSmaa, type SmaaProblem, type SmaaResult, type WeightSampler } from "../smaa/index.js";

export interface ExactFigure {
  value: number;
  exact: string;
}

export interface ReportRange {
  lower: ExactFigure;
  upper: ExactFigure;
  lowerPoints: ExactFigure;
  upperPoints: ExactFigure;
  /** The pair tying at each bound ([ahead, behind] on the current side), null when none. */
  lowerPair: [string, string] | null;
  upperPair: [string, string] | null;
}

export interface StabilityRow {
  criterion: string;
  convention: "local" | "global";
  level: number;
  weight: ExactFigure;
  weightPoints: ExactFigure;
  scale: ExactFigure;
  winners: string[];
  winner: ReportRange;
  ranking: ReportRange;
  note: "only-child" | null;
}

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

export interface MinimalChangeSummary {
  /** Largest single-weight (L∞) change, in points of the total, under which the award cannot change. */
  margin: { points: ExactFigure; challenger: string } | null;
  pairs: { challenger: string; gapPoints: ExactFigure; l1Points: ExactFigure | null; linfPoints: ExactFigure | null }[];
}

export interface SmaaSummary {
  samples: number;
  seed: number;
  sampler: WeightSampler;
  method: string;
  rng: string;
  scoreNoise: number;
  offers: string[];
  rankAcceptability: Record<string, number[]>;
  halfWidth95: Record<string, number[]>;
  confidence: Record<string, number | null>;
  centralWeights: Record<string, Record<string, number> | null>;
}

export interface ReportAnalysis {
  offers: string[];
  stability: StabilityRow[];
  lines: SensitivityLines[];
  minimalChange: MinimalChangeSummary | null;
  smaa: SmaaSummary | null;
}

export interface AnalysisOptions {
  samples: number;
  seed: number;
  sampler: WeightSampler;
  scoreNoise: number;
  /** Leaves get their own (global) sensitivity chart when there are at most this many. */
  maxLeafCharts?: number;
  /** Skip the LP-based minimal change above this many offers × leaves (it is the slow part). */
  maxMinChangeSize?: number;
}

export function fig(r: Rational): ExactFigure {
  return { value: r.toNumber(), exact: r.toString() };
}

function range(r: StabilityRange): ReportRange {
  return {
    lower: fig(r.lower),
    upper: fig(r.upper),
    lowerPoints: fig(r.lowerPoints),
    upperPoints: fig(r.upperPoints),
    lowerPair: r.lowerPair ? [r.lowerPair[0], r.lowerPair[1]] : null,
    upperPair: r.upperPair ? [r.upperPair[0], r.upperPair[1]] : null,
  };
}

/** Everything the report shows about robustness; null parts when fewer than two offers are ranked. */
export async function analyseForReport(tender: Tender, result: ScoreResult, options: AnalysisOptions): Promise<ReportAnalysis> {
  const model = linearModel(tender, result);
  if (model.offers.length < 2) return { offers: model.offers, stability: [], lines: [], minimalChange: null, smaa: null };
  const stability: StabilityRow[] = stabilityIntervals(model).map((s) => ({
    criterion: s.criterion,
    convention: s.convention,
    level: s.level,
    weight: fig(s.weight),
    weightPoints: fig(s.weightPoints),
    scale: fig(s.scale),
    winners: s.winners,
    winner: range(s.winner),
    ranking: range(s.ranking),
    note: s.note,
  }));
  const lines = sensitivityLines(model, options.maxLeafCharts ?? 12);
  const size = model.offers.length * model.leaves.length;
  const minimalChange = size <= (options.maxMinChangeSize ?? 400) ? minimalChange_(model) : null;
  const smaa = await smaaFor(tender, model, options);
  return { offers: model.offers, stability, lines, minimalChange, smaa };
}

/** Top-level criteria (share of the total, local) and, for small trees, every leaf (global). */
function sensitivityLines(model: LinearModel, maxLeafCharts: number): SensitivityLines[] {
  const targets: { id: string; convention: "local" | "global" }[] = model.tree.roots.map((id) => ({ id, convention: "local" }));
  const deep = model.tree.leaves.length !== model.tree.roots.length;
  if (deep && model.leaves.length <= maxLeafCharts) for (const id of model.leaves) targets.push({ id, convention: "global" });
  if (model.tree.roots.length < 2) return [];
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

function minimalChange_(model: LinearModel): MinimalChangeSummary {
  const r = minimalWeightChanges(model);
  return {
    margin: r.margin ? { points: fig(r.margin.distancePoints), challenger: r.margin.challenger } : null,
    pairs: r.pairs.map((p) => ({
      challenger: p.challenger,
      gapPoints: fig(p.gapPoints),
      l1Points: p.l1.status === "ok" ? fig(p.l1.distancePoints) : null,
      linfPoints: p.linf.status === "ok" ? fig(p.linf.distancePoints) : null,
    })),
  };
}

async function smaaFor(tender: Tender, model: LinearModel, o: AnalysisOptions): Promise<SmaaSummary | null> {
  if (o.samples <= 0) return null;
  const m = model.offers.length;
  const n = model.leaves.length;
  const coef = new Float64Array(m * n);
  model.coef.forEach((row, a) => row.forEach((c, j) => (coef[a * n + j] = c.toNumber())));
  const problem: SmaaProblem = {
    offers: model.offers,
    leaves: model.leaves,
    coef,
    weights: Float64Array.from(model.weights.map((w) => w.toNumber())),
    totalPoints: model.totalPoints.toNumber(),
  };
  if (o.sampler.kind === "box" && o.sampler.level === "top") problem.groups = topGroups(model);
  if (o.scoreNoise > 0) {
    const halfWidth = new Float64Array(n);
    const max = new Float64Array(n);
    const note = new Float64Array(m * n);
    model.leaves.forEach((leaf, j) => {
      const node = tender.criteria.byId.get(leaf)!;
      if (node.method?.id !== "direct" || node.max === null || node.max.sign() <= 0) return;
      halfWidth[j] = o.scoreNoise;
      max[j] = node.max.toNumber();
      model.offers.forEach((id, a) => {
        const v = tender.offers.find((x) => x.id === id)?.values.get(leaf);
        note[a * n + j] = v ? v.toNumber() : 0;
      });
    });
    problem.noise = { halfWidth, max, note };
  }
  const r: SmaaResult = await runSmaa(problem, { samples: o.samples, seed: o.seed, sampler: o.sampler });
  return {
    samples: r.samples,
    seed: r.seed,
    sampler: r.sampler,
    method: r.method,
    rng: r.rng,
    scoreNoise: o.scoreNoise,
    offers: model.offers,
    rankAcceptability: r.rankAcceptability,
    halfWidth95: r.halfWidth95,
    confidence: r.confidence,
    centralWeights: r.centralWeights,
  };
}

function topGroups(model: LinearModel): NonNullable<SmaaProblem["groups"]> {
  const roots = model.tree.roots;
  const topOf = (leaf: string): number => {
    let id = leaf;
    for (let node = model.tree.byId.get(id)!; node.parent !== null; node = model.tree.byId.get(node.parent)!) id = node.parent;
    return roots.indexOf(id);
  };
  const parentOfLeaf = Int32Array.from(model.leaves.map(topOf));
  const topWeights = new Float64Array(roots.length);
  model.weights.forEach((w, j) => (topWeights[parentOfLeaf[j]!]! += w.toNumber()));
  const shareInTop = Float64Array.from(model.weights.map((w, j) => {
    const t = topWeights[parentOfLeaf[j]!]!;
    return t > 0 ? w.toNumber() / t : 0;
  }));
  return { parentOfLeaf, topWeights, shareInTop };
}
