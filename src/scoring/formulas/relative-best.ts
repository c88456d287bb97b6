// `relative-best` (Italian "riparametrazione"): quality note divided by the best admissible note.
import { Rational } from "../../exact/rational.js";
import { clampUnit, constant, stats, type FormulaContext, type PreparedFormula } from "./types.js";

/**
 * Relative-to-best quality rule: `c = note / best`, best = highest admissible note on the leaf, so the
 * best offer gets the full weight. Units: notes on any common scale; c in [0, 1].
 *
 * Edge cases: best ≤ 0 → 0 for all, condition `best-zero`. A non-admissible offer above the best is
 * capped at 1; a negative note is clamped to 0. Must be announced in the RC.
 *
 * Source: [S] iit.acquistitelematici FAQ 627 (riparametrazione `C'ᵢ = Cᵢ / max C`). procurement-scoring.md §1.
 */
export function prepareRelativeBest(ctx: FormulaContext): PreparedFormula {
  const { max: best } = stats(ctx.admitted);
  if (best.sign() <= 0) return constant(Rational.ZERO, ["best-zero"]);
  return { conditions: [], score: (note) => clampUnit(note.div(best)) };
}
