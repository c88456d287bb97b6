// Weight samplers for SMAA-2: uniform simplex (spacings), ordinal, box (rejection or hit-and-run).
// Pure; no IO; every draw comes from the Xoshiro128 passed in, and no sampler allocates per draw.
//
// References: uniform spacings (Devroye 1986, ch. V.2); ordinal sampling and box rejection as in
// Tervonen & Lahdelma (2007) and JSMAA; hit-and-run (Smith 1984; Tervonen, van Valkenhoef, Baştürk &
// Postmus 2013). Never i.i.d. uniforms normalised: that density is not uniform (biased to the centre).

import { expSlow, ke, we } from "./exp-ziggurat.js";
import type { Xoshiro128 } from "./rng.js";

/**
 * Uniform on the simplex {w ≥ 0, Σw = 1} of dimension d by uniform spacings: d − 1 uniforms sorted by
 * insertion (d is small), then the gaps between 0, the sorted values and 1. Only comparisons and
 * subtractions, so bit-reproducible across engines (no Math.log). `sorted` needs length ≥ d + 1.
 */
export function sampleSimplex(rng: Xoshiro128, d: number, out: Float64Array, sorted: Float64Array): void {
  sorted[0] = 0; // sentinel: every uniform is > 0
  for (let k = 1; k < d; k++) {
    const x = rng.nextUnit();
    let q = k;
    while (sorted[q - 1]! > x) {
      sorted[q] = sorted[q - 1]!;
      q--;
    }
    sorted[q] = x;
  }
  sorted[d] = 1;
  for (let j = 0; j < d; j++) out[j] = sorted[j + 1]! - sorted[j]!;
}

/** Leaves by decreasing announced weight, and the tie blocks of equal announced weights. */
export interface OrdinalPlan {
  /** Leaf indices sorted by decreasing announced weight (stable: file order among equals). */
  order: Int32Array;
  /** blockEnd[p] = end (exclusive) of the block of equal announced weights that contains position p. */
  blockEnd: Int32Array;
}

export function planOrdinal(weights: Float64Array): OrdinalPlan {
  const d = weights.length;
  const idx = Array.from({ length: d }, (_, j) => j).sort((a, b) => weights[b]! - weights[a]! || a - b);
  const order = Int32Array.from(idx);
  const blockEnd = new Int32Array(d);
  let p = 0;
  while (p < d) {
    let e = p + 1;
    while (e < d && weights[order[e]!] === weights[order[p]!]) e++;
    for (let k = p; k < e; k++) blockEnd[k] = e;
    p = e;
  }
  return { order, blockEnd };
}

/**
 * Uniform on {w ∈ simplex : w keeps the announced order}: a uniform simplex draw sorted decreasingly,
 * the largest value to the leaf with the largest announced weight, and so on (exactly uniform on the
 * ordered cone ∩ simplex). Leaves with *equal* announced weights are not ordered among themselves: the
 * values of their block are shuffled uniformly (Fisher–Yates), which is exactly uniform on the union
 * of the orderings they allow, all of equal volume.
 */
export function sampleOrdinal(
  rng: Xoshiro128,
  plan: OrdinalPlan,
  out: Float64Array,
  scratch: Float64Array,
  sorted: Float64Array,
): void {
  const d = plan.order.length;
  sampleSimplex(rng, d, scratch, sorted);
  // insertion sort decreasing (d small)
  for (let k = 1; k < d; k++) {
    const x = scratch[k]!;
    let q = k;
    while (q > 0 && scratch[q - 1]! < x) {
      scratch[q] = scratch[q - 1]!;
      q--;
    }
    scratch[q] = x;
  }
  let p = 0;
  while (p < d) {
    const e = plan.blockEnd[p]!;
    for (let k = e - 1; k > p; k--) {
      const r = p + Math.floor(rng.nextUnit() * (k - p + 1));
      const t = scratch[k]!;
      scratch[k] = scratch[r]!;
      scratch[r] = t;
    }
    p = e;
  }
  for (let k = 0; k < d; k++) out[plan.order[k]!] = scratch[k]!;
}

/** Box l ≤ w ≤ u on the simplex. */
export interface Box {
  lo: Float64Array;
  hi: Float64Array;
}

/**
 * One rejection attempt for the box: w = l + (1 − Σl)·x with x uniform on the simplex; returns false if
 * some w_j > u_j. Accepted draws are exactly uniform on the box ∩ simplex (acceptance = volume ratio).
 */
export function tryBox(
  rng: Xoshiro128,
  box: Box,
  slack: number,
  out: Float64Array,
  sorted: Float64Array,
): boolean {
  const d = box.lo.length;
  sampleSimplex(rng, d, out, sorted);
  for (let j = 0; j < d; j++) {
    const w = box.lo[j]! + slack * out[j]!;
    if (w > box.hi[j]!) return false;
    out[j] = w;
  }
  return true;
}

/** Standard normal by Box–Muller (hit-and-run directions only; both values used). */
function gaussianPair(rng: Xoshiro128, out: Float64Array, j: number): void {
  const r = Math.sqrt(-2 * Math.log(rng.nextUnit()));
  const a = 2 * Math.PI * rng.nextUnit();
  out[j] = r * Math.cos(a);
  if (j + 1 < out.length) out[j + 1] = r * Math.sin(a);
}

/**
 * Hit-and-run on the box ∩ simplex (Smith 1984): from the current point, an isotropic direction in the
 * hyperplane Σw = 1 (Gaussian, mean removed), then a uniform point on the chord inside l ≤ w ≤ u.
 * Its stationary law is uniform, but draws are correlated: results are MCMC, with burn-in and thinning.
 */
export class HitAndRun {
  private readonly w: Float64Array;
  private readonly dir: Float64Array;

  constructor(
    private readonly rng: Xoshiro128,
    private readonly box: Box,
    start: Float64Array,
    private readonly thin: number,
    burnIn: number,
  ) {
    this.w = Float64Array.from(start);
    this.dir = new Float64Array(start.length);
    for (let s = 0; s < burnIn; s++) this.step();
  }

  private step(): void {
    const d = this.w.length;
    const dir = this.dir;
    for (let j = 0; j < d; j += 2) gaussianPair(this.rng, dir, j);
    let mean = 0;
    for (let j = 0; j < d; j++) mean += dir[j]!;
    mean /= d;
    let tmin = -Infinity;
    let tmax = Infinity;
    for (let j = 0; j < d; j++) {
      const dj = dir[j]! - mean;
      dir[j] = dj;
      if (dj === 0) continue;
      const a = (this.box.lo[j]! - this.w[j]!) / dj;
      const b = (this.box.hi[j]! - this.w[j]!) / dj;
      if (dj > 0) {
        if (a > tmin) tmin = a;
        if (b < tmax) tmax = b;
      } else {
        if (b > tmin) tmin = b;
        if (a < tmax) tmax = a;
      }
    }
    if (!(tmax > tmin)) return; // degenerate chord (start on a vertex): stay
    const t = tmin + (tmax - tmin) * this.rng.nextUnit();
    for (let j = 0; j < d; j++) {
      // clip the rounding drift so the point never leaves the box
      const v = this.w[j]! + t * dir[j]!;
      this.w[j] = v < this.box.lo[j]! ? this.box.lo[j]! : v > this.box.hi[j]! ? this.box.hi[j]! : v;
    }
  }

  /** Next (thinned) draw into `out`. */
  next(out: Float64Array): void {
    for (let s = 0; s < this.thin; s++) this.step();
    out.set(this.w);
  }
}

/**
 * Uniform on the simplex by normalised i.i.d. Exp(1) draws (ziggurat), the same draws as the inlined
 * hot path of kernel.ts (one word per fast draw, a second word on the rare slow branch). Used by tests
 * to check that path's distribution; returns Σ of the raw draws.
 */
export function sampleSimplexExp(rng: Xoshiro128, d: number, out: Float64Array): number {
  let sum = 0;
  for (let j = 0; j < d; j++) {
    let x = -1;
    while (x < 0) {
      const r = rng.nextU32();
      const iz = r & 255;
      const jz = r >>> 8;
      if (jz < ke[iz]!) {
        x = jz * we[iz]!;
        break;
      }
      x = expSlow(r, rng.nextUnit());
    }
    out[j] = x;
    sum += x;
  }
  for (let j = 0; j < d; j++) out[j] = out[j]! / sum;
  return sum;
}
