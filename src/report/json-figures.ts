// How exact figures travel in JSON: a number for machines, plus the exact fraction as a string
// when the value is not a short decimal (so "800/21" survives, 38.5 stays just 38.5).
import { Rational } from "../exact/rational.js";

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

/** A rational as `{value, exact?}`: the exact fraction only when the number does not carry it. */
export interface Figure {
  value: number;
  /** Exact fraction "a/b", present only when the value is not a short decimal. */
  exact?: string;
}

/** The one JSON figure helper (sensitivity, unknowns, check and report models). */
export function figure(r: Rational): Figure {
  const e = exact(r);
  return e === undefined ? { value: num(r) } : { value: num(r), exact: e };
}

/** The exact Rational a Figure stands for (renderers display from it). */
export function ratOf(f: Figure): Rational {
  if (f.exact !== undefined) return Rational.parse(f.exact) ?? Rational.fromNumber(f.value);
  const text = f.value.toFixed(9).replace(/0+$/, "").replace(/\.$/, "");
  return Rational.parse(text) ?? Rational.fromNumber(f.value);
}
