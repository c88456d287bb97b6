// Strict parsing of user-written decimals ("1 234,56 €", "−12.5 %") into exact Rationals. Pure.
// Never guesses: a text that is not unambiguously one number under the given separator is rejected,
// because parseFloat("1 234,56") === 1 is exactly the kind of silent error an audit must not make.
import { Rational } from "./rational.js";

export type DecimalSeparator = "," | ".";
export type DecimalParse = { ok: true; value: Rational } | { ok: false; reason: string };

/** Space-like thousands separators: space, NBSP, narrow NBSP (Intl fr-FR), figure, punctuation, thin, hair. */
const SPACE_CLASS = "[ \\u00A0\\u202F\\u2007\\u2008\\u2009\\u200A]";
const SPACE_GROUPED = new RegExp(`^\\d{1,3}(?:${SPACE_CLASS}\\d{3})+$`);
const UNIT_SUFFIX = /\s*(?:€|eur|%)$/i;
const UNIT_PREFIX = /^€\s*/;
const MINUS = /^[-\u2212]/;

/**
 * Parse `text` as a decimal whose decimal separator is `decimalSeparator`.
 * Accepted: optional sign (+, -, U+2212) or accounting parentheses; thousands grouped by three with
 * one kind of separator (space-like characters, or the other of `.`/`,`); an optional unit `€`,
 * `EUR` or `%` (written as-is: "85 %" is 85). Rejected: exponents, several decimal separators,
 * bad grouping ("1 23,5"), mixed thousands separators, empty text.
 */
export function parseDecimal(text: string, decimalSeparator: DecimalSeparator): DecimalParse {
  let s = text.trim();
  if (s === "") return fail("empty");
  let negative = false;
  const paren = /^\((.*)\)$/.exec(s);
  if (paren) {
    negative = true;
    s = paren[1]!.trim();
  }
  // One unit at most: "12 €", "€ 12", or after the sign as en-US writes it ("-€12").
  let unit = false;
  if (UNIT_SUFFIX.test(s)) {
    s = s.replace(UNIT_SUFFIX, "");
    unit = true;
  } else if (UNIT_PREFIX.test(s)) {
    s = s.replace(UNIT_PREFIX, "");
    unit = true;
  }
  if (/^[+\-\u2212]/.test(s)) {
    if (negative) return fail("sign inside accounting parentheses");
    negative = MINUS.test(s);
    s = s.slice(1);
    if (!unit && UNIT_PREFIX.test(s)) s = s.replace(UNIT_PREFIX, "");
  }
  if (s === "") return fail("no digits");
  const parts = s.split(decimalSeparator);
  if (parts.length > 2) return fail("several decimal separators");
  const intText = parts[0]!;
  const fracText = parts[1];
  if (fracText !== undefined && !/^\d+$/.test(fracText)) return fail("invalid digits after the decimal separator");
  const intDigits = readIntegerPart(intText, decimalSeparator === "," ? "." : ",");
  if (intDigits === null) return fail("invalid integer part or thousands grouping");
  if (intDigits === "" && fracText === undefined) return fail("no digits");
  const frac = fracText ?? "";
  const num = BigInt((intDigits === "" ? "0" : intDigits) + frac);
  const value = Rational.of(negative ? -num : num, 10n ** BigInt(frac.length));
  return { ok: true, value };
}

/** The digits of an integer part, thousands separators removed; null when the grouping is invalid. */
function readIntegerPart(text: string, otherSeparator: "." | ","): string | null {
  if (/^\d*$/.test(text)) return text;
  if (SPACE_GROUPED.test(text)) return text.replace(/\D/g, "");
  const esc = otherSeparator === "." ? "\\." : ",";
  if (new RegExp(`^\\d{1,3}(?:${esc}\\d{3})+$`).test(text)) return text.replace(/\D/g, "");
  return null;
}

function fail(reason: string): DecimalParse {
  return { ok: false, reason };
}
