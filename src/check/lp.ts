// The check layer's only door to the exact LP solver (src/sensitivity/simplex-lp.ts, read-only).
import type { Rational } from "../exact/rational.js";
import { solveLp, type LpResult } from "../sensitivity/simplex-lp.js";

export interface LpRow {
  coef: Rational[];
  sense: "<=" | ">=" | "=";
  rhs: Rational;
}

/** min objective·x subject to `rows` and x ≥ 0, exactly (two-phase simplex, Bland's rule). */
export function solveExactLp(objective: Rational[], rows: LpRow[]): LpResult {
  return solveLp({ objective, constraints: rows });
}
