// Combines block results in block order and turns the counts into the SmaaResult. Pure; no IO.
// Counts are integers (exact in a double up to 2^53), and the central-weight sums are added block by
// block in block order, so the result is bit-identical whatever worker computed which block.

import type { BlockResult } from "./kernel.js";
import type { PreparedSmaa } from "./prepare.js";

/** 95 % normal quantile. */
export const Z95 = 1.96;

export interface Accumulator {
  samples: number;
  blocks: number;
  rankCounts: Float64Array;
  pairCounts: Float64Array;
  cwSums: Float64Array;
}

export function createAccumulator(plan: PreparedSmaa): Accumulator {
  const { m, d } = plan;
  return {
    samples: 0,
    blocks: 0,
    rankCounts: new Float64Array(m * m),
    pairCounts: new Float64Array(m * m),
    cwSums: new Float64Array(m * d),
  };
}

/** Adds the next block; throws if blocks arrive out of order (callers must buffer). */
export function addBlock(acc: Accumulator, r: BlockResult): void {
  if (r.block !== acc.blocks) throw new Error(`SMAA: block ${r.block} added out of order (expected ${acc.blocks})`);
  for (let e = 0; e < acc.rankCounts.length; e++) {
    acc.rankCounts[e] = acc.rankCounts[e]! + r.rankCounts[e]!;
    acc.pairCounts[e] = acc.pairCounts[e]! + r.pairCounts[e]!;
  }
  for (let e = 0; e < acc.cwSums.length; e++) acc.cwSums[e] = acc.cwSums[e]! + r.cwSums[e]!;
  acc.samples += r.count;
  acc.blocks++;
}

/**
 * Largest estimated 95 % half-width 1.96·sqrt(b(1−b)/K) over all rank acceptabilities. The estimate
 * (not the 0.98/√K bound) is used, so the adaptive run stops as soon as the data allow; it is checked
 * only at block boundaries, and never before the first block.
 */
export function maxHalfWidth(acc: Accumulator): number {
  if (acc.samples === 0) return Infinity;
  let worst = 0;
  for (const c of acc.rankCounts) {
    const b = c / acc.samples;
    const h = Z95 * Math.sqrt((b * (1 - b)) / acc.samples);
    if (h > worst) worst = h;
  }
  return worst;
}

/** Central weights in kernel dimension (offer i → d values), null when offer i never ranked first. */
export function centralWeightsKernel(plan: PreparedSmaa, acc: Accumulator): (Float64Array | null)[] {
  const { m, d } = plan;
  const out: (Float64Array | null)[] = [];
  for (let i = 0; i < m; i++) {
    const wins = acc.rankCounts[i * m]!;
    out.push(wins > 0 ? acc.cwSums.subarray(i * d, (i + 1) * d).map((v) => v / wins) : null);
  }
  return out;
}

/** Kernel weights → leaf weights (identity at leaf level; share inside the top criterion at top level). */
export function toLeafWeights(plan: PreparedSmaa, x: Float64Array): Float64Array {
  const w = new Float64Array(plan.n);
  for (let j = 0; j < plan.n; j++) w[j] = x[plan.kernelOfLeaf[j]!]! * plan.leafShare[j]!;
  return w;
}
