// `linear-lowest(n)` (French "linéaire par rapport au moins-disant"): 1 at Pmin, 0 at n·Pmin.
import { Rational } from "../../exact/rational.js";
import { clampUnit, nonPositiveLowest, stats, type FormulaContext, type PreparedFormula } from "./types.js";

/**
 * Linear rule anchored on the lowest price: `c = max(0, (n·Pmin − P) / ((n − 1)·Pmin))`, n > 1
 * (default 2: `1 − (P − Pmin)/Pmin`, an offer twice the lowest price gets 0).
 * Units: amounts; n unitless; c in [0, 1].
 *
 * Edge cases: clamped at 0 beyond n·Pmin (recorded as a clamp). Single offer / all equal → 1. A
 * non-admissible offer cheaper than Pmin is capped at 1. Pmin ≤ 0 (condition `non-positive-price`):
 * offers at P ≤ Pmin get 1, the others 0.
 *
 * Source: [P] Weka "Méthode de jugement des offres"; n = 2 [S] agorapublix forum (2011): weight 40,
 * Pmin 200, P 235 → 33. procurement-scoring.md §1, §8.
 */
export function prepareLinearLowest(ctx: FormulaContext): PreparedFormula {
  const n = ctx.params["n"]!;
  const { min: pmin } = stats(ctx.admitted);
  if (pmin.sign() <= 0) return nonPositiveLowest(pmin);
  const top = n.mul(pmin);
  const span = n.sub(Rational.ONE).mul(pmin);
  return { conditions: [], score: (p) => clampUnit(top.sub(p).div(span)) };
}
