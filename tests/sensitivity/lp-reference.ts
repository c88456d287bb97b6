// The first, simplest implementation of the exact simplex (a Rational tableau, a gcd per entry
// update), kept in the tests as the oracle that src/sensitivity/simplex-lp.ts's integer-row solver
// must agree with: same pricing and anti-cycling rules, same vertex.
import { Rational } from "../../src/exact/rational.js";
import type { ConstraintSense, LinearProgram, LpResult } from "../../src/sensitivity/simplex-lp.js";

/**
 * The first implementation, on a Rational tableau (a gcd per entry update): kept as the reference the
 * tests compare `solveLp` with. Same rules, same vertex.
 *
 * Solve `min c·x, Ax (≤ | ≥ | =) b, x ≥ 0` exactly. Two phases (artificial variables, then the real
 * objective); Dantzig pricing with Bland's smallest-index rule on degenerate stretches, so it
 * terminates and is deterministic; redundant equality rows are dropped after phase 1. Returns a
 * vertex optimum.
 * Cost: dense pivots over Rationals, fine for a few hundred rows and columns.
 * Reference: Bland, "New finite pivoting rules for the simplex method", Math. Oper. Res. 2 (1977).
 */
export function solveLpRational(lp: LinearProgram): LpResult {
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
  const T: Rational[][] = [];
  const rhs: Rational[] = [];
  const basis: number[] = [];
  let s = n;
  let a = firstArt;
  for (const r of rows) {
    const row = new Array<Rational>(N).fill(Rational.ZERO);
    r.coef.forEach((v, j) => (row[j] = v));
    if (r.sense === "<=") {
      row[s] = Rational.ONE;
      basis.push(s++);
    } else {
      if (r.sense === ">=") row[s++] = Rational.ONE.neg();
      row[a] = Rational.ONE;
      basis.push(a++);
    }
    T.push(row);
    rhs.push(r.rhs);
  }
  const tab: Tableau = { T, rhs, basis };
  if (nArt > 0) {
    const cost1 = new Array<Rational>(N).fill(Rational.ZERO).map((z, j) => (j >= firstArt ? Rational.ONE : z));
    runSimplex(tab, cost1, N); // phase 1 is bounded below by 0
    const infeas = Rational.sum(tab.basis.map((b, i) => (b >= firstArt ? tab.rhs[i]! : Rational.ZERO)));
    if (infeas.sign() > 0) return { status: "infeasible" };
    // Drive zero-level artificials out of the basis; drop rows that are redundant.
    for (let i = tab.T.length - 1; i >= 0; i--) {
      if (tab.basis[i]! < firstArt) continue;
      const row = tab.T[i]!;
      const e = row.findIndex((v, j) => j < firstArt && !v.isZero());
      if (e >= 0) pivot(tab, i, e);
      else {
        tab.T.splice(i, 1);
        tab.rhs.splice(i, 1);
        tab.basis.splice(i, 1);
      }
    }
  }
  const cost2 = new Array<Rational>(N).fill(Rational.ZERO).map((z, j) => (j < n ? lp.objective[j]! : z));
  if (runSimplex(tab, cost2, firstArt) === "unbounded") return { status: "unbounded" };
  const x = new Array<Rational>(n).fill(Rational.ZERO);
  tab.basis.forEach((b, i) => {
    if (b < n) x[b] = tab.rhs[i]!;
  });
  let value = Rational.ZERO;
  for (let j = 0; j < n; j++) value = value.add(lp.objective[j]!.mul(x[j]!));
  return { status: "optimal", x, value };
}

interface Tableau {
  T: Rational[][];
  rhs: Rational[];
  basis: number[];
}

/**
 * Primal simplex; columns ≥ `allowed` never enter. Pricing: Dantzig's most negative reduced cost,
 * switching to Bland's smallest-index rule (entering and leaving) after a degenerate pivot and back
 * after a non-degenerate one. The objective strictly decreases between Bland runs and Bland's rule
 * cannot cycle within one, so this terminates. The reduced-cost row is updated by the pivots.
 */
function runSimplex(tab: Tableau, cost: Rational[], allowed: number): "optimal" | "unbounded" {
  const obj = cost.map((c) => c);
  tab.T.forEach((row, i) => {
    const cb = cost[tab.basis[i]!]!;
    if (cb.isZero()) return;
    for (let j = 0; j < row.length; j++) if (!row[j]!.isZero()) obj[j] = obj[j]!.sub(cb.mul(row[j]!));
  });
  let bland = false;
  for (;;) {
    let enter = -1;
    for (let j = 0; j < allowed; j++) {
      if (obj[j]!.sign() >= 0) continue;
      if (enter < 0 || (!bland && obj[j]!.lt(obj[enter]!))) enter = j;
      if (bland) break;
    }
    if (enter < 0) return "optimal";
    let leave = -1;
    let best: Rational | null = null;
    tab.T.forEach((row, i) => {
      const v = row[enter]!;
      if (v.sign() <= 0) return;
      const ratio = tab.rhs[i]!.div(v);
      const c = best === null ? -1 : ratio.cmp(best);
      if (c < 0 || (c === 0 && tab.basis[i]! < tab.basis[leave]!)) {
        best = ratio;
        leave = i;
      }
    });
    if (leave < 0) return "unbounded";
    bland = tab.rhs[leave]!.isZero();
    pivot(tab, leave, enter, obj);
  }
}

function pivot(tab: Tableau, r: number, e: number, obj?: Rational[]): void {
  const prow = tab.T[r]!;
  const p = prow[e]!;
  const nz: number[] = [];
  for (let j = 0; j < prow.length; j++) {
    if (prow[j]!.isZero()) continue;
    prow[j] = prow[j]!.div(p);
    nz.push(j);
  }
  tab.rhs[r] = tab.rhs[r]!.div(p);
  const eliminate = (row: Rational[]): void => {
    const f = row[e]!;
    if (f.isZero()) return;
    for (const j of nz) row[j] = row[j]!.sub(f.mul(prow[j]!));
  };
  tab.T.forEach((row, i) => {
    if (i === r) return;
    const f = row[e]!;
    if (f.isZero()) return;
    eliminate(row);
    tab.rhs[i] = tab.rhs[i]!.sub(f.mul(tab.rhs[r]!));
  });
  if (obj) eliminate(obj);
  tab.basis[r] = e;
}
