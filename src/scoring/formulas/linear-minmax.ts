// `linear-minmax` (French "linéaire", Italian "minmax"): coefficient (Pmax − P) / (Pmax − Pmin).
import { Rational } from "../../exact/rational.js";
import { clampUnit, stats, type FormulaContext, type PreparedFormula } from "./types.js";

/**
 * Linear min–max price rule: `c = (Pmax − P) / (Pmax − Pmin)`: the cheapest admissible offer gets 1,
 * the dearest 0, linear in between. Units: amounts; c unitless in [0, 1].
 *
 * Edge cases: a single offer or all admissible prices equal is 0/0: every admissible offer gets 1
 * (Consip: max to all), condition `all-equal` (declare it). With two offers it gives 1 and 0 whatever
 * the gap (RJ45 Technologies, CAA Paris n° 15PA02993): flagged elsewhere (check/legal-patterns).
 * A non-admissible offer outside [Pmin, Pmax] is clamped to [0, 1]; when all admissible prices are equal
 * it gets 1 at or below that price, 0 above (clamped).
 *
 * Source: [S] DAJ fiche (2024); CAA Paris 8 févr. 2016 n° 15PA02993; Consip "Acquisti in rete PA" wiki.
 */
export function prepareLinearMinmax(ctx: FormulaContext): PreparedFormula {
  const { min: pmin, max: pmax } = stats(ctx.admitted);
  if (pmax.eq(pmin)) {
    return {
      conditions: ["all-equal"],
      score: (p) =>
        p.le(pmin)
          ? { value: Rational.ONE, inexact: false, clamped: p.lt(pmin) }
          : { value: Rational.ZERO, inexact: false, clamped: true },
    };
  }
  const range = pmax.sub(pmin);
  return { conditions: [], score: (p) => clampUnit(pmax.sub(p).div(range)) };
}
