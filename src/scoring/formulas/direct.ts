// `direct`: a quality note read on its scale, coefficient note / max.
import { Rational } from "../../exact/rational.js";
import { clampUnit, constant, type FormulaContext, type PreparedFormula } from "./types.js";

/**
 * Direct quality rule: `c = note / max` ("note pondérée = note brute / note max × poids").
 * Units: note and max on the leaf's own scale (e.g. /20); c in [0, 1]. Absolute: ignores other offers.
 *
 * Edge cases: `max` null means the note already is a coefficient (c = note). A note above max or below
 * 0 is clamped. max ≤ 0 → 0 for all, condition `max-not-positive`. Decimal notes are allowed.
 *
 * Source: [S] procurement-scoring.md §1 (quality); usual French practice.
 */
export function prepareDirect(ctx: FormulaContext): PreparedFormula {
  const max = ctx.max;
  if (max === null) return { conditions: [], score: (note) => clampUnit(note) };
  if (max.sign() <= 0) return constant(Rational.ZERO, ["max-not-positive"]);
  return { conditions: [], score: (note) => clampUnit(note.div(max)) };
}
