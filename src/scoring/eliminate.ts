// Elimination thresholds (`min_score`) and the fixed point "recompute all notes after any exclusion". Pure.
import type { Rational } from "../exact/rational.js";
import type { Elimination } from "../domain/types.js";
import type { AggregationPlan } from "./aggregate.js";

/** Every node whose points are strictly below its `min_score` (in that node's points). */
export function thresholdBreaches(plan: AggregationPlan, points: readonly Rational[]): Elimination[] {
  const out: Elimination[] = [];
  for (let i = 0; i < plan.order.length; i++) {
    const t = plan.order[i]!.minScore;
    if (t !== null && points[i]!.lt(t)) out.push({ node: plan.order[i]!.id, points: points[i]!, threshold: t });
  }
  return out;
}

/**
 * Two-stage evaluation as a fixed point. Score with the admissible set (admitted minus eliminated);
 * every admissible offer below a threshold is eliminated; relative formulas must then use only the
 * remaining offers (procurement-scoring.md §1: "recompute all notes after any exclusion"), so score
 * again, until no new elimination. The eliminated set only grows (an eliminated offer is not brought
 * back if the recomputation would lift it), so this ends after at most (admitted + 1) rounds.
 * `eliminatedBy` keeps the breaches of the round that eliminated each offer.
 */
export function eliminateUntilStable<R>(
  admitted: readonly boolean[],
  scoreRound: (admissible: readonly boolean[]) => R,
  breachesOf: (round: R, offer: number) => Elimination[],
): { round: R; admissible: boolean[]; eliminatedBy: Map<number, Elimination[]>; rounds: number } {
  const admissible = [...admitted];
  const eliminatedBy = new Map<number, Elimination[]>();
  for (let rounds = 1; ; rounds++) {
    const round = scoreRound(admissible);
    let changed = false;
    for (let i = 0; i < admissible.length; i++) {
      if (!admissible[i]) continue;
      const b = breachesOf(round, i);
      if (b.length > 0) {
        eliminatedBy.set(i, b);
        changed = true;
      }
    }
    if (!changed) return { round, admissible, eliminatedBy, rounds };
    for (const i of eliminatedBy.keys()) admissible[i] = false;
  }
}
