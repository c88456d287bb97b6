// Exact intervals with attainment flags, and how they go through sums and the buyer's rounding. Pure.
import { Rational } from "../exact/rational.js";

/** An end of an interval: its exact value, and whether some admissible values reach it. */
export interface Bound {
  value: Rational;
  /** False: an infimum / supremum approached at an open end (0⁺ or +∞), not shown to be reached. */
  attained: boolean;
}

export interface Interval {
  lo: Bound;
  hi: Bound;
}

export function point(v: Rational): Interval {
  return { lo: { value: v, attained: true }, hi: { value: v, attained: true } };
}

export function isPoint(i: Interval): boolean {
  return i.lo.value.eq(i.hi.value) && i.lo.attained && i.hi.attained;
}

export function addIntervals(a: Interval, b: Interval): Interval {
  return {
    lo: { value: a.lo.value.add(b.lo.value), attained: a.lo.attained && b.lo.attained },
    hi: { value: a.hi.value.add(b.hi.value), attained: a.hi.attained && b.hi.attained },
  };
}

export function scaleInterval(i: Interval, w: Rational): Interval {
  return { lo: { value: i.lo.value.mul(w), attained: i.lo.attained }, hi: { value: i.hi.value.mul(w), attained: i.hi.attained } };
}

/**
 * Round both ends half-up to `decimals` (the buyer's rounding is monotone, so the rounded interval is
 * the image of the interval). An unattained infimum is approached from above: half-up is right-
 * continuous, so the limit is round(L) and it is reached. An unattained supremum is approached from
 * below: the limit is round(L) unless L sits exactly on a half step, where it is one step lower.
 */
export function roundInterval(i: Interval, decimals: number): Interval {
  const step = Rational.of(1n, 10n ** BigInt(decimals));
  const lo = i.lo.value.round(decimals, "half-up");
  let hi = i.hi.value.round(decimals, "half-up");
  if (!i.hi.attained) {
    // L on a half step: L − step/2 is then a grid point, and values just below L round to it.
    const below = i.hi.value.sub(step.div(Rational.of(2)));
    if (below.round(decimals, "half-up").eq(below)) hi = below;
  }
  return { lo: { value: lo, attained: true }, hi: { value: hi, attained: true } };
}

/** Does the interval contain v (respecting unattained ends)? */
export function contains(i: Interval, v: Rational): boolean {
  const aboveLo = i.lo.attained ? v.ge(i.lo.value) : v.gt(i.lo.value);
  const belowHi = i.hi.attained ? v.le(i.hi.value) : v.lt(i.hi.value);
  return aboveLo && belowHi;
}

/** Distance from v to the interval (0 inside or at an unattained end). */
export function distance(i: Interval, v: Rational): Rational {
  if (v.lt(i.lo.value)) return i.lo.value.sub(v);
  if (v.gt(i.hi.value)) return v.sub(i.hi.value);
  return Rational.ZERO;
}
