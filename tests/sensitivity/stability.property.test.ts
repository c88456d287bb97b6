// Properties of the stability intervals on small random models (flat and two-level trees), checked
// against an independent re-implementation of "others proportional".
import { describe, expect } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { Rational, q } from "../../src/exact/rational.js";
import { rankValues, totals, type LinearModel } from "../../src/sensitivity/model.js";
import { breakpointMap, stabilityInterval, type WeightConvention } from "../../src/sensitivity/stability.js";
import { buildModel, buildTree, type NodeSpec } from "./builders.js";

/** Random model: m offers × n leaves, integer scores 0..10, integer weights 0..10; leaves from index
 * `split` on are grouped under "G" (a two-level tree) when split < n − 1. */
const arbModel = fc
  .record({ m: fc.integer({ min: 2, max: 5 }), n: fc.integer({ min: 2, max: 5 }) })
  .chain(({ m, n }) =>
    fc.record({
      weights: fc.array(fc.integer({ min: 0, max: 10 }), { minLength: n, maxLength: n }).filter((w) => w.some((x) => x > 0)),
      scores: fc.array(fc.array(fc.integer({ min: 0, max: 10 }), { minLength: n, maxLength: n }), { minLength: m, maxLength: m }),
      split: fc.integer({ min: 1, max: n }),
    }),
  )
  .map(({ weights, scores, split }) => {
    const leaf = (j: number): NodeSpec => ({ id: `L${j}`, weight: weights[j]! });
    const top = weights.slice(0, split).map((_, j) => leaf(j));
    const rest = weights.slice(split).map((_, j) => leaf(split + j));
    const spec: NodeSpec[] = rest.length > 0 ? [...top, { id: "G", weight: weights.slice(split).reduce((s, x) => s + x, 0), children: rest }] : top;
    const offers = Object.fromEntries(scores.map((s, a) => [`O${a}`, s]));
    return buildModel(buildTree(spec), offers, 10);
  });

/** Independent leaf weights when `id`'s share is t (this test's trees: leaves, and one group G of leaves). */
function weightsAt(model: LinearModel, id: string, conv: WeightConvention, t: Rational): Rational[] {
  const node = model.tree.byId.get(id)!;
  const idx = (leaf: string): number => model.leaves.indexOf(leaf);
  const leavesOf = (nid: string): number[] => (model.tree.byId.get(nid)!.children.length === 0 ? [idx(nid)] : model.tree.byId.get(nid)!.children.map(idx));
  const w = [...model.weights];
  const share = (js: number[], mass: Rational, out: Rational[]): void => {
    const sum = Rational.sum(js.map((j) => model.weights[j]!));
    for (const j of js) out[j] = sum.isZero() ? mass.div(Rational.of(js.length)) : mass.mul(model.weights[j]!).div(sum);
  };
  if (conv === "global") {
    const k = idx(id);
    const T = model.totalPoints;
    w[k] = t.mul(T);
    share(model.leaves.map((_, j) => j).filter((j) => j !== k), Rational.ONE.sub(t).mul(T), w);
    return w;
  }
  const group = node.parent === null ? model.tree.roots : model.tree.byId.get(node.parent)!.children;
  const WG = Rational.sum(group.flatMap(leavesOf).map((j) => model.weights[j]!));
  share(leavesOf(id), t.mul(WG), w);
  // Siblings proportional to their subtree weights, each subtree keeping its inner proportions.
  const sibs = group.filter((g) => g !== id);
  const sibW = sibs.map((s) => Rational.sum(leavesOf(s).map((j) => model.weights[j]!)));
  const sibSum = Rational.sum(sibW);
  const rest = Rational.ONE.sub(t).mul(WG);
  sibs.forEach((s, i) => share(leavesOf(s), sibSum.isZero() ? rest.div(Rational.of(sibs.length)) : rest.mul(sibW[i]!).div(sibSum), w));
  return w;
}

const winnersAt = (model: LinearModel, w: Rational[]): string[] => {
  const V = totals(model, w);
  const { order, ranks } = rankValues(model.offers, V);
  return order.filter((a) => ranks[a] === 1).map((a) => model.offers[a]!).sort();
};
const ranksAt = (model: LinearModel, w: Rational[]): number[] => rankValues(model.offers, totals(model, w)).ranks;

function cases(model: LinearModel): [string, WeightConvention][] {
  const out: [string, WeightConvention][] = [];
  for (const node of model.tree.nodes) {
    out.push([node.id, "local"]);
    if (node.children.length === 0) out.push([node.id, "global"]);
  }
  return out;
}

/** A few rationals strictly inside (lo, hi). */
const inside = (lo: Rational, hi: Rational): Rational[] =>
  [q(1, 1000), q(1, 3), q(1, 2), q(997, 1000)].map((f) => lo.add(hi.sub(lo).mul(f)));

describe("stability interval properties", () => {
  test.prop([arbModel], { numRuns: 150 })("inside: winner and ranking kept; just outside: changed", (model) => {
    for (const [id, conv] of cases(model)) {
      const s = stabilityInterval(model, id, conv);
      const now = winnersAt(model, model.weights);
      const nowRanks = ranksAt(model, model.weights);
      expect(winnersAt(model, weightsAt(model, id, conv, s.weight))).toEqual(now);
      expect(s.winner.lower.le(s.weight) && s.weight.le(s.winner.upper)).toBe(true);
      expect(s.winner.lower.le(s.ranking.lower) && s.ranking.upper.le(s.winner.upper)).toBe(true);
      if (s.note === "only-child") continue;
      for (const t of inside(s.winner.lower, s.winner.upper)) expect(winnersAt(model, weightsAt(model, id, conv, t))).toEqual(now);
      for (const t of inside(s.ranking.lower, s.ranking.upper)) expect(ranksAt(model, weightsAt(model, id, conv, t))).toEqual(nowRanks);
      const eps = q(1, 10 ** 6);
      if (s.winner.upper.lt(Rational.ONE)) {
        const t = Rational.min(Rational.ONE, s.winner.upper.add(eps));
        expect(winnersAt(model, weightsAt(model, id, conv, t))).not.toEqual(now);
        expect(s.winner.upperPair).not.toBeNull();
      }
      if (s.winner.lower.sign() > 0) {
        const t = Rational.max(Rational.ZERO, s.winner.lower.sub(eps));
        expect(winnersAt(model, weightsAt(model, id, conv, t))).not.toEqual(now);
        expect(s.winner.lowerPair).not.toBeNull();
      }
      if (s.ranking.upper.lt(Rational.ONE)) {
        expect(ranksAt(model, weightsAt(model, id, conv, Rational.min(Rational.ONE, s.ranking.upper.add(eps))))).not.toEqual(nowRanks);
      }
      if (s.ranking.lower.sign() > 0) {
        expect(ranksAt(model, weightsAt(model, id, conv, Rational.max(Rational.ZERO, s.ranking.lower.sub(eps))))).not.toEqual(nowRanks);
      }
      // Binding pairs tie exactly at the bound.
      for (const [bound, pairs] of [[s.winner.lower, s.winner.lowerPairs], [s.winner.upper, s.winner.upperPairs]] as const) {
        const V = totals(model, weightsAt(model, id, conv, bound));
        for (const [a, b] of pairs) expect(V[model.offers.indexOf(a)]!.eq(V[model.offers.indexOf(b)]!)).toBe(true);
      }
    }
  });

  test.prop([arbModel], { numRuns: 100 })("breakpoint map: segments tile [0, 1] and match the ranking inside", (model) => {
    for (const [id, conv] of cases(model)) {
      const map = breakpointMap(model, id, conv);
      if (stabilityInterval(model, id, conv).note === "only-child") {
        expect(map.breakpoints).toEqual([]); // constant path: nothing moves
        continue;
      }
      expect(map.segments[0]!.from.isZero()).toBe(true);
      expect(map.segments.at(-1)!.to.eq(Rational.ONE)).toBe(true);
      for (const seg of map.segments) {
        const t = seg.from.add(seg.to.sub(seg.from).mul(q(1, 7)));
        const w = weightsAt(model, id, conv, t);
        const { order, ranks } = rankValues(model.offers, totals(model, w));
        expect(seg.order).toEqual(order.map((a) => model.offers[a]!));
        expect(seg.ranks).toEqual(order.map((a) => ranks[a]!));
      }
    }
  });
});
