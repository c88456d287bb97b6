// Discounts off a base price (Italian "ribasso"), shared by the it-* rules.
import { Rational } from "../../exact/rational.js";
import { stats } from "./types.js";

/**
 * Discount `R = (base − P) / base` as a fraction (0.2 = 20 %), floored at 0: a price above the base is
 * read as no discount (the it-* rules give it coefficient 0 and report PRICE_ABOVE_BASE).
 */
export function discountOf(price: Rational, base: Rational): { r: Rational; aboveBase: boolean } {
  const r = base.sub(price).div(base);
  return r.sign() < 0 ? { r: Rational.ZERO, aboveBase: true } : { r, aboveBase: false };
}

/** Rmax and Rmean over the admissible prices (non-empty), each discount floored at 0. */
export function discountStats(admitted: readonly Rational[], base: Rational): { rmax: Rational; rmean: Rational } {
  const { max, mean } = stats(admitted.map((p) => discountOf(p, base).r));
  return { rmax: max, rmean: mean };
}
