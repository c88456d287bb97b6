// A small exact linear-programming solver: dense two-phase tableau simplex on Rationals, Dantzig
// pricing with Bland's anti-cycling rule (no cycling, no tolerance). Meant for the weight-sensitivity
// LPs. Pure; no IO. `solveLp` keeps each tableau row as integers over one positive row denominator
// (no gcd per entry: one content reduction per updated row, stopped as soon as the gcd is 1).
import { gcd, lcm, Rational } from "../exact/rational.js";

/** Relation of a constraint row to its right-hand side. */
export type ConstraintSense = "<=" | ">=" | "=";

/** One linear constraint Σ_j coef_j x_j (sense) rhs. */
export interface LpConstraint {
  coef: Rational[];
  sense: ConstraintSense;
  rhs: Rational;
}

/** minimize objective·x subject to the constraints and x ≥ 0 (every variable non-negative). */
export interface LinearProgram {
  objective: Rational[];
  constraints: LpConstraint[];
}

/** An exact optimum (a vertex: x and c·x), or why there is none. */
export type LpResult =
  | { status: "optimal"; x: Rational[]; value: Rational }
  | { status: "infeasible" }
  | { status: "unbounded" };

// ---------------------------------------------------------------------------------------------
// Integer-row tableau: row i holds integers A[i][j], rhs[i] over a positive denominator den[i]
// (value = A[i][j] / den[i]). A pivot multiplies and subtracts integers; each updated row is reduced by
// the gcd of its content, computed with an early exit at 1. Pivoting decisions compare the same exact
// values as the Rational tableau (ratios by cross-multiplication, reduced costs over one denominator),
// so the path and the vertex are the same as the Rational-tableau reference's (tests).
interface IntTableau {
  A: bigint[][];
  rhs: bigint[];
  den: bigint[];
  basis: number[];
}

/**
 * After phase 1, drive every artificial variable still basic (at 0) out of the basis: pivot on the
 * first real column with a non-zero entry in its row, or drop the row when there is none (a redundant
 * equality). The hooks keep a caller's per-row state (the bounded solver's basic values) in step.
 */
function expelArtificials(
  tab: IntTableau,
  firstArt: number,
  beforePivot: (row: number, entering: number) => void = () => {},
  onDrop: (row: number) => void = () => {},
): void {
  for (let i = tab.A.length - 1; i >= 0; i--) {
    if (tab.basis[i]! < firstArt) continue;
    const row = tab.A[i]!;
    const e = row.findIndex((v, j) => j < firstArt && v !== 0n);
    if (e >= 0) {
      beforePivot(i, e);
      intPivot(tab, i, e);
    } else {
      tab.A.splice(i, 1);
      tab.rhs.splice(i, 1);
      tab.den.splice(i, 1);
      tab.basis.splice(i, 1);
      onDrop(i);
    }
  }
}


/** An objective row: integers over a positive denominator. */
interface IntRow {
  a: bigint[];
  den: bigint;
}

/** Divide row (entries, rhs, den) by the gcd of its content and den, when > 1. */
function reduceRow(row: bigint[], rhsDen: { rhs: bigint; den: bigint }): void {
  let g = rhsDen.den;
  if (g === 1n) return;
  if (rhsDen.rhs !== 0n) g = gcd(g, rhsDen.rhs);
  for (let j = 0; j < row.length && g !== 1n; j++) if (row[j] !== 0n) g = gcd(g, row[j]!);
  if (g === 1n) return;
  for (let j = 0; j < row.length; j++) if (row[j] !== 0n) row[j] = row[j]! / g;
  rhsDen.rhs /= g;
  rhsDen.den /= g;
}

/** Integers and a common denominator for a Rational vector (and an extra value). */
function toIntRow(xs: readonly Rational[], extra: Rational = Rational.ZERO): { a: bigint[]; rhs: bigint; den: bigint } {
  const L = lcm([extra.den, ...xs.map((x) => x.den)]);
  return { a: xs.map((x) => x.num * (L / x.den)), rhs: extra.num * (L / extra.den), den: L };
}

/**
 * Solve `min c·x, Ax (≤ | ≥ | =) b, x ≥ 0` exactly. Two phases (artificial variables, then the real
 * objective); Dantzig pricing with Bland's smallest-index rule on degenerate stretches, so it
 * terminates and is deterministic; redundant equality rows are dropped after phase 1. Returns a
 * vertex optimum (the same as the Rational-tableau reference in tests/sensitivity/lp-reference.ts,
 * faster: integer rows, no gcd per entry).
 * Reference: Bland, "New finite pivoting rules for the simplex method", Math. Oper. Res. 2 (1977).
 */
export function solveLp(lp: LinearProgram): LpResult {
  const n = lp.objective.length;
  const rows = lp.constraints.map((c) => {
    if (c.coef.length !== n) throw new RangeError("solveLp: constraint length differs from objective length");
    if (c.rhs.sign() < 0) {
      const sense: ConstraintSense = c.sense === "<=" ? ">=" : c.sense === ">=" ? "<=" : "=";
      return { coef: c.coef.map((x) => x.neg()), sense, rhs: c.rhs.neg() };
    }
    return c;
  });
  const nSlack = rows.filter((r) => r.sense !== "=").length;
  const nArt = rows.filter((r) => r.sense !== "<=").length;
  const N = n + nSlack + nArt;
  const firstArt = n + nSlack;
  const tab: IntTableau = { A: [], rhs: [], den: [], basis: [] };
  let s = n;
  let a = firstArt;
  for (const r of rows) {
    const { a: ints, rhs, den } = toIntRow(r.coef, r.rhs);
    const row = new Array<bigint>(N).fill(0n);
    for (let j = 0; j < n; j++) row[j] = ints[j]!;
    if (r.sense === "<=") {
      row[s] = den;
      tab.basis.push(s++);
    } else {
      if (r.sense === ">=") row[s++] = -den;
      row[a] = den;
      tab.basis.push(a++);
    }
    tab.A.push(row);
    tab.rhs.push(rhs);
    tab.den.push(den);
  }
  if (nArt > 0) {
    const cost1 = Array.from({ length: N }, (_, j) => (j >= firstArt ? Rational.ONE : Rational.ZERO));
    runIntSimplex(tab, cost1, N);
    for (let i = 0; i < tab.A.length; i++) if (tab.basis[i]! >= firstArt && tab.rhs[i] !== 0n) return { status: "infeasible" };
    expelArtificials(tab, firstArt);
  }
  const cost2 = Array.from({ length: N }, (_, j) => (j < n ? lp.objective[j]! : Rational.ZERO));
  if (runIntSimplex(tab, cost2, firstArt) === "unbounded") return { status: "unbounded" };
  const x = new Array<Rational>(n).fill(Rational.ZERO);
  tab.basis.forEach((b, i) => {
    if (b < n) x[b] = Rational.of(tab.rhs[i]!, tab.den[i]!);
  });
  let value = Rational.ZERO;
  for (let j = 0; j < n; j++) if (!x[j]!.isZero()) value = value.add(lp.objective[j]!.mul(x[j]!));
  return { status: "optimal", x, value };
}

/** Reduced costs c_j − Σ_i c_{B_i} A_ij / den_i as an integer row over one denominator. */
function reducedCosts(tab: IntTableau, cost: readonly Rational[]): IntRow {
  const N = cost.length;
  const obj = cost.map((c) => c);
  tab.A.forEach((row, i) => {
    const cb = cost[tab.basis[i]!]!;
    if (cb.isZero()) return;
    const f = cb.div(Rational.of(tab.den[i]!));
    for (let j = 0; j < N; j++) if (row[j] !== 0n) obj[j] = obj[j]!.sub(f.mul(Rational.of(row[j]!)));
  });
  const { a, den } = toIntRow(obj);
  return { a, den };
}

/** Primal simplex on the integer tableau; same pricing and anti-cycling rules as `runSimplex`. */
function runIntSimplex(tab: IntTableau, cost: readonly Rational[], allowed: number): "optimal" | "unbounded" {
  const obj = reducedCosts(tab, cost);
  let bland = false;
  for (;;) {
    let enter = -1;
    for (let j = 0; j < allowed; j++) {
      const v = obj.a[j]!;
      if (v >= 0n) continue;
      if (enter < 0 || (!bland && v < obj.a[enter]!)) enter = j;
      if (bland) break;
    }
    if (enter < 0) return "optimal";
    let leave = -1;
    for (let i = 0; i < tab.A.length; i++) {
      const v = tab.A[i]![enter]!;
      if (v <= 0n) continue;
      if (leave < 0) {
        leave = i;
        continue;
      }
      // rhs_i / v vs rhs_leave / v_leave (den_i cancels in each ratio; v, v_leave > 0).
      const l = tab.rhs[i]! * tab.A[leave]![enter]!;
      const r = tab.rhs[leave]! * v;
      if (l < r || (l === r && tab.basis[i]! < tab.basis[leave]!)) leave = i;
    }
    if (leave < 0) return "unbounded";
    bland = tab.rhs[leave] === 0n;
    intPivot(tab, leave, enter, obj);
  }
}

function intPivot(tab: IntTableau, r: number, e: number, obj?: IntRow): void {
  const prow = tab.A[r]!;
  let p = prow[e]!;
  if (p < 0n) {
    for (let j = 0; j < prow.length; j++) if (prow[j] !== 0n) prow[j] = -prow[j]!;
    tab.rhs[r] = -tab.rhs[r]!;
    p = -p;
  }
  // The pivot row's values are A[r][j] / p (the pivot becomes 1); reduce by the content gcd.
  const rd = { rhs: tab.rhs[r]!, den: p };
  reduceRow(prow, rd);
  tab.rhs[r] = rd.rhs;
  tab.den[r] = rd.den;
  const pd = rd.den;
  const nz: number[] = [];
  for (let j = 0; j < prow.length; j++) if (prow[j] !== 0n) nz.push(j);
  const update = (row: bigint[]): bigint | null => {
    const f = row[e]!;
    if (f === 0n) return null;
    // value_ij − (f/den_i)·(A_rj/pd) = (A_ij·pd − f·A_rj) / (den_i·pd).
    if (pd !== 1n) for (let j = 0; j < row.length; j++) if (row[j] !== 0n) row[j] = row[j]! * pd;
    for (const j of nz) row[j] = row[j]! - f * prow[j]!;
    return f;
  };
  for (let i = 0; i < tab.A.length; i++) {
    if (i === r) continue;
    const row = tab.A[i]!;
    const f = update(row);
    if (f === null) continue;
    const rd2 = { rhs: tab.rhs[i]! * pd - f * tab.rhs[r]!, den: tab.den[i]! * pd };
    reduceRow(row, rd2);
    tab.rhs[i] = rd2.rhs;
    tab.den[i] = rd2.den;
  }
  if (obj) {
    const f = update(obj.a);
    if (f !== null) {
      const rd3 = { rhs: 0n, den: obj.den * pd };
      reduceRow(obj.a, rd3);
      obj.den = rd3.den;
    }
  }
  tab.basis[r] = e;
}

// ---------------------------------------------------------------------------------------------
// Bounded-variable simplex: l ≤ x ≤ u handled implicitly (nonbasic variables sit at a bound, a
// variable may flip from one bound to the other without a pivot), so an LP with many bounded
// variables and few general rows has a tableau of (few rows) × (variables). Integer-row tableau as
// above; basic values as Rationals.

/** One general row of a bounded LP: Σ coef_j x_j (≤ | =) rhs. */
export interface BoundedRow {
  coef: Rational[];
  sense: "<=" | "=";
  rhs: Rational;
}

/** min objective·x subject to `rows` and lower ≤ x ≤ upper (upper null = +∞; lower finite). */
export interface BoundedLp {
  objective: Rational[];
  rows: BoundedRow[];
  lower: Rational[];
  upper: (Rational | null)[];
}

/** An optimum with the row duals π (reduced cost of x_j = c_j − π·A_j; π_i ≤ 0 on binding ≤ rows). */
export type BoundedLpResult =
  | { status: "optimal"; x: Rational[]; value: Rational; duals: Rational[] }
  | { status: "infeasible" }
  | { status: "unbounded" };

/**
 * Solve `min c·x, rows, l ≤ x ≤ u` exactly with a bounded-variable two-phase primal simplex (Dantzig
 * pricing, Bland's rule on degenerate stretches, bound flips preferred on ties). Returns a vertex and
 * the duals of the rows. Reference: Dantzig, "Upper bounds, secondary constraints and block
 * triangularity in linear programming", Econometrica 23 (1955); Chvátal, Linear Programming (1983), ch. 8.
 */
export function solveBoundedLp(lp: BoundedLp): BoundedLpResult {
  const n = lp.objective.length;
  const m = lp.rows.length;
  for (let j = 0; j < n; j++) {
    const u = lp.upper[j];
    if (u && u.lt(lp.lower[j]!)) return { status: "infeasible" };
  }
  // Columns: structurals, one slack per ≤ row, then artificials as needed.
  const slackOf = new Array<number>(m).fill(-1);
  let N = n;
  lp.rows.forEach((r, i) => {
    if (r.sense === "<=") slackOf[i] = N++;
  });
  const firstArt = N;
  const residual = lp.rows.map((r) => {
    let s = r.rhs;
    for (let j = 0; j < n; j++) if (!r.coef[j]!.isZero() && !lp.lower[j]!.isZero()) s = s.sub(r.coef[j]!.mul(lp.lower[j]!));
    return s;
  });
  const artRows = lp.rows.map((r, i) => !(r.sense === "<=" && residual[i]!.sign() >= 0));
  const nArt = artRows.filter(Boolean).length;
  N += nArt;
  const lower: Rational[] = [];
  const upper: (Rational | null)[] = [];
  for (let j = 0; j < N; j++) {
    lower.push(j < n ? lp.lower[j]! : Rational.ZERO);
    upper.push(j < n ? lp.upper[j] ?? null : null);
  }
  const tab: IntTableau = { A: [], rhs: [], den: [], basis: [] };
  const xB: Rational[] = [];
  let art = firstArt;
  lp.rows.forEach((r, i) => {
    const { a: ints, den } = toIntRow(r.coef);
    const row = new Array<bigint>(N).fill(0n);
    for (let j = 0; j < n; j++) row[j] = ints[j]!;
    if (slackOf[i]! >= 0) row[slackOf[i]!] = den;
    const neg = residual[i]!.sign() < 0;
    if (neg) for (let j = 0; j < N; j++) row[j] = -row[j]!;
    if (artRows[i]) {
      row[art] = den;
      tab.basis.push(art++);
    } else tab.basis.push(slackOf[i]!);
    xB.push(residual[i]!.abs());
    tab.A.push(row);
    tab.rhs.push(0n);
    tab.den.push(den);
  });
  const atUpper = new Array<boolean>(N).fill(false);
  const state: BState = { tab, xB, lower, upper, atUpper };
  if (nArt > 0) {
    const cost1 = Array.from({ length: N }, (_, j) => (j >= firstArt ? Rational.ONE : Rational.ZERO));
    boundedSimplex(state, cost1, N);
    for (let i = 0; i < tab.A.length; i++) if (tab.basis[i]! >= firstArt && xB[i]!.sign() !== 0) return { status: "infeasible" };
    expelArtificials(
      tab,
      firstArt,
      // θ = 0: the entering variable keeps its value, the artificial leaves at 0.
      (i, e) => (xB[i] = nonbasicValue(state, e)),
      (i) => xB.splice(i, 1),
    );
    for (let j = firstArt; j < N; j++) upper[j] = Rational.ZERO;
  }
  const cost2 = Array.from({ length: N }, (_, j) => (j < n ? lp.objective[j]! : Rational.ZERO));
  const obj = boundedSimplex(state, cost2, firstArt);
  if (obj === "unbounded") return { status: "unbounded" };
  const x: Rational[] = [];
  const basicRow = new Map(tab.basis.map((b, i) => [b, i]));
  for (let j = 0; j < n; j++) {
    const i = basicRow.get(j);
    x.push(i !== undefined ? xB[i]! : nonbasicValue(state, j));
  }
  let value = Rational.ZERO;
  for (let j = 0; j < n; j++) if (!x[j]!.isZero() && !lp.objective[j]!.isZero()) value = value.add(lp.objective[j]!.mul(x[j]!));
  // Duals from the reduced costs of the slack (≤ rows) or artificial (= rows) columns: d = −π_i.
  const duals = lp.rows.map((_, i) => {
    let col = slackOf[i]!;
    if (col < 0) {
      // The artificial of an = row: its column index.
      col = firstArt + artRows.slice(0, i).filter(Boolean).length;
      if (!artRows[i]) return Rational.ZERO;
    }
    const d = Rational.of(obj.a[col]!, obj.den);
    // A row negated at the start has the column with coefficient −1: the dual of the original row
    // is then +d for an artificial (cost 0 in phase 2, coefficient −1·(−1)); slacks keep −d.
    if (slackOf[i]! >= 0) return d.neg();
    return residual[i]!.sign() < 0 ? d : d.neg();
  });
  return { status: "optimal", x, value, duals };
}

interface BState {
  tab: IntTableau;
  xB: Rational[];
  lower: Rational[];
  upper: (Rational | null)[];
  atUpper: boolean[];
}

function nonbasicValue(s: BState, j: number): Rational {
  return s.atUpper[j] ? s.upper[j]! : s.lower[j]!;
}

function boundedSimplex(s: BState, cost: readonly Rational[], allowed: number): IntRow | "unbounded" {
  const { tab, xB, lower, upper, atUpper } = s;
  const obj = reducedCosts(tab, cost);
  const isBasic = new Array<boolean>(cost.length).fill(false);
  for (const b of tab.basis) isBasic[b] = true;
  let bland = false;
  for (;;) {
    let enter = -1;
    let best = 0n;
    for (let j = 0; j < allowed; j++) {
      if (isBasic[j]) continue;
      const u = upper[j];
      if (u && u.eq(lower[j]!)) continue;
      const d = obj.a[j]!;
      const score = atUpper[j] ? d : -d; // > 0: improving
      if (score <= 0n) continue;
      if (enter < 0 || (!bland && score > best)) {
        enter = j;
        best = score;
      }
      if (bland) break;
    }
    if (enter < 0) return obj;
    const dir = atUpper[enter] ? -1 : 1;
    // Ratio test.
    let theta: Rational | null = null;
    let leave = -1;
    let leaveToUpper = false;
    const ue = upper[enter];
    if (ue) theta = ue.sub(lower[enter]!);
    for (let i = 0; i < tab.A.length; i++) {
      const a = tab.A[i]![enter]!;
      if (a === 0n) continue;
      const rate = Rational.of(dir > 0 ? a : -a, tab.den[i]!);
      const b = tab.basis[i]!;
      let lim: Rational;
      let toUpper: boolean;
      if (rate.sign() > 0) {
        lim = xB[i]!.sub(lower[b]!).div(rate);
        toUpper = false;
      } else {
        const ub = upper[b];
        if (!ub) continue;
        lim = ub.sub(xB[i]!).div(rate.neg());
        toUpper = true;
      }
      const c = theta === null ? -1 : lim.cmp(theta);
      if (c < 0 || (c === 0 && leave >= 0 && b < tab.basis[leave]!)) {
        theta = lim;
        leave = i;
        leaveToUpper = toUpper;
      }
    }
    if (theta === null) return "unbounded";
    const step = dir > 0 ? theta : theta.neg();
    const enterValue = nonbasicValue(s, enter).add(step);
    if (!theta.isZero()) {
      for (let i = 0; i < tab.A.length; i++) {
        const a = tab.A[i]![enter]!;
        if (a !== 0n) xB[i] = xB[i]!.sub(Rational.of(a, tab.den[i]!).mul(step));
      }
    }
    if (leave < 0) {
      atUpper[enter] = !atUpper[enter];
      bland = false;
      continue;
    }
    bland = theta.isZero();
    const out = tab.basis[leave]!;
    atUpper[out] = leaveToUpper;
    isBasic[out] = false;
    isBasic[enter] = true;
    atUpper[enter] = false;
    xB[leave] = enterValue;
    intPivot(tab, leave, enter, obj);
  }
}
