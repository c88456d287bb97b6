// Declared (published) figures against the exact recomputation: difference and tolerance. Pure.
import { Rational } from "../exact/rational.js";
import type { DeclaredFigure, ScoreResult, SourceLocation } from "../domain/types.js";
import { isPoint, type Interval } from "./interval.js";
import { defaultTolerance, publishedDecimals } from "./tolerance.js";
import type { UnknownsResult } from "./unknowns.js";
import type { Explanation } from "./explain.js";

export type FigureStatus =
  /** Within tolerance of the recomputed value (ranks: equal). */
  | "agrees"
  /** Outside tolerance of the recomputed value (ranks: different, or the offer is not ranked). */
  | "disagrees"
  /** Depends on unknown values, and some of them reproduce it (alone; see the joint feasibility). */
  | "open"
  /** Depends on unknown values, and none of them reproduces it: proven. */
  | "impossible";

export interface FigureCheck {
  offer: string;
  /** A node id, "total" or "rank". */
  node: string;
  kind: "points" | "total" | "rank";
  declared: Rational;
  text: string;
  source: SourceLocation;
  /** Decimals as published (null for ranks or unreadable text). */
  decimals: number | null;
  tolerance: Rational;
  /** The recomputed value when determined (ranks: the recomputed rank; null when not ranked). */
  recomputed: Rational | null;
  /** The recomputed interval when the figure depends on unknown values. */
  range: Interval | null;
  /** Possible ranks when the rank depends on unknown values. */
  rankRange: { best: number; worst: number } | null;
  /** declared − recomputed (or the distance to the interval, signed), exact. */
  difference: Rational | null;
  status: FigureStatus;
  explanations: Explanation[];
}

export interface CompareOptions {
  /** Overrides the per-figure default tolerance (half a unit of the last published decimal). */
  tolerance?: Rational;
}

/**
 * Compare every declared figure with the recomputation. With a full ScoreResult (no unknowns): points
 * of a node, total, rank, exactly; within tolerance means |declared − recomputed| ≤ tolerance (closed).
 * Ranks compare exactly (competition ranks 1, 1, 3); a declared rank for an offer the recomputation
 * does not rank (excluded, eliminated) disagrees. With interval bounds (unknown values): a figure whose
 * interval is a single attained value compares as above; otherwise it is "open" when the declared value
 * is within tolerance of the interval, "impossible" when it is not (a proof: no admissible values give
 * it). A declared rank outside the possible ranks is "impossible" (sound even for a superset range).
 */
export function compareFigures(
  declared: readonly DeclaredFigure[],
  source: { result: ScoreResult } | { bounds: UnknownsResult },
  options: CompareOptions = {},
): FigureCheck[] {
  return declared.map((fig) => {
    const kind = fig.node === "rank" ? "rank" : fig.node === "total" ? "total" : "points";
    const decimals = kind === "rank" ? null : publishedDecimals(fig.text, fig.value);
    const tolerance = kind === "rank" ? Rational.ZERO : (options.tolerance ?? defaultTolerance(fig.text, fig.value));
    const base: FigureCheck = {
      offer: fig.offer,
      node: fig.node,
      kind,
      declared: fig.value,
      text: fig.text,
      source: fig.source,
      decimals,
      tolerance,
      recomputed: null,
      range: null,
      rankRange: null,
      difference: null,
      status: "disagrees",
      explanations: [],
    };
    if ("result" in source) return withValue(base, valueOf(source.result, fig));
    const o = source.bounds.offers.find((x) => x.id === fig.offer);
    if (!o) return base;
    if (kind === "rank") {
      if (o.bestRank === null || o.worstRank === null) return base;
      if (o.bestRank === o.worstRank) return withValue(base, Rational.of(o.bestRank));
      const r = Number(fig.value.num);
      const inside = r >= o.bestRank && r <= o.worstRank;
      return { ...base, rankRange: { best: o.bestRank, worst: o.worstRank }, status: inside ? "open" : "impossible" };
    }
    const range = kind === "total" ? o.total : (o.points.get(fig.node) ?? null);
    if (!range) return base;
    if (isPoint(range)) return withValue(base, range.lo.value);
    const below = range.lo.value.sub(tolerance);
    const above = range.hi.value.add(tolerance);
    const v = fig.value;
    // |v − T| ≤ tolerance for some reachable T: at exactly lo − tolerance only T = lo works.
    const inside = (v.gt(below) || (v.eq(below) && range.lo.attained)) && (v.lt(above) || (v.eq(above) && range.hi.attained));
    const difference = v.lt(range.lo.value) ? v.sub(range.lo.value) : v.gt(range.hi.value) ? v.sub(range.hi.value) : Rational.ZERO;
    return { ...base, range, difference, status: inside ? "open" : "impossible" };
  });
}

function valueOf(result: ScoreResult, fig: DeclaredFigure): Rational | null {
  const o = result.offers.find((x) => x.id === fig.offer);
  if (!o) return null;
  if (fig.node === "rank") return o.rank === null ? null : Rational.of(o.rank);
  if (fig.node === "total") return o.total;
  return o.points.get(fig.node) ?? null;
}

function withValue(base: FigureCheck, recomputed: Rational | null): FigureCheck {
  if (recomputed === null) return base;
  const difference = base.declared.sub(recomputed);
  const ok = difference.abs().le(base.tolerance);
  return { ...base, recomputed, difference, status: ok ? "agrees" : "disagrees" };
}

/** The value of a declared figure in a score result (for explanations and witnesses). */
export function figureValue(result: ScoreResult, offer: string, node: string): Rational | null {
  return valueOf(result, { offer, node, value: Rational.ZERO, text: "", source: { file: "" } });
}
