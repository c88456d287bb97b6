import { describe, expect, it } from "vitest";
import { Rational, q } from "../../src/exact/rational.js";
import type { ScoreResult, ScoredOffer, Tender } from "../../src/domain/types.js";
import { leafShares, linearModel, nodePoints, rankValues, spreadMass, subtreeLeaves, totals } from "../../src/sensitivity/model.js";
import { buildTree, o5, str } from "./builders.js";

function scored(id: string, rank: number | null, coefficients: [string, Rational][]): ScoredOffer {
  return {
    id,
    label: id,
    status: "ok",
    admitted: rank !== null,
    eliminated: false,
    eliminatedBy: [],
    coefficients: new Map(coefficients),
    points: new Map(),
    total: q(0),
    rank,
    inexact: false,
  };
}

describe("linearModel", () => {
  const tree = buildTree([
    { id: "P", weight: 40 },
    { id: "Q", weight: 60, children: [{ id: "T", weight: 40 }, { id: "S", weight: 20 }] },
  ]);
  const tender: Tender = { criteria: tree, offers: [], declared: [], inputs: [] };

  it("takes the ranked offers in result order and their coefficients on the leaves", () => {
    const result: ScoreResult = {
      offers: [
        scored("Y", 1, [["P", q(4, 5)], ["T", q(7, 10)], ["S", q(9, 10)]]),
        scored("X", 2, [["P", q(1)], ["T", q(1, 2)], ["S", q(3, 5)]]),
        scored("E", null, []),
      ],
      winners: ["Y"],
      warnings: [],
    };
    const m = linearModel(tender, result);
    expect(m.offers).toEqual(["Y", "X"]);
    expect(m.leaves).toEqual(["P", "T", "S"]);
    expect(str(m.weights)).toEqual(["40", "40", "20"]);
    expect(m.totalPoints.toString()).toBe("100");
    expect(str(totals(m))).toEqual(["78", "72"]);
    expect(str(leafShares(m))).toEqual(["2/5", "2/5", "1/5"]);
  });

  it("reads a missing coefficient on a weightless leaf as 0, and rejects one on a weighted leaf", () => {
    const t0 = buildTree([{ id: "P", weight: 100 }, { id: "Z", weight: 0 }]);
    const m = linearModel({ ...tender, criteria: t0 }, { offers: [scored("A", 1, [["P", q(1)]])], winners: ["A"], warnings: [] });
    expect(str(m.coef[0]!)).toEqual(["1", "0"]);
    expect(() => linearModel(tender, { offers: [scored("A", 1, [["P", q(1)]])], winners: ["A"], warnings: [] })).toThrow(RangeError);
  });
});

describe("model helpers", () => {
  it("rankValues: competition ranks, ties by id", () => {
    const r = rankValues(["b", "a", "c"], [q(5), q(5), q(7)]);
    expect(r.order).toEqual([2, 1, 0]);
    expect(r.ranks).toEqual([2, 2, 1]);
  });

  it("subtree leaves, node points, and mass spreading (proportional, equal when weightless)", () => {
    const m = o5();
    expect(subtreeLeaves(m, "Quality")).toEqual([1, 2]);
    expect(nodePoints(m, "Quality").toString()).toBe("60");
    expect(str(spreadMass(m, ["Quality"], q(90)))).toEqual(["0", "60", "30"]);
    const tree = buildTree([{ id: "G", weight: 0, children: [{ id: "A", weight: 0 }, { id: "B", weight: 0 }] }, { id: "C", weight: 1 }]);
    const zero = { ...m, tree, leaves: tree.leaves, weights: [q(0), q(0), q(1)], coef: [], offers: [] };
    expect(str(spreadMass(zero, ["G"], q(1)))).toEqual(["1/2", "1/2", "0"]);
    expect(str(spreadMass(zero, ["G", "C"], q(1)))).toEqual(["0", "0", "1"]);
  });

  it("leafShares: equal shares when the total is 0", () => {
    const m = { ...o5(), weights: [q(0), q(0), q(0)], totalPoints: q(0) };
    expect(str(leafShares(m))).toEqual(["1/3", "1/3", "1/3"]);
  });
});
