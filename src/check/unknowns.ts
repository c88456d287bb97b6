// Scoring with unknown (occulted) values: each offer's points and total as exact intervals, possible
// ranks and whether the winner is certain. Pure; no IO.
import { Rational } from "../exact/rational.js";
import type { Diagnostic, Tender } from "../domain/types.js";
import { planAggregation } from "../scoring/aggregate.js";
import { admission, planLeaves, type LeafPlan } from "../scoring/inputs.js";
import { compareIds } from "../scoring/rank.js";
import { checkDiag } from "./codes.js";
import { addIntervals, point, roundInterval, scaleInterval, type Interval } from "./interval.js";
import { isAbsoluteMethod, leafCoefficientBounds, type Domain } from "./leaf-bounds.js";

/** Admissible prices for unknown price cells: default (0, +∞); a user range LO:HI is closed. */
export interface PriceRange {
  lo: Rational;
  hi: Rational | null;
}

export interface UnknownsOptions {
  priceRange?: PriceRange;
  /** Apply the buyer's `decimals` rounding (default true). */
  rounding?: boolean;
}

export interface UnknownCell {
  offer: string;
  leaf: string;
  kind: "note" | "price";
  domain: Domain;
}

export interface OfferBounds {
  id: string;
  label: string;
  admitted: boolean;
  /** The offer has unknown values of its own. */
  hasUnknowns: boolean;
  /** Every node id → interval of its points. */
  points: Map<string, Interval>;
  total: Interval;
  /** Possible ranks (admitted offers only): best (smallest) and worst. */
  bestRank: number | null;
  worstRank: number | null;
}

export interface UnknownsResult {
  unknowns: UnknownCell[];
  /** Admitted offers first (by total upper bound, then id), then the others in input order. */
  offers: OfferBounds[];
  /** True when every interval is exact (no rule fell back to [0, 1]). */
  exactIntervals: boolean;
  /**
   * "exact": every unknown sits on an absolute leaf (own note or absolute price rule), unknowns are
   * independent across offers, and the pairwise interval reasoning gives the exact possible ranks.
   * "superset": some unknown is shared through a relative rule; the rank ranges may be wider than the
   * truth (never narrower).
   */
  rankMethod: "exact" | "superset";
  winner: {
    /** certain: proven whatever the unknowns; depends: proven to depend on them; undetermined: not proven either way. */
    status: "certain" | "depends" | "undetermined";
    offer: string | null;
    /** Offers that can be ranked first for some values (a superset under rankMethod "superset"). */
    possible: string[];
  };
  warnings: Diagnostic[];
}

/**
 * Interval scoring over all admissible values of the unknowns: notes on the leaf's scale [0, max],
 * prices in `priceRange` (default (0, +∞), ends excluded). Per leaf, each offer's coefficient interval
 * comes from leafCoefficientBounds (corners of the box, monotone rules); an offer's leaves depend on
 * disjoint sets of unknowns, so its node and total intervals are the sums of the leaf intervals, put
 * through the buyer's rounding (monotone) stage by stage: the total interval is exact, and each end is
 * flagged when it is only a limit (an open end such as Pmin/P → 0 as P → +∞).
 *
 * Ranks: j is certainly above k when inf T_j > sup T_k (or equal with one end unattained); j can be
 * above k when sup T_j > inf T_k. Best rank = 1 + #certainly above; worst = 1 + #possibly above.
 * Elimination thresholds (`min_score`) are not modelled: a warning says so when the tree has some.
 * Non-admitted offers get intervals but no rank.
 */
export function scoreWithUnknowns(tender: Tender, options: UnknownsOptions = {}): UnknownsResult {
  const rounding = options.rounding !== false;
  const range = options.priceRange ?? { lo: Rational.ZERO, hi: null };
  const leaves = planLeaves(tender, {});
  const plan = planAggregation(tender.criteria);
  const { admitted } = admission(tender, {});
  const warnings: Diagnostic[] = [];
  const unknowns: UnknownCell[] = [];
  let exactIntervals = true;
  let allAbsolute = true;

  const leafIntervals: Interval[][] = leaves.map((leaf) => {
    const column = tender.offers.map((o) => o.values.get(leaf.node.id) ?? null);
    const domains = tender.offers.map((o, i): Domain | null => {
      if (column[i] !== null) return null;
      const d = domainOf(leaf, range);
      if (d) unknowns.push({ offer: o.id, leaf: leaf.node.id, kind: isPriceLeaf(leaf) ? "price" : "note", domain: d });
      else warnings.push(checkDiag("UNSUPPORTED_UNKNOWN", undefined, { offer: o.id, node: leaf.node.id, method: leaf.method.text }));
      return d;
    });
    if (domains.some((d) => d !== null) && !isAbsoluteMethod(leaf.method.id)) allAbsolute = false;
    const b = leafCoefficientBounds(leaf, column, admitted, domains);
    if (!b.exact) {
      exactIntervals = false;
      allAbsolute = false;
      warnings.push(checkDiag("UNSUPPORTED_UNKNOWN", undefined, { node: leaf.node.id, method: leaf.method.text }));
    }
    return b.coefficients;
  });
  if (unknowns.length > 0 && tender.criteria.nodes.some((n) => n.minScore !== null)) {
    warnings.push(checkDiag("THRESHOLDS_WITH_UNKNOWNS", undefined, {}));
  }

  const offers: OfferBounds[] = tender.offers.map((offer, i) => {
    const pts: Interval[] = new Array<Interval>(plan.order.length);
    plan.order.forEach((node, k) => {
      let v: Interval;
      if (node.children.length === 0) {
        const c = node.leafIndex === null ? point(Rational.ZERO) : leafIntervals[node.leafIndex]![i]!;
        v = scaleInterval(c, node.weight);
      } else {
        v = point(Rational.ZERO);
        for (const ch of node.children) v = addIntervals(v, pts[ch]!);
      }
      pts[k] = rounding && node.decimals !== null ? roundInterval(v, node.decimals) : v;
    });
    let total = point(Rational.ZERO);
    for (const r of plan.roots) total = addIntervals(total, pts[r]!);
    const points = new Map<string, Interval>();
    plan.order.forEach((node, k) => points.set(node.id, pts[k]!));
    return {
      id: offer.id,
      label: offer.label,
      admitted: admitted[i]!,
      hasUnknowns: [...offer.values.values()].some((v) => v === null) || leaves.some((l) => !offer.values.has(l.node.id)),
      points,
      total,
      bestRank: null,
      worstRank: null,
    };
  });

  const ranked = offers.filter((o) => o.admitted);
  for (const k of ranked) {
    let above = 0;
    let maybe = 0;
    for (const j of ranked) {
      if (j === k) continue;
      if (certainlyAbove(j.total, k.total)) above++;
      if (possiblyAbove(j.total, k.total)) maybe++;
    }
    k.bestRank = 1 + above;
    k.worstRank = 1 + maybe;
  }
  ranked.sort((a, b) => b.total.hi.value.cmp(a.total.hi.value) || b.total.lo.value.cmp(a.total.lo.value) || compareIds(a.id, b.id));
  const others = offers.filter((o) => !o.admitted);
  const rankMethod = allAbsolute ? "exact" : "superset";
  const possible = ranked.filter((o) => o.bestRank === 1).map((o) => o.id);
  const sole = ranked.find((w) => ranked.every((j) => j === w || certainlyAbove(w.total, j.total)));
  const winner: UnknownsResult["winner"] = sole
    ? { status: "certain", offer: sole.id, possible: [sole.id] }
    : { status: rankMethod === "exact" ? "depends" : "undetermined", offer: null, possible };
  return { unknowns, offers: [...ranked, ...others], exactIntervals, rankMethod, winner, warnings };
}

/** T_j > T_k whatever the unknowns: inf T_j > sup T_k, or equal with one of the two ends unattained. */
export function certainlyAbove(j: Interval, k: Interval): boolean {
  const c = j.lo.value.cmp(k.hi.value);
  return c > 0 || (c === 0 && (!j.lo.attained || !k.hi.attained));
}

/** T_j > T_k for some values (independent unknowns): sup T_j > inf T_k. */
export function possiblyAbove(j: Interval, k: Interval): boolean {
  return j.hi.value.gt(k.lo.value);
}

function isPriceLeaf(leaf: LeafPlan): boolean {
  return leaf.node.type === "price" || leaf.node.type === "cost";
}

/** Notes: [0, scale]; prices: the price range. Null when no sound domain exists (note with no scale). */
function domainOf(leaf: LeafPlan, range: PriceRange): Domain | null {
  if (isPriceLeaf(leaf)) return { lo: range.lo, loOpen: range.lo.sign() <= 0, hi: range.hi };
  const scale = leaf.method.id === "direct" ? (leaf.max ?? Rational.ONE) : leaf.node.max;
  if (scale === null) return null;
  return { lo: Rational.ZERO, loOpen: false, hi: scale };
}
