// Leaf coefficients → points of every node and the total, with the buyer's rounding stages. Pure.
import { Rational } from "../exact/rational.js";
import type { CriteriaTree } from "../domain/types.js";

export interface PlanNode {
  id: string;
  /** Index in tree.leaves for a leaf, null for an inner node. */
  leafIndex: number | null;
  weight: Rational;
  decimals: number | null;
  minScore: Rational | null;
  /** Indices into AggregationPlan.order (always smaller than this node's own index). */
  children: number[];
}

/** The tree flattened children-first, built once per tender so aggregation is a single linear pass. */
export interface AggregationPlan {
  order: PlanNode[];
  /** Indices into `order` of the top-level criteria. */
  roots: number[];
}

export function planAggregation(tree: CriteriaTree): AggregationPlan {
  const leafIndex = new Map(tree.leaves.map((id, i) => [id, i] as const));
  const order: PlanNode[] = [];
  const visit = (id: string): number => {
    const node = tree.byId.get(id);
    if (!node) throw new Error(`criteria tree: unknown node ${id}`);
    const children = node.children.map(visit);
    const idx = order.length;
    order.push({
      id,
      leafIndex: node.children.length === 0 ? (leafIndex.get(id) ?? null) : null,
      weight: node.weight,
      decimals: node.decimals,
      minScore: node.minScore,
      children,
    });
    return idx;
  };
  const roots = tree.roots.map(visit);
  return { order, roots };
}

/**
 * Points of every node for one offer. Leaf: `W × c`, rounded half-up to the leaf's `decimals` when set;
 * inner node: sum of its children's (already rounded) points, then rounded to its own `decimals` when
 * set; total: sum of the top-level points (not rounded: the tree has no root `decimals`). With
 * `rounding` false no stage rounds, so every node is exactly the sum of its children.
 * Units: points of the total score (weights already in points). A leaf missing from tree.leaves (or
 * with no coefficient) counts 0.
 */
export function aggregatePoints(
  plan: AggregationPlan,
  coefficients: readonly Rational[],
  rounding: boolean,
): { points: Rational[]; total: Rational } {
  const points: Rational[] = new Array<Rational>(plan.order.length);
  for (let i = 0; i < plan.order.length; i++) {
    const node = plan.order[i]!;
    let v: Rational;
    if (node.children.length === 0) {
      const c = node.leafIndex === null ? undefined : coefficients[node.leafIndex];
      v = c === undefined ? Rational.ZERO : node.weight.mul(c);
    } else {
      v = sumOf(node.children, points);
    }
    points[i] = rounding && node.decimals !== null ? v.round(node.decimals, "half-up") : v;
  }
  return { points, total: sumOf(plan.roots, points) };
}

/**
 * Exact sum of points[i] for i in idx, reduced once at the end rather than after every addition
 * (exact scores can carry large coprime denominators; one gcd instead of one per term).
 */
function sumOf(idx: readonly number[], points: readonly Rational[]): Rational {
  let num = 0n;
  let den = 1n;
  for (const i of idx) {
    const x = points[i]!;
    if (x.den === den) num += x.num;
    else if (den % x.den === 0n) num += x.num * (den / x.den);
    else {
      num = num * x.den + x.num * den;
      den *= x.den;
    }
  }
  return Rational.of(num, den);
}
