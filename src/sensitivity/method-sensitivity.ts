// Method sensitivity (issue 3 item 4): the ranking under every price formula of the library and with
// or without the buyer's rounding — does the choice of formula, or the rounding, alone decide? Pure.
import { Rational } from "../exact/rational.js";
import type { MethodSpec, ScoreOptions, ScoreResult, Tender } from "../domain/types.js";
import { FORMULA_DEFS, methodText, withDefaults } from "../scoring/formulas/index.js";
import { scoreTender } from "../scoring/score-tender.js";

/** One offer's place in a variant. */
export interface VariantRank {
  offer: string;
  rank: number;
  total: Rational;
}

/** The tender rescored with one price formula on every price / cost leaf. */
export interface MethodVariant {
  /** Formula id (catalogue). */
  formula: string;
  /** Leaf id → the method text actually used (parameters included, derived ones spelt out). */
  methods: Record<string, string>;
  /** Parameters derived from the offers because the formula has no default (see derivedParams). */
  derived: boolean;
  /** The buyer's own formula on every price leaf. */
  isBuyer: boolean;
  ranking: VariantRank[];
  winners: string[];
  sameWinner: boolean;
  sameRanking: boolean;
  /** Some figure was computed in floating point (it-concave). */
  inexact: boolean;
  /** Could not be scored (e.g. a derived parameter is invalid); ranking empty. */
  skipped: string | null;
}

export interface RoundingComparison {
  /** At least one node carries `decimals`. */
  applies: boolean;
  rounded: { ranking: VariantRank[]; winners: string[] };
  unrounded: { ranking: VariantRank[]; winners: string[] };
  sameWinner: boolean;
  sameRanking: boolean;
}

export interface MethodSensitivity {
  /** Price and cost leaves (the formula is swapped on all of them together). */
  priceLeaves: string[];
  /** The buyer's methods, unrounded: the baseline of the formula comparison. */
  baseline: { ranking: VariantRank[]; winners: string[] };
  variants: MethodVariant[];
  rounding: RoundingComparison;
  /** Some formula of the library, alone, gives another winner. null without price leaf. */
  formulaDecides: boolean | null;
  /** Rounding alone changes the winner. null when no `decimals` is set. */
  roundingDecides: boolean | null;
}

function rankingOf(result: ScoreResult): { ranking: VariantRank[]; winners: string[] } {
  return {
    ranking: result.offers.filter((o) => o.rank !== null).map((o) => ({ offer: o.id, rank: o.rank!, total: o.total })),
    winners: [...result.winners].sort(),
  };
}

const sameSet = (x: readonly string[], y: readonly string[]): boolean => x.length === y.length && x.every((v, i) => v === y[i]);

/** Same offers with the same competition ranks (the order of tied offers is irrelevant). */
function sameRanks(x: readonly VariantRank[], y: readonly VariantRank[]): boolean {
  if (x.length !== y.length) return false;
  const rank = new Map(y.map((e) => [e.offer, e.rank]));
  return x.every((e) => rank.get(e.offer) === e.rank);
}

/**
 * Parameters for formulas whose catalogue entry has a required parameter without default, derived
 * from the leaf's admitted prices (documented, never presented as the buyer's):
 * - Italian rules (`it-linear`, `it-bilinear`, `it-concave`): base = Pmax, the highest admitted price
 *   (the dearest offer then has a zero discount and gets 0);
 * - `reference`: ref = Pmin, zero = 2·Pmin (full points at the lowest price, 0 at twice it).
 * Returns null when the formula needs no derived parameter, or when Pmin ≤ 0 makes them meaningless.
 */
export function derivedParams(formula: string, admittedPrices: readonly Rational[]): Record<string, Rational> | null {
  if (admittedPrices.length === 0) return null;
  const pmin = admittedPrices.reduce((a, b) => Rational.min(a, b));
  const pmax = admittedPrices.reduce((a, b) => Rational.max(a, b));
  if (formula.startsWith("it-")) return pmax.sign() > 0 ? { base: pmax } : null;
  if (formula === "reference") return pmin.sign() > 0 ? { ref: pmin, zero: pmin.mul(Rational.of(2)) } : null;
  return null;
}

/**
 * Rescore the tender with each price formula of the library (FORMULA_DEFS applying to price) on every
 * price / cost leaf, same weights, default parameters (derivedParams where none exists), without
 * rounding, and compare with the buyer's methods unrounded; then compare the buyer's scoring with and
 * without its `decimals` rounding. Verdicts: does the formula choice alone change the winner? does
 * the rounding alone? Ties: winners compared as sets. Reference: procurement-scoring.md §1–2.
 */
export function methodSensitivity(tender: Tender, options: ScoreOptions = {}): MethodSensitivity {
  const tree = tender.criteria;
  const priceLeaves = tree.leaves.filter((id) => tree.byId.get(id)!.type !== "quality");
  const unroundedResult = scoreTender(tender, { ...options, rounding: false });
  const baseline = rankingOf(unroundedResult);
  const admittedIds = new Set(unroundedResult.offers.filter((o) => o.admitted).map((o) => o.id));

  const variants: MethodVariant[] = [];
  if (priceLeaves.length > 0) {
    for (const def of FORMULA_DEFS) {
      if (!def.appliesTo.includes("price")) continue;
      const methods: Record<string, MethodSpec> = {};
      let derived = false;
      let skipped: string | null = null;
      for (const leaf of priceLeaves) {
        const prices = tender.offers.filter((o) => admittedIds.has(o.id)).flatMap((o) => {
          const v = options.values?.get(o.id)?.get(leaf) ?? o.values.get(leaf);
          return v ? [v] : [];
        });
        const missing = def.params.filter((p) => p.default === undefined);
        let params: Record<string, Rational> = {};
        if (missing.length > 0) {
          const d = derivedParams(def.id, prices);
          if (d === null) skipped = "no-derived-parameter";
          else params = d;
          derived = true;
        }
        const spec = withDefaults({ id: def.id, params, text: def.id });
        methods[leaf] = { ...spec, text: methodText(spec) };
      }
      const isBuyer = priceLeaves.every((leaf) => {
        const m = tree.byId.get(leaf)!.method;
        return (m?.id ?? "proportional") === def.id && !derived && (m ? methodText(withDefaults(m)) === methods[leaf]!.text : true);
      });
      const texts = Object.fromEntries(priceLeaves.map((leaf) => [leaf, methods[leaf]!.text]));
      if (skipped === null) {
        try {
          const res = scoreTender(tender, { ...options, rounding: false, methods: { ...options.methods, ...methods } });
          const r = rankingOf(res);
          variants.push({
            formula: def.id,
            methods: texts,
            derived,
            isBuyer,
            ranking: r.ranking,
            winners: r.winners,
            sameWinner: sameSet(r.winners, baseline.winners),
            sameRanking: sameRanks(r.ranking, baseline.ranking),
            inexact: res.offers.some((o) => o.inexact),
            skipped: null,
          });
          continue;
        } catch (e) {
          skipped = e instanceof Error ? e.message : String(e);
        }
      }
      variants.push({ formula: def.id, methods: texts, derived, isBuyer, ranking: [], winners: [], sameWinner: true, sameRanking: true, inexact: false, skipped });
    }
  }

  const applies = tree.nodes.some((n) => n.decimals !== null);
  const rounded = rankingOf(scoreTender(tender, { ...options, rounding: true }));
  const rounding: RoundingComparison = {
    applies,
    rounded,
    unrounded: baseline,
    sameWinner: sameSet(rounded.winners, baseline.winners),
    sameRanking: sameRanks(rounded.ranking, baseline.ranking),
  };
  const scored = variants.filter((v) => v.skipped === null);
  return {
    priceLeaves,
    baseline,
    variants,
    rounding,
    formulaDecides: priceLeaves.length === 0 ? null : scored.some((v) => !v.sameWinner),
    roundingDecides: applies ? !rounding.sameWinner : null,
  };
}
