// Confidence factors of SMAA-2: the probability that an offer wins at its own central weights
// (Lahdelma & Salminen 2001, §3). Pure; no IO. With deterministic scores this is one evaluation (0 or
// 1); with jury-note noise it is a second Monte Carlo pass over the scores, seeded on pass 1.

import { blockSeed, seedState, Xoshiro128 } from "./rng.js";
import { drawNoisyCoef, totals } from "./kernel.js";
import type { PreparedSmaa } from "./prepare.js";
import { toLeafWeights } from "./accumulate.js";

/** True when no offer's total is strictly above offer i's (rank 1, ties included). */
function isFirst(V: Float64Array, i: number): boolean {
  const v = V[i]!;
  for (let k = 0; k < V.length; k++) if (V[k]! > v) return false;
  return true;
}

/**
 * Confidence factor of each offer at its central weights (kernel dimension), null where the central
 * weights are null. Returns the number of score draws used (1 without noise).
 */
export function confidenceFactors(
  plan: PreparedSmaa,
  central: (Float64Array | null)[],
  samples: number,
): { confidence: (number | null)[]; samples: number } {
  const { m, n } = plan;
  const V = new Float64Array(m);
  const leafW = central.map((x) => (x ? toLeafWeights(plan, x) : null));
  if (plan.noisyLeaves.length === 0) {
    const confidence = leafW.map((w, i) => {
      if (!w) return null;
      totals(plan.leafCoef, w, m, n, V);
      return isFirst(V, i) ? 1 : 0;
    });
    return { confidence, samples: 1 };
  }
  const wins = new Float64Array(m);
  const c = Float64Array.from(plan.leafCoef);
  for (let b = 0; b * plan.blockSize < samples; b++) {
    const rng = new Xoshiro128(seedState(blockSeed(plan.seed, b, 1)));
    const count = Math.min(plan.blockSize, samples - b * plan.blockSize);
    for (let s = 0; s < count; s++) {
      drawNoisyCoef(plan, rng, c);
      for (let i = 0; i < m; i++) {
        const w = leafW[i];
        if (!w) continue;
        totals(c, w, m, n, V);
        if (isFirst(V, i)) wins[i] = wins[i]! + 1;
      }
    }
  }
  return { confidence: leafW.map((w, i) => (w ? wins[i]! / samples : null)), samples };
}
