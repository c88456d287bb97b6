// Exact bounds of every offer's coefficient on one leaf when some raw values are unknown. Pure.
// Method: every catalogue rule used here is monotone in each raw value (own value and the other
// admissible offers' values, with known directions), so each bound is reached at a corner of the
// box of unknowns; open ends (price → 0⁺ or +∞) are handled as one-sided limits.
import { Rational } from "../exact/rational.js";
import type { LeafPlan } from "../scoring/inputs.js";
import { prepareFormula } from "../scoring/formulas/index.js";
import type { Interval } from "./interval.js";

/** Direction of a coefficient in the offer's own raw value and in another admissible offer's. */
interface Monotony {
  own: 1 | -1;
  others: 1 | -1 | 0;
}

/**
 * Monotony of the rules, proved per rule (procurement-scoring.md §1): prices — a dearer own price never
 * raises the own coefficient, a dearer competitor never lowers it (Pmin, Pmax, mean, Rmax, mean discount
 * all move the right way); notes — `direct` only depends on the own note, `relative-best` falls when a
 * competitor's note rises (the best note rises). `it-concave` is computed in floating point: no exact
 * bound, it falls back to the trivial [0, 1].
 */
const MONOTONY: Record<string, Monotony> = {
  direct: { own: 1, others: 0 },
  "relative-best": { own: 1, others: -1 },
  proportional: { own: -1, others: 1 },
  "linear-minmax": { own: -1, others: 1 },
  "linear-lowest": { own: -1, others: 1 },
  "mean-cubic": { own: -1, others: 1 },
  "it-linear": { own: -1, others: 1 },
  "it-bilinear": { own: -1, others: 1 },
  reference: { own: -1, others: 0 },
};

/** Absolute rules: an offer's coefficient depends on its own value only. */
export function isAbsoluteMethod(id: string): boolean {
  return MONOTONY[id]?.others === 0;
}

/** Admissible values of one unknown: [lo, hi], hi null = +∞; open ends are limits, never values. */
export interface Domain {
  lo: Rational;
  loOpen: boolean;
  hi: Rational | null;
}

export interface LeafBounds {
  /** Per offer (input order): the coefficient's exact interval. */
  coefficients: Interval[];
  /** False when the rule could not be bounded exactly and [0, 1] was used. */
  exact: boolean;
}

type Value = Rational | "inf";

/**
 * Coefficient interval of every offer on a leaf. `column[i]` is offer i's raw value or null (unknown,
 * ranging over `domains[i]`); `admissible[i]` says whether it feeds relative rules. For offer k the
 * minimum sets each unknown to the end that lowers k's coefficient (own price high, competitors' prices
 * low; own note 0, competitors' notes at the top of the scale), the maximum the other way. An open end
 * is evaluated as a limit: 0⁺ by evaluating at 0 (each rule here is continuous from the right there,
 * or takes its limiting branch), +∞ by a proxy beyond which the rule is constant, corrected by the
 * known limits of the rules that never become constant (Pmin/P → 0; min–max competitors → 1;
 * mean-cubic competitors → 1, own → 1/(1 + n³)). A bound is flagged attained when the same value is
 * reached at a finite proxy point. Offers unaffected by any unknown get a point interval.
 */
export function leafCoefficientBounds(
  leaf: LeafPlan,
  column: ReadonlyArray<Rational | null>,
  admissible: readonly boolean[],
  domains: ReadonlyArray<Domain | null>,
): LeafBounds {
  const mono = MONOTONY[leaf.method.id];
  const unknown = column.map((v) => v === null);
  const sharedUnknown = column.some((v, i) => v === null && admissible[i]);
  const affected = (k: number): boolean => unknown[k]! || (mono !== undefined && mono.others !== 0 && sharedUnknown);
  const unsupported =
    mono === undefined ||
    domains.some((d, i) => unknown[i] && (d === null || (d.hi === null && leaf.method.id === "mean-cubic" && admissible[i] && countUnknownAdmissible(unknown, admissible) > 1)));
  const ctxFor = (values: readonly Value[], proxyHi: Rational) => {
    const admitted: Rational[] = [];
    values.forEach((v, i) => {
      if (admissible[i]) admitted.push(v === "inf" ? proxyHi : v);
    });
    return prepareFormula(leaf.method, { admitted, params: leaf.method.params, max: leaf.max });
  };
  const known = column.map((v) => v ?? Rational.ZERO);
  const exactAll = ctxFor(known, Rational.ONE);
  const coefficients: Interval[] = column.map((v, k) => {
    if (!affected(k)) {
      const c = exactAll.score(v!).value;
      return { lo: { value: c, attained: true }, hi: { value: c, attained: true } };
    }
    if (unsupported) return { lo: { value: Rational.ZERO, attained: false }, hi: { value: Rational.ONE, attained: false } };
    return { lo: corner(k, -1), hi: corner(k, 1) };
  });
  return { coefficients, exact: !unsupported };

  function corner(k: number, want: 1 | -1): { value: Rational; attained: boolean } {
    const values: Value[] = column.map((v, i) => {
      if (v !== null) return v;
      const d = domains[i]!;
      const dir = (i === k ? mono!.own : mono!.others) * want;
      if (dir > 0) return d.hi ?? "inf";
      return d.lo;
    });
    const H = proxyInfinity(leaf, column, domains);
    const limit = limitValue(k, values, H);
    // Attained? Evaluate at finite proxies for the open ends (ε for 0⁺, 2H for +∞).
    const eps = proxyZero(leaf, column, domains);
    const proxied: Value[] = values.map((v, i) => (v === "inf" ? H.mul(Rational.of(2)) : unknown[i] && domains[i]!.loOpen && v.eq(domains[i]!.lo) ? eps : v));
    const opens = values.some((v, i) => v === "inf" || (unknown[i] && domains[i]!.loOpen && v.eq(domains[i]!.lo)));
    if (!opens) return { value: limit, attained: true };
    const atProxy = ctxFor(proxied, H).score(proxied[k] as Rational).value;
    return { value: limit, attained: atProxy.eq(limit) };
  }

  function limitValue(k: number, values: readonly Value[], H: Rational): Rational {
    const own = values[k]!;
    const c = ctxFor(values, H).score(own === "inf" ? H : own).value;
    const infAdmitted = values.some((v, i) => v === "inf" && admissible[i]);
    const finiteAdmitted = values.some((v, i) => v !== "inf" && admissible[i]);
    switch (leaf.method.id) {
      case "proportional":
        return own === "inf" && finiteAdmitted ? Rational.ZERO : c;
      case "linear-minmax":
        return own !== "inf" && infAdmitted ? Rational.ONE : c;
      case "mean-cubic": {
        if (own !== "inf") return infAdmitted ? Rational.ONE : c;
        if (!admissible[k]) return Rational.ZERO;
        const n = Rational.of(admissible.filter(Boolean).length);
        return Rational.ONE.div(Rational.ONE.add(n.pow(3)));
      }
      default:
        return c;
    }
  }
}

function countUnknownAdmissible(unknown: readonly boolean[], admissible: readonly boolean[]): number {
  return unknown.filter((u, i) => u && admissible[i]).length;
}

/** Parameters and finite values of the leaf: the scale on which "large" and "small" are judged. */
function magnitudes(leaf: LeafPlan, column: ReadonlyArray<Rational | null>, domains: ReadonlyArray<Domain | null>): Rational[] {
  const xs: Rational[] = [];
  for (const v of column) if (v !== null && v.sign() > 0) xs.push(v);
  for (const d of domains) {
    if (!d) continue;
    if (d.lo.sign() > 0) xs.push(d.lo);
    if (d.hi !== null && d.hi.sign() > 0) xs.push(d.hi);
  }
  for (const p of Object.values(leaf.method.params)) if (p.sign() > 0) xs.push(p);
  return xs;
}

/** A price beyond which every saturating rule is constant: 4·max(n, 2)·(largest figure + 1). */
function proxyInfinity(leaf: LeafPlan, column: ReadonlyArray<Rational | null>, domains: ReadonlyArray<Domain | null>): Rational {
  const big = magnitudes(leaf, column, domains).reduce((a, b) => Rational.max(a, b), Rational.ONE);
  const n = Rational.max(leaf.method.params["n"] ?? Rational.of(2), Rational.of(2));
  return big.add(Rational.ONE).mul(n).mul(Rational.of(4));
}

/** A price small enough that rules saturating near 0 already have their limit: min / (4·max(n, 2)·1000). */
function proxyZero(leaf: LeafPlan, column: ReadonlyArray<Rational | null>, domains: ReadonlyArray<Domain | null>): Rational {
  const small = magnitudes(leaf, column, domains).reduce((a, b) => Rational.min(a, b), Rational.ONE);
  const n = Rational.max(leaf.method.params["n"] ?? Rational.of(2), Rational.of(2));
  return small.div(n.mul(Rational.of(4000)));
}
