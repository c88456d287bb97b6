// Shapes shared by the formula modules: the per-leaf context, a coefficient, a prepared formula.
// Types and two tiny pure helpers; no formula logic here.
import { Rational } from "../../exact/rational.js";

/** What a formula may know about a leaf besides the scored value. */
export interface FormulaContext {
  /** Raw values (amounts or notes) of the admissible offers on this leaf: the basis of relative rules. */
  admitted: readonly Rational[];
  /** Parameters, defaults already filled in (see withDefaults). */
  params: Record<string, Rational>;
  /** Top of the note scale for `direct`; null = the note already is a coefficient in [0, 1]. */
  max: Rational | null;
}

export interface CoefficientResult {
  /** Coefficient in [0, 1]; points = leaf weight × value. */
  value: Rational;
  /** Computed in floating point (irrational in general) then converted exactly from the double. */
  inexact: boolean;
  /** The formula's value fell outside [0, 1] (or outside its defined range) and was clamped. */
  clamped: boolean;
  /** Italian rules: the price is above the base (negative discount), coefficient 0. */
  aboveBase?: boolean;
}

/**
 * A leaf-wide condition that changes how the formula behaves for everybody, reported once per leaf:
 * - `all-equal`: every admissible value is the same (min–max 0/0 → coefficient 1 for all);
 * - `no-admitted`: no admissible offer, a relative rule has no basis (coefficient 0 for all);
 * - `no-positive-discount`: Rmax ≤ 0 under an Italian rule (coefficient 0 for all);
 * - `best-zero`: the best admissible note is ≤ 0 under `relative-best` (coefficient 0 for all);
 * - `max-not-positive`: the note scale of a `direct` leaf is ≤ 0 (coefficient 0 for all);
 * - `non-positive-price`: an admissible price is ≤ 0, a ratio rule is meaningless (policy in each formula).
 */
export type LeafCondition =
  | "all-equal"
  | "no-admitted"
  | "no-positive-discount"
  | "best-zero"
  | "max-not-positive"
  | "non-positive-price";

/** A formula with its per-leaf statistics (min, max, mean…) computed once: scoring an offer is O(1). */
export interface PreparedFormula {
  conditions: LeafCondition[];
  score(raw: Rational): CoefficientResult;
}

/** An exact coefficient, clamped to [0, 1] (recording whether it had to be). */
export function clampUnit(v: Rational, inexact = false): CoefficientResult {
  if (v.sign() < 0) return { value: Rational.ZERO, inexact, clamped: true };
  if (v.gt(Rational.ONE)) return { value: Rational.ONE, inexact, clamped: true };
  return { value: v, inexact, clamped: false };
}

/** The same coefficient for every offer (degenerate leaves). */
export function constant(value: Rational, conditions: LeafCondition[]): PreparedFormula {
  const result: CoefficientResult = { value, inexact: false, clamped: false };
  return { conditions, score: () => result };
}

/** Smallest, largest and mean of a non-empty list, in one pass. */
export function stats(xs: readonly Rational[]): { min: Rational; max: Rational; mean: Rational } {
  let min = xs[0]!;
  let max = xs[0]!;
  let sum = Rational.ZERO;
  for (const x of xs) {
    if (x.lt(min)) min = x;
    if (x.gt(max)) max = x;
    sum = sum.add(x);
  }
  return { min, max, mean: sum.div(Rational.of(xs.length)) };
}

/**
 * A ratio rule (Pmin / P, n·Pmin − P) when the lowest admitted price is ≤ 0: dividing by it is
 * meaningless, so the lowest offer gets full points and every dearer one 0 (declared as a condition).
 */
export function nonPositiveLowest(pmin: Rational): PreparedFormula {
  return {
    conditions: ["non-positive-price"],
    score: (p) =>
      p.le(pmin) ? { value: Rational.ONE, inexact: false, clamped: p.lt(pmin) } : { value: Rational.ZERO, inexact: false, clamped: true },
  };
}
