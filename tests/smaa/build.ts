// In-memory builders for SMAA tests.
import type { SmaaProblem } from "../../src/smaa/types.js";

/** Scores on a 0–100 scale, one row per offer; announced weights in points of 100. */
export function problemOf(offers: string[], leaves: string[], scores: number[][], weights: number[]): SmaaProblem {
  return {
    offers,
    leaves,
    coef: Float64Array.from(scores.flat(), (s) => s / 100),
    weights: Float64Array.from(weights),
    totalPoints: weights.reduce((a, b) => a + b, 0),
  };
}

/** O3 of the methods note: C > B > A > D at (50, 30, 20). */
export const O3 = problemOf(
  ["A", "B", "C", "D"],
  ["Price", "Quality", "Delivery"],
  [
    [100, 60, 50],
    [80, 90, 70],
    [90, 70, 100],
    [70, 100, 40],
  ],
  [50, 30, 20],
);

/** O3's exact SMAA values (w uniform on the simplex). */
export const O3_EXACT: Record<string, number[]> = {
  A: [13 / 165, 5437 / 43890, 10009 / 29260, 173 / 380],
  B: [61 / 440, 877 / 1320, 13 / 66, 0],
  C: [217 / 330, 431 / 3135, 2537 / 12540, 1 / 380],
  D: [1 / 8, 79 / 1064, 172 / 665, 103 / 190],
};
export const O3_CENTRAL: Record<string, number[]> = {
  A: [10169 / 12870, 326 / 2145, 149 / 2574],
  B: [29 / 110, 7453 / 13420, 2429 / 13420],
  C: [13963 / 42966, 8201 / 35805, 13687 / 30690],
  D: [1 / 6, 3 / 4, 1 / 12],
};

/** O2 (JSMAA fixture): alt1 = (1, 0, 1), alt2 = (0, 1, 0). */
export const O2 = problemOf(["alt1", "alt2"], ["c1", "c2", "c3"], [[100, 0, 100], [0, 100, 0]], [1, 1, 1]);
