import { describe, expect, it } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { Rational, q } from "../../src/exact/rational.js";
import { clipPolygon, exactSmaa3, pairwiseWinningIndices, polygonMoments, winProbability, type Point2 } from "../../src/sensitivity/exact-smaa.js";
import type { LinearModel } from "../../src/sensitivity/model.js";
import { buildModel, flatTree, o3, str } from "./builders.js";

const R = (xs: (number | string)[]): Rational[] => xs.map((x) => q(x));
const three = flatTree({ P: 1, Q: 1, D: 1 });

describe("exact SMAA — O3 (w uniform on the triangle)", () => {
  const e = exactSmaa3(o3())!;
  const row = (id: string): number => e.offers.indexOf(id);
  it.each([
    ["A", ["13/165", "5437/43890", "10009/29260", "173/380"], ["10169/12870", "326/2145", "149/2574"]],
    ["B", ["61/440", "877/1320", "13/66", "0"], ["29/110", "7453/13420", "2429/13420"]],
    ["C", ["217/330", "431/3135", "2537/12540", "1/380"], ["13963/42966", "8201/35805", "13687/30690"]],
    ["D", ["1/8", "79/1064", "172/665", "103/190"], ["1/6", "3/4", "1/12"]],
  ])("%s: rank acceptabilities and central weights", (id, b, cw) => {
    expect(str(e.acceptability[row(id)]!)).toEqual(b);
    expect(str(e.central[row(id)]!)).toEqual(cw);
    expect(e.confidence[row(id)]).toBe(1);
  });

  it("rows and columns sum to 1; decimals as in the reference", () => {
    for (const r of e.acceptability) expect(Rational.sum(r).toString()).toBe("1");
    for (let k = 0; k < 4; k++) expect(Rational.sum(e.acceptability.map((r) => r[k]!)).toString()).toBe("1");
    expect(e.acceptability[row("A")]![1]!.toFixed(6)).toBe("0.123878");
    expect(e.central[row("C")]![2]!.toFixed(6)).toBe("0.445976");
  });

  it("pairwise P(C beats B) = 11/15, from the clipping and from the divided-difference formula", () => {
    expect(e.pairwise[row("C")]![row("B")]!.toString()).toBe("11/15");
    expect(winProbability(R([10, -20, 30])).toString()).toBe("11/15");
    const P = pairwiseWinningIndices(o3());
    expect(str(P.map((r) => r.map((x) => x)).flat())).toEqual(str(e.pairwise.flat()));
  });
});

describe("exact SMAA — O2 (JSMAA fixture)", () => {
  it("alt1 = (1, 0, 1), alt2 = (0, 1, 0)", () => {
    const e = exactSmaa3(buildModel(three, { alt1: [1, 0, 1], alt2: [0, 1, 0] }, 1))!;
    const i1 = e.offers.indexOf("alt1");
    const i2 = e.offers.indexOf("alt2");
    expect(str(e.acceptability[i1]!)).toEqual(["3/4", "1/4"]);
    expect(str(e.acceptability[i2]!)).toEqual(["1/4", "3/4"]);
    expect(str(e.central[i1]!)).toEqual(["7/18", "2/9", "7/18"]);
    expect(str(e.central[i2]!)).toEqual(["1/6", "2/3", "1/6"]);
    expect(e.confidence).toEqual([1, 1]);
  });

  it("all-zero scores: always tied, both rank 1, central weights (1/3, 1/3, 1/3)", () => {
    const m = buildModel(three, { alt1: [0, 0, 0], alt2: [0, 0, 0] }, 1);
    const e = exactSmaa3(m)!;
    expect(e.acceptability.map((r) => str(r))).toEqual([["1", "0"], ["1", "0"]]);
    expect(e.central.map((c) => str(c))).toEqual([["1/3", "1/3", "1/3"], ["1/3", "1/3", "1/3"]]);
    expect(str(pairwiseWinningIndices(m).flat())).toEqual(["0", "0", "0", "0"]);
  });
});

describe("exact SMAA — options and edge cases", () => {
  it("a box on the weights (w₂ ≤ 1/2 makes alt1 always win)", () => {
    const m = buildModel(three, { alt1: [1, 0, 1], alt2: [0, 1, 0] }, 1);
    const e = exactSmaa3(m, { upper: [q(1), q(1, 2), q(1)] })!;
    expect(str(e.acceptability[e.offers.indexOf("alt1")]!)).toEqual(["1", "0"]);
    expect(e.central[e.offers.indexOf("alt2")]).toBeNull();
    expect(e.confidence[e.offers.indexOf("alt2")]).toBeNull();
    expect(exactSmaa3(m, { lower: [q(1, 2), q(1, 2), q(1, 2)] })).toBeNull(); // empty region
  });

  it("a single offer, and a wrong number of leaves", () => {
    const e = exactSmaa3(buildModel(three, { A: [1, 2, 3] }, 3))!;
    expect(str(e.acceptability[0]!)).toEqual(["1"]);
    expect(str(e.central[0]!)).toEqual(["1/3", "1/3", "1/3"]);
    expect(() => exactSmaa3(buildModel(flatTree({ P: 1, Q: 1 }), { A: [1, 2] }))).toThrow(RangeError);
  });

  it("winProbability: repeated entries (confluent form) and degenerate vectors", () => {
    expect(winProbability(R([1, 1, -1])).toString()).toBe("3/4"); // P(w₃ < 1/2)
    expect(winProbability(R([1, -1, -1])).toString()).toBe("1/4");
    expect(winProbability(R([1, 0, -1])).toString()).toBe("1/2");
    // S = w₁ + w₂ ~ Beta(2, 2): P(2S − (1 − S) > 0) = P(S > 1/3) = 1 − (3/9 − 2/27) = 20/27.
    expect(winProbability(R([2, 2, -1, -1])).toString()).toBe("20/27");
    expect(winProbability(R([0, 0, 0])).toString()).toBe("0");
    expect(winProbability(R([1, 1, 1])).toString()).toBe("1");
    expect(winProbability(R([5])).toString()).toBe("1");
    expect(winProbability([]).toString()).toBe("0");
    // n = 2: P(d₁w + d₂(1 − w) > 0) = d₁/(d₁ − d₂) for d₁ > 0 > d₂.
    expect(winProbability(R([3, -1])).toString()).toBe("3/4");
  });
});

/** Exact P(d·w > 0) on the triangle by clipping, as an independent oracle for n = 3. */
function clipProbability(d: Rational[]): Rational {
  const tri: Point2[] = [[q(0), q(0)], [q(1), q(0)], [q(0), q(1)]];
  const [d1, d2, d3] = d as [Rational, Rational, Rational];
  const piece = clipPolygon(tri, d1.sub(d3), d2.sub(d3), d3);
  const strictNonEmpty = d.some((x) => !x.isZero());
  return strictNonEmpty ? polygonMoments(piece).area.mul(q(2)) : q(0);
}

const small = fc.integer({ min: -4, max: 4 });
describe("winProbability properties", () => {
  test.prop([fc.array(small, { minLength: 3, maxLength: 3 })], { numRuns: 300 })("n = 3: equals the clipped area (repeats included)", (d) => {
    expect(winProbability(R(d)).toString()).toBe(clipProbability(R(d)).toString());
  });

  test.prop([fc.array(small, { minLength: 1, maxLength: 6 })], { numRuns: 300 })("P(d) + P(−d) = 1 unless d = 0; P ∈ [0, 1]", (d) => {
    const p = winProbability(R(d));
    const n = winProbability(R(d.map((x) => -x)));
    expect(p.sign() >= 0 && p.le(Rational.ONE)).toBe(true);
    expect(p.add(n).toString()).toBe(d.every((x) => x === 0) ? "0" : "1");
  });

  test.prop([fc.array(small, { minLength: 2, maxLength: 5 })], { numRuns: 200 })("scale invariant and permutation invariant", (d) => {
    const p = winProbability(R(d)).toString();
    expect(winProbability(R(d.map((x) => 3 * x))).toString()).toBe(p);
    expect(winProbability(R([...d].reverse())).toString()).toBe(p);
  });

  test.prop([fc.array(fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 3, maxLength: 3 }), { minLength: 2, maxLength: 4 })], { numRuns: 60 })(
    "n = 3 SMAA: acceptabilities are distributions; pairwise equals the formula",
    (rows) => {
      const scores = Object.fromEntries(rows.map((r, a) => [`O${a}`, r]));
      const m: LinearModel = buildModel(three, scores, 5);
      const e = exactSmaa3(m)!;
      for (const r of e.acceptability) expect(Rational.sum(r).toString()).toBe("1");
      expect(str(e.pairwise.flat())).toEqual(str(pairwiseWinningIndices(m).flat()));
    },
  );
});
