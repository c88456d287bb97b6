// The fast stabilityIntervals (integer contributions, O(m) per node) equals the generic path-by-path
// computation on random models: flat and three-level trees, zero weights, ties, price-like
// coefficients with distinct denominators.
import { describe, expect, it } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { q } from "../../src/exact/rational.js";
import { stabilityIntervals } from "../../src/sensitivity/stability.js";
import { buildModel, buildTree, o3, o5, type NodeSpec } from "./builders.js";

const arbModel = fc
  .record({ m: fc.integer({ min: 1, max: 6 }), n: fc.integer({ min: 1, max: 7 }) })
  .chain(({ m, n }) =>
    fc.record({
      weights: fc.array(fc.integer({ min: 0, max: 6 }), { minLength: n, maxLength: n }),
      scores: fc.array(fc.array(fc.integer({ min: 0, max: 4 }), { minLength: n, maxLength: n }), { minLength: m, maxLength: m }),
      dens: fc.array(fc.integer({ min: 1, max: 7 }), { minLength: m, maxLength: m }),
      split: fc.integer({ min: 0, max: n }),
      split2: fc.integer({ min: 0, max: n }),
    }),
  )
  .map(({ weights, scores, dens, split, split2 }) => {
    // Leaves [0, s1) top-level; [s1, s2) under G; [s2, n) under H inside G (a three-level tree).
    const s1 = Math.min(split, split2);
    const s2 = Math.max(split, split2);
    const leaf = (j: number): NodeSpec => ({ id: `L${j}`, weight: weights[j]! });
    const sum = (a: number, b: number): number => weights.slice(a, b).reduce((s, x) => s + x, 0);
    const inner: NodeSpec[] = weights.slice(s1, s2).map((_, j) => leaf(s1 + j));
    if (s2 < weights.length) inner.push({ id: "H", weight: sum(s2, weights.length), children: weights.slice(s2).map((_, j) => leaf(s2 + j)) });
    const spec: NodeSpec[] = weights.slice(0, s1).map((_, j) => leaf(j));
    if (inner.length > 0) spec.push({ id: "G", weight: sum(s1, weights.length), children: inner });
    // Score / den per offer: coefficients with distinct denominators (as price formulas give).
    const offers = Object.fromEntries(scores.map((s, a) => [`O${a}`, s.map((x) => q(x, dens[a]!))]));
    return buildModel(buildTree(spec), offers, 4);
  });

describe("fast stability intervals", () => {
  it("O3 and O5: identical to the generic computation", () => {
    for (const m of [o3(), o5()]) expect(stabilityIntervals(m)).toEqual(stabilityIntervals(m, { generic: true }));
  });
  test.prop([arbModel], { numRuns: 300 })("equal to the generic path-by-path computation", (model) => {
    expect(stabilityIntervals(model)).toEqual(stabilityIntervals(model, { generic: true }));
  });
});

describe("breakpointMap topN", () => {
  it("O3, top 2: only C and B, their one crossing", async () => {
    const { breakpointMap } = await import("../../src/sensitivity/stability.js");
    const full = breakpointMap(o3(), "Price", "global");
    const top = breakpointMap(o3(), "Price", "global", { topN: 2 });
    expect(top.lines.map((l) => l.offer)).toEqual(["C", "B"]);
    const cb = full.breakpoints.filter((b) => b.pairs.some((p) => p.includes("C") && p.includes("B")));
    expect(top.breakpoints.map((b) => b.t.toString())).toEqual(cb.map((b) => b.t.toString()));
    expect(breakpointMap(o3(), "Price", "global", { topN: 10 })).toEqual(full);
  });
});
