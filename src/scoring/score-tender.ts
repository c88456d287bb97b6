// Score a whole tender exactly: leaf coefficients → node points → thresholds → ranking. Pure; no IO.
import { Rational } from "../exact/rational.js";
import type { Elimination, ScoreOptions, ScoredOffer, ScoreResult, Tender } from "../domain/types.js";
import { aggregatePoints, planAggregation } from "./aggregate.js";
import { eliminateUntilStable, thresholdBreaches } from "./eliminate.js";
import { admission, planLeaves, rawColumns } from "./inputs.js";
import { compareIds, rankByTotal } from "./rank.js";
import { scoreLeaves, type LeafRound } from "./score-leaves.js";
import { leafWarnings, rankingWarnings } from "./warnings.js";

export { UnknownValuesError, InvalidMethodError } from "./inputs.js";

interface Round {
  leaves: LeafRound[];
  /** Per offer: points by plan index and total; null for an offer not shown. */
  offers: Array<{ points: Rational[]; total: Rational } | null>;
}

/**
 * Recompute the scoring of a tender exactly (rational arithmetic end to end, except `it-concave`).
 *
 * - Admission: an offer takes part in relative formulas and in the ranking when its status is `ok` (or
 *   it is in `options.readmit`) and it is not in `options.withdraw`.
 * - Non-admitted offers (other statuses, withdrawn, eliminated) are still scored for display "as if"
 *   against the admissible set (its Pmin, Pmax, mean, best note), every coefficient capped to [0, 1]
 *   (e.g. an excluded abnormally-low price below Pmin gets 1 under `proportional`, recorded as a clamp).
 *   A withdrawn offer with unknown values is left out of the result.
 * - Points: leaf `W × c` rounded half-up to its `decimals`, inner nodes the sum of their children's
 *   rounded points rounded to their own `decimals`, total the sum of the top-level points; no rounding
 *   when `options.rounding === false`.
 * - Thresholds: an admissible offer with a node's points below that node's `min_score` is eliminated;
 *   all notes are then recomputed without it, until no new elimination (see eliminateUntilStable).
 *   Eliminated offers keep the final round's display points; `eliminatedBy` holds the points that
 *   eliminated them.
 * - Ranking: admissible offers by exact total, competition ranks (1, 1, 3), no tie-break. `offers` lists
 *   ranked offers by rank then id, then the others in input order; `winners` = ids at rank 1.
 *
 * `options.methods` replaces leaf methods, `options.values` raw values. Throws UnknownValuesError when a
 * needed raw value is null, InvalidMethodError when a leaf's method is invalid for it.
 * Cost: O(rounds × offers × nodes) rational operations; one round unless thresholds eliminate.
 */
export function scoreTender(tender: Tender, options: ScoreOptions = {}): ScoreResult {
  const rounding = options.rounding !== false;
  const leaves = planLeaves(tender, options);
  const plan = planAggregation(tender.criteria);
  const { admitted, withdrawn } = admission(tender, options);
  const { raw, shown } = rawColumns(tender, leaves, withdrawn, options);
  const n = tender.offers.length;

  const scoreRound = (admissible: readonly boolean[]): Round => {
    const leafRounds = scoreLeaves(leaves, raw, admissible, shown);
    const offers: Round["offers"] = [];
    const coefs = new Array<Rational>(leaves.length);
    for (let i = 0; i < n; i++) {
      if (!shown[i]) {
        offers.push(null);
        continue;
      }
      for (let j = 0; j < leaves.length; j++) coefs[j] = leafRounds[j]!.results[i]!.value;
      offers.push(aggregatePoints(plan, coefs, rounding));
    }
    return { leaves: leafRounds, offers };
  };
  const breachesOf = (round: Round, i: number): Elimination[] => {
    const o = round.offers[i];
    return o ? thresholdBreaches(plan, o.points) : [];
  };
  const { round, admissible, eliminatedBy } = eliminateUntilStable(admitted, scoreRound, breachesOf);

  const scored: Array<ScoredOffer | null> = tender.offers.map((offer, i) => {
    const o = round.offers[i];
    if (!o) return null;
    const coefficients = new Map<string, Rational>();
    let inexact = false;
    leaves.forEach((leaf, j) => {
      const r = round.leaves[j]!.results[i]!;
      coefficients.set(leaf.node.id, r.value);
      inexact ||= r.inexact;
    });
    const points = new Map<string, Rational>();
    plan.order.forEach((node, k) => points.set(node.id, o.points[k]!));
    return {
      id: offer.id,
      label: offer.label,
      status: offer.status,
      admitted: admitted[i]!,
      eliminated: eliminatedBy.has(i),
      eliminatedBy: eliminatedBy.get(i) ?? [],
      coefficients,
      points,
      total: o.total,
      rank: null,
      inexact,
    };
  });

  const ranked = rankByTotal(
    scored.flatMap((s, i) => (s && admissible[i] ? [{ id: s.id, total: s.total }] : [])),
  );
  const byId = new Map(scored.flatMap((s) => (s ? [[s.id, s] as const] : [])));
  const rankedOffers = ranked.map((e) => ({ ...byId.get(e.id)!, rank: e.rank }));
  const unranked = scored.filter((s, i): s is ScoredOffer => s !== null && !admissible[i]);
  const winners = ranked.filter((e) => e.rank === 1).map((e) => e.id);

  const warnings = [
    ...leafWarnings(leaves, round.leaves, tender.offers.map((o) => o.id), admissible),
    ...rankingWarnings({
      admittedCount: admitted.filter(Boolean).length,
      eliminated: [...eliminatedBy.entries()]
        .sort((a, b) => a[0] - b[0])
        .map(([i, by]) => ({ offer: tender.offers[i]!.id, by })),
      winners,
      winningTotal: ranked[0]?.total ?? null,
    }),
  ];
  return { offers: [...rankedOffers, ...unranked], winners, warnings };
}

export { compareIds };
