// Effective weight (issue 3 item 6): points actually spread by each criterion against its announced
// weight, and the scoring patterns French courts have censured, as diagnostics (data). Pure; exact.
import { Rational } from "../exact/rational.js";
import type { Diagnostic, ScoreResult, Tender } from "../domain/types.js";
import { planLeaves } from "../scoring/inputs.js";

/** A criterion is reported as neutralised when its spread is below this share of its weight (10 %). */
export const NEUTRALISED_SHARE = Rational.of(1, 10);
/** "Dominant" price weight: price and cost leaves together carry at least this share of the total (50 %). */
export const DOMINANT_PRICE_SHARE = Rational.of(1, 2);

/** Every code this module emits (stable; words in src/i18n/sensitivity.ts). */
export const EFFECTIVE_WEIGHT_CODES = [
  /** Spread < 10 % of the weight: CE 3 nov. 2014 Belleville-sur-Loire n° 373362. */
  "CRITERION_NEUTRALISED",
  /** min–max rule with exactly two admitted offers: CAA Paris 8 févr. 2016 RJ45 n° 15PA02993. */
  "MINMAX_TWO_OFFERS",
  /** 0 to the dearest, dominant price weight, price gap > all non-price points: CE 24 mai 2017 n° 405787. */
  "PRICE_GAP_EXCEEDS_QUALITY",
  /** A cheaper offer (or a better note) gets a lower note: CE 29 oct. 2013 Val d'Oise Habitat n° 370789. */
  "NOTE_NOT_MONOTONE",
] as const;
export type EffectiveWeightCode = (typeof EFFECTIVE_WEIGHT_CODES)[number];

export interface EffectiveWeightRow {
  criterion: string;
  depth: number;
  /** Announced weight, points of the total. */
  weight: Rational;
  /** max − min of the points awarded to the ranked offers on this node (the buyer's scoring, as rounded). */
  spread: Rational;
  min: Rational;
  max: Rational;
  /** spread / weight; null when the weight is 0 or fewer than two offers are ranked. */
  ratio: Rational | null;
  /** ratio < NEUTRALISED_SHARE. */
  neutralised: boolean;
}

export interface EffectiveWeightReport {
  rows: EffectiveWeightRow[];
  warnings: Diagnostic[];
}

/** Display text for an exact figure in diagnostic args (short decimal, else 4 decimals). */
function txt(r: Rational): string {
  return r.toExactDecimal(4) ?? r.toFixed(4);
}

/**
 * Monotonicity of a price (or note) rule on the admitted offers: pairs (better value, worse value)
 * where the better value gets a strictly lower coefficient. `lowerIsBetter` for prices. O(m²).
 */
export function monotonicityBreaches(
  values: ReadonlyArray<{ offer: string; value: Rational; coef: Rational }>,
  lowerIsBetter: boolean,
): Array<{ better: string; worse: string }> {
  const out: Array<{ better: string; worse: string }> = [];
  for (const x of values) {
    for (const y of values) {
      const better = lowerIsBetter ? x.value.lt(y.value) : x.value.gt(y.value);
      if (better && x.coef.lt(y.coef)) out.push({ better: x.offer, worse: y.offer });
    }
  }
  return out;
}

/**
 * Spread of points per criterion node over the ranked offers, against the announced weight, and the
 * censured patterns (procurement-scoring.md §3; standard of CE 3 nov. 2014 n° 373362: a method may
 * not, by itself, neutralise the weighting or deprive the criteria of their scope):
 * - CRITERION_NEUTRALISED: weight > 0, ≥ 2 ranked offers, spread < 10 % of the weight.
 * - MINMAX_TWO_OFFERS: a `linear-minmax` leaf with exactly two admitted offers (W vs 0 whatever the
 *   gap); args give the price gap in % of Pmin and the point gap.
 * - PRICE_GAP_EXCEEDS_QUALITY: a price leaf gives 0 to an admitted offer, price / cost leaves carry
 *   ≥ 50 % of the total, and some pair's price-point gap exceeds every non-price point available
 *   (the sum of the non-price leaf weights): quality cannot reverse that pair.
 * - NOTE_NOT_MONOTONE: on a leaf, a cheaper offer (price) or a higher note (quality) gets a strictly
 *   lower coefficient.
 * Edge cases: a single offer → spreads 0, ratios null, no neutralisation claim.
 */
export function effectiveWeights(tender: Tender, result: ScoreResult): EffectiveWeightReport {
  const tree = tender.criteria;
  const ranked = result.offers.filter((o) => o.rank !== null);
  const rows: EffectiveWeightRow[] = tree.nodes.map((n) => {
    const pts = ranked.map((o) => o.points.get(n.id) ?? Rational.ZERO);
    const min = pts.length ? pts.reduce((a, b) => Rational.min(a, b)) : Rational.ZERO;
    const max = pts.length ? pts.reduce((a, b) => Rational.max(a, b)) : Rational.ZERO;
    const spread = max.sub(min);
    const ratio = n.weight.isZero() || ranked.length < 2 ? null : spread.div(n.weight);
    return { criterion: n.id, depth: n.depth, weight: n.weight, spread, min, max, ratio, neutralised: ratio !== null && ratio.lt(NEUTRALISED_SHARE) };
  });

  const warnings: Diagnostic[] = [];
  const warn = (code: EffectiveWeightCode, args: Diagnostic["args"], severity: Diagnostic["severity"] = "warning") => {
    const node = args["criterion"] ?? args["leaf"];
    const loc = typeof node === "string" ? tree.byId.get(node)?.source : undefined;
    warnings.push(loc ? { code, severity, location: loc, args } : { code, severity, args });
  };
  for (const row of rows) {
    if (row.neutralised) {
      warn("CRITERION_NEUTRALISED", {
        criterion: row.criterion,
        spread: txt(row.spread),
        weight: txt(row.weight),
        percent: txt(row.ratio!.mul(Rational.of(100))),
        threshold: txt(NEUTRALISED_SHARE.mul(Rational.of(100))),
      });
    }
  }

  const plans = planLeaves(tender, {});
  const admitted = result.offers.filter((o) => o.rank !== null);
  const rawOf = (id: string, leaf: string) => tender.offers.find((o) => o.id === id)?.values.get(leaf) ?? null;
  const priceLeaves = plans.filter((p) => p.node.type !== "quality");
  for (const plan of plans) {
    const leaf = plan.node.id;
    const values = admitted.flatMap((o) => {
      const v = rawOf(o.id, leaf);
      const c = o.coefficients.get(leaf);
      return v && c ? [{ offer: o.id, value: v, coef: c }] : [];
    });
    const isPrice = plan.node.type !== "quality";
    if (isPrice && plan.method.id === "linear-minmax" && values.length === 2) {
      const [p1, p2] = values.map((v) => v.value).sort((a, b) => a.cmp(b));
      const gap = p2!.sub(p1!);
      warn("MINMAX_TWO_OFFERS", {
        leaf,
        priceGapPercent: p1!.sign() > 0 ? txt(gap.div(p1!).mul(Rational.of(100))) : "—",
        pointGap: gap.isZero() ? "0" : txt(plan.node.weight),
        weight: txt(plan.node.weight),
      });
    }
    const breaches = monotonicityBreaches(values, isPrice);
    if (breaches.length > 0) {
      const b = breaches[0]!;
      warn("NOTE_NOT_MONOTONE", { leaf, better: b.better, worse: b.worse, count: breaches.length }, "error");
    }
  }

  // Techno Logistique: 0 to the dearest under a dominant price weight, price gap > non-price points.
  const total = tree.totalPoints;
  const priceWeight = Rational.sum(priceLeaves.map((p) => p.node.weight));
  const zeroing = priceLeaves.filter((p) => admitted.some((o) => o.coefficients.get(p.node.id)?.isZero()));
  if (zeroing.length > 0 && total.sign() > 0 && priceWeight.div(total).ge(DOMINANT_PRICE_SHARE) && admitted.length >= 2) {
    const nonPrice = total.sub(priceWeight);
    const pricePts = admitted.map((o) => ({
      id: o.id,
      pts: Rational.sum(priceLeaves.map((p) => o.points.get(p.node.id) ?? Rational.ZERO)),
    }));
    const hi = pricePts.reduce((a, b) => (b.pts.gt(a.pts) ? b : a));
    const lo = pricePts.reduce((a, b) => (b.pts.lt(a.pts) ? b : a));
    const gap = hi.pts.sub(lo.pts);
    if (gap.gt(nonPrice)) {
      warn("PRICE_GAP_EXCEEDS_QUALITY", {
        leaf: zeroing[0]!.node.id,
        cheaper: hi.id,
        dearer: lo.id,
        gap: txt(gap),
        nonPrice: txt(nonPrice),
        priceShare: txt(priceWeight.div(total).mul(Rational.of(100))),
      });
    }
  }
  return { rows, warnings };
}
