// `it-linear(base)`: Italian linear rule on discounts, coefficient R / Rmax.
import { Rational } from "../../exact/rational.js";
import { constant, clampUnit, type FormulaContext, type PreparedFormula } from "./types.js";
import { discountOf, discountStats } from "./discount.js";

/**
 * Italian linear rule: `c = R / Rmax`, R = (base − P)/base the offer's discount, Rmax the best admissible
 * discount. In prices: `(base − P)/(base − Pmin)`. Units: R a fraction; c in [0, 1].
 *
 * Edge cases: price above base (R < 0) → 0, clamped, PRICE_ABOVE_BASE. Rmax ≤ 0 (nobody below base)
 * → 0 for all, condition `no-positive-discount`. Single offer / all equal with R > 0 → 1. A
 * non-admissible offer with R > Rmax is capped at 1.
 *
 * Source: [S] Italian regional rules; ANAC wording [U]. procurement-scoring.md §1, §8.
 */
export function prepareItLinear(ctx: FormulaContext): PreparedFormula {
  const base = ctx.params["base"]!;
  const { rmax } = discountStats(ctx.admitted, base);
  if (rmax.sign() <= 0) return constant(Rational.ZERO, ["no-positive-discount"]);
  return {
    conditions: [],
    score: (p) => {
      const { r, aboveBase } = discountOf(p, base);
      if (aboveBase) return { value: Rational.ZERO, inexact: false, clamped: true, aboveBase };
      return clampUnit(r.div(rmax));
    },
  };
}
