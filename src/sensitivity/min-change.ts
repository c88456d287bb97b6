// Minimal change of the global leaf weights that changes the award: per challenger (tie with the
// winner) and "sole winner over everyone", in L1 and L∞ (exact) and L2 (closed form when valid).
// Pure; no IO. Distances are in shares of the total (fractions); `…Points` = shares × totalPoints.
// Distances are measured on GLOBAL LEAF weights (the tree's inner nodes are not varied level by level).
import { gcd, lcm, Rational } from "../exact/rational.js";
import { dot, rankValues, scaledDiff, scaledModel, type LinearModel, type ScaledModel } from "./model.js";
import { solveBoundedLp, solveLp, type BoundedRow, type LpConstraint } from "./simplex-lp.js";

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

/** Minimal changes for one challenger b against the winner a. */
export interface PairChange {
  winner: string;
  challenger: string;
  /** g = (V_a − V_b)/T ≥ 0 in shares, and in points. */
  gap: Rational;
  gapPoints: Rational;
  /** Minimal change for b to tie a (b ≥ a). */
  l1: ChangeResult;
  linf: ChangeResult & { method?: LinfMethod };
  /** null when non-negativity binds (the exact QP is not implemented). */
  l2: L2Change | Unreachable | null;
  /**
   * Minimal change for b to tie or beat every other offer (ε → 0), Wolters & Mareschal LP. Computed
   * for the challengers `MinimalChangeOptions.soleWinner` selects; "not-computed" otherwise (the pair
   * distance is then a lower bound).
   */
  soleWinner: { l1: ChangeResult | NotComputed; linf: ChangeResult | NotComputed };
}

/** Every challenger, and the robustness margin of the award. */
export interface MinimalChangeReport {
  /** The current winner (first of the current ranking; ties by id) or null without offers. */
  winner: string | null;
  /** All rank-1 offers (more than one: already tied, every distance to a co-winner is 0). */
  winners: string[];
  /** Challengers in current rank order. */
  pairs: PairChange[];
  /**
   * min over challengers of the pair L∞: every weight vector with max|Δw| < margin keeps the winner
   * strictly first; at the margin a tie is reachable. null when no challenger can ever tie (single
   * offer, or the winner dominates every other offer).
   */
  margin: { distance: Rational; distancePoints: Rational; challenger: string; weights: Rational[] } | null;
  /** Which challengers' sole-winner LPs were computed (absent without challengers). */
  soleWinnerScope?: SoleWinnerScope;
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

function ok(distance: Rational, weights: Rational[], T: Rational): WeightChange {
  return { status: "ok", distance, distancePoints: distance.mul(T), weights, weightsPoints: weights.map((w) => w.mul(T)) };
}

function l1Distance(x: readonly Rational[], y: readonly Rational[]): Rational {
  return Rational.sum(x.map((v, j) => v.sub(y[j]!).abs()));
}
function linfDistance(x: readonly Rational[], y: readonly Rational[]): Rational {
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

function intDot(e: readonly bigint[], W: readonly bigint[]): bigint {
  let s = 0n;
  for (let j = 0; j < e.length; j++) s += e[j]! * W[j]!;
  return s;
}

function sharesOf(W: readonly bigint[], den: bigint): Rational[] {
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

/** Options of `minimalWeightChanges`. */
export interface MinimalChangeOptions {
  /**
   * Challengers for which the "sole winner" LPs (b ties or beats everyone) are solved: "all", or a
   * number k = the k challengers with the smallest pair L∞ distance (ties: rank order). Default: all
   * when there are at most `soleWinnerAllUpTo` offers (12), else 5. The others get status
   * "not-computed" with the pair distance as a lower bound.
   */
  soleWinner?: "all" | number;
  /** Offers up to which every challenger's sole-winner LP is solved by default (12). */
  soleWinnerAllUpTo?: number;
  /**
   * Leaves above which the sole-winner LPs are not attempted; default 400 (the bounded method takes
   * well under a second per challenger at 200 leaves). Their results are "not-computed" (reason
   * "too-large") with the pair lower bound.
   */
  soleWinnerMaxLeaves?: number;
  /**
   * "bounded" (default): bounded-variable simplex (L1) and exact parametric Newton (L∞) with
   * constraint generation; "dense": the reference LP `minChangeLp` (2n variables, n + … rows).
   */
  soleWinnerMethod?: "bounded" | "dense";
}

/** A sole-winner result that was not computed; the pair distance (same norm) is a lower bound. */
export interface NotComputed {
  status: "not-computed";
  /** "not-selected": not among the k closest challengers; "too-large": too many leaves for the LP. */
  reason: "not-selected" | "too-large";
  /** The pair distance in the same norm (shares, and points): the sole-winner distance is ≥ it. */
  lowerBound: Rational;
  lowerBoundPoints: Rational;
}

/** What the report says about the sole-winner LPs. */
export interface SoleWinnerScope {
  /** Challengers whose sole-winner distances were computed (exactly, or known infeasible). */
  computed: string[];
  /** Challengers left out (status "not-computed"). */
  notComputed: string[];
  /** The rule applied: "all", or k closest by pair L∞. */
  rule: "all" | { closest: number };
  /** Leaves above which the LP is skipped. */
  maxLeaves: number;
}

/**
 * For the current winner a (first of the current ranking at the model weights, ties by id) and every
 * other ranked offer b (in rank order): the minimal L1 / L∞ / L2 change of the global leaf shares for b
 * to tie a, and the minimal L1 / L∞ change for b to tie or beat everyone (LP). `margin` = min over
 * challengers of the pair L∞ ("no change of less than X points to any weight changes the award").
 * Shares are w / totalPoints (equal shares if totalPoints is 0); coefficients are the model's.
 *
 * Cost: the pair analyses run on integers (`scaledModel`), O(n log n) per challenger, so
 * O(m·n log n) in all. The sole-winner LPs are solved only for the challengers selected by
 * `options.soleWinner` (default: all when m ≤ 12, else the 5 closest by pair L∞), by constraint
 * generation (the LP with the offers that bind, checked exactly against every offer); a challenger
 * the winner dominates is infeasible without an LP; the others are "not-computed" with the pair
 * distance as a lower bound (`soleWinnerScope` says which).
 *
 * Edge cases: no offers → winner null, no pairs; one offer → no pairs, margin null; co-winners →
 * distance 0 to each of them. References: Wolters & Mareschal, EJOR 81 (1995) 281–290; Barron &
 * Schmidt, Oper. Res. 36(1) (1988) 122–127.
 */
export function minimalWeightChanges(model: LinearModel, options: MinimalChangeOptions = {}): MinimalChangeReport {
  const T = model.totalPoints;
  const m = model.offers.length;
  if (m === 0) return { winner: null, winners: [], pairs: [], margin: null };
  const sm = scaledModel(model);
  // Totals as shares: V_a = (E_a·W) / (L_a·S); ranked exactly.
  const V = sm.E.map((row, a) => Rational.of(intDot(row, sm.W), sm.L[a]! * sm.S));
  const { order, ranks } = rankValues(model.offers, V);
  const a = order[0]!;
  const winners = order.filter((i) => ranks[i] === 1).map((i) => model.offers[i]!);
  const pairs: PairChange[] = [];
  const placeholder: { l1: ChangeResult | NotComputed; linf: ChangeResult | NotComputed } = {
    l1: { status: "infeasible" },
    linf: { status: "infeasible" },
  };
  for (const b of order.slice(1)) {
    const { e, D } = scaledDiff(sm, a, b);
    const sp: ScaledPair = { e, D, W: sm.W, Wden: sm.S };
    const gap = Rational.of(intDot(e, sm.W), D * sm.S);
    pairs.push({
      winner: model.offers[a]!,
      challenger: model.offers[b]!,
      gap,
      gapPoints: gap.mul(T),
      l1: minL1TieScaled(sp, T),
      linf: minLinfTieScaled(sp, T),
      l2: minL2TieScaled(sp),
      soleWinner: placeholder,
    });
  }
  // Sole winner: selected challengers only.
  const allUpTo = options.soleWinnerAllUpTo ?? 12;
  const rule: SoleWinnerScope["rule"] =
    options.soleWinner === "all" || (options.soleWinner === undefined && m <= allUpTo) ? "all" : { closest: options.soleWinner ?? 5 };
  const maxLeaves = options.soleWinnerMaxLeaves ?? 400;
  const ranked = pairs.map((_, i) => i).filter((i) => pairs[i]!.linf.status === "ok");
  ranked.sort((x, y) => {
    const px = pairs[x]!.linf as WeightChange;
    const py = pairs[y]!.linf as WeightChange;
    return px.distance.cmp(py.distance) || x - y;
  });
  const selected = new Set(rule === "all" ? pairs.map((_, i) => i) : ranked.slice(0, Math.max(0, rule.closest)));
  const w = sharesOf(sm.W, sm.S);
  const scope: SoleWinnerScope = { computed: [], notComputed: [], rule, maxLeaves };
  pairs.forEach((p, i) => {
    const b = order[i + 1]!;
    if (p.linf.status !== "ok" || p.l1.status !== "ok") {
      // The winner dominates b: b can never tie it, let alone beat everyone.
      p.soleWinner = { l1: { status: "infeasible" }, linf: { status: "infeasible" } };
      scope.computed.push(p.challenger);
      return;
    }
    const notComputed = (reason: NotComputed["reason"]): typeof placeholder => ({
      l1: { status: "not-computed", reason, lowerBound: (p.l1 as WeightChange).distance, lowerBoundPoints: (p.l1 as WeightChange).distancePoints },
      linf: { status: "not-computed", reason, lowerBound: (p.linf as WeightChange).distance, lowerBoundPoints: (p.linf as WeightChange).distancePoints },
    });
    if (!selected.has(i)) {
      p.soleWinner = notComputed("not-selected");
      scope.notComputed.push(p.challenger);
    } else if (model.leaves.length > maxLeaves) {
      p.soleWinner = notComputed("too-large");
      scope.notComputed.push(p.challenger);
    } else {
      const how = options.soleWinnerMethod ?? "bounded";
      p.soleWinner = { l1: soleWinnerChange(model, sm, order, b, w, "l1", T, how), linf: soleWinnerChange(model, sm, order, b, w, "linf", T, how) };
      scope.computed.push(p.challenger);
    }
  });
  let margin: MinimalChangeReport["margin"] = null;
  for (const p of pairs) {
    if (p.linf.status !== "ok") continue;
    if (margin === null || p.linf.distance.lt(margin.distance)) {
      margin = { distance: p.linf.distance, distancePoints: p.linf.distancePoints, challenger: p.challenger, weights: p.linf.weights };
    }
  }
  const report: MinimalChangeReport = { winner: model.offers[a]!, winners, pairs, margin };
  if (pairs.length > 0) report.soleWinnerScope = scope;
  return report;
}

/**
 * Minimal change for offer b to tie or beat every other ranked offer, by constraint generation: solve
 * the LP with the rows of a few offers (the current top ones), check the optimum exactly against
 * every offer, add the most violated rows, repeat. The LP over a subset is a relaxation, so an optimum
 * feasible for every row is the optimum of the full LP; a relaxation that is infeasible proves the full
 * LP infeasible. `method`: "bounded" (default) solves L1 with the bounded-variable simplex
 * (`soleWinnerL1`) and L∞ by the exact parametric Newton method (`soleWinnerLinf`); "dense" uses
 * `minChangeLp` (the reference formulation).
 */
export function soleWinnerChange(
  model: LinearModel,
  sm: ScaledModel,
  order: readonly number[],
  b: number,
  w: readonly Rational[],
  norm: "l1" | "linf",
  T: Rational,
  method: "bounded" | "dense" = "bounded",
): ChangeResult {
  const rowOf = (c: number): Rational[] => model.coef[c]!.map((x, j) => x.sub(model.coef[b]![j]!));
  const active: number[] = order.filter((c) => c !== b).slice(0, 3);
  let start = Rational.ZERO;
  for (;;) {
    const rows = active.map(rowOf);
    let res: ChangeResult;
    if (method === "dense") res = minChangeLp(rows, w, norm, T);
    else if (norm === "l1") res = soleWinnerL1(rows, w, T);
    else {
      res = soleWinnerLinf(rows, w, T, start);
      if (res.status === "ok") start = res.distance;
    }
    if (res.status !== "ok") return res;
    // Exact check of every offer at w′: s_c·w′ ≤ s_b·w′, on integers (w′ = N / M).
    const M = lcm(res.weights.map((x) => x.den));
    const N = res.weights.map((x) => x.num * (M / x.den));
    const vb = intDot(sm.E[b]!, N);
    const Lb = sm.L[b]!;
    const violated: { c: number; by: number }[] = [];
    for (const c of order) {
      if (c === b || active.includes(c)) continue;
      const vc = intDot(sm.E[c]!, N);
      const lhs = vc * Lb;
      const rhs = vb * sm.L[c]!;
      if (lhs > rhs) violated.push({ c, by: Rational.of(lhs - rhs, Lb * sm.L[c]!).toNumber() });
    }
    if (violated.length === 0) return res;
    violated.sort((x, y) => y.by - x.by || x.c - y.c);
    for (const v of violated.slice(0, 3)) active.push(v.c);
  }
}

/**
 * Minimal L1 change so that D_c·w′ ≤ 0 for every row (b ties or beats every c), with the
 * bounded-variable simplex: w′ = w + u − v, u ≥ 0, 0 ≤ v ≤ w, Σu = Σv, D_c·(u − v) ≤ −D_c·w;
 * min Σ(u + v). 1 + |rows| general rows whatever the number of leaves.
 */
export function soleWinnerL1(rows: readonly Rational[][], w: readonly Rational[], T: Rational = Rational.ONE): ChangeResult {
  const n = w.length;
  const one = Rational.ONE;
  const lpRows: BoundedRow[] = [
    { coef: [...w.map(() => one), ...w.map(() => one.neg())], sense: "=", rhs: Rational.ZERO },
    ...rows.map((D) => ({ coef: [...D, ...D.map((x) => x.neg())], sense: "<=" as const, rhs: dot(D, w).neg() })),
  ];
  const res = solveBoundedLp({
    objective: Array.from({ length: 2 * n }, () => one),
    rows: lpRows,
    lower: Array.from({ length: 2 * n }, () => Rational.ZERO),
    upper: [...w.map(() => null), ...w.map((x) => x)],
  });
  if (res.status !== "optimal") return { status: "infeasible" };
  const out = w.map((v, j) => v.add(res.x[j]!).sub(res.x[n + j]!));
  return ok(l1Distance(out, w), out, T);
}

/**
 * Right derivative at t of f(t) = min { d·w′ : w′ ∈ Δ, |w′ − w|∞ ≤ t } (the pair greedy on
 * first-order values, see `minLinfTie`); w on the simplex.
 */
function linfRightSlope(d: readonly Rational[], w: readonly Rational[], t: Rational): Rational {
  const n = d.length;
  const asc = d.map((_, j) => j).sort((x, y) => d[x]!.cmp(d[y]!) || x - y);
  let R = Rational.ZERO;
  let dR = 0;
  let slope = Rational.ZERO;
  for (let j = 0; j < n; j++) {
    if (w[j]!.gt(t)) {
      R = R.add(t);
      dR += 1;
      slope = slope.sub(d[j]!);
    } else R = R.add(w[j]!);
  }
  for (const j of asc) {
    if (R.isZero() && dR === 0) break;
    const above = w[j]!.gt(t);
    const cap = (above ? t : w[j]!).add(t);
    const dcap = above ? 2 : 1;
    const c = cap.cmp(R);
    const takeCap = c < 0 || (c === 0 && dcap <= dR);
    const x = takeCap ? cap : R;
    const dx = takeCap ? dcap : dR;
    if (dx !== 0) slope = slope.add(d[j]!.mul(Rational.of(dx)));
    R = R.sub(x);
    dR -= dx;
  }
  return slope;
}

/**
 * Minimal L∞ change so that D_c·w′ ≤ 0 for every row, exactly, without the 2n-row LP:
 * φ(t) = min { max_c D_c·w′ : w′ ∈ Δ, |w′ − w|∞ ≤ t } is convex, non-increasing and piecewise linear;
 * the answer is its first root. φ(t) is a bounded-variable LP with 1 + |rows| general rows (variables
 * w′_j ∈ [max(0, w_j − t), w_j + t] and z). Its optimal duals λ (Σλ = 1) give φ = f_λ(t), the pair
 * function of the direction d_λ = Σ λ_c D_c, and φ ≥ f_λ everywhere, so the right derivative of f_λ at
 * t (`linfRightSlope`) defines a supporting line: Newton's step from below never overshoots and ends on
 * the root after finitely many steps. `start` (≤ the root) warm-starts it.
 */
export function soleWinnerLinf(
  rows: readonly Rational[][],
  w: readonly Rational[],
  T: Rational = Rational.ONE,
  start: Rational = Rational.ZERO,
): ChangeResult {
  const n = w.length;
  if (n === 0 || rows.length === 0) return ok(Rational.ZERO, [...w], T);
  let zmin = rows[0]![0]!;
  for (const D of rows) for (const x of D) if (x.lt(zmin)) zmin = x;
  const zlow = zmin.sub(Rational.ONE);
  const one = Rational.ONE;
  const lpRows: BoundedRow[] = [
    { coef: [...w.map(() => one), Rational.ZERO], sense: "=", rhs: one },
    ...rows.map((D) => ({ coef: [...D, one.neg()], sense: "<=" as const, rhs: Rational.ZERO })),
  ];
  const objective = [...w.map(() => Rational.ZERO), one];
  let t = start;
  for (let iter = 0; iter < 4 * n + 4 * rows.length + 16; iter++) {
    const res = solveBoundedLp({
      objective,
      rows: lpRows,
      lower: [...w.map((x) => (x.gt(t) ? x.sub(t) : Rational.ZERO)), zlow],
      upper: [...w.map((x) => x.add(t)), null],
    });
    if (res.status !== "optimal") break; // cannot happen: w itself is feasible
    const out = res.x.slice(0, n);
    if (res.value.sign() <= 0) return ok(linfDistance(out, w), out, T);
    const lambda = res.duals.slice(1).map((p) => p.neg());
    const dl = w.map((_, j) => Rational.sum(rows.map((D, c) => (lambda[c]!.isZero() ? Rational.ZERO : lambda[c]!.mul(D[j]!)))));
    const g = linfRightSlope(dl, w, t);
    if (g.sign() >= 0) return { status: "infeasible" };
    t = t.sub(res.value.div(g));
  }
  return minChangeLp(rows, w, "linf", T);
}
