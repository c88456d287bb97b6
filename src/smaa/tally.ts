// Per-draw bookkeeping of SMAA-2: ranks, rank counts, pairwise wins and central-weight sums for one
// vector of totals. Pure; no IO; no allocation per draw (all state lives in a BlockTally).
//
// rank(i) = 1 + #{k : V_k > V_i}: ties share the better rank (Lahdelma & Salminen 2001, with the
// tie convention of §6 of the methods note). Two exact strategies, chosen by the number of offers:
// - m ≤ PAIRWISE_MAX_OFFERS: compare every pair (m(m−1)/2 comparisons, no data movement).
// - larger m: keep a permutation sorted by total from one draw to the next and repair it by insertion
//   sort; successive draws share most of the order, so the cost is m + #inversions. Each adjacent swap
//   is exactly one pair changing sides, so pairwise wins are counted lazily: a pair's count grows by
//   the number of draws it kept its orientation, settled when it flips and at the end of the block.

export const PAIRWISE_MAX_OFFERS = 16;

export interface BlockTally {
  m: number;
  d: number;
  /** m × m: rankCounts[i·m + r] = draws where offer i had rank r + 1. */
  rankCounts: Int32Array;
  /** m × m: pairCounts[i·m + k] = draws where V_i > V_k. */
  pairCounts: Int32Array;
  /** m × d: sum of the weight vectors of the draws where offer i ranked first. */
  cwSums: Float64Array;
  ranks: Int32Array;
  /** Sorted strategy: permutation by decreasing total, and since when each pair kept its side. */
  perm: Int32Array;
  since: Int32Array;
}

export function createTally(m: number, d: number): BlockTally {
  const perm = Int32Array.from({ length: m }, (_, i) => i);
  return {
    m,
    d,
    rankCounts: new Int32Array(m * m),
    pairCounts: new Int32Array(m * m),
    cwSums: new Float64Array(m * d),
    ranks: new Int32Array(m),
    perm,
    since: new Int32Array(m * m),
  };
}

/** cwSums[i] += scale·w (scale normalises unnormalised Exp(1) draws; 1 otherwise). */
function addWeights(cwSums: Float64Array, i: number, d: number, w: Float64Array, scale: number): void {
  const o = i * d;
  for (let j = 0; j < d; j++) cwSums[o + j] = cwSums[o + j]! + w[j]! * scale;
}

/**
 * All-pairs comparison; scale·w (length d) is added to the central-weight sums of every rank-1 offer.
 * Branch-free counting (comparisons turned into 0/1): the outcome of a comparison is unpredictable, so
 * branches would mispredict about half the time.
 */
export function tallyPairwise(t: BlockTally, V: Float64Array, w: Float64Array, scale: number): void {
  const m = t.m;
  const ranks = t.ranks;
  const pc = t.pairCounts;
  ranks.fill(0);
  for (let i = 0; i < m; i++) {
    const vi = V[i]!;
    let ri = ranks[i]!;
    const oi = i * m;
    for (let k = i + 1; k < m; k++) {
      const vk = V[k]!;
      const lt = +(vk > vi);
      const gt = +(vi > vk);
      ri += lt;
      ranks[k] = ranks[k]! + gt;
      pc[oi + k] = pc[oi + k]! + gt;
      pc[k * m + i] = pc[k * m + i]! + lt;
    }
    ranks[i] = ri;
    t.rankCounts[oi + ri] = t.rankCounts[oi + ri]! + 1;
    if (ri === 0) addWeights(t.cwSums, i, t.d, w, scale);
  }
}

/** Sorted strategy for draw number `s` of the block (0-based); see the module comment. */
export function tallySorted(t: BlockTally, V: Float64Array, w: Float64Array, scale: number, s: number): void {
  const m = t.m;
  const perm = t.perm;
  const since = t.since;
  const pc = t.pairCounts;
  for (let p = 1; p < m; p++) {
    const x = perm[p]!;
    const v = V[x]!;
    let q = p - 1;
    while (q >= 0) {
      const y = perm[q]!;
      if (!(V[y]! < v)) break;
      // y was above x for draws since[y,x] … s − 1; from draw s on x is above y
      const e = y * m + x;
      pc[e] = pc[e]! + s - since[e]!;
      since[x * m + y] = s;
      perm[q + 1] = y;
      q--;
    }
    perm[q + 1] = x;
  }
  // ranks by runs of equal totals; a tied pair must not count as a win for the one placed above
  let start = 0;
  while (start < m) {
    const v = V[perm[start]!]!;
    let end = start + 1;
    while (end < m && V[perm[end]!]! === v) end++;
    for (let p = start; p < end; p++) {
      const x = perm[p]!;
      t.rankCounts[x * m + start] = t.rankCounts[x * m + start]! + 1;
      if (start === 0) addWeights(t.cwSums, x, t.d, w, scale);
      for (let q = p + 1; q < end; q++) pc[x * m + perm[q]!] = pc[x * m + perm[q]!]! - 1;
    }
    start = end;
  }
}

/** Settles the lazy pair counts after `count` draws (sorted strategy only). */
export function settleSorted(t: BlockTally, count: number): void {
  const m = t.m;
  for (let p = 0; p < m; p++)
    for (let q = p + 1; q < m; q++) {
      const e = t.perm[p]! * m + t.perm[q]!;
      t.pairCounts[e] = t.pairCounts[e]! + count - t.since[e]!;
    }
}
