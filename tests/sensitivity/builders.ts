// In-memory builders for the sensitivity tests: a criteria tree from a nested spec and a LinearModel
// from scores. No loader, no scorer.
import { Rational, q } from "../../src/exact/rational.js";
import type { CriteriaTree, CriterionNode } from "../../src/domain/types.js";
import { rankValues, totals, type LinearModel } from "../../src/sensitivity/model.js";

export type Num = number | string | Rational;
export const r = (x: Num): Rational => (x instanceof Rational ? x : q(x));

/** A node: weight in points of the total (like CriterionNode.weight). */
export interface NodeSpec {
  id: string;
  weight: Num;
  children?: NodeSpec[];
}

export function buildTree(spec: NodeSpec[]): CriteriaTree {
  const nodes: CriterionNode[] = [];
  const leaves: string[] = [];
  const visit = (s: NodeSpec, parent: string | null, depth: number): void => {
    const node: CriterionNode = {
      id: s.id,
      parent,
      label: s.id,
      weight: r(s.weight),
      declaredWeight: r(s.weight),
      type: "quality",
      method: null,
      max: null,
      minScore: null,
      decimals: null,
      children: (s.children ?? []).map((c) => c.id),
      depth,
      source: { file: "test" },
    };
    nodes.push(node);
    if (!s.children || s.children.length === 0) leaves.push(s.id);
    for (const c of s.children ?? []) visit(c, s.id, depth + 1);
  };
  for (const s of spec) visit(s, null, 0);
  return {
    weightKind: "exact",
    nodes,
    byId: new Map(nodes.map((n) => [n.id, n])),
    roots: spec.map((s) => s.id),
    leaves,
    totalPoints: Rational.sum(spec.map((s) => r(s.weight))),
    weightReading: "points",
    groups: [],
    rescaled: false,
  };
}

/**
 * A model from scores on `scale` (coef = score / scale), one array per offer aligned with the tree's
 * leaves. Offers are put in current rank order (total desc, then id), as the scorer would.
 */
export function buildModel(tree: CriteriaTree, scores: Record<string, Num[]>, scale: Num = 100): LinearModel {
  const ids = Object.keys(scores);
  const weights = tree.leaves.map((id) => tree.byId.get(id)!.weight);
  const coef = ids.map((id) => scores[id]!.map((s) => r(s).div(r(scale))));
  const unordered: LinearModel = { offers: ids, leaves: [...tree.leaves], coef, weights, totalPoints: Rational.sum(weights), tree };
  const { order } = rankValues(ids, totals(unordered));
  return { ...unordered, offers: order.map((a) => ids[a]!), coef: order.map((a) => coef[a]!) };
}

/** A flat tree (all leaves top-level) with the given weights. */
export function flatTree(weights: Record<string, Num>): CriteriaTree {
  return buildTree(Object.entries(weights).map(([id, weight]) => ({ id, weight })));
}

/** O3: Price 50 / Quality 30 / Delivery 20; C > B > A > D. */
export function o3(): LinearModel {
  return buildModel(flatTree({ Price: 50, Quality: 30, Delivery: 20 }), {
    A: [100, 60, 50],
    B: [80, 90, 70],
    C: [90, 70, 100],
    D: [70, 100, 40],
  });
}

/** O5: Price 2/5; Quality 3/5 = {Technical 2/3, Service 1/3}; Y > Z > X. */
export function o5(): LinearModel {
  const tree = buildTree([
    { id: "Price", weight: 40 },
    { id: "Quality", weight: 60, children: [{ id: "Technical", weight: 40 }, { id: "Service", weight: 20 }] },
  ]);
  return buildModel(tree, { X: [100, 50, 60], Y: [80, 70, 90], Z: [60, 90, 80] });
}

/** Compact string of a Rational list, for readable assertions. */
export const str = (xs: readonly Rational[] | null): string[] | null => (xs === null ? null : xs.map((x) => x.toString()));
