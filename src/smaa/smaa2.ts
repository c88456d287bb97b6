// SMAA-2 driver shared by the in-process and the multi-worker runs: block schedule, stopping rule,
// and the final SmaaResult. Pure; no IO (workers live in parallel.ts).
//
// Method: Lahdelma & Salminen (2001), SMAA-2; estimator and its error bounds after Tervonen &
// Lahdelma (2007). Draws are split into blocks of BLOCK_SIZE, block b seeded from (seed, b): a run is
// the ordered sum of its blocks, so the result is bit-identical for any number of workers.

import { addBlock, centralWeightsKernel, createAccumulator, maxHalfWidth, toLeafWeights, Z95 } from "./accumulate.js";
import type { Accumulator } from "./accumulate.js";
import { confidenceFactors } from "./confidence.js";
import { blockCount, runBlock } from "./kernel.js";
import { prepareSmaa } from "./prepare.js";
import type { PreparedSmaa } from "./prepare.js";
import type { SmaaOptions, SmaaProblem, SmaaResult } from "./types.js";

export const DEFAULT_MAX_SAMPLES = 10_000_000;
export const DEFAULT_CONFIDENCE_SAMPLES = 20_000;

/** The block schedule of one run: which blocks exist and when to stop. */
export interface Schedule {
  /** Upper bound on draws (K, or maxSamples in adaptive mode). */
  total: number;
  /** Number of blocks that may be needed. */
  maxBlocks: number;
  /** True when the accumulated blocks are enough. */
  isDone(acc: Accumulator): boolean;
}

function checkOptions(o: SmaaOptions): void {
  if (!Number.isSafeInteger(o.samples) || o.samples < 1) throw new RangeError("SMAA: samples must be a positive integer");
  if (!Number.isFinite(o.seed)) throw new RangeError("SMAA: seed must be a finite number");
  if (o.precision !== undefined && !(o.precision > 0)) throw new RangeError("SMAA: precision must be > 0");
}

/**
 * Fixed K: blocks 0 … ⌈K/B⌉ − 1. Adaptive (`precision`): blocks in order until at least `samples` draws
 * and max estimated half-width ≤ precision, or `maxSamples` draws (default 10,000,000).
 */
export function makeSchedule(plan: PreparedSmaa, o: SmaaOptions): Schedule {
  const B = plan.blockSize;
  if (o.precision === undefined) {
    return { total: o.samples, maxBlocks: Math.ceil(o.samples / B), isDone: (acc) => acc.samples >= o.samples };
  }
  const precision = o.precision;
  const total = Math.max(o.maxSamples ?? DEFAULT_MAX_SAMPLES, 1);
  const floor = Math.min(o.samples, total);
  return {
    total,
    maxBlocks: Math.ceil(total / B),
    isDone: (acc) => acc.samples >= total || (acc.samples >= floor && maxHalfWidth(acc) <= precision),
  };
}

export function prepareRun(problem: SmaaProblem, options: SmaaOptions): { plan: PreparedSmaa; schedule: Schedule } {
  checkOptions(options);
  const plan = prepareSmaa(problem, options.sampler, Math.trunc(options.seed) >>> 0);
  return { plan, schedule: makeSchedule(plan, options) };
}

function entropyBits(p: number[]): number {
  const s = p.reduce((a, b) => a + b, 0);
  if (!(s > 0)) return 0;
  let h = 0;
  for (const x of p) if (x > 0) h -= (x / s) * Math.log2(x / s);
  return h;
}

/** Counts → SmaaResult (acceptabilities, half-widths, central weights, confidence, pairwise, entropy). */
export function finalizeSmaa(problem: SmaaProblem, options: SmaaOptions, plan: PreparedSmaa, acc: Accumulator): SmaaResult {
  const { m } = plan;
  const K = acc.samples;
  const rankAcceptability: Record<string, number[]> = {};
  const halfWidth95: Record<string, number[]> = {};
  const centralWeights: SmaaResult["centralWeights"] = {};
  const confidence: SmaaResult["confidence"] = {};
  const pairwise: SmaaResult["pairwise"] = {};
  const central = centralWeightsKernel(plan, acc);
  const cfSamples = Math.max(1, options.confidenceSamples ?? Math.min(options.samples, DEFAULT_CONFIDENCE_SAMPLES));
  const cf = confidenceFactors(plan, central, cfSamples);
  problem.offers.forEach((id, i) => {
    const b = Array.from(acc.rankCounts.subarray(i * m, (i + 1) * m), (c) => c / K);
    rankAcceptability[id] = b;
    halfWidth95[id] = b.map((x) => Z95 * Math.sqrt((x * (1 - x)) / K));
    const x = central[i];
    if (x) {
      const w = toLeafWeights(plan, x);
      centralWeights[id] = Object.fromEntries(problem.leaves.map((leaf, j) => [leaf, w[j]!]));
    } else centralWeights[id] = null;
    confidence[id] = cf.confidence[i] ?? null;
    const row: Record<string, number> = {};
    problem.offers.forEach((other, k) => {
      if (k !== i) row[other] = acc.pairCounts[i * m + k]! / K;
    });
    pairwise[id] = row;
  });
  return {
    samples: K,
    seed: plan.seed,
    sampler: options.sampler,
    rng: "xoshiro128**/splitmix32",
    method: plan.method,
    blockSize: plan.blockSize,
    rankAcceptability,
    halfWidth95,
    centralWeights,
    confidence,
    confidenceSamples: cf.samples,
    pairwise,
    entropy: { winner: entropyBits(problem.offers.map((id) => rankAcceptability[id]![0]!)) },
  };
}

/**
 * SMAA-2 rank acceptabilities, central weights, confidence factors and pairwise winning indices,
 * single-threaded. Same numbers as `runSmaa` for the same seed, whatever its number of workers.
 */
export function runSmaaSync(problem: SmaaProblem, options: SmaaOptions): SmaaResult {
  const { plan, schedule } = prepareRun(problem, options);
  const acc = createAccumulator(plan);
  for (let b = 0; !schedule.isDone(acc); b++) {
    addBlock(acc, runBlock(plan, b, blockCount(plan, b, schedule.total)));
    options.onProgress?.(acc.samples, schedule.total);
  }
  return finalizeSmaa(problem, options, plan, acc);
}
