// Property tests on random small tenders built in memory: invariances of the scorer.
import { describe, expect } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { Rational, q } from "../../src/exact/rational.js";
import type { ScoreResult, Tender } from "../../src/domain/types.js";
import { scoreTender } from "../../src/scoring/score-tender.js";
import { buildTender, type NodeSpec, type OfferSpec } from "./builders.js";

const PRICE_METHODS = [
  "proportional",
  "linear-minmax",
  "linear-lowest",
  "linear-lowest(n=3)",
  "mean-cubic",
  "reference(ref=100; zero=400)",
  "it-linear(base=300)",
  "it-bilinear(base=300)",
  "it-concave(base=300)",
  "it-concave(base=300; alpha=0.3)",
] as const;
const QUALITY_METHODS = ["direct", "relative-best"] as const;
const STATUSES = ["ok", "ok", "ok", "excluded", "abnormally-low"] as const;

const arbLeaf = fc.record({
  price: fc.boolean(),
  priceMethod: fc.constantFrom(...PRICE_METHODS),
  qualityMethod: fc.constantFrom(...QUALITY_METHODS),
  weight: fc.integer({ min: 0, max: 40 }),
  decimals: fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined }),
  minScore: fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined }),
});
const arbRoot = fc.record({
  leaves: fc.array(arbLeaf, { minLength: 1, maxLength: 3 }),
  decimals: fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined }),
});
const arbShape = fc.record({
  roots: fc.array(arbRoot, { minLength: 1, maxLength: 3 }),
  offers: fc.array(
    fc.record({
      status: fc.constantFrom(...STATUSES),
      price: fc.integer({ min: 1, max: 500 }),
      note: fc.integer({ min: 0, max: 10 }),
    }),
    { minLength: 1, maxLength: 6 },
  ),
});
type Shape = typeof arbShape extends fc.Arbitrary<infer T> ? T : never;

/** A tender from a shape; each root's weight is the sum of its leaves'. Leaves share each offer's price/note, shifted per leaf. */
function tenderOf(shape: Shape, scale = 1, order?: number[]): Tender {
  const nodes: NodeSpec[] = [];
  const leafIds: Array<{ id: string; price: boolean }> = [];
  shape.roots.forEach((root, i) => {
    const rid = `R${i}`;
    const w = root.leaves.reduce((s, l) => s + l.weight, 0);
    nodes.push({ id: rid, weight: w * scale, ...(root.decimals === undefined ? {} : { decimals: root.decimals }) });
    root.leaves.forEach((l, j) => {
      const id = `${rid}.${j}`;
      leafIds.push({ id, price: l.price });
      nodes.push({
        id,
        parent: rid,
        weight: l.weight * scale,
        type: l.price ? "price" : "quality",
        method: l.price ? l.priceMethod : l.qualityMethod,
        max: 10,
        ...(l.decimals === undefined ? {} : { decimals: l.decimals }),
        ...(l.minScore === undefined ? {} : { minScore: l.minScore * scale }),
      });
    });
  });
  const offers: OfferSpec[] = shape.offers.map((o, i) => ({
    id: `O${i}`,
    status: o.status,
    values: Object.fromEntries(leafIds.map((l, k) => [l.id, l.price ? o.price + 17 * k : (o.note + k) % 11])),
  }));
  const ordered = order ? order.map((i) => offers[i]!) : offers;
  return buildTender(nodes, ordered);
}

const ranksOf = (res: ScoreResult): Record<string, number | null> => Object.fromEntries(res.offers.map((o) => [o.id, o.rank]));
const totalsOf = (res: ScoreResult): Record<string, string> => Object.fromEntries(res.offers.map((o) => [o.id, o.total.toString()]));

const arbShapeWithOrder = arbShape.chain((shape) =>
  fc.tuple(fc.constant(shape), fc.shuffledSubarray([...shape.offers.keys()], { minLength: shape.offers.length })),
);

describe("scoring invariances", () => {
  test.prop([arbShapeWithOrder, fc.boolean()])("permuting the offers changes no result", ([shape, order], rounding) => {
    const a = scoreTender(tenderOf(shape), { rounding });
    const b = scoreTender(tenderOf(shape, 1, order), { rounding });
    expect(totalsOf(b)).toEqual(totalsOf(a));
    expect(ranksOf(b)).toEqual(ranksOf(a));
    expect(b.winners).toEqual(a.winners);
    expect(b.offers.filter((o) => o.rank !== null).map((o) => o.id)).toEqual(a.offers.filter((o) => o.rank !== null).map((o) => o.id));
    expect(b.offers.map((o) => o.eliminated)).toEqual(b.offers.map((o) => a.offers.find((x) => x.id === o.id)!.eliminated));
    expect(b.warnings.map((w) => w.code).sort()).toEqual(a.warnings.map((w) => w.code).sort());
  });

  test.prop([arbShape, fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 7 })])(
    "multiplying every weight (and threshold) by a positive constant changes no rank",
    (shape, num, den) => {
      const base = scoreTender(tenderOf(shape), { rounding: false });
      const t = tenderOf(shape);
      const k = q(num, den);
      for (const n of t.criteria.nodes) {
        n.weight = n.weight.mul(k);
        if (n.minScore) n.minScore = n.minScore.mul(k);
      }
      const scaled = scoreTender(t, { rounding: false });
      expect(ranksOf(scaled)).toEqual(ranksOf(base));
      for (const o of scaled.offers) expect(o.total.eq(base.offers.find((x) => x.id === o.id)!.total.mul(k))).toBe(true);
    },
  );

  test.prop([arbShape, fc.boolean()])("adding a leaf of weight 0 changes no rank", (shape, rounding) => {
    const base = scoreTender(tenderOf(shape), { rounding });
    const t = tenderOf(shape);
    const extra = buildTender(
      [...t.criteria.nodes.map(toSpec), { id: "ZERO", weight: 0, type: "quality", method: "relative-best" }],
      t.offers.map((o, i) => ({ id: o.id, status: o.status, values: { ...Object.fromEntries(o.values), ZERO: i % 4 } })),
    );
    const res = scoreTender(extra, { rounding });
    expect(ranksOf(res)).toEqual(ranksOf(base));
    expect(totalsOf(res)).toEqual(totalsOf(base));
  });

  test.prop([arbShape])("without rounding a node's points are the sum of its children's; totals in [0, totalPoints]", (shape) => {
    const t = tenderOf(shape);
    const res = scoreTender(t, { rounding: false });
    for (const o of res.offers) {
      for (const n of t.criteria.nodes) {
        if (n.children.length === 0) {
          expect(o.points.get(n.id)!.eq(n.weight.mul(o.coefficients.get(n.id)!))).toBe(true);
          const c = o.coefficients.get(n.id)!;
          expect(c.sign() >= 0 && c.le(Rational.ONE)).toBe(true);
        } else {
          expect(o.points.get(n.id)!.eq(Rational.sum(n.children.map((c) => o.points.get(c)!)))).toBe(true);
        }
      }
      expect(o.total.eq(Rational.sum(t.criteria.roots.map((r) => o.points.get(r)!)))).toBe(true);
      expect(o.total.sign() >= 0 && o.total.le(t.criteria.totalPoints)).toBe(true);
    }
  });

  test.prop([arbShape, fc.boolean()])("ranks are competition ranks over admitted, non-eliminated offers", (shape, rounding) => {
    const res = scoreTender(tenderOf(shape), { rounding });
    const ranked = res.offers.filter((o) => o.rank !== null);
    expect(ranked.every((o) => o.admitted && !o.eliminated)).toBe(true);
    for (const o of ranked) expect(o.rank).toBe(1 + ranked.filter((x) => x.total.gt(o.total)).length);
    expect(res.winners).toEqual(ranked.filter((o) => o.rank === 1).map((o) => o.id));
  });
});

function toSpec(n: Tender["criteria"]["nodes"][number]): NodeSpec {
  return {
    id: n.id,
    parent: n.parent,
    weight: n.weight,
    type: n.type,
    ...(n.method ? { method: n.method } : {}),
    ...(n.max ? { max: n.max } : {}),
    ...(n.minScore ? { minScore: n.minScore } : {}),
    ...(n.decimals === null ? {} : { decimals: n.decimals }),
  };
}
