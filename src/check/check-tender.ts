// The `check` analysis as one pure function: declared figures → comparisons, explanations, interval
// bounds and joint feasibility when values are unknown, and a verdict. No IO.
import type { Rational } from "../exact/rational.js";
import type { DeclaredFigure, Diagnostic, Tender } from "../domain/types.js";
import { scoreTender } from "../scoring/score-tender.js";
import { compareFigures, type FigureCheck } from "./compare.js";
import { explainDiscrepancies } from "./explain.js";
import { decideFeasibility, type Feasibility } from "./feasibility.js";
import { scoreWithUnknowns, type PriceRange, type UnknownsResult } from "./unknowns.js";

export interface CheckOptions {
  tolerance?: Rational;
  priceRange?: PriceRange;
}

export interface CheckResult {
  checks: FigureCheck[];
  /** Interval analysis, when some value is unknown. */
  bounds: UnknownsResult | null;
  feasibility: Feasibility;
  counts: { checked: number; agree: number; disagree: number; open: number; impossible: number };
  /**
   * consistent: every figure agrees (and, with unknowns, some values reproduce them all: proven);
   * discrepancies: some figure disagrees or is impossible; inconsistent: the declared figures together are
   * proven irreproducible; undecided: nothing disagrees but the joint question could not be decided.
   */
  verdict: "consistent" | "discrepancies" | "inconsistent" | "undecided";
  warnings: Diagnostic[];
}

/**
 * Check every declared figure. Without unknown values: exact recomputation (scoreTender), per-figure
 * comparison, then verified explanations of each discrepancy. With unknown values: interval bounds
 * (scoreWithUnknowns) decide each figure alone (agrees / disagrees when determined, open / impossible
 * otherwise), and decideFeasibility decides them jointly.
 */
export function checkTender(tender: Tender, declared: readonly DeclaredFigure[], options: CheckOptions = {}): CheckResult {
  const cmp = options.tolerance ? { tolerance: options.tolerance } : {};
  const hasUnknowns = tender.offers.some((o) => tender.criteria.leaves.some((l) => (o.values.get(l) ?? null) === null));
  let checks: FigureCheck[];
  let bounds: UnknownsResult | null = null;
  let feasibility: Feasibility = { status: "not-needed" };
  const warnings: Diagnostic[] = [];
  if (!hasUnknowns) {
    const result = scoreTender(tender);
    checks = compareFigures(declared, { result }, cmp);
    explainDiscrepancies(tender, result, checks, declared);
  } else {
    bounds = scoreWithUnknowns(tender, options.priceRange ? { priceRange: options.priceRange } : {});
    warnings.push(...bounds.warnings);
    checks = compareFigures(declared, { bounds }, cmp);
    if (checks.some((c) => c.status === "open")) feasibility = decideFeasibility(tender, declared, options.tolerance);
  }
  const counts = {
    checked: checks.length,
    agree: checks.filter((c) => c.status === "agrees").length,
    disagree: checks.filter((c) => c.status === "disagrees").length,
    open: checks.filter((c) => c.status === "open").length,
    impossible: checks.filter((c) => c.status === "impossible").length,
  };
  const verdict: CheckResult["verdict"] =
    counts.disagree + counts.impossible > 0
      ? "discrepancies"
      : feasibility.status === "inconsistent"
        ? "inconsistent"
        : counts.open > 0 && feasibility.status !== "feasible"
          ? "undecided"
          : "consistent";
  return { checks, bounds, feasibility, counts, verdict, warnings };
}
