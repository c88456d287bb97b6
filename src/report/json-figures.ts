// How exact figures travel in JSON: a number for machines, plus the exact fraction as a string
// when the value is not a short decimal (so "800/21" survives, 38.5 stays just 38.5).
import type { Rational } from "../exact/rational.js";

/** JSON number for a Rational (nearest double). */
export function num(value: Rational): number {
  return value.toNumber();
}

/** The exact value as a string when a double would not carry it exactly, else undefined. */
export function exact(value: Rational): string | undefined {
  return value.isShortDecimal(9) ? undefined : value.toString();
}

/** A map of figures as numbers, and the companion map of exact strings (only the entries needing one). */
export function figureMaps(values: Iterable<[string, Rational]>): {
  numbers: Record<string, number>;
  exact: Record<string, string>;
} {
  const numbers: Record<string, number> = {};
  const exactMap: Record<string, string> = {};
  for (const [k, v] of values) {
    numbers[k] = num(v);
    const e = exact(v);
    if (e !== undefined) exactMap[k] = e;
  }
  return { numbers, exact: exactMap };
}
