// The SMAA-2 block kernel: K_b seeded draws → integer rank/pair counts and central-weight sums.
// Pure function of (plan, block index); no IO; allocation per block only, never per draw.
//
// Estimator of Tervonen & Lahdelma (2007): draw weights, compute every total, count ranks, sum the
// weights of the rank-1 draws. Block b uses the xoshiro128** stream blockSeed(seed, b, 0), so a block's
// numbers do not depend on which worker runs it, and blocks combine exactly (see accumulate.ts).

import { blockSeed, seedState, U32_TO_UNIT, Xoshiro128 } from "./rng.js";
import { expSlow, ke, we } from "./exp-ziggurat.js";
import { HitAndRun, sampleOrdinal, sampleSimplex, tryBox } from "./sample-weights.js";
import { createTally, PAIRWISE_MAX_OFFERS, settleSorted, tallyPairwise, tallySorted } from "./tally.js";
import type { BlockTally } from "./tally.js";
import type { PreparedSmaa } from "./prepare.js";
import { createSimplexKernel, WASM_MAX_OFFERS, WASM_SIMD } from "./wasm/simplex-kernel.js";
import type { SimplexKernel } from "./wasm/simplex-kernel.js";

export interface BlockResult {
  block: number;
  count: number;
  rankCounts: Int32Array;
  pairCounts: Int32Array;
  cwSums: Float64Array;
}

/** Number of draws in block b of a run of `total` draws. */
export function blockCount(plan: PreparedSmaa, block: number, total: number): number {
  return Math.max(0, Math.min(plan.blockSize, total - block * plan.blockSize));
}

/**
 * Implementation of the uniform-simplex hot path: "wasm" (SIMD kernel, the default wherever WebAssembly
 * SIMD exists, i.e. every supported Node, for up to WASM_MAX_OFFERS offers) or "js" (reference and
 * fallback). Both compute the same operations in the same order (tests check the blocks bit for bit),
 * so the choice never changes a figure: a seed gives the same JSON on any machine and Node version
 * whose Math.exp/Math.log agree (only the rare ziggurat slow branch uses them, from JS in both paths).
 */
export type SimplexImpl = "wasm" | "js";

export const DEFAULT_SIMPLEX_IMPL: SimplexImpl = WASM_SIMD ? "wasm" : "js";

/** Draws per call into the wasm kernel (short calls let V8 tier the kernel up early in a block). */
const WASM_BATCH = 512;
/** Draws between flushes of the many-offers kernel's byte pair counters (each grows by ≤ 1 per draw). */
const BYTE_BATCH = 255;

export function runBlock(plan: PreparedSmaa, block: number, count: number, impl: SimplexImpl = DEFAULT_SIMPLEX_IMPL): BlockResult {
  const t = createTally(plan.m, plan.d);
  const sorted = plan.m > PAIRWISE_MAX_OFFERS;
  const wasm = impl === "wasm" && plan.mode === "simplex" && plan.noisyLeaves.length === 0 && plan.m <= WASM_MAX_OFFERS;
  if (wasm) simplexBlockWasm(plan, block, count, t, sorted);
  else if (plan.mode === "simplex" && plan.noisyLeaves.length === 0) simplexBlock(plan, block, count, t, sorted);
  else generalBlock(plan, block, count, t, sorted);
  if (sorted && !wasm) settleSorted(t, count); // the wasm kernel counts pairs directly
  return { block, count, rankCounts: t.rankCounts, pairCounts: t.pairCounts, cwSums: t.cwSums };
}

/** One instantiated wasm kernel per plan (per worker, per run): compiled once, reused by every block. */
const kernels = new WeakMap<PreparedSmaa, SimplexKernel>();

function kernelFor(plan: PreparedSmaa, pairwise: boolean): SimplexKernel {
  let k = kernels.get(plan);
  if (!k) {
    k = createSimplexKernel(plan.m, plan.d, plan.coef, pairwise);
    kernels.set(plan, k);
  }
  return k;
}

/** The hot path on the wasm kernel (see wasm/simplex-kernel.ts); same numbers as simplexBlock. */
function simplexBlockWasm(plan: PreparedSmaa, block: number, count: number, t: BlockTally, sorted: boolean): void {
  const { m, d } = plan;
  const k = kernelFor(plan, !sorted);
  const { mP, dP, mB } = k.layout;
  k.state.set(seedState(blockSeed(plan.seed, block, 0)));
  k.rc.fill(0);
  k.pc.fill(0n);
  k.cw.fill(0);
  k.p8.fill(0);
  if (sorted) {
    // many offers: byte pair counters, flushed into the block's counts every ≤ 255 draws
    const pc = t.pairCounts;
    for (let done = 0; done < count; done += BYTE_BATCH) {
      k.run(Math.min(BYTE_BATCH, count - done));
      for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) pc[i * m + j] = pc[i * m + j]! + k.p8[i * mB + j]!;
      k.p8.fill(0);
    }
  } else {
    for (let done = 0; done < count; done += WASM_BATCH) k.run(Math.min(WASM_BATCH, count - done));
    for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) t.pairCounts[i * m + j] = Number(k.pc[i * mP + j]!);
  }
  t.rankCounts.set(k.rc);
  for (let i = 0; i < m; i++) for (let j = 0; j < d; j++) t.cwSums[i * d + j] = k.cw[i * dP + j]!;
}

/**
 * Hot path (uniform simplex, deterministic scores), JavaScript reference of the wasm kernel. Weights are i.i.d. Exp(1) by ziggurat, left
 * unnormalised for the totals (ranks do not change when w is scaled) and scaled by 1/Σ only when added
 * to central weights. The xoshiro128** steps are inlined on local variables (same sequence as
 * Xoshiro128.nextU32); each total is summed in leaf order from 0, exactly as the wasm kernel's f64x2
 * lanes do (no reassociation, no FMA), which is what makes the two implementations bit-identical.
 */
function simplexBlock(plan: PreparedSmaa, block: number, count: number, t: BlockTally, sorted: boolean): void {
  const { m, d, coef } = plan;
  const st = seedState(blockSeed(plan.seed, block, 0));
  let s0 = st[0]! | 0;
  let s1 = st[1]! | 0;
  let s2 = st[2]! | 0;
  let s3 = st[3]! | 0;
  const w = new Float64Array(d);
  const V = new Float64Array(m);
  for (let s = 0; s < count; s++) {
    let sum = 0;
    for (let j = 0; j < d; j++) {
      let x = -1;
      while (x < 0) {
        let x5 = Math.imul(s1, 5);
        const r = Math.imul((x5 << 7) | (x5 >>> 25), 9);
        let tt = s1 << 9;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= tt;
        s3 = (s3 << 11) | (s3 >>> 21);
        const iz = r & 255;
        const jz = r >>> 8;
        if (jz < ke[iz]!) {
          x = jz * we[iz]!;
          break;
        }
        // rare (~1 %): wedge or tail, needs one more uniform
        x5 = Math.imul(s1, 5);
        const r2 = Math.imul((x5 << 7) | (x5 >>> 25), 9);
        tt = s1 << 9;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= tt;
        s3 = (s3 << 11) | (s3 >>> 21);
        x = expSlow(r, ((r2 >>> 0) + 0.5) * U32_TO_UNIT);
      }
      w[j] = x;
      sum += x;
    }
    totals(coef, w, m, d, V);
    if (sorted) tallySorted(t, V, w, 1 / sum, s);
    else tallyPairwise(t, V, w, 1 / sum);
  }
}

/** Other samplers and noisy scores: clearer code, the RNG behind an object. */
function generalBlock(plan: PreparedSmaa, block: number, count: number, t: BlockTally, sorted: boolean): void {
  const { m, n, d } = plan;
  const rng = new Xoshiro128(seedState(blockSeed(plan.seed, block, 0)));
  const x = new Float64Array(d);
  const scratch = new Float64Array(d);
  const buf = new Float64Array(d + 1);
  const V = new Float64Array(m);
  const box = { lo: plan.lo, hi: plan.hi };
  let slack = 1;
  for (const l of plan.lo) slack -= l;
  const hr = plan.mode === "box-hitrun" ? new HitAndRun(rng, box, plan.start, plan.thin, plan.burnIn) : null;
  const noisy = plan.noisyLeaves.length > 0;
  const c = noisy ? Float64Array.from(plan.leafCoef) : plan.coef;
  const w = noisy ? new Float64Array(n) : x;
  const width = noisy ? n : d;
  const plan0 = { order: plan.ordinalOrder, blockEnd: plan.ordinalBlockEnd };
  for (let s = 0; s < count; s++) {
    switch (plan.mode) {
      case "simplex":
        sampleSimplex(rng, d, x, buf);
        break;
      case "ordinal":
        sampleOrdinal(rng, plan0, x, scratch, buf);
        break;
      case "box-reject":
        while (!tryBox(rng, box, slack, x, buf));
        break;
      case "box-hitrun":
        hr!.next(x);
        break;
    }
    if (noisy) {
      for (let j = 0; j < n; j++) w[j] = x[plan.kernelOfLeaf[j]!]! * plan.leafShare[j]!;
      drawNoisyCoef(plan, rng, c);
    }
    totals(c, w, m, width, V);
    if (sorted) tallySorted(t, V, x, 1, s);
    else tallyPairwise(t, V, x, 1);
  }
}

/** Redraws the coefficients of the noisy leaves (m × n matrix `c`, other entries untouched). */
export function drawNoisyCoef(plan: PreparedSmaa, rng: Xoshiro128, c: Float64Array): void {
  const { m, n } = plan;
  for (const j of plan.noisyLeaves)
    for (let i = 0; i < m; i++) {
      const e = i * n + j;
      c[e] = plan.noiseLo[e]! + plan.noiseWidth[e]! * rng.nextUnit();
    }
}

/** V = c · w for an m × width matrix. */
export function totals(c: Float64Array, w: Float64Array, m: number, width: number, V: Float64Array): void {
  for (let i = 0; i < m; i++) {
    let a = 0;
    const o = i * width;
    for (let j = 0; j < width; j++) a += c[o + j]! * w[j]!;
    V[i] = a;
  }
}
