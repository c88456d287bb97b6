// Sensitivity with occulted values (issue 4, "Unknown values"): the analysis runs on two completed
// scenarios of the occulted cells and reports the robustness figures as intervals, saying which ends
// are proven bounds and which are only the two scenarios' values. Pure apart from SMAA's workers.
//
// The two scenarios (ScoreOptions.values form, then a completed tender so that every analysis, also
// those that read raw values directly, sees the same figures):
//   challengersBest  — every challenger's occulted note at the top of its scale and occulted price at
//                      the lower price bound; the presumed winner's own unknowns the other way;
//   challengersWorst — the reverse.
//
// Exactness. When every occulted cell sits on an absolute leaf (the offer's coefficient depends on its
// own value only: `direct` notes, `reference` prices; scoreWithUnknowns' rankMethod "exact"), the
// winner-minus-challenger coefficient difference d_c on every leaf is monotone in each unknown and is
// componentwise smallest in challengersBest and largest in challengersWorst, for every challenger at
// once. Everything that only depends on the sets {w : w·d_c > 0} is then monotone:
//   totals and gaps; the pair L1 / L∞ distances to a tie (min-change); the winner margin (min over
//   challengers); the winner-stability interval of every weight (nested: the true interval contains the
//   challengersBest one and lies inside the challengersWorst one); the winner's SMAA first-rank
//   acceptability with the same seed (same draws, each draw's verdict monotone; no score noise).
// Those are exact bounds (limits when an end is an open price end). Everything else — the ranking
// stability, the sole-winner distances, the note margin (the room left on the scale moves with the
// unknown note), the score thresholds, methods, rank reversal, effective weights, central weights — is
// only the two scenarios' values. With an unknown on a relative rule (Pmin/P, min–max, best note…),
// nothing is proven: every interval is the two scenarios' values.
import { hasOccultedValues } from "../domain/occulted.js";
import { Rational } from "../exact/rational.js";
import type { Offer, ScoreResult, Tender } from "../domain/types.js";
import { scoreTender } from "../scoring/score-tender.js";
import { planLeaves, type LeafPlan } from "../scoring/inputs.js";
import { scoreWithUnknowns, type PriceRange, type UnknownsResult } from "../check/unknowns.js";
import type { Interval } from "../check/interval.js";
import { analyseTender, type AnalyseOptions, type AnalysisPhase, type SensitivityAnalysis } from "./analyse.js";
import type { LinearModel } from "./model.js";
import type { StabilityRange } from "./stability.js";

export type ScenarioName = "challengersBest" | "challengersWorst";
export const SCENARIOS: readonly ScenarioName[] = ["challengersBest", "challengersWorst"];

/** How the presumed winner (the offer whose robustness is measured) was chosen. */
export type PresumedWinnerBasis = "certain" | "declared-rank" | "declared-total" | "best-lower-bound";

/** A value an occulted cell takes in one scenario. */
export interface ScenarioValue {
  value: Rational;
  /**
   * "zero": the price range's open lower end 0⁺, represented by a small positive stand-in;
   * "infinity": an unbounded price, represented by a large stand-in. null: an admissible value itself.
   */
  standIn: "zero" | "infinity" | null;
}

export interface OccultedCell {
  offer: string;
  leaf: string;
  kind: "note" | "price";
  /** Admissible values: [lo, hi] (hi null = +∞; loOpen: lo itself excluded). */
  lo: Rational;
  loOpen: boolean;
  hi: Rational | null;
  /** The presumed winner's own cell. */
  ofWinner: boolean;
  challengersBest: ScenarioValue;
  challengersWorst: ScenarioValue;
}

/** A figure as an interval over the two scenarios: low ≤ high, with the scenario giving each end. */
export interface FigureBounds {
  /** null: none / unreachable (+∞ for a distance or margin). */
  low: Rational | null;
  /** null: unreachable (+∞), e.g. no weights let a challenger tie in that scenario. */
  high: Rational | null;
  lowFrom: ScenarioName | null;
  highFrom: ScenarioName | null;
  /** True: proven bounds of the figure over every admissible value (limits at open price ends). */
  exact: boolean;
}

export interface StabilityBounds {
  criterion: string;
  convention: "local" | "global";
  /** The winner interval in challengersBest (contained in the true one when exact). */
  inner: { lower: Rational; upper: Rational } | null;
  /** The winner interval in challengersWorst (contains the true one when exact). */
  outer: { lower: Rational; upper: Rational } | null;
  exact: boolean;
}

export interface OccultedAnalysis {
  cells: OccultedCell[];
  priceRange: PriceRange;
  /** scoreWithUnknowns: exact total intervals, possible ranks, winner status. */
  unknowns: UnknownsResult;
  presumedWinner: string | null;
  presumedWinnerBasis: PresumedWinnerBasis;
  /** The buyer's (rounded) winners of each completed scenario. */
  scenarioWinners: Record<ScenarioName, string[]>;
  /** The presumed winner is not the sole winner of both scenarios: the award depends on occulted data. */
  awardDepends: boolean;
  /** Every unknown on an absolute leaf: the figures flagged exact are proven bounds. */
  monotone: boolean;
  /** Some scenario uses a stand-in for an open price end. */
  standIns: boolean;
  /** Proportional-price coefficients replaced by their limit (0) in the weight analyses. */
  limitsApplied: Array<{ scenario: ScenarioName; offer: string; leaf: string }>;
  analyses: Record<ScenarioName, SensitivityAnalysis>;
  /** The scenario whose full analysis fills the report's sections. */
  body: ScenarioName;
  figures: {
    winnerMargin: FigureBounds;
    minimalChange: Array<{ challenger: string; gap: FigureBounds; l1: FigureBounds; linf: FigureBounds }>;
    noteMargin: FigureBounds;
    acceptability: FigureBounds;
    stability: StabilityBounds[];
  };
}

export interface OccultedOptions extends AnalyseOptions {
  priceRange?: PriceRange;
}

/** Re-exported for older callers: the one definition is src/domain/occulted.ts. */
export { hasOccultedValues };

const isPrice = (leaf: LeafPlan): boolean => leaf.node.type === "price" || leaf.node.type === "cost";

/**
 * The presumed winner: the certain winner when scoreWithUnknowns proves one; otherwise the offer the
 * buyer declared first (declared rank 1, else the highest declared total), as the award notice says;
 * otherwise the admitted offer with the highest guaranteed total (lower bound, then upper bound, then id).
 */
export function presumedWinner(tender: Tender, unknowns: UnknownsResult): { offer: string | null; basis: PresumedWinnerBasis } {
  if (unknowns.winner.status === "certain" && unknowns.winner.offer) return { offer: unknowns.winner.offer, basis: "certain" };
  const admitted = new Set(unknowns.offers.filter((o) => o.admitted).map((o) => o.id));
  const firsts = tender.declared.filter((d) => d.node === "rank" && d.value.eq(Rational.ONE) && admitted.has(d.offer));
  if (firsts.length === 1) return { offer: firsts[0]!.offer, basis: "declared-rank" };
  const totals = tender.declared.filter((d) => d.node === "total" && admitted.has(d.offer));
  if (totals.length > 0) {
    const top = totals.reduce((a, b) => (b.value.gt(a.value) ? b : a));
    if (totals.filter((t) => t.value.eq(top.value)).length === 1) return { offer: top.offer, basis: "declared-total" };
  }
  const ranked = unknowns.offers.filter((o) => o.admitted);
  if (ranked.length === 0) return { offer: null, basis: "best-lower-bound" };
  const best = [...ranked].sort((a, b) => b.total.lo.value.cmp(a.total.lo.value) || b.total.hi.value.cmp(a.total.hi.value) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))[0]!;
  return { offer: best.id, basis: "best-lower-bound" };
}

/**
 * Stand-ins for open price ends: 0⁺ → the smallest positive figure of the leaf (known prices, range
 * ends) / 10⁶; +∞ → the largest × 10⁶. Beyond them every saturating rule is constant; the proportional
 * rule's limit (0) is then applied to the weight analyses' coefficients (see applyLimits).
 */
function standInsFor(tender: Tender, leaf: string, range: PriceRange): { zero: Rational; infinity: Rational } {
  const xs: Rational[] = [];
  for (const o of tender.offers) {
    const v = o.values.get(leaf);
    if (v && v.sign() > 0) xs.push(v);
  }
  if (range.lo.sign() > 0) xs.push(range.lo);
  if (range.hi) xs.push(range.hi);
  const node = tender.criteria.byId.get(leaf);
  for (const p of Object.values(node?.method?.params ?? {})) if (p.sign() > 0) xs.push(p);
  const small = xs.reduce((a, b) => Rational.min(a, b), xs[0] ?? Rational.ONE);
  const big = xs.reduce((a, b) => Rational.max(a, b), xs[0] ?? Rational.ONE);
  const M = Rational.of(1_000_000);
  return { zero: small.div(M), infinity: big.mul(M) };
}

/** The occulted cells with their admissible values and the value each scenario gives them. */
export function occultedCells(tender: Tender, winner: string | null, range: PriceRange): OccultedCell[] {
  const plans = planLeaves(tender, {});
  const cells: OccultedCell[] = [];
  for (const o of tender.offers) {
    for (const plan of plans) {
      const leaf = plan.node.id;
      if ((o.values.get(leaf) ?? null) !== null) continue;
      const ofWinner = o.id === winner;
      if (isPrice(plan)) {
        const s = standInsFor(tender, leaf, range);
        const low: ScenarioValue = range.lo.sign() > 0 ? { value: range.lo, standIn: null } : { value: s.zero, standIn: "zero" };
        const high: ScenarioValue = range.hi ? { value: range.hi, standIn: null } : { value: s.infinity, standIn: "infinity" };
        // Favourable to its own offer: a low price.
        cells.push({ offer: o.id, leaf, kind: "price", lo: range.lo, loOpen: range.lo.sign() <= 0, hi: range.hi, ofWinner, challengersBest: ofWinner ? high : low, challengersWorst: ofWinner ? low : high });
      } else {
        const scale = plan.method.id === "direct" ? (plan.max ?? Rational.ONE) : (plan.node.max ?? Rational.ONE);
        const top: ScenarioValue = { value: scale, standIn: null };
        const bottom: ScenarioValue = { value: Rational.ZERO, standIn: null };
        cells.push({ offer: o.id, leaf, kind: "note", lo: Rational.ZERO, loOpen: false, hi: scale, ofWinner, challengersBest: ofWinner ? bottom : top, challengersWorst: ofWinner ? top : bottom });
      }
    }
  }
  return cells;
}

/** A scenario's values in ScoreOptions.values form. */
export function scenarioValues(cells: readonly OccultedCell[], scenario: ScenarioName): Map<string, Map<string, Rational>> {
  const out = new Map<string, Map<string, Rational>>();
  for (const c of cells) {
    let m = out.get(c.offer);
    if (!m) out.set(c.offer, (m = new Map()));
    m.set(c.leaf, c[scenario].value);
  }
  return out;
}

/** The tender with the scenario's values written into the offers (nothing else changes). */
export function completeTender(tender: Tender, values: ReadonlyMap<string, ReadonlyMap<string, Rational>>): Tender {
  const offers: Offer[] = tender.offers.map((o) => {
    const v = values.get(o.id);
    if (!v) return o;
    const merged = new Map(o.values);
    for (const [leaf, x] of v) merged.set(leaf, x);
    return { ...o, values: merged };
  });
  return { ...tender, offers };
}

/**
 * The proportional rule's limits at open price ends, in the weight analyses' coefficients: an offer
 * whose price stands in for +∞ gets 0 (Pmin/P → 0); when the lowest admitted price stands in for 0⁺,
 * every other offer gets 0 (Pmin → 0). Other rules saturate before the stand-ins (or keep the stand-in
 * value, said in the report).
 */
function applyLimits(model: LinearModel, tender: Tender, cells: readonly OccultedCell[], scenario: ScenarioName, applied: OccultedAnalysis["limitsApplied"]): LinearModel {
  const coef = model.coef.map((row) => [...row]);
  let changed = false;
  model.leaves.forEach((leaf, j) => {
    const node = tender.criteria.byId.get(leaf);
    if (!node || node.method?.id !== "proportional") return;
    const here = cells.filter((c) => c.leaf === leaf && c[scenario].standIn !== null);
    if (here.length === 0) return;
    const inf = new Set(here.filter((c) => c[scenario].standIn === "infinity").map((c) => c.offer));
    const zero = new Set(here.filter((c) => c[scenario].standIn === "zero").map((c) => c.offer));
    model.offers.forEach((id, a) => {
      const toZero = inf.has(id) || (zero.size > 0 && !zero.has(id));
      if (toZero && !coef[a]![j]!.isZero()) {
        coef[a]![j] = Rational.ZERO;
        changed = true;
        applied.push({ scenario, offer: id, leaf });
      }
    });
  });
  return changed ? { ...model, coef } : model;
}

/**
 * The interval of a figure from its challengersBest value `a` and challengersWorst value `b`. null is
 * "unreachable / none" (a distance or margin of +∞) and sorts above every number; both null: none.
 */
function bounds(a: Rational | null, b: Rational | null, exact: boolean): FigureBounds {
  if (a === null && b === null) return { low: null, high: null, lowFrom: null, highFrom: null, exact };
  if (b === null || (a !== null && a.le(b))) return { low: a, high: b, lowFrom: "challengersBest", highFrom: "challengersWorst", exact };
  return { low: b, high: a, lowFrom: "challengersWorst", highFrom: "challengersBest", exact };
}

const rangeOf = (r: StabilityRange | undefined): { lower: Rational; upper: Rational } | null => (r ? { lower: r.lower, upper: r.upper } : null);

/**
 * Run the sensitivity analysis on both completed scenarios and put the robustness figures side by
 * side. Each scenario's analysis measures robustness around ITS unrounded winner; when the presumed
 * winner does not win both scenarios, `awardDepends` is set and the margin figures are left out
 * (they would measure different winners).
 */
export async function analyseOcculted(tender: Tender, options: OccultedOptions = {}): Promise<OccultedAnalysis> {
  const priceRange = options.priceRange ?? { lo: Rational.ZERO, hi: null };
  const unknowns = scoreWithUnknowns(tender, { priceRange });
  const { offer: winner, basis } = presumedWinner(tender, unknowns);
  const cells = occultedCells(tender, winner, priceRange);
  const monotone = unknowns.rankMethod === "exact" && unknowns.exactIntervals;
  const limitsApplied: OccultedAnalysis["limitsApplied"] = [];
  const completed = {} as Record<ScenarioName, Tender>;
  const scored = {} as Record<ScenarioName, ScoreResult>;
  for (const s of SCENARIOS) {
    completed[s] = completeTender(tender, scenarioValues(cells, s));
    scored[s] = scoreTender(completed[s]);
  }
  const scenarioWinners = { challengersBest: scored.challengersBest.winners, challengersWorst: scored.challengersWorst.winners };
  const sole = (ws: string[]) => ws.length === 1 && ws[0] === winner;
  const awardDepends = winner === null || !sole(scenarioWinners.challengersBest) || !sole(scenarioWinners.challengersWorst);

  // Progress over both scenarios: each reports on its own half.
  const progress = options.onProgress;
  const analyses = {} as Record<ScenarioName, SensitivityAnalysis>;
  for (const [k, s] of SCENARIOS.entries()) {
    const { priceRange: _ignored, ...rest } = options;
    analyses[s] = await analyseTender(completed[s], scored[s], {
      ...rest,
      ...(progress ? { onProgress: (done: number, total: number, phase: AnalysisPhase) => progress(k * total + done, 2 * total, phase) } : {}),
      patchModel: (m) => applyLimits(m, completed[s], cells, s, limitsApplied),
    });
  }
  const B = analyses.challengersBest;
  const W = analyses.challengersWorst;
  const noNoise = (options.scoreNoise ?? 0) === 0;
  const exact = monotone && !awardDepends;

  const pairOf = (a: SensitivityAnalysis, c: string) => a.minimalChange.pairs.find((p) => p.challenger === c);
  const dist = (a: SensitivityAnalysis, c: string, which: "l1" | "linf"): Rational | null => {
    const p = pairOf(a, c);
    const r = p?.[which];
    return r && r.status === "ok" ? r.distancePoints : null;
  };
  const challengers = awardDepends ? [] : B.minimalChange.pairs.map((p) => p.challenger).filter((c) => pairOf(W, c));
  const margin = (a: SensitivityAnalysis) => a.minimalChange.margin?.distancePoints ?? null;
  const b1 = (a: SensitivityAnalysis): Rational | null => {
    const v = winner && a.smaa ? a.smaa.rankAcceptability[winner]?.[0] : undefined;
    return v === undefined ? null : Rational.fromNumber(v);
  };
  const stability: StabilityBounds[] = awardDepends
    ? []
    : B.stability.map((s) => {
        const w = W.stability.find((x) => x.criterion === s.criterion && x.convention === s.convention);
        return { criterion: s.criterion, convention: s.convention, inner: s.note ? null : rangeOf(s.winner), outer: w && !w.note ? rangeOf(w.winner) : null, exact };
      });
  const none: FigureBounds = { low: null, high: null, lowFrom: null, highFrom: null, exact: false };
  const figures: OccultedAnalysis["figures"] = {
    winnerMargin: awardDepends ? none : bounds(margin(B), margin(W), exact),
    minimalChange: challengers.map((c) => ({
      challenger: c,
      gap: bounds(pairOf(B, c)!.gapPoints, pairOf(W, c)!.gapPoints, exact),
      l1: bounds(dist(B, c, "l1"), dist(W, c, "l1"), exact),
      linf: bounds(dist(B, c, "linf"), dist(W, c, "linf"), exact),
    })),
    noteMargin: awardDepends ? none : bounds(B.scoreSensitivity.noteMargin?.points ?? null, W.scoreSensitivity.noteMargin?.points ?? null, false),
    acceptability: awardDepends ? none : bounds(b1(B), b1(W), exact && noNoise),
    stability,
  };
  return {
    cells,
    priceRange,
    unknowns,
    presumedWinner: winner,
    presumedWinnerBasis: basis,
    scenarioWinners,
    awardDepends,
    monotone,
    standIns: cells.some((c) => c.challengersBest.standIn !== null || c.challengersWorst.standIn !== null),
    limitsApplied,
    analyses,
    body: awardDepends ? "challengersWorst" : "challengersBest",
    figures,
  };
}

/** Interval helper for renderers: the exact total interval of an offer (scoreWithUnknowns). */
export function totalInterval(o: OccultedAnalysis, offer: string): Interval | null {
  return o.unknowns.offers.find((x) => x.id === offer)?.total ?? null;
}
