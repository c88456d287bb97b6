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
 * Rank by total, highest first, with competition ranks: equal totals (exactly, as rationals) share a
 * rank and the next rank skips (1, 1, 3). Ties are never broken: only the RC may do that. Returns the
 * entries sorted by rank then id, each with its 1-based rank. O(n log n).
 */
export function rankByTotal(entries: readonly RankEntry[]): Array<RankEntry & { rank: number }> {
  const sorted = [...entries].sort((a, b) => b.total.cmp(a.total) || compareIds(a.id, b.id));
  const out: Array<RankEntry & { rank: number }> = [];
  for (let i = 0; i < sorted.length; i++) {
    const e = sorted[i]!;
    const prev = out[i - 1];
    const rank = prev && prev.total.eq(e.total) ? prev.rank : i + 1;
    out.push({ ...e, rank });
  }
  return out;
}
