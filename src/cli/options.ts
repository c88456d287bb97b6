// Raw flag strings → typed values, strictly. A bad value is a usage error (exit 2) that says what
// was expected; French decimal commas are accepted where a number is expected.
import { InvalidArgumentError } from "commander";
import { parseDecimal } from "../exact/decimal.js";
import type { Rational } from "../exact/rational.js";

export function parseRationalArg(text: string): Rational {
  const r = parseDecimal(text, text.includes(",") && !text.includes(".") ? "," : ".");
  if (!r.ok) throw new InvalidArgumentError(`expected a number, got "${text}"`);
  return r.value;
}

export function parseNonNegativeRationalArg(text: string): Rational {
  const r = parseRationalArg(text);
  if (r.sign() < 0) throw new InvalidArgumentError(`expected a number ≥ 0, got "${text}"`);
  return r;
}

export function parseIntArg(min: number, max = Number.MAX_SAFE_INTEGER) {
  return (text: string): number => {
    if (!/^\d+$/.test(text.replace(/[_\s]/g, ""))) throw new InvalidArgumentError(`expected a whole number, got "${text}"`);
    const n = Number(text.replace(/[_\s]/g, ""));
    if (!Number.isSafeInteger(n) || n < min || n > max) throw new InvalidArgumentError(`expected a whole number in [${min}, ${max}], got "${text}"`);
    return n;
  };
}

export function parseProbabilityArg(text: string): number {
  const r = parseRationalArg(text).toNumber();
  if (!(r > 0 && r < 1)) throw new InvalidArgumentError(`expected a number in ]0, 1[, got "${text}"`);
  return r;
}

/** `LO:HI`, `LO:` or `LO:inf` (HI = +∞). */
export function parsePriceRangeArg(text: string): { lo: Rational; hi: Rational | null } {
  const m = /^([^:]*):([^:]*)$/.exec(text.trim());
  if (!m) throw new InvalidArgumentError(`expected LO:HI (e.g. 50000:250000, or 0:inf), got "${text}"`);
  const lo = m[1]!.trim() === "" ? null : parseNonNegativeRationalArg(m[1]!.trim());
  const hiText = m[2]!.trim().toLowerCase();
  const hi = hiText === "" || hiText === "inf" || hiText === "∞" ? null : parseNonNegativeRationalArg(hiText);
  if (lo === null) throw new InvalidArgumentError(`expected a lower bound in LO:HI, got "${text}"`);
  if (hi !== null && hi.le(lo)) throw new InvalidArgumentError(`expected LO < HI, got "${text}"`);
  return { lo, hi };
}

export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}
