// Turns a SmaaProblem + sampler into the flat, structured-cloneable plan the kernel and the workers
// run. Pure; no IO. Decides the sampling method (exact, rejection, or hit-and-run) once, up front, so
// the choice never depends on the number of workers.

import { Xoshiro128, blockSeed } from "./rng.js";
import { tryBox } from "./sample-weights.js";
import { planOrdinal } from "./sample-weights.js";
import type { SmaaProblem, SmaaResult, WeightSampler } from "./types.js";

/** Draws per block. Part of the reproducibility contract: changing it changes every figure. */
export const BLOCK_SIZE = 8192;
/** Trial draws to estimate the box acceptance, and the threshold below which hit-and-run takes over. */
export const BOX_TRIALS = 10_000;
export const MIN_ACCEPTANCE = 1e-3;

export type KernelMode = "simplex" | "ordinal" | "box-reject" | "box-hitrun";

/**
 * Everything a block needs. The kernel works in `d` dimensions: the leaves (d = n), or the top-level
 * criteria for a `top` box (d = T), where `coef` is aggregated as Σ_{j ∈ g} share_j·coef_ij, which gives
 * the same totals as expanding the weights to the leaves.
 */
export interface PreparedSmaa {
  m: number;
  n: number;
  d: number;
  seed: number;
  blockSize: number;
  mode: KernelMode;
  method: SmaaResult["method"];
  /** m × d, row-major: the kernel's coefficients (deterministic scores). */
  coef: Float64Array;
  /** Box bounds in kernel dimension (empty unless a box). */
  lo: Float64Array;
  hi: Float64Array;
  /** Announced weights normalised, kernel dimension (hit-and-run start). */
  start: Float64Array;
  /** Ordinal plan (empty unless ordinal). */
  ordinalOrder: Int32Array;
  ordinalBlockEnd: Int32Array;
  /** Kernel dimension → leaves: leaf j gets x[kernelOfLeaf[j]]·leafShare[j]. Identity when d = n. */
  kernelOfLeaf: Int32Array;
  leafShare: Float64Array;
  /** Noise (leaf dimension, m × n): coefficient = noiseLo + noiseWidth·U for noisy leaves. */
  noisyLeaves: Int32Array;
  leafCoef: Float64Array;
  noiseLo: Float64Array;
  noiseWidth: Float64Array;
  /** Hit-and-run tuning. */
  burnIn: number;
  thin: number;
}

function fail(message: string): never {
  throw new RangeError(`SMAA: ${message}`);
}

function checkProblem(p: SmaaProblem): void {
  const m = p.offers.length;
  const n = p.leaves.length;
  if (m < 1) fail("no offers");
  if (n < 1) fail("no leaves");
  if (p.coef.length !== m * n) fail(`coef has ${p.coef.length} entries, expected ${m}×${n}`);
  if (p.weights.length !== n) fail(`weights has ${p.weights.length} entries, expected ${n}`);
  for (const c of p.coef) if (!Number.isFinite(c)) fail("non-finite coefficient");
  for (const w of p.weights) if (!(w >= 0) || !Number.isFinite(w)) fail("weights must be finite and ≥ 0");
  if (!(p.totalPoints > 0)) fail("totalPoints must be > 0");
  if (p.groups) {
    const T = p.groups.topWeights.length;
    if (p.groups.parentOfLeaf.length !== n || p.groups.shareInTop.length !== n) fail("groups arrays must have one entry per leaf");
    for (const g of p.groups.parentOfLeaf) if (g < 0 || g >= T) fail("groups.parentOfLeaf out of range");
  }
  if (p.noise) {
    const z = p.noise;
    if (z.halfWidth.length !== n || z.max.length !== n || z.note.length !== m * n) fail("noise arrays have the wrong length");
    for (let j = 0; j < n; j++) if (z.halfWidth[j]! > 0 && !(z.max[j]! > 0)) fail(`noisy leaf ${p.leaves[j]} needs max > 0`);
  }
}

function normalise(v: Float64Array): Float64Array {
  let s = 0;
  for (const x of v) s += x;
  return s > 0 ? v.map((x) => x / s) : v.map(() => 1 / v.length);
}

/** Box bounds around the announced weights: ±points/totalPoints, clipped to [0, 1]. */
function boxBounds(start: Float64Array, halfWidth: number): { lo: Float64Array; hi: Float64Array } {
  const lo = start.map((w) => Math.max(0, w - halfWidth));
  const hi = start.map((w) => Math.min(1, w + halfWidth));
  let sl = 0;
  for (const x of lo) sl += x;
  if (sl > 1 + 1e-12) fail("the weight box is empty (lower bounds sum above 1)");
  return { lo, hi };
}

/** Share of BOX_TRIALS rejection attempts that land in the box (seeded, pass 2). */
export function boxAcceptance(lo: Float64Array, hi: Float64Array, seed: number): number {
  const d = lo.length;
  let sl = 0;
  for (const x of lo) sl += x;
  const rng = Xoshiro128.fromSeed(blockSeed(seed, 0, 2));
  const out = new Float64Array(d);
  const sorted = new Float64Array(d + 1);
  let ok = 0;
  for (let t = 0; t < BOX_TRIALS; t++) if (tryBox(rng, { lo, hi }, 1 - sl, out, sorted)) ok++;
  return ok / BOX_TRIALS;
}

export function prepareSmaa(p: SmaaProblem, sampler: WeightSampler, seed: number): PreparedSmaa {
  checkProblem(p);
  const m = p.offers.length;
  const n = p.leaves.length;
  const empty = new Float64Array(0);
  const emptyI = new Int32Array(0);
  const top = sampler.kind === "box" && sampler.level === "top";
  if (top && !p.groups) fail("a box at level top needs problem.groups");

  let d = n;
  let kernelOfLeaf: Int32Array = Int32Array.from({ length: n }, (_, j) => j);
  let leafShare: Float64Array = new Float64Array(n).fill(1);
  let start: Float64Array = normalise(p.weights);
  let coef: Float64Array = Float64Array.from(p.coef);
  if (top && p.groups) {
    d = p.groups.topWeights.length;
    kernelOfLeaf = Int32Array.from(p.groups.parentOfLeaf);
    leafShare = Float64Array.from(p.groups.shareInTop);
    start = normalise(p.groups.topWeights);
    coef = new Float64Array(m * d);
    for (let i = 0; i < m; i++)
      for (let j = 0; j < n; j++) coef[i * d + kernelOfLeaf[j]!]! += leafShare[j]! * p.coef[i * n + j]!;
  }

  let mode: KernelMode = "simplex";
  let method: SmaaResult["method"] = "exact-uniform";
  let lo: Float64Array = empty;
  let hi: Float64Array = empty;
  let ordinalOrder: Int32Array = emptyI;
  let ordinalBlockEnd: Int32Array = emptyI;
  if (sampler.kind === "ordinal") {
    mode = "ordinal";
    const plan = planOrdinal(p.weights);
    ordinalOrder = plan.order;
    ordinalBlockEnd = plan.blockEnd;
  } else if (sampler.kind === "box") {
    if (!(sampler.points >= 0)) fail("box points must be ≥ 0");
    ({ lo, hi } = boxBounds(start, sampler.points / p.totalPoints));
    const acc = boxAcceptance(lo, hi, seed);
    mode = acc >= MIN_ACCEPTANCE ? "box-reject" : "box-hitrun";
    method = mode === "box-reject" ? "rejection" : "hit-and-run (MCMC)";
  }

  let noisyLeaves: Int32Array = emptyI;
  let noiseLo: Float64Array = empty;
  let noiseWidth: Float64Array = empty;
  if (p.noise) {
    const z = p.noise;
    noisyLeaves = Int32Array.from([...z.halfWidth.keys()].filter((j) => z.halfWidth[j]! > 0));
    if (noisyLeaves.length > 0) {
      noiseLo = new Float64Array(m * n);
      noiseWidth = new Float64Array(m * n);
      for (const j of noisyLeaves) {
        const K = z.halfWidth[j]!;
        const max = z.max[j]!;
        for (let i = 0; i < m; i++) {
          const note = z.note[i * n + j]!;
          const a = Math.max(0, note - K);
          const b = Math.min(max, note + K);
          noiseLo[i * n + j] = a / max;
          noiseWidth[i * n + j] = Math.max(0, b - a) / max;
        }
      }
    }
  }

  return {
    m,
    n,
    d,
    seed: seed >>> 0,
    blockSize: BLOCK_SIZE,
    mode,
    method,
    coef,
    lo,
    hi,
    start,
    ordinalOrder,
    ordinalBlockEnd,
    kernelOfLeaf,
    leafShare,
    noisyLeaves,
    leafCoef: Float64Array.from(p.coef),
    noiseLo,
    noiseWidth,
    burnIn: 100 * d,
    thin: d,
  };
}
