// "The challenger becomes the sole winner" (ties or beats every other offer): exact LPs of Wolters &
// Mareschal (1995) in L1 and L∞, solved with the bounded-variable simplex and constraint generation.
// Pure; no IO. Distances are in shares of the total (fractions).
import { lcm, Rational } from "../exact/rational.js";
import { dot, type LinearModel, type ScaledModel } from "./model.js";
import { solveBoundedLp, type BoundedRow } from "./simplex-lp.js";
import { intDot, l1Distance, linfDistance, minChangeLp, ok, type ChangeResult } from "./pair-change.js";


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
