// Public types of the SMAA-2 Monte Carlo engine. Types only; no behaviour.

/**
 * How the weight vector is drawn.
 * - `simplex`: uniform on the leaf simplex (no weight information).
 * - `box`: uniform on the simplex restricted to announced ± `points` (points of the total, clipped at 0),
 *   on the leaves (`leaf`) or on the top-level criteria (`top`, leaves keep their share inside their
 *   top-level criterion; needs `SmaaProblem.groups`).
 * - `ordinal`: uniform on the region that keeps the order of the announced leaf weights.
 */
export type WeightSampler =
  | { kind: "simplex" }
  | { kind: "box"; points: number; level: "leaf" | "top" }
  | { kind: "ordinal" };

/** Top-level structure, needed only for `box` at level `top`. */
export interface SmaaGroups {
  /** Leaf index → index of its top-level criterion (0 … topWeights.length − 1). */
  parentOfLeaf: Int32Array;
  /** Announced weight of each top-level criterion, in points of the total. */
  topWeights: Float64Array;
  /** Leaf index → its share inside its top-level criterion (the shares of one criterion sum to 1). */
  shareInTop: Float64Array;
}

/**
 * Jury-note noise: each note of a noisy leaf is drawn uniformly on [note − K, note + K] ∩ [0, max]
 * (the interval is intersected with the scale, not clamped, so no mass piles up at 0 or max), and the
 * leaf's coefficient becomes note / max. Leaves with halfWidth 0 keep `SmaaProblem.coef`.
 */
export interface SmaaNoise {
  /** Per leaf: K, in scale points (0 = exact leaf). */
  halfWidth: Float64Array;
  /** Per leaf: top of the note scale (> 0 for noisy leaves). */
  max: Float64Array;
  /** offers × leaves, row-major: the jury's notes (only read for noisy leaves). */
  note: Float64Array;
}

export interface SmaaProblem {
  offers: string[];
  leaves: string[];
  /** offers × leaves, row-major, coefficient in [0, 1] (points = weight × coef). */
  coef: Float64Array;
  /** Announced global leaf weights, points of the total. */
  weights: Float64Array;
  totalPoints: number;
  groups?: SmaaGroups;
  noise?: SmaaNoise;
}

export interface SmaaOptions {
  /** Number of weight draws K (with `precision`: the minimum). */
  samples: number;
  /** 32-bit seed (taken modulo 2^32). */
  seed: number;
  sampler: WeightSampler;
  /** Worker threads; default os.availableParallelism(). ≤ 1 runs in-process. Never changes the numbers. */
  workers?: number;
  /** Adaptive mode: draw blocks until every rank acceptability's estimated 95 % half-width ≤ precision. */
  precision?: number;
  /** Cap for adaptive mode (default 10,000,000). */
  maxSamples?: number;
  /** Draws for the confidence-factor pass when scores are noisy (default min(samples, 20,000)). */
  confidenceSamples?: number;
  /** Called after every block, in block order. */
  onProgress?: (done: number, target: number) => void;
}

export interface SmaaResult {
  samples: number;
  seed: number;
  sampler: WeightSampler;
  rng: "xoshiro128**/splitmix32";
  method: "exact-uniform" | "rejection" | "hit-and-run (MCMC)";
  /** Offers per block; blocks are seeded from (seed, block index). Part of the reproducibility contract. */
  blockSize: number;
  /** offer → [b1 … bm]. */
  rankAcceptability: Record<string, number[]>;
  /** offer → 1.96·sqrt(b(1−b)/K) per entry (estimated, not the 0.98/√K bound). */
  halfWidth95: Record<string, number[]>;
  /** offer → leaf → fraction of the total; null when b1 = 0. */
  centralWeights: Record<string, Record<string, number> | null>;
  /** Probability of winning at its own central weights; null when b1 = 0. */
  confidence: Record<string, number | null>;
  /** Draws of the confidence pass: 1 when scores are deterministic. */
  confidenceSamples: number;
  /** offer i → offer k → P(V_i > V_k) (strict). */
  pairwise: Record<string, Record<string, number>>;
  /** Shannon entropy (bits) of the winner distribution b¹ normalised to sum 1. */
  entropy: { winner: number };
}
