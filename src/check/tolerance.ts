// How precisely a figure was published, and the default tolerance that follows from it. Pure.
import { Rational } from "../exact/rational.js";

/**
 * Number of decimals written in a published figure: "38,10" → 2, "38" → 0, "1 234,5 €" → 1.
 * Method: the k ≥ 0 such that value × 10^k equals the integer formed by the text's digits (unique,
 * since each extra digit multiplies by ten). Returns null when no k fits (e.g. a fraction "1/3").
 */
export function publishedDecimals(text: string, value: Rational): number | null {
  const digits = text.replace(/\D/g, "");
  if (digits === "") return null;
  const n = BigInt(digits);
  const abs = value.abs();
  for (let k = 0; k <= digits.length; k++) {
    const scaled = abs.mul(Rational.of(10n ** BigInt(k)));
    if (scaled.isInteger() && scaled.num === n) return k;
  }
  return null;
}

/**
 * Default tolerance of a published figure: half a unit of its last published decimal ("38,10" →
 * 0.005, "38" → 0.5), i.e. any value that rounds half-up (or half-down) to the published text agrees.
 * Figures whose decimals cannot be read get 0 (exact comparison). Ranks compare exactly elsewhere.
 */
export function defaultTolerance(text: string, value: Rational): Rational {
  const k = publishedDecimals(text, value);
  return k === null ? Rational.ZERO : Rational.of(1n, 2n * 10n ** BigInt(k));
}
