// The additive (linear) model every weight-sensitivity analysis works on: ranked offers × leaves,
// coefficients in [0, 1], global leaf weights in points. Pure; no IO; exact Rationals only.
//
// The model is UNROUNDED: points = weight × coefficient with no buyer `decimals` rounding, so the
// analyses describe the scoring rule itself, not the rounded figures the buyer published.
import { gcd, lcm, Rational } from "../exact/rational.js";
import type { CriteriaTree, ScoreResult, Tender } from "../domain/types.js";
import { rankIndices } from "../scoring/rank.js";

/** The additive model of a scored tender (weights in points of the total; unrounded). */
export interface LinearModel {
  /** Offer ids: the ranked (admitted, non-eliminated) offers, in current rank order. */
  offers: string[];
  /** Leaf ids, depth-first (the tree's order). */
  leaves: string[];
  /** coef[a][j] ∈ [0, 1]: offer a's coefficient on leaf j (points = weight × coef). */
  coef: Rational[][];
  /** Global leaf weights in points of the total (Σ = totalPoints). */
  weights: Rational[];
  /** Σ weights (points). */
  totalPoints: Rational;
  /** The criteria tree, for the local (per sibling group) convention. */
  tree: CriteriaTree;
}

/** A ranking of offers by value: `order` (offer indices, best first) and competition `ranks` (1, 1, 3). */
export interface Ranking {
  /** Offer indices sorted by value descending, ties by offer id (code-unit order). */
  order: number[];
  /** ranks[a] = 1 + #{b : value_b > value_a} (ties share the better rank). */
  ranks: number[];
}

/**
 * Build the linear model from a scored tender: the offers with `rank !== null`, in `result.offers`
 * order (rank, then id), their `coefficients` on `tender.criteria.leaves`, and the leaf weights
 * (`CriterionNode.weight`, points). `totalPoints` is the sum of the leaf weights.
 *
 * The buyer's `decimals` rounding is ignored (the model is unrounded). A missing coefficient on a
 * leaf of weight 0 is read as 0 (the scorer cannot derive it from points); a missing coefficient on a
 * weighted leaf, or a leaf id absent from the tree, is a programming error (RangeError).
 */
export function linearModel(tender: Tender, result: ScoreResult): LinearModel {
  const tree = tender.criteria;
  const leaves = [...tree.leaves];
  const weights = leaves.map((id) => {
    const node = tree.byId.get(id);
    if (!node) throw new RangeError(`linearModel: leaf "${id}" is not in the tree`);
    return node.weight;
  });
  const ranked = result.offers.filter((o) => o.rank !== null);
  const coef = ranked.map((o) =>
    leaves.map((leaf, j) => {
      const c = o.coefficients.get(leaf);
      if (c !== undefined) return c;
      if (weights[j]!.isZero()) return Rational.ZERO;
      throw new RangeError(`linearModel: offer "${o.id}" has no coefficient on leaf "${leaf}"`);
    }),
  );
  return { offers: ranked.map((o) => o.id), leaves, coef, weights, totalPoints: Rational.sum(weights), tree };
}

/**
 * Totals in points: V_a = Σ_j w_j · coef[a][j], with `weights` (points; default the model's).
 * Works for any weight vector of the right length (shares give totals as shares of the total).
 */
export function totals(model: LinearModel, weights: readonly Rational[] = model.weights): Rational[] {
  return model.coef.map((row) => dot(row, weights));
}

/** Σ x_j y_j (exact). */
export function dot(x: readonly Rational[], y: readonly Rational[]): Rational {
  let s = Rational.ZERO;
  for (let j = 0; j < x.length; j++) s = s.add(x[j]!.mul(y[j]!));
  return s;
}

/**
 * Leaf weights as shares of the total (fractions, Σ = 1): w_j / totalPoints. When totalPoints is 0
 * (degenerate), the shares are equal (1/n), the same rule as the zero-weight redistribution below.
 */
export function leafShares(model: LinearModel): Rational[] {
  const n = model.leaves.length;
  if (model.totalPoints.isZero()) return model.leaves.map(() => Rational.of(1, n));
  return model.weights.map((w) => w.div(model.totalPoints));
}

/** Rank values (higher is better) with competition ranks; ties ordered by id: scoring/rank.ts's one ranking. */
export const rankValues: (ids: readonly string[], values: readonly Rational[]) => Ranking = rankIndices;

/** Index of each leaf id in `model.leaves`. */
function leafIndex(model: LinearModel): Map<string, number> {
  return new Map(model.leaves.map((id, j) => [id, j]));
}

/** Indices (into `model.leaves`) of the leaves under node `id` (the node itself if it is a leaf). */
export function subtreeLeaves(model: LinearModel, id: string): number[] {
  const index = leafIndex(model);
  const out: number[] = [];
  const visit = (nid: string): void => {
    const j = index.get(nid);
    if (j !== undefined) {
      out.push(j);
      return;
    }
    const node = model.tree.byId.get(nid);
    if (!node) throw new RangeError(`subtreeLeaves: node "${nid}" is not in the tree`);
    for (const c of node.children) visit(c);
  };
  visit(id);
  return out;
}

/** Weight of a node in points: Σ of the model's leaf weights under it. */
export function nodePoints(model: LinearModel, id: string): Rational {
  return Rational.sum(subtreeLeaves(model, id).map((j) => model.weights[j]!));
}

/**
 * Spread `mass` points over the leaves under `nodes` (a list of sibling-like nodes): proportionally
 * to their current weights, or **equally** when they all weigh 0, recursively down each subtree
 * (inside a node the split follows its leaves' current weights, or equal splits where those are 0).
 * Returns a full leaf vector (0 outside the nodes' subtrees). This is the one redistribution rule of
 * the sensitivity code: proportional where proportions exist, equal split where they do not.
 */
export function spreadMass(model: LinearModel, nodes: readonly string[], mass: Rational): Rational[] {
  const out = model.leaves.map(() => Rational.ZERO);
  const index = leafIndex(model);
  const spread = (ids: readonly string[], m: Rational): void => {
    if (ids.length === 0) return;
    const pts = ids.map((id) => nodePoints(model, id));
    const sum = Rational.sum(pts);
    ids.forEach((id, i) => {
      const part = sum.isZero() ? m.div(Rational.of(ids.length)) : m.mul(pts[i]!).div(sum);
      const j = index.get(id);
      if (j !== undefined) {
        out[j] = out[j]!.add(part);
        return;
      }
      const node = model.tree.byId.get(id);
      if (!node) throw new RangeError(`spreadMass: node "${id}" is not in the tree`);
      spread(node.children, part);
    });
  };
  spread(nodes, mass);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Integer-scaled form of the model, for the hot loops (no gcd per operation).


/**
 * The model on integers: coef[a][j] = E[a][j] / L[a] (L[a] = lcm of offer a's coefficient
 * denominators) and leaf shares w_j = W[j] / S (W integers ≥ 0, S = ΣW > 0; equal shares W = 1 when
 * totalPoints is 0). A pair difference d = coef[a] − coef[b] is then e / lcm(L[a], L[b]) with e
 * integer, and d·w = (e·W) / (lcm·S): dot products and comparisons need no gcd.
 */
export interface ScaledModel {
  E: bigint[][];
  L: bigint[];
  W: bigint[];
  S: bigint;
}

export function scaledModel(model: LinearModel): ScaledModel {
  const L = model.coef.map((row) => lcm(row.map((c) => c.den)));
  const E = model.coef.map((row, a) => row.map((c) => c.num * (L[a]! / c.den)));
  let W: bigint[];
  if (model.totalPoints.isZero()) W = model.leaves.map(() => 1n);
  else {
    const Lw = lcm(model.weights.map((w) => w.den));
    W = model.weights.map((w) => w.num * (Lw / w.den));
  }
  const S = W.reduce((s, x) => s + x, 0n);
  return { E, L, W, S };
}

/** Integer difference row e and its denominator D: coef[a] − coef[b] = e / D. */
export function scaledDiff(sm: ScaledModel, a: number, b: number): { e: bigint[]; D: bigint } {
  const La = sm.L[a]!;
  const Lb = sm.L[b]!;
  const g = gcd(La, Lb);
  const D = (La / g) * Lb;
  const fa = D / La;
  const fb = D / Lb;
  const Ea = sm.E[a]!;
  const Eb = sm.E[b]!;
  const e = new Array<bigint>(Ea.length);
  for (let j = 0; j < Ea.length; j++) e[j] = Ea[j]! * fa - Eb[j]! * fb;
  return { e, D };
}
