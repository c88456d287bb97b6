// Raw flag strings → typed values, strictly. A bad value is a usage error (exit 2) that says what
// was expected, in the user's language; French decimal commas are accepted where a number is expected.
import { InvalidArgumentError } from "commander";
import { parseDecimal } from "../exact/decimal.js";
import type { Rational } from "../exact/rational.js";
import { usageMessage, type UsageKey } from "../i18n/help.js";
import type { Lang } from "../i18n/lang.js";

export interface ArgParsers {
  rational(text: string): Rational;
  nonNegativeRational(text: string): Rational;
  /** A whole number in [min, max]. */
  int(min: number, max?: number): (text: string) => number;
  /** A number in ]0, 1[. */
  probability(text: string): number;
  /** `LO:HI`, `LO:` or `LO:inf` (HI = +∞). */
  priceRange(text: string): { lo: Rational; hi: Rational | null };
}

/** The option parsers, their messages in `lang`. */
export function argParsers(lang: Lang): ArgParsers {
  const bad = (key: UsageKey, args: Record<string, string | number>): InvalidArgumentError => new InvalidArgumentError(usageMessage(lang, key, args));
  const rational = (text: string): Rational => {
    const r = parseDecimal(text, text.includes(",") && !text.includes(".") ? "," : ".");
    if (!r.ok) throw bad("number", { text });
    return r.value;
  };
  const nonNegativeRational = (text: string): Rational => {
    const r = rational(text);
    if (r.sign() < 0) throw bad("nonNegative", { text });
    return r;
  };
  return {
    rational,
    nonNegativeRational,
    int(min, max = Number.MAX_SAFE_INTEGER) {
      return (text) => {
        const digits = text.replace(/[_\s]/g, "");
        if (!/^\d+$/.test(digits)) throw bad("whole", { text });
        const n = Number(digits);
        if (!Number.isSafeInteger(n) || n < min || n > max) throw bad("wholeIn", { text, min, max });
        return n;
      };
    },
    probability(text) {
      let r: number;
      try {
        r = rational(text).toNumber();
      } catch {
        throw bad("probability", { text });
      }
      if (!(r > 0 && r < 1)) throw bad("probability", { text });
      return r;
    },
    priceRange(text) {
      const m = /^([^:]*):([^:]*)$/.exec(text.trim());
      if (!m) throw bad("range", { text });
      const lo = m[1]!.trim() === "" ? null : nonNegativeRational(m[1]!.trim());
      const hiText = m[2]!.trim().toLowerCase();
      const hi = hiText === "" || hiText === "inf" || hiText === "∞" ? null : nonNegativeRational(hiText);
      if (lo === null) throw bad("lowerBound", { text });
      if (hi !== null && hi.le(lo)) throw bad("loBelowHi", { text });
      return { lo, hi };
    },
  };
}

/** `--score-noise K` (a number ≥ 0) as the plain number the analyses use. */
export function parseNonNegativeRationalArg(lang: Lang): (text: string) => number {
  const p = argParsers(lang);
  return (text) => p.nonNegativeRational(text).toNumber();
}

export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}
