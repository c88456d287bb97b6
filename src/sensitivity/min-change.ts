// Minimal change of the global leaf weights that changes the award: per challenger (tie with the
// winner) and "sole winner over everyone", in L1 and L∞ (exact) and L2 (closed form when valid).
// Pure; no IO. Distances are in shares of the total (fractions); `…Points` = shares × totalPoints.
// Distances are measured on GLOBAL LEAF weights (the tree's inner nodes are not varied level by level).
import { Rational } from "../exact/rational.js";
import { dot, leafShares, rankValues, totals, type LinearModel } from "./model.js";
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

/** Minimal changes for one challenger b against the winner a. */
export interface PairChange {
  winner: string;
  challenger: string;
  /** g = (V_a − V_b)/T ≥ 0 in shares, and in points. */
  gap: Rational;
  gapPoints: Rational;
  /** Minimal change for b to tie a (b ≥ a). */
  l1: ChangeResult;
  linf: ChangeResult & { method?: "closed-form" | "lp" };
  /** null when non-negativity binds (the exact QP is not implemented). */
  l2: L2Change | Unreachable | null;
  /** Minimal change for b to tie or beat every other offer (ε → 0), Wolters & Mareschal LP. */
  soleWinner: { l1: ChangeResult; linf: ChangeResult };
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

/**
 * Minimal L1 change Σ|Δw| of shares w (Σ = 1) so that d·w′ ≤ 0 (b ties or beats a, d = s_a − s_b).
 * Closed form, O(n log n): q = argmin d (first index on ties); move mass to q from the leaves p in
 * decreasing d_p (ties: lower index first) while d_p > d_q: δ_p = min(w_p, g_left/(d_p − d_q)); the
 * distance is 2Σδ_p. Already d·w ≤ 0: distance 0 at w. Infeasible iff min d > 0 (a dominates b).
 * `T` scales the points fields. Reference: Wolters & Mareschal, EJOR 81 (1995) 281–290.
 */
export function minL1Tie(d: readonly Rational[], w: readonly Rational[], T: Rational = Rational.ONE): ChangeResult {
  const n = d.length;
  if (n === 0) return { status: "infeasible" };
  let gap = dot(d, w);
  if (gap.sign() <= 0) return ok(Rational.ZERO, [...w], T);
  let qi = 0;
  for (let j = 1; j < n; j++) if (d[j]!.lt(d[qi]!)) qi = j;
  const dq = d[qi]!;
  if (dq.sign() > 0) return { status: "infeasible" };
  const order = d.map((_, j) => j).filter((j) => d[j]!.gt(dq));
  order.sort((x, y) => d[y]!.cmp(d[x]!) || x - y);
  const out = [...w];
  let moved = Rational.ZERO;
  for (const p of order) {
    if (gap.sign() <= 0) break;
    const slope = d[p]!.sub(dq);
    const delta = Rational.min(w[p]!, gap.div(slope));
    out[p] = out[p]!.sub(delta);
    out[qi] = out[qi]!.add(delta);
    moved = moved.add(delta);
    gap = gap.sub(delta.mul(slope));
  }
  return ok(moved.mul(Rational.of(2)), out, T);
}

/**
 * Minimal L∞ change max|Δw| of shares w so that d·w′ ≤ 0. Closed form first: d sorted decreasingly
 * (ties by index), h = ⌊n/2⌋, t = g / (Σ_{top h} d − Σ_{bottom h} d), lowering the h largest-d weights
 * by t and raising the h smallest (the median stays when n is odd); valid when no lowered weight goes
 * below 0. Otherwise the exact LP (`simplex-lp`): min t, −t ≤ w′ − w ≤ t, w′ ∈ Δ, d·w′ ≤ 0.
 * Infeasible iff min d > 0. Already d·w ≤ 0: distance 0.
 */
export function minLinfTie(
  d: readonly Rational[],
  w: readonly Rational[],
  T: Rational = Rational.ONE,
): ChangeResult & { method?: "closed-form" | "lp" } {
  const n = d.length;
  if (n === 0) return { status: "infeasible" };
  const gap = dot(d, w);
  if (gap.sign() <= 0) return { ...ok(Rational.ZERO, [...w], T), method: "closed-form" };
  if (d.every((x) => x.sign() > 0)) return { status: "infeasible" };
  const order = d.map((_, j) => j).sort((x, y) => d[y]!.cmp(d[x]!) || x - y);
  const h = Math.floor(n / 2);
  const top = order.slice(0, h);
  const bottom = order.slice(n - h);
  const denom = Rational.sum(top.map((j) => d[j]!)).sub(Rational.sum(bottom.map((j) => d[j]!)));
  if (denom.sign() > 0) {
    const t = gap.div(denom);
    if (top.every((j) => w[j]!.ge(t))) {
      const out = [...w];
      for (const j of top) out[j] = out[j]!.sub(t);
      for (const j of bottom) out[j] = out[j]!.add(t);
      return { ...ok(t, out, T), method: "closed-form" };
    }
  }
  const res = minChangeLp([d.map((x) => x)], w, "linf", T);
  return res.status === "ok" ? { ...res, method: "lp" } : res;
}

/**
 * Minimal L2 change (Barron & Schmidt 1988) when non-negativity does not bind:
 * Δ = −g (d − d̄𝟙)/‖d − d̄𝟙‖², distance² = g²/‖d − d̄𝟙‖². Returns null when some w′_j < 0 (a QP would
 * be needed), infeasible iff min d > 0, distance 0 when d·w ≤ 0.
 */
export function minL2Tie(d: readonly Rational[], w: readonly Rational[]): L2Change | Unreachable | null {
  const n = d.length;
  if (n === 0 || d.every((x) => x.sign() > 0)) return { status: "infeasible" };
  const gap = dot(d, w);
  if (gap.sign() <= 0) return { status: "ok", distanceSquared: Rational.ZERO, distance: 0, weights: [...w] };
  const mean = Rational.sum(d).div(Rational.of(n));
  const c = d.map((x) => x.sub(mean));
  const norm2 = dot(c, c);
  if (norm2.isZero()) return { status: "infeasible" };
  const out = w.map((v, j) => v.sub(gap.mul(c[j]!).div(norm2)));
  if (out.some((v) => v.sign() < 0)) return null;
  const distanceSquared = gap.mul(gap).div(norm2);
  return { status: "ok", distanceSquared, distance: Math.sqrt(distanceSquared.toNumber()), weights: out };
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

/**
 * For the current winner a (first of the current ranking at the model weights, ties by id) and every
 * other ranked offer b (in rank order): the minimal L1 / L∞ / L2 change of the global leaf shares for b
 * to tie a, and the minimal L1 / L∞ change for b to tie or beat everyone (LP). `margin` = min over
 * challengers of the pair L∞ ("no change of less than X points to any weight changes the award").
 * Shares are w / totalPoints (equal shares if totalPoints is 0); coefficients are the model's.
 * Edge cases: no offers → winner null, no pairs; one offer → no pairs, margin null; co-winners →
 * distance 0 to each of them. References: Wolters & Mareschal, EJOR 81 (1995) 281–290; Barron &
 * Schmidt, Oper. Res. 36(1) (1988) 122–127.
 */
export function minimalWeightChanges(model: LinearModel): MinimalChangeReport {
  const w = leafShares(model);
  const T = model.totalPoints;
  const V = totals(model, w);
  const { order, ranks } = rankValues(model.offers, V);
  if (order.length === 0) return { winner: null, winners: [], pairs: [], margin: null };
  const a = order[0]!;
  const winners = order.filter((i) => ranks[i] === 1).map((i) => model.offers[i]!);
  const diff = (x: number, y: number): Rational[] => model.coef[x]!.map((c, j) => c.sub(model.coef[y]![j]!));
  const pairs: PairChange[] = [];
  for (const b of order.slice(1)) {
    const d = diff(a, b);
    const gap = dot(d, w);
    const others = order.filter((c) => c !== b).map((c) => diff(c, b));
    pairs.push({
      winner: model.offers[a]!,
      challenger: model.offers[b]!,
      gap,
      gapPoints: gap.mul(T),
      l1: minL1Tie(d, w, T),
      linf: minLinfTie(d, w, T),
      l2: minL2Tie(d, w),
      soleWinner: { l1: minChangeLp(others, w, "l1", T), linf: minChangeLp(others, w, "linf", T) },
    });
  }
  let margin: MinimalChangeReport["margin"] = null;
  for (const p of pairs) {
    if (p.linf.status !== "ok") continue;
    if (margin === null || p.linf.distance.lt(margin.distance)) {
      margin = { distance: p.linf.distance, distancePoints: p.linf.distancePoints, challenger: p.challenger, weights: p.linf.weights };
    }
  }
  return { winner: model.offers[a]!, winners, pairs, margin };
}
