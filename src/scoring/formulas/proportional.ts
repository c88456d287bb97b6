// `proportional` (French "classique", UK "lowest price / price"): coefficient Pmin / P.
import { Rational } from "../../exact/rational.js";
import { clampUnit, nonPositiveLowest, stats, type FormulaContext, type PreparedFormula } from "./types.js";

/**
 * Proportional price rule: `c = Pmin / P`, points `W × Pmin / P`.
 *
 * Units: P and Pmin are amounts in the tender's currency (same basis, HT or TTC); c is a unitless
 * fraction in [0, 1]. Pmin is the lowest ADMISSIBLE price (context `admitted`, non-empty).
 *
 * Edge cases: a single offer or all prices equal → 1 for all. A non-admissible offer cheaper than Pmin
 * would get more than 1: capped at 1 (clamped). If Pmin ≤ 0 the ratio is meaningless (condition
 * `non-positive-price`): offers at P ≤ Pmin get 1, the others 0 (the limit Pmin → 0⁺). An offer with
 * P ≤ 0 while Pmin > 0 (non-admissible only) gets 1, clamped.
 *
 * Source: [S] DAJ (Bercy) fiche « Les méthodes de notation du critère prix » (2024); UK Crown
 * Commercial Service guidance. procurement-scoring.md §1.
 */
export function prepareProportional(ctx: FormulaContext): PreparedFormula {
  const { min: pmin } = stats(ctx.admitted);
  if (pmin.sign() <= 0) return nonPositiveLowest(pmin);
  return {
    conditions: [],
    score: (p) => (p.sign() <= 0 ? { value: Rational.ONE, inexact: false, clamped: true } : clampUnit(pmin.div(p))),
  };
}
