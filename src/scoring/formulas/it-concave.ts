// `it-concave(base, alpha)`: Italian concave rule on discounts, (R / Rmax)^alpha; floating point.
import { Rational } from "../../exact/rational.js";
import { constant, type CoefficientResult, type FormulaContext, type PreparedFormula } from "./types.js";
import { discountOf, discountStats } from "./discount.js";

/**
 * Italian concave rule: `c = (R / Rmax)^α`, α > 0 (default 0.5); α < 1 concave (rewards the first
 * points of discount), α > 1 convex. Units: discounts as fractions; c in [0, 1].
 *
 * Exactness: irrational in general, so computed in float64 and converted exactly from the double
 * (Rational.fromNumber) with `inexact: true`; exact when α is an integer or R/Rmax ∈ {0, 1}.
 * Edge cases: price above base → 0, clamped, PRICE_ABOVE_BASE. Rmax ≤ 0 → 0 for all, condition
 * `no-positive-discount`. Single offer / all equal with R > 0 → 1. R > Rmax (non-admissible) → 1, clamped.
 *
 * Source: [S] Consip "Acquisti in rete PA" wiki; suggested α values [U]. procurement-scoring.md §1, §8.
 */
export function prepareItConcave(ctx: FormulaContext): PreparedFormula {
  const base = ctx.params["base"]!;
  const alpha = ctx.params["alpha"]!;
  const { rmax } = discountStats(ctx.admitted, base);
  if (rmax.sign() <= 0) return constant(Rational.ZERO, ["no-positive-discount"]);
  const integerAlpha = alpha.isInteger() && alpha.num <= 64n ? Number(alpha.num) : null;
  const alphaFloat = alpha.toNumber();
  return {
    conditions: [],
    score: (p): CoefficientResult => {
      const { r, aboveBase } = discountOf(p, base);
      if (aboveBase) return { value: Rational.ZERO, inexact: false, clamped: true, aboveBase };
      const ratio = r.div(rmax);
      if (ratio.ge(Rational.ONE)) return { value: Rational.ONE, inexact: false, clamped: ratio.gt(Rational.ONE) };
      if (ratio.isZero()) return { value: Rational.ZERO, inexact: false, clamped: false };
      if (integerAlpha !== null) return { value: ratio.pow(integerAlpha), inexact: false, clamped: false };
      return { value: Rational.fromNumber(Math.pow(ratio.toNumber(), alphaFloat)), inexact: true, clamped: false };
    },
  };
}
