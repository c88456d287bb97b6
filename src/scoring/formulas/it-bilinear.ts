// `it-bilinear(base, x)`: Italian bilinear rule on discounts, kinked at the mean discount.
import { Rational } from "../../exact/rational.js";
import { constant, clampUnit, type FormulaContext, type PreparedFormula } from "./types.js";
import { discountOf, discountStats } from "./discount.js";

/**
 * Italian bilinear rule: `c = x·R/Rmean` if R ≤ Rmean, else `x + (1 − x)(R − Rmean)/(Rmax − Rmean)`;
 * Rmean = mean admissible discount, Rmax = best admissible discount, x ∈ ]0, 1[ (default 0.85; 0.80
 * and 0.90 are also used). Units: discounts as fractions; c in [0, 1].
 *
 * Edge cases: single offer / all discounts equal → x for all (R = Rmean), not 1. Price above base → 0,
 * clamped, PRICE_ABOVE_BASE (its discount counts as 0 in Rmean). Rmax ≤ 0 → 0 for all, condition
 * `no-positive-discount`. A non-admissible offer with R > Rmax is capped at 1.
 *
 * Source: [U] wording (ANAC Linee guida n. 2 / DPR 207/2010 not re-read). procurement-scoring.md §1, §8.
 */
export function prepareItBilinear(ctx: FormulaContext): PreparedFormula {
  const base = ctx.params["base"]!;
  const x = ctx.params["x"]!;
  const { rmax, rmean } = discountStats(ctx.admitted, base);
  if (rmax.sign() <= 0) return constant(Rational.ZERO, ["no-positive-discount"]);
  const lowSlope = x.div(rmean); // Rmean > 0: discounts are floored at 0 and Rmax > 0
  const upper = rmax.gt(rmean) ? Rational.ONE.sub(x).div(rmax.sub(rmean)) : null;
  return {
    conditions: [],
    score: (p) => {
      const { r, aboveBase } = discountOf(p, base);
      if (aboveBase) return { value: Rational.ZERO, inexact: false, clamped: true, aboveBase };
      if (r.le(rmean)) return clampUnit(lowSlope.mul(r));
      // R > Rmean = Rmax only for a non-admissible offer beating every admissible one: capped at 1.
      if (upper === null) return { value: Rational.ONE, inexact: false, clamped: true };
      return clampUnit(x.add(upper.mul(r.sub(rmean))));
    },
  };
}
