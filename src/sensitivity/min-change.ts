// Minimal change of the global leaf weights that changes the award: per challenger (tie with the
// winner) and "sole winner over everyone", in L1 and L∞ (exact) and L2 (closed form when valid).
// Pure; no IO. Distances are in shares of the total (fractions); `…Points` = shares × totalPoints.
// Distances are measured on GLOBAL LEAF weights (the tree's inner nodes are not varied level by level).
import { Rational } from "../exact/rational.js";
import { rankValues, scaledDiff, scaledModel, type LinearModel } from "./model.js";
import { intDot, minL1TieScaled, minL2TieScaled, minLinfTieScaled, sharesOf, type ChangeResult, type L2Change, type LinfMethod, type ScaledPair, type Unreachable, type WeightChange } from "./pair-change.js";
import { soleWinnerChange } from "./sole-winner.js";

export * from "./pair-change.js";
export * from "./sole-winner.js";

/** Minimal changes for one challenger b against the winner a. */
export interface PairChange {
  winner: string;
  challenger: string;
  /** g = (V_a − V_b)/T ≥ 0 in shares, and in points. */
  gap: Rational;
  gapPoints: Rational;
  /** Minimal change for b to tie a (b ≥ a). */
  l1: ChangeResult;
  linf: ChangeResult & { method?: LinfMethod };
  /** null when non-negativity binds (the exact QP is not implemented). */
  l2: L2Change | Unreachable | null;
  /**
   * Minimal change for b to tie or beat every other offer (ε → 0), Wolters & Mareschal LP. Computed
   * for the challengers `MinimalChangeOptions.soleWinner` selects; "not-computed" otherwise (the pair
   * distance is then a lower bound).
   */
  soleWinner: { l1: ChangeResult | NotComputed; linf: ChangeResult | NotComputed };
}

/** Every challenger, and the robustness margin of the award. */
export interface MinimalChangeReport {
  /** The current winner (first of the current ranking; ties by id) or null without offers. */
  winner: string | null;
  /** All rank-1 offers (more than one: already tied, every distance to a co-winner is 0). */
  winners: string[];
  /** Challengers in current rank order. */
  pairs: PairChange[];
  /**
   * min over challengers of the pair L∞: every weight vector with max|Δw| < margin keeps the winner
   * strictly first; at the margin a tie is reachable. null when no challenger can ever tie (single
   * offer, or the winner dominates every other offer).
   */
  margin: { distance: Rational; distancePoints: Rational; challenger: string; weights: Rational[] } | null;
  /** Which challengers' sole-winner LPs were computed (absent without challengers). */
  soleWinnerScope?: SoleWinnerScope;
}

/** Options of `minimalWeightChanges`. */
export interface MinimalChangeOptions {
  /**
   * Challengers for which the "sole winner" LPs (b ties or beats everyone) are solved: "all", or a
   * number k = the k challengers with the smallest pair L∞ distance (ties: rank order). Default: all
   * when there are at most `soleWinnerAllUpTo` offers (12), else 5. The others get status
   * "not-computed" with the pair distance as a lower bound.
   */
  soleWinner?: "all" | number;
  /** Offers up to which every challenger's sole-winner LP is solved by default (12). */
  soleWinnerAllUpTo?: number;
  /**
   * Leaves above which the sole-winner LPs are not attempted; default 400 (the bounded method takes
   * well under a second per challenger at 200 leaves). Their results are "not-computed" (reason
   * "too-large") with the pair lower bound.
   */
  soleWinnerMaxLeaves?: number;
  /**
   * "bounded" (default): bounded-variable simplex (L1) and exact parametric Newton (L∞) with
   * constraint generation; "dense": the reference LP `minChangeLp` (2n variables, n + … rows).
   */
  soleWinnerMethod?: "bounded" | "dense";
}

/** A sole-winner result that was not computed; the pair distance (same norm) is a lower bound. */
export interface NotComputed {
  status: "not-computed";
  /** "not-selected": not among the k closest challengers; "too-large": too many leaves for the LP. */
  reason: "not-selected" | "too-large";
  /** The pair distance in the same norm (shares, and points): the sole-winner distance is ≥ it. */
  lowerBound: Rational;
  lowerBoundPoints: Rational;
}

/** What the report says about the sole-winner LPs. */
export interface SoleWinnerScope {
  /** Challengers whose sole-winner distances were computed (exactly, or known infeasible). */
  computed: string[];
  /** Challengers left out (status "not-computed"). */
  notComputed: string[];
  /** The rule applied: "all", or k closest by pair L∞. */
  rule: "all" | { closest: number };
  /** Leaves above which the LP is skipped. */
  maxLeaves: number;
}

/**
 * For the current winner a (first of the current ranking at the model weights, ties by id) and every
 * other ranked offer b (in rank order): the minimal L1 / L∞ / L2 change of the global leaf shares for b
 * to tie a, and the minimal L1 / L∞ change for b to tie or beat everyone (LP). `margin` = min over
 * challengers of the pair L∞ ("no change of less than X points to any weight changes the award").
 * Shares are w / totalPoints (equal shares if totalPoints is 0); coefficients are the model's.
 *
 * Cost: the pair analyses run on integers (`scaledModel`), O(n log n) per challenger, so
 * O(m·n log n) in all. The sole-winner LPs are solved only for the challengers selected by
 * `options.soleWinner` (default: all when m ≤ 12, else the 5 closest by pair L∞), by constraint
 * generation (the LP with the offers that bind, checked exactly against every offer); a challenger
 * the winner dominates is infeasible without an LP; the others are "not-computed" with the pair
 * distance as a lower bound (`soleWinnerScope` says which).
 *
 * Edge cases: no offers → winner null, no pairs; one offer → no pairs, margin null; co-winners →
 * distance 0 to each of them. References: Wolters & Mareschal, EJOR 81 (1995) 281–290; Barron &
 * Schmidt, Oper. Res. 36(1) (1988) 122–127.
 */
export function minimalWeightChanges(model: LinearModel, options: MinimalChangeOptions = {}): MinimalChangeReport {
  const T = model.totalPoints;
  const m = model.offers.length;
  if (m === 0) return { winner: null, winners: [], pairs: [], margin: null };
  const sm = scaledModel(model);
  // Totals as shares: V_a = (E_a·W) / (L_a·S); ranked exactly.
  const V = sm.E.map((row, a) => Rational.of(intDot(row, sm.W), sm.L[a]! * sm.S));
  const { order, ranks } = rankValues(model.offers, V);
  const a = order[0]!;
  const winners = order.filter((i) => ranks[i] === 1).map((i) => model.offers[i]!);
  const pairs: PairChange[] = [];
  const placeholder: { l1: ChangeResult | NotComputed; linf: ChangeResult | NotComputed } = {
    l1: { status: "infeasible" },
    linf: { status: "infeasible" },
  };
  for (const b of order.slice(1)) {
    const { e, D } = scaledDiff(sm, a, b);
    const sp: ScaledPair = { e, D, W: sm.W, Wden: sm.S };
    const gap = Rational.of(intDot(e, sm.W), D * sm.S);
    pairs.push({
      winner: model.offers[a]!,
      challenger: model.offers[b]!,
      gap,
      gapPoints: gap.mul(T),
      l1: minL1TieScaled(sp, T),
      linf: minLinfTieScaled(sp, T),
      l2: minL2TieScaled(sp),
      soleWinner: placeholder,
    });
  }
  // Sole winner: selected challengers only.
  const allUpTo = options.soleWinnerAllUpTo ?? 12;
  const rule: SoleWinnerScope["rule"] =
    options.soleWinner === "all" || (options.soleWinner === undefined && m <= allUpTo) ? "all" : { closest: options.soleWinner ?? 5 };
  const maxLeaves = options.soleWinnerMaxLeaves ?? 400;
  const ranked = pairs.map((_, i) => i).filter((i) => pairs[i]!.linf.status === "ok");
  ranked.sort((x, y) => {
    const px = pairs[x]!.linf as WeightChange;
    const py = pairs[y]!.linf as WeightChange;
    return px.distance.cmp(py.distance) || x - y;
  });
  const selected = new Set(rule === "all" ? pairs.map((_, i) => i) : ranked.slice(0, Math.max(0, rule.closest)));
  const w = sharesOf(sm.W, sm.S);
  const scope: SoleWinnerScope = { computed: [], notComputed: [], rule, maxLeaves };
  pairs.forEach((p, i) => {
    const b = order[i + 1]!;
    if (p.linf.status !== "ok" || p.l1.status !== "ok") {
      // The winner dominates b: b can never tie it, let alone beat everyone.
      p.soleWinner = { l1: { status: "infeasible" }, linf: { status: "infeasible" } };
      scope.computed.push(p.challenger);
      return;
    }
    const notComputed = (reason: NotComputed["reason"]): typeof placeholder => ({
      l1: { status: "not-computed", reason, lowerBound: (p.l1 as WeightChange).distance, lowerBoundPoints: (p.l1 as WeightChange).distancePoints },
      linf: { status: "not-computed", reason, lowerBound: (p.linf as WeightChange).distance, lowerBoundPoints: (p.linf as WeightChange).distancePoints },
    });
    if (!selected.has(i)) {
      p.soleWinner = notComputed("not-selected");
      scope.notComputed.push(p.challenger);
    } else if (model.leaves.length > maxLeaves) {
      p.soleWinner = notComputed("too-large");
      scope.notComputed.push(p.challenger);
    } else {
      const how = options.soleWinnerMethod ?? "bounded";
      p.soleWinner = { l1: soleWinnerChange(model, sm, order, b, w, "l1", T, how), linf: soleWinnerChange(model, sm, order, b, w, "linf", T, how) };
      scope.computed.push(p.challenger);
    }
  });
  let margin: MinimalChangeReport["margin"] = null;
  for (const p of pairs) {
    if (p.linf.status !== "ok") continue;
    if (margin === null || p.linf.distance.lt(margin.distance)) {
      margin = { distance: p.linf.distance, distancePoints: p.linf.distancePoints, challenger: p.challenger, weights: p.linf.weights };
    }
  }
  const report: MinimalChangeReport = { winner: model.offers[a]!, winners, pairs, margin };
  if (pairs.length > 0) report.soleWinnerScope = scope;
  return report;
}

