// Exact rational numbers on BigInt. Pure; no dependencies.
// Every deterministic figure of psc-audit (points, totals, thresholds) is a Rational, so no
// floating-point rounding can create or break a tie. Instances are immutable and always reduced,
// with a positive denominator, so structural equality is numeric equality.

/** gcd of two bigints (non-negative result; gcd(0, 0) = 0). The one BigInt gcd of psc-audit. */
export function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  while (b !== 0n) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}

/** lcm of positive bigints (1 for an empty list). */
export function lcm(xs: Iterable<bigint>): bigint {
  let l = 1n;
  for (const x of xs) if (x !== 1n && l % x !== 0n) l = (l / gcd(l, x)) * x;
  return l;
}

export type RoundingMode = "half-up" | "half-even" | "down" | "up" | "floor" | "ceil";

export class Rational {
  readonly num: bigint;
  readonly den: bigint;

  private constructor(num: bigint, den: bigint) {
    this.num = num;
    this.den = den;
  }

  static readonly ZERO = new Rational(0n, 1n);
  static readonly ONE = new Rational(1n, 1n);

  /** n/d reduced. Throws RangeError on a zero denominator (a programming error, never user input). */
  static of(num: bigint | number, den: bigint | number = 1n): Rational {
    let n = typeof num === "number" ? Rational.intToBig(num) : num;
    let d = typeof den === "number" ? Rational.intToBig(den) : den;
    if (d === 0n) throw new RangeError("Rational: zero denominator");
    if (d < 0n) {
      n = -n;
      d = -d;
    }
    if (d === 1n) return new Rational(n, 1n);
    const g = gcd(n, d);
    return g === 1n ? new Rational(n, d) : new Rational(n / g, d / g);
  }

  private static intToBig(x: number): bigint {
    if (!Number.isInteger(x)) throw new RangeError(`Rational.of: ${x} is not an integer; use fromNumber`);
    return BigInt(x);
  }

  /** The exact value of a finite double (every double is a dyadic rational). */
  static fromNumber(x: number): Rational {
    if (!Number.isFinite(x)) throw new RangeError(`Rational.fromNumber: ${x} is not finite`);
    if (Number.isInteger(x)) return new Rational(BigInt(x), 1n);
    let den = 1n;
    let v = x;
    // Multiply by 2 until integral: at most ~1074 steps, exact in binary floating point.
    while (!Number.isInteger(v)) {
      v *= 2;
      den *= 2n;
    }
    return Rational.of(BigInt(v), den);
  }

  /**
   * Parse a plain decimal literal: optional sign, digits, optional "." and digits, or a fraction "a/b".
   * Returns null when the text is not one. (User-facing number parsing with French separators lives in
   * exact/decimal.ts; this is for canonical strings such as those in JSON or method parameters.)
   */
  static parse(text: string): Rational | null {
    const s = text.trim();
    const frac = /^([+-]?\d+)\/(\d+)$/.exec(s);
    if (frac) {
      const d = BigInt(frac[2]!);
      return d === 0n ? null : Rational.of(BigInt(frac[1]!), d);
    }
    const m = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(s);
    if (!m || (m[2] === "" && (m[3] === undefined || m[3] === ""))) return null;
    const sign = m[1] === "-" ? -1n : 1n;
    const intPart = m[2] === "" ? "0" : m[2]!;
    const fracPart = m[3] ?? "";
    const num = BigInt(intPart + fracPart) * sign;
    return Rational.of(num, 10n ** BigInt(fracPart.length));
  }

  add(o: Rational): Rational {
    if (this.den === o.den) return Rational.of(this.num + o.num, this.den);
    return Rational.of(this.num * o.den + o.num * this.den, this.den * o.den);
  }
  sub(o: Rational): Rational {
    if (this.den === o.den) return Rational.of(this.num - o.num, this.den);
    return Rational.of(this.num * o.den - o.num * this.den, this.den * o.den);
  }
  mul(o: Rational): Rational {
    return Rational.of(this.num * o.num, this.den * o.den);
  }
  /** Throws RangeError when o is zero: callers decide what a division by zero means in their domain. */
  div(o: Rational): Rational {
    if (o.num === 0n) throw new RangeError("Rational: division by zero");
    return Rational.of(this.num * o.den, this.den * o.num);
  }
  neg(): Rational {
    return new Rational(-this.num, this.den);
  }
  abs(): Rational {
    return this.num < 0n ? this.neg() : this;
  }
  inv(): Rational {
    return Rational.ONE.div(this);
  }
  /** Integer power (negative exponents allowed for non-zero values). */
  pow(k: number): Rational {
    if (!Number.isInteger(k)) throw new RangeError("Rational.pow: integer exponent only");
    if (k < 0) return this.inv().pow(-k);
    const e = BigInt(k);
    return Rational.of(this.num ** e, this.den ** e);
  }

  cmp(o: Rational): -1 | 0 | 1 {
    const l = this.num * o.den;
    const r = o.num * this.den;
    return l < r ? -1 : l > r ? 1 : 0;
  }
  eq(o: Rational): boolean {
    return this.num === o.num && this.den === o.den;
  }
  lt(o: Rational): boolean {
    return this.cmp(o) < 0;
  }
  le(o: Rational): boolean {
    return this.cmp(o) <= 0;
  }
  gt(o: Rational): boolean {
    return this.cmp(o) > 0;
  }
  ge(o: Rational): boolean {
    return this.cmp(o) >= 0;
  }
  sign(): -1 | 0 | 1 {
    return this.num < 0n ? -1 : this.num > 0n ? 1 : 0;
  }
  isZero(): boolean {
    return this.num === 0n;
  }
  isInteger(): boolean {
    return this.den === 1n;
  }

  static min(a: Rational, b: Rational): Rational {
    return a.le(b) ? a : b;
  }
  static max(a: Rational, b: Rational): Rational {
    return a.ge(b) ? a : b;
  }
  static sum(xs: Iterable<Rational>): Rational {
    let s = Rational.ZERO;
    for (const x of xs) s = s.add(x);
    return s;
  }

  /** Largest integer ≤ this. */
  floor(): bigint {
    const q = this.num / this.den; // truncates toward zero
    return this.num < 0n && q * this.den !== this.num ? q - 1n : q;
  }
  ceil(): bigint {
    return -this.neg().floor();
  }

  /**
   * Round to `decimals` decimal places with an explicit mode. "half-up" rounds halves away from zero
   * (the usual reading of "arrondi au centième"); "down" truncates toward zero.
   */
  round(decimals: number, mode: RoundingMode = "half-up"): Rational {
    const scale = 10n ** BigInt(decimals);
    const scaled = this.mul(Rational.of(scale));
    const fl = scaled.floor();
    const frac = scaled.sub(Rational.of(fl)); // in [0, 1)
    let r: bigint;
    const half = Rational.of(1n, 2n);
    const neg = scaled.num < 0n;
    switch (mode) {
      case "floor":
        r = fl;
        break;
      case "ceil":
        r = frac.isZero() ? fl : fl + 1n;
        break;
      case "down":
        r = neg && !frac.isZero() ? fl + 1n : fl;
        break;
      case "up":
        r = !neg && !frac.isZero() ? fl + 1n : fl;
        break;
      case "half-even": {
        const c = frac.cmp(half);
        r = c < 0 ? fl : c > 0 ? fl + 1n : fl % 2n === 0n ? fl : fl + 1n;
        break;
      }
      case "half-up": {
        const c = frac.cmp(half);
        // Away from zero on exact halves.
        r = c < 0 ? fl : c > 0 ? fl + 1n : neg ? fl : fl + 1n;
        break;
      }
    }
    return Rational.of(r, scale);
  }

  /** Nearest double (correctly rounded for values of any size). */
  toNumber(): number {
    const n = this.num;
    const d = this.den;
    if (d === 1n) return Number(n);
    const an = n < 0n ? -n : n;
    if (an <= 9007199254740991n && d <= 9007199254740991n) return Number(n) / Number(d);
    // Scale to a 64-bit-ish quotient, then adjust the exponent.
    const shift = BigInt(Math.max(0, d.toString(2).length - an.toString(2).length + 64));
    const q = (an << shift) / d;
    const v = Number(q) / 2 ** Number(shift);
    return n < 0n ? -v : v;
  }

  /** Canonical exact string: "13/18", "-5", "0". Round-trips through Rational.parse. */
  toString(): string {
    return this.den === 1n ? this.num.toString() : `${this.num}/${this.den}`;
  }

  /** True when the value is a decimal with at most `maxDecimals` digits after the point. */
  isShortDecimal(maxDecimals = 6): boolean {
    let d = this.den;
    let twos = 0;
    let fives = 0;
    while (d % 2n === 0n) {
      d /= 2n;
      twos++;
    }
    while (d % 5n === 0n) {
      d /= 5n;
      fives++;
    }
    return d === 1n && Math.max(twos, fives) <= maxDecimals;
  }

  /** Decimal string with exactly `decimals` places, rounded with `mode` ("." separator, no grouping). */
  toFixed(decimals: number, mode: RoundingMode = "half-up"): string {
    const r = this.round(decimals, mode);
    const scale = 10n ** BigInt(decimals);
    const scaled = r.num * (scale / r.den); // r.den divides scale
    const neg = scaled < 0n;
    const digits = (neg ? -scaled : scaled).toString().padStart(decimals + 1, "0");
    const intPart = digits.slice(0, digits.length - decimals);
    const fracPart = digits.slice(digits.length - decimals);
    return (neg ? "-" : "") + intPart + (decimals > 0 ? "." + fracPart : "");
  }

  /** Shortest exact decimal string when the value is a short decimal, else null. */
  toExactDecimal(maxDecimals = 12): string | null {
    if (!this.isShortDecimal(maxDecimals)) return null;
    for (let k = 0; k <= maxDecimals; k++) {
      if (this.round(k, "down").eq(this)) return this.toFixed(k);
    }
    return null;
  }
}

/** Shorthand for literals in code and tests: q(13, 18), q("0.125"), q(5). */
export function q(a: bigint | number | string, b?: bigint | number): Rational {
  if (typeof a === "string") {
    const r = Rational.parse(a);
    if (!r) throw new RangeError(`q: not a rational literal: ${a}`);
    return b === undefined ? r : r.div(Rational.of(b));
  }
  return Rational.of(a, b ?? 1n);
}
