// `reference(ref, zero)`: an absolute price rule, 1 at or below a reference price, 0 at a zero price.
import { Rational } from "../../exact/rational.js";
import type { FormulaContext, PreparedFormula } from "./types.js";

/**
 * Absolute reference rule: `c = 1` if P ≤ ref, `0` if P ≥ zero, else `(zero − P) / (zero − ref)`.
 * Both prices are fixed before opening (estimate, base price); other offers are ignored.
 * Units: amounts; c in [0, 1]. `zero ≤ ref` is rejected by validateMethod.
 *
 * Edge cases: prices outside [ref, zero] are clamped (recorded as clamps).
 *
 * Source: [U] design only (procurement-scoring.md §1 `abs.reference`); absolute rules exist ([P] Consip
 * "lineare semplice a punteggio assoluto").
 */
export function prepareReference(ctx: FormulaContext): PreparedFormula {
  const ref = ctx.params["ref"]!;
  const zero = ctx.params["zero"]!;
  const span = zero.sub(ref);
  return {
    conditions: [],
    score: (p) => {
      if (p.le(ref)) return { value: Rational.ONE, inexact: false, clamped: p.lt(ref) };
      if (p.ge(zero)) return { value: Rational.ZERO, inexact: false, clamped: p.gt(zero) };
      return { value: zero.sub(p).div(span), inexact: false, clamped: false };
    },
  };
}
