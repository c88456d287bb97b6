// `mean-cubic`: coefficient M³ / (P³ + M³), M the mean admissible price (a real French RC's rule).
import { Rational } from "../../exact/rational.js";
import { clampUnit, stats, type FormulaContext, type PreparedFormula } from "./types.js";

/**
 * Mean-cubic price rule: `c = M³ / (P³ + M³)`, M = mean of the admissible prices; points `W × c`.
 * Units: amounts; c in ]0, 1[ for positive prices. Exact (rational arithmetic).
 *
 * Properties: c = 1/2 at P = M (so W/2 to all when prices are equal or a single offer bids), never 1.
 * Edge cases: P ≤ 0 (or P³ + M³ ≤ 0) is outside the rule's domain: coefficient 1 when P³ + M³ ≤ 0,
 * otherwise the value clamped to [0, 1]; a non-positive admissible price raises `non-positive-price`.
 *
 * Source: [S] a real RC with W = 50 examined by the CAA Paris (blog.achatsolutions.fr "critère prix");
 * NOT confirmed as the DAJ "moyenne des offres" method. procurement-scoring.md §1, §8
 * (prices 100/120/150 → 32.6150 / 26.0269 / 17.8635 × 50).
 */
export function prepareMeanCubic(ctx: FormulaContext): PreparedFormula {
  const { min, mean } = stats(ctx.admitted);
  const m3 = mean.pow(3);
  return {
    conditions: min.sign() <= 0 ? ["non-positive-price"] : [],
    score: (p) => {
      const den = p.pow(3).add(m3);
      if (den.sign() <= 0) return { value: Rational.ONE, inexact: false, clamped: true };
      return clampUnit(m3.div(den));
    },
  };
}
