// Display formatting of exact figures, per language. The only place that knows the French decimal
// comma and the U+202F thousands separator. Rounding here is display-only (half-up), never used to
// compare or rank.
import { Rational } from "../exact/rational.js";
import type { Lang } from "../i18n/lang.js";

const NNBSP = "\u202F";

/** Group the integer part by thousands: "1 234 567" (fr, U+202F) or "1,234,567" (en). */
function group(intDigits: string, lang: Lang): string {
  const sep = lang === "fr" ? NNBSP : ",";
  return intDigits.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

/** A rational as a decimal string with `decimals` places, half-up, in the language's notation. */
export function formatDecimal(value: Rational, decimals: number, lang: Lang, grouping = true): string {
  const fixed = value.toFixed(decimals); // "-1234.57"
  const neg = fixed.startsWith("-");
  const body = neg ? fixed.slice(1) : fixed;
  const [intPart = "0", fracPart] = body.split(".");
  const isZero = /^[0.]*$/.test(body);
  const sign = neg && !isZero ? "\u2212" : "";
  const int = grouping ? group(intPart, lang) : intPart;
  const point = lang === "fr" ? "," : ".";
  return sign + int + (fracPart !== undefined ? point + fracPart : "");
}

/** "1 234 567,89 €" / "€1,234,567.89". */
export function formatMoney(value: Rational, lang: Lang, decimals = 2): string {
  const n = formatDecimal(value, decimals, lang);
  return lang === "fr" ? `${n}${NNBSP}€` : `€${n}`;
}

/** A share in [0,1] as a percentage: "33,33 %" (fr, U+202F before %) / "33.33%". */
export function formatPercent(share: Rational, lang: Lang, decimals = 2): string {
  const n = formatDecimal(share.mul(Rational.of(100)), decimals, lang);
  return lang === "fr" ? `${n}${NNBSP}%` : `${n}%`;
}

/**
 * The fewest decimals (from `min` up to `max`) at which distinct values stay distinct on display, so
 * that rounding for display never shows two different totals as equal. Exactly equal values (ties)
 * may of course display equal.
 */
export function distinguishingDecimals(values: readonly Rational[], min = 2, max = 6): number {
  const distinct: Rational[] = [];
  for (const v of values) if (!distinct.some((d) => d.eq(v))) distinct.push(v);
  for (let k = min; k < max; k++) {
    const shown = new Set(distinct.map((v) => v.toFixed(k)));
    if (shown.size === distinct.length) return k;
  }
  return max;
}
