// Rank reversal (issue 3 item 5): withdraw each non-winning offer, put back each non-admitted one, and
// say whether the relative order of the OTHER offers changes (independence of irrelevant offers). Pure.
import type { Rational } from "../exact/rational.js";
import type { ScoreOptions, ScoreResult, Tender } from "../domain/types.js";
import { scoreTender } from "../scoring/score-tender.js";

/** How a pair's order changed: strict order reversed, a tie created, or a tie broken. */
export type FlipKind = "reversed" | "tie-created" | "tie-broken";

export interface PairFlip {
  /** Before: `first` ranked strictly above `second` (or tied with it, for `tie-broken`, ordered by id). */
  first: string;
  second: string;
  kind: FlipKind;
  /** Totals (points) of both before and after. */
  before: [Rational, Rational];
  after: [Rational, Rational];
}

export interface ReversalScenario {
  /** `withdraw`: a ranked non-winning offer left out; `readmit`: a non-admitted offer put back. */
  kind: "withdraw" | "readmit";
  offer: string;
  /** Every pair of the other ranked offers whose order changed. */
  flips: PairFlip[];
  winnersBefore: string[];
  winnersAfter: string[];
  /** The award changed (winners compared as sets, the moved offer left out of both). */
  winnerChanged: boolean;
  /** Leaves on which some OTHER offer's coefficient changed: the relative formulas that caused it. */
  changedLeaves: string[];
  /** Could not be scored (e.g. unknown values of the readmitted offer). */
  skipped: string | null;
}

export interface RankReversal {
  scenarios: ReversalScenario[];
  /** Some scenario reverses or ties a pair of other offers. */
  anyReversal: boolean;
  /** Some scenario changes the winner. */
  anyWinnerChange: boolean;
}

type Totals = Map<string, Rational>;

function rankedTotals(r: ScoreResult): Totals {
  return new Map(r.offers.filter((o) => o.rank !== null).map((o) => [o.id, o.total]));
}

/** Pairs of offers ranked in both, whose strict order or tie status differs. Deterministic order. */
export function comparePairs(before: Totals, after: Totals, exclude: string): PairFlip[] {
  const ids = [...before.keys()].filter((id) => id !== exclude && after.has(id));
  const flips: PairFlip[] = [];
  for (let i = 0; i < ids.length; i++) {
    for (let j = i + 1; j < ids.length; j++) {
      let x = ids[i]!;
      let y = ids[j]!;
      let cb = before.get(x)!.cmp(before.get(y)!);
      if (cb < 0 || (cb === 0 && x > y)) {
        [x, y] = [y, x];
        cb = before.get(x)!.cmp(before.get(y)!);
      }
      const ca = after.get(x)!.cmp(after.get(y)!);
      const kind: FlipKind | null = cb > 0 && ca < 0 ? "reversed" : cb > 0 && ca === 0 ? "tie-created" : cb === 0 && ca !== 0 ? "tie-broken" : null;
      if (kind) {
        flips.push({ first: x, second: y, kind, before: [before.get(x)!, before.get(y)!], after: [after.get(x)!, after.get(y)!] });
      }
    }
  }
  return flips;
}

function winnersWithout(r: ScoreResult, offer: string): string[] {
  return r.winners.filter((w) => w !== offer).sort();
}

/**
 * Leave-one-out and put-back-one tests (procurement-scoring.md §2; sensitivity-methods.md §8.4): for
 * every ranked offer other than the winners, score without it (`options.withdraw`); for every
 * non-admitted offer, score with it readmitted (`options.readmit`). In each scenario the OTHER ranked
 * offers are compared pair by pair with the baseline: strict order reversed, tie created or broken.
 * `changedLeaves` lists the leaves where another offer's coefficient moved — relative rules (Pmin/P,
 * min–max, mean, best note) are the only way this can happen, so it names the cause.
 * Scoring follows `options` (the buyer's rounding by default). Edge cases: one offer → no scenario.
 */
export function rankReversal(tender: Tender, options: ScoreOptions = {}): RankReversal {
  const baseline = scoreTender(tender, options);
  const before = rankedTotals(baseline);
  const winners = new Set(baseline.winners);
  const scenarios: ReversalScenario[] = [];
  const coefOf = (r: ScoreResult) => new Map(r.offers.map((o) => [o.id, o.coefficients]));
  const baseCoef = coefOf(baseline);
  const run = (kind: ReversalScenario["kind"], offer: string, opts: ScoreOptions): void => {
    let res: ScoreResult;
    try {
      res = scoreTender(tender, opts);
    } catch (e) {
      scenarios.push({ kind, offer, flips: [], winnersBefore: winnersWithout(baseline, offer), winnersAfter: [], winnerChanged: false, changedLeaves: [], skipped: e instanceof Error ? e.message : String(e) });
      return;
    }
    const after = rankedTotals(res);
    const flips = comparePairs(before, after, offer);
    const wb = winnersWithout(baseline, offer);
    const wa = winnersWithout(res, offer);
    const changed = new Set<string>();
    const coef = coefOf(res);
    for (const id of before.keys()) {
      if (id === offer) continue;
      const x = baseCoef.get(id);
      const y = coef.get(id);
      if (!x || !y) continue;
      for (const [leaf, c] of x) if (!y.get(leaf)?.eq(c)) changed.add(leaf);
    }
    scenarios.push({
      kind,
      offer,
      flips,
      winnersBefore: wb,
      winnersAfter: wa,
      winnerChanged: wb.length !== wa.length || wb.some((w, i) => w !== wa[i]) || (winners.has(offer) === false && res.winners.includes(offer)),
      changedLeaves: tender.criteria.leaves.filter((l) => changed.has(l)),
      skipped: null,
    });
  };
  for (const o of baseline.offers) {
    if (o.rank === null || winners.has(o.id)) continue;
    run("withdraw", o.id, { ...options, withdraw: new Set([...(options.withdraw ?? []), o.id]) });
  }
  for (const o of tender.offers) {
    if (o.status === "ok" || options.readmit?.has(o.id) || options.withdraw?.has(o.id)) continue;
    run("readmit", o.id, { ...options, readmit: new Set([...(options.readmit ?? []), o.id]) });
  }
  return {
    scenarios,
    anyReversal: scenarios.some((s) => s.flips.length > 0),
    anyWinnerChange: scenarios.some((s) => s.winnerChanged),
  };
}
