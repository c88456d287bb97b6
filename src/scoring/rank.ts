// Competition ranking of totals (1, 1, 3), exact comparison, no tie-break. Pure.
import type { Rational } from "../exact/rational.js";

export interface RankEntry {
  id: string;
  total: Rational;
}

/** Code-unit order on ids: deterministic and locale-independent. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The one competition ranking (scoring and the sensitivity hot loops): indices sorted by value,
 * highest first, ties by id (code-unit order) then by position; ranks 1-based, equal values (exactly)
 * sharing a rank and the next rank skipping (1, 1, 3). O(n log n).
 */
export function rankIndices(ids: readonly string[], values: readonly Rational[]): { order: number[]; ranks: number[] } {
  const order = ids.map((_, i) => i);
  order.sort((a, b) => values[b]!.cmp(values[a]!) || compareIds(ids[a]!, ids[b]!) || a - b);
  const ranks = new Array<number>(ids.length).fill(0);
  order.forEach((a, pos) => {
    const prev = pos > 0 ? order[pos - 1]! : -1;
    ranks[a] = prev >= 0 && values[prev]!.eq(values[a]!) ? ranks[prev]! : pos + 1;
  });
  return { order, ranks };
}

/**
 * Rank by total, highest first, with competition ranks: equal totals (exactly, as rationals) share a
 * rank and the next rank skips (1, 1, 3). Ties are never broken: only the RC may do that. Returns the
 * entries sorted by rank then id, each with its 1-based rank. O(n log n).
 */
export function rankByTotal(entries: readonly RankEntry[]): Array<RankEntry & { rank: number }> {
  const { order, ranks } = rankIndices(
    entries.map((e) => e.id),
    entries.map((e) => e.total),
  );
  return order.map((i) => ({ ...entries[i]!, rank: ranks[i]! }));
}
