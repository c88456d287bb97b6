// Display helpers the report needs beyond format.ts (dates, exact strings, shares, raw values), per
// language. Pure; numbers still go through format.ts's formatDecimal, the one place for separators.
import { Rational } from "../exact/rational.js";
import type { Lang } from "../i18n/lang.js";
import { formatDecimal, formatMoney, formatPercent } from "./format.js";

const MONTHS: Record<Lang, string[]> = {
  fr: ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
  en: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
};

/** "21 mars 2025" / "21 March 2025", read in UTC so that the date does not depend on the machine's zone. */
export function formatDate(iso: string, lang: Lang): string {
  const d = new Date(iso);
  const day = d.getUTCDate();
  const month = MONTHS[lang][d.getUTCMonth()]!;
  const dayText = lang === "fr" && day === 1 ? "1er" : String(day);
  return `${dayText} ${month} ${d.getUTCFullYear()}`;
}

/** "21 mars 2025, 10:04 UTC": the full timestamp of provenance. */
export function formatDateTime(iso: string, lang: Lang): string {
  const d = new Date(iso);
  const hh = String(d.getUTCHours()).padStart(2, "0");
  const mm = String(d.getUTCMinutes()).padStart(2, "0");
  return lang === "fr" ? `${formatDate(iso, lang)}, ${hh} h ${mm} UTC` : `${formatDate(iso, lang)}, ${hh}:${mm} UTC`;
}

/** The exact value carried by a model field: its canonical string when present, else the number. */
export function ratOf(value: number, exact?: string | null): Rational {
  const parsed = exact ? Rational.parse(exact) : null;
  return parsed ?? Rational.fromNumber(value);
}

/** Points with 2 decimals (or more when needed to show a non-zero value): "12,35". */
export function formatPts(value: Rational, lang: Lang, decimals = 2): string {
  return formatDecimal(value, decimals, lang);
}

/** A share in [0, 1] as a percentage with 2 decimals. */
export function formatShare(share: Rational, lang: Lang, decimals = 2): string {
  return formatPercent(share, lang, decimals);
}

/** Shortest exact decimal up to `max` places, else rounded to `max`: "61,4", "0,125", "33,3333". */
export function formatShort(value: Rational, lang: Lang, max = 4): string {
  const exact = value.toExactDecimal(max);
  const decimals = exact === null ? max : (exact.split(".")[1] ?? "").length;
  return formatDecimal(value, decimals, lang);
}

/** A raw leaf value: money for price/cost leaves (as many decimals as written, at least 2), else a note. */
export function formatRaw(value: Rational, kind: "price" | "cost" | "quality", lang: Lang): string {
  if (kind === "quality") return formatShort(value, lang, 4);
  const exact = value.toExactDecimal(4);
  const decimals = exact === null ? 2 : Math.max(2, (exact.split(".")[1] ?? "").length);
  return formatMoney(value, lang, decimals);
}

/** Float to display with fixed decimals through the exact formatter (for Monte Carlo estimates). */
export function formatFloat(value: number, decimals: number, lang: Lang): string {
  return formatDecimal(Rational.fromNumber(value), decimals, lang);
}

/** A probability in [0, 1] as a percentage with `decimals` places. */
export function formatProbability(p: number, lang: Lang, decimals = 1): string {
  return formatPercent(Rational.fromNumber(p), lang, decimals);
}
