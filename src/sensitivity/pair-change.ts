// Minimal change of the global leaf weights for ONE challenger to tie the winner: L1 (greedy, closed
// form), L∞ (closed form, else exact Newton steps on the piecewise-linear greedy function), L2 (closed
// form when non-negativity does not bind). Integer-scaled rows, no general LP. Pure; no IO.
// Distances are in shares of the total (fractions); `…Points` = shares × totalPoints.
import { gcd, lcm, Rational } from "../exact/rational.js";
import { dot } from "./model.js";
import { solveLp, type LpConstraint } from "./simplex-lp.js";

/** A reachable weight change: the distance and a weight vector achieving it (shares, Σ = 1). */
export interface WeightChange {
  status: "ok";
  /** Distance in shares (L1: Σ|Δw|, L∞: max|Δw|). */
  distance: Rational;
  /** The same in points of the total. */
  distancePoints: Rational;
  /** New leaf weights as shares (on the simplex) and in points. */
  weights: Rational[];
  weightsPoints: Rational[];
}

/** No weight vector on the simplex reaches the target (e.g. the winner dominates the challenger). */
export interface Unreachable {
  status: "infeasible";
}

export type ChangeResult = WeightChange | Unreachable;

/** Closed-form L2 result (Barron & Schmidt 1988), only when non-negativity does not bind. */
export interface L2Change {
  status: "ok";
  /** Exact squared distance in shares². */
  distanceSquared: Rational;
  /** √distanceSquared as a float (display only). */
  distance: number;
  weights: Rational[];
}

/**
 * Define `key` on `obj` as an enumerable, memoised getter for the Rationals num_j / den (× scale):
 * the weight vectors of a thousand challengers are only built (one gcd each) when someone reads them.
 */
function lazyRationals(obj: object, key: string, num: readonly bigint[], den: bigint, scale?: Rational): void {
  let cache: Rational[] | null = null;
  Object.defineProperty(obj, key, {
    enumerable: true,
    configurable: true,
    get: () => (cache ??= num.map((x) => (scale ? Rational.of(x, den).mul(scale) : Rational.of(x, den)))),
    set: (v: Rational[]) => {
      cache = v;
    },
  });
}

/** `ok` with the weights num_j / den built lazily. */
function okScaled(distance: Rational, num: readonly bigint[], den: bigint, T: Rational): WeightChange {
  const out = { status: "ok", distance, distancePoints: distance.mul(T) } as WeightChange;
  lazyRationals(out, "weights", num, den);
  lazyRationals(out, "weightsPoints", num, den, T);
  return out;
}

export function ok(distance: Rational, weights: Rational[], T: Rational): WeightChange {
  return { status: "ok", distance, distancePoints: distance.mul(T), weights, weightsPoints: weights.map((w) => w.mul(T)) };
}

export function l1Distance(x: readonly Rational[], y: readonly Rational[]): Rational {
  return Rational.sum(x.map((v, j) => v.sub(y[j]!).abs()));
}
export function linfDistance(x: readonly Rational[], y: readonly Rational[]): Rational {
  return x.reduce((m, v, j) => Rational.max(m, v.sub(y[j]!).abs()), Rational.ZERO);
}

// ---------------------------------------------------------------------------------------------
// Integer-scaled pair data: d = e / D and w = W / Wden (e, W integers), so that dot products, sorts
// and comparisons run on bigints without a gcd per operation. Results are rebuilt as Rationals once.

/** A pair problem on integers: d_j = e_j / D, w_j = W_j / Wden (the mass Σw = ΣW / Wden). */
export interface ScaledPair {
  e: bigint[];
  D: bigint;
  W: bigint[];
  Wden: bigint;
}

/** Scale a rational pair problem (d, w) to integers (one lcm over each vector). */
export function scalePair(d: readonly Rational[], w: readonly Rational[]): ScaledPair {
  const D = lcm(d.map((x) => x.den));
  const Wden = lcm(w.map((x) => x.den));
  return { e: d.map((x) => x.num * (D / x.den)), D, W: w.map((x) => x.num * (Wden / x.den)), Wden };
}

export function intDot(e: readonly bigint[], W: readonly bigint[]): bigint {
  let s = 0n;
  for (let j = 0; j < e.length; j++) s += e[j]! * W[j]!;
  return s;
}

export function sharesOf(W: readonly bigint[], den: bigint): Rational[] {
  return W.map((x) => Rational.of(x, den));
}

/**
 * Minimal L1 change Σ|Δw| of shares w (Σ = 1) so that d·w′ ≤ 0 (b ties or beats a, d = s_a − s_b).
 * Closed form, O(n log n): q = argmin d (first index on ties); move mass to q from the leaves p in
 * decreasing d_p (ties: lower index first) while d_p > d_q: δ_p = min(w_p, g_left/(d_p − d_q)); the
 * distance is 2Σδ_p. Already d·w ≤ 0: distance 0 at w. Infeasible iff min d > 0 (a dominates b).
 * `T` scales the points fields. Runs on integers (`scalePair`). Reference: Wolters & Mareschal,
 * EJOR 81 (1995) 281–290.
 */
export function minL1Tie(d: readonly Rational[], w: readonly Rational[], T: Rational = Rational.ONE): ChangeResult {
  return minL1TieScaled(scalePair(d, w), T);
}

/** `minL1Tie` on a scaled pair (same result). */
export function minL1TieScaled(p: ScaledPair, T: Rational = Rational.ONE): ChangeResult {
  const { e, W, Wden } = p;
  const n = e.length;
  if (n === 0) return { status: "infeasible" };
  let left = intDot(e, W);
  if (left <= 0n) return okScaled(Rational.ZERO, W, Wden, T);
  let qi = 0;
  for (let j = 1; j < n; j++) if (e[j]! < e[qi]!) qi = j;
  const eq = e[qi]!;
  if (eq > 0n) return { status: "infeasible" };
  const order: number[] = [];
  for (let j = 0; j < n; j++) if (e[j]! > eq) order.push(j);
  order.sort((x, y) => (e[y]! > e[x]! ? 1 : e[y]! < e[x]! ? -1 : x - y));
  const out = [...W];
  let moved = 0n;
  let frac: { j: number; left: bigint; slope: bigint } | null = null;
  for (const j of order) {
    if (left <= 0n) break;
    const slope = e[j]! - eq;
    const full = W[j]! * slope;
    if (full <= left) {
      out[j] = out[j]! - W[j]!;
      out[qi] = out[qi]! + W[j]!;
      moved += W[j]!;
      left -= full;
    } else {
      frac = { j, left, slope };
      left = 0n;
    }
  }
  if (!frac) return okScaled(Rational.of(2n * moved, Wden), out, Wden, T);
  // The last step moves left/slope: everything over the common denominator Wden·slope.
  const { j: pj, left: lf, slope } = frac;
  const num = out.map((x) => x * slope);
  num[pj] = num[pj]! - lf;
  num[qi] = num[qi]! + lf;
  return okScaled(Rational.of(2n * (moved * slope + lf), Wden * slope), num, Wden * slope, T);
}

/** How the L∞ optimum was found: closed form, the exact parametric greedy, or the exact LP. */
export type LinfMethod = "closed-form" | "parametric" | "lp";

/**
 * Minimal L∞ change max|Δw| of shares w so that d·w′ ≤ 0. Exact, without a general LP:
 *
 * 1. Closed form first: d sorted decreasingly (ties by index), h = ⌊n/2⌋,
 *    t = g / (Σ_{top h} d − Σ_{bottom h} d), lowering the h largest-d weights by t and raising the h
 *    smallest (the median stays when n is odd); valid when no lowered weight goes below 0.
 * 2. Otherwise the parametric greedy (`method: "parametric"`): f(t) = min { d·w′ : w′ ∈ Δ,
 *    |w′ − w|∞ ≤ t } is convex, non-increasing and piecewise linear in t; for a given t it is a greedy
 *    (lower bounds max(0, w_j − t), the remaining mass filled into the smallest d_j up to w_j + t),
 *    O(n) after one sort. Its right derivative comes from the same greedy run on first-order values
 *    (value, slope) compared lexicographically. Newton's method from t = 0 on a convex decreasing
 *    piecewise-linear function never overshoots the root and ends exactly on it, after at most one
 *    step per linear piece (in practice a few). All on integers; the root t* and w′(t*) are exact.
 * 3. The exact LP (`simplex-lp`) only as a safety net (never reached in the tests).
 *
 * Infeasible iff min d > 0. Already d·w ≤ 0: distance 0.
 */
export function minLinfTie(
  d: readonly Rational[],
  w: readonly Rational[],
  T: Rational = Rational.ONE,
): ChangeResult & { method?: LinfMethod } {
  return minLinfTieScaled(scalePair(d, w), T);
}

/** `minLinfTie` on a scaled pair. */
export function minLinfTieScaled(p: ScaledPair, T: Rational = Rational.ONE): ChangeResult & { method?: LinfMethod } {
  const { e, W, Wden } = p;
  const n = e.length;
  if (n === 0) return { status: "infeasible" };
  const gap = intDot(e, W);
  if (gap <= 0n) return withMethod(okScaled(Rational.ZERO, W, Wden, T), "closed-form");
  if (e.every((x) => x > 0n)) return { status: "infeasible" };
  const order = e.map((_, j) => j).sort((x, y) => (e[y]! > e[x]! ? 1 : e[y]! < e[x]! ? -1 : x - y));
  const h = n >> 1;
  const top = order.slice(0, h);
  const bottom = order.slice(n - h);
  let denom = 0n;
  for (const j of top) denom += e[j]!;
  for (const j of bottom) denom -= e[j]!;
  if (denom > 0n && top.every((j) => W[j]! * denom >= gap)) {
    const X = [...W].map((x) => x * denom);
    for (const j of top) X[j] = X[j]! - gap;
    for (const j of bottom) X[j] = X[j]! + gap;
    return withMethod(okScaled(Rational.of(gap, denom * Wden), X, denom * Wden, T), "closed-form");
  }
  const asc = [...order].reverse();
  // Stable ascending order by e with ties by index (order is descending with ties by index).
  asc.sort((x, y) => (e[x]! < e[y]! ? -1 : e[x]! > e[y]! ? 1 : x - y));
  const res = linfParametric(e, W, asc);
  if (res) {
    const den = res.Q * Wden;
    return withMethod(okScaled(Rational.of(res.P, den), res.X, den, T), "parametric");
  }
  const lp = minChangeLp([e.map((x) => Rational.of(x, p.D))], sharesOf(W, Wden), "linf", T);
  return lp.status === "ok" ? { ...lp, method: "lp" } : lp;
}

function withMethod(r: WeightChange, method: LinfMethod): WeightChange & { method: LinfMethod } {
  const out = r as WeightChange & { method: LinfMethod };
  out.method = method;
  return out;
}

/**
 * Root of f(τ) = min { e·X : ΣX = ΣW, X ≥ 0, |X − W|∞ ≤ τ } (integers e, W; τ = P/Q), by Newton
 * from τ = 0 with the right derivative (see `minLinfTie`). Returns τ = P/Q and the greedy X(τ)·Q
 * (integers), or null if the iteration cap is hit (cannot happen for a convex piecewise-linear f,
 * kept as a guard). Requires e·W > 0 and min e ≤ 0.
 */
function linfParametric(e: readonly bigint[], W: readonly bigint[], asc: readonly number[]): { P: bigint; Q: bigint; X: bigint[] } | null {
  const n = e.length;
  let mass = 0n;
  for (const x of W) mass += x;
  let P = 0n;
  let Q = 1n;
  const X = new Array<bigint>(n).fill(0n);
  const dX = new Array<bigint>(n).fill(0n);
  for (let iter = 0; iter < 4 * n + 16; iter++) {
    // Greedy at τ = P/Q on values scaled by Q, with first-order slopes (per unit of τ).
    let R = mass * Q;
    let dR = 0n;
    for (let j = 0; j < n; j++) {
      const wq = W[j]! * Q;
      if (wq > P) {
        X[j] = wq - P;
        dX[j] = -1n;
        R -= wq - P;
        dR += 1n;
      } else {
        X[j] = 0n;
        dX[j] = 0n;
      }
    }
    for (const j of asc) {
      if (R === 0n && dR === 0n) break;
      const wq = W[j]! * Q;
      const cap = (wq < P ? wq : P) + P;
      const dcap = wq > P ? 2n : 1n;
      // x = lexmin((cap, dcap), (R, dR)).
      let x: bigint;
      let dx: bigint;
      if (cap < R || (cap === R && dcap <= dR)) {
        x = cap;
        dx = dcap;
      } else {
        x = R;
        dx = dR;
      }
      X[j] = X[j]! + x;
      dX[j] = dX[j]! + dx;
      R -= x;
      dR -= dx;
    }
    let F = 0n;
    let dF = 0n;
    for (let j = 0; j < n; j++) {
      F += e[j]! * X[j]!;
      dF += e[j]! * dX[j]!;
    }
    if (F <= 0n) return { P, Q, X: [...X] };
    if (dF >= 0n) return null;
    // τ' = P/Q − F/(Q·dF) = (F − P·dF) / (−Q·dF).
    let nP = F - P * dF;
    let nQ = -Q * dF;
    const g = gcd(nP, nQ);
    if (g > 1n) {
      nP /= g;
      nQ /= g;
    }
    P = nP;
    Q = nQ;
  }
  return null;
}

/**
 * Minimal L2 change (Barron & Schmidt 1988) when non-negativity does not bind:
 * Δ = −g (d − d̄𝟙)/‖d − d̄𝟙‖², distance² = g²/‖d − d̄𝟙‖². Returns null when some w′_j < 0 (a QP would
 * be needed), infeasible iff min d > 0, distance 0 when d·w ≤ 0.
 */
export function minL2Tie(d: readonly Rational[], w: readonly Rational[]): L2Change | Unreachable | null {
  return minL2TieScaled(scalePair(d, w));
}

/** `minL2Tie` on a scaled pair. With c̃ = n·e − Σe: w′_j = (W_j Σc̃² − g n c̃_j) / (Wden Σc̃²). */
export function minL2TieScaled(p: ScaledPair): L2Change | Unreachable | null {
  const { e, W, Wden } = p;
  const n = e.length;
  if (n === 0 || e.every((x) => x > 0n)) return { status: "infeasible" };
  const gap = intDot(e, W);
  if (gap <= 0n) return l2Scaled(Rational.ZERO, W, Wden);
  let sum = 0n;
  for (const x of e) sum += x;
  const N = BigInt(n);
  const c = e.map((x) => N * x - sum);
  let norm2 = 0n;
  for (const x of c) norm2 += x * x;
  if (norm2 === 0n) return { status: "infeasible" };
  const num = W.map((x, j) => x * norm2 - gap * N * c[j]!);
  if (num.some((x) => x < 0n)) return null;
  const distanceSquared = Rational.of(gap * gap * N * N, Wden * Wden * norm2);
  return l2Scaled(distanceSquared, num, Wden * norm2);
}

function l2Scaled(distanceSquared: Rational, num: readonly bigint[], den: bigint): L2Change {
  const out = { status: "ok", distanceSquared, distance: Math.sqrt(distanceSquared.toNumber()) } as L2Change;
  lazyRationals(out, "weights", num, den);
  return out;
}

/**
 * Exact LP for the minimal change such that D_c·w′ ≤ 0 for every row c (rows: s_c − s_b), i.e. b ties
 * or beats every offer c (Wolters & Mareschal 1995, ε → 0). Variables u, v ≥ 0 with w′ = w + u − v,
 * Σ(u − v) = 0, v − u ≤ w (w′ ≥ 0); L1 minimises Σ(u + v); L∞ minimises t with u + v ≤ t. The distance
 * is re-measured on the returned w′ (equal to the LP optimum).
 */
export function minChangeLp(
  rows: readonly Rational[][],
  w: readonly Rational[],
  norm: "l1" | "linf",
  T: Rational = Rational.ONE,
): ChangeResult {
  const n = w.length;
  const nv = 2 * n + (norm === "linf" ? 1 : 0);
  const Z = Rational.ZERO;
  const vec = (f: (k: number) => Rational): Rational[] => Array.from({ length: nv }, (_, k) => f(k));
  const objective = vec((k) => (norm === "l1" ? (k < 2 * n ? Rational.ONE : Z) : k === 2 * n ? Rational.ONE : Z));
  const cons: LpConstraint[] = [];
  for (let j = 0; j < n; j++) {
    cons.push({ coef: vec((k) => (k === j ? Rational.ONE.neg() : k === n + j ? Rational.ONE : Z)), sense: "<=", rhs: w[j]! });
  }
  cons.push({ coef: vec((k) => (k < n ? Rational.ONE : k < 2 * n ? Rational.ONE.neg() : Z)), sense: "=", rhs: Z });
  for (const row of rows) {
    cons.push({
      coef: vec((k) => (k < n ? row[k]! : k < 2 * n ? row[k - n]!.neg() : Z)),
      sense: "<=",
      rhs: dot(row, w).neg(),
    });
  }
  if (norm === "linf") {
    // u_j + v_j ≤ t (an optimum never needs both u_j and v_j > 0, so this is |Δ_j| ≤ t).
    for (let j = 0; j < n; j++) {
      cons.push({ coef: vec((i) => (i === j || i === n + j ? Rational.ONE : i === 2 * n ? Rational.ONE.neg() : Z)), sense: "<=", rhs: Z });
    }
  }
  const res = solveLp({ objective, constraints: cons });
  if (res.status !== "optimal") return { status: "infeasible" };
  const out = w.map((v, j) => v.add(res.x[j]!).sub(res.x[n + j]!));
  const distance = norm === "l1" ? l1Distance(out, w) : linfDistance(out, w);
  return ok(distance, out, T);
}
