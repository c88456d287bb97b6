import { describe, expect, it } from "vitest";
import { q, type Rational } from "../../src/exact/rational.js";
import { scoreWithUnknowns } from "../../src/check/unknowns.js";
import type { Interval } from "../../src/check/interval.js";
import { buildTender } from "../scoring/builders.js";

const show = (i: Interval) =>
  `${i.lo.attained ? "[" : "]"}${i.lo.value.toString()}, ${i.hi.value.toString()}${i.hi.attained ? "]" : "["}`;

describe("score with unknown notes (direct, independent): exact intervals and ranks", () => {
  // Q1: weight 60, scale 20 (points = 3 × note); Q2: weight 40, scale 10 (points = 4 × note).
  const nodes = [
    { id: "Q1", weight: 60, max: 20, method: "direct" },
    { id: "Q2", weight: 40, max: 10, method: "direct" },
  ];
  it("A = 45 + 4y ∈ [45, 85]; B ∈ [0, 100]; C = 30 + 32 = 62; every rank 1–3; the award depends", () => {
    const t = buildTender(nodes, [
      { id: "A", values: { Q1: 15, Q2: null } },
      { id: "B", values: { Q1: null, Q2: null } },
      { id: "C", values: { Q1: 10, Q2: 8 } },
    ]);
    const r = scoreWithUnknowns(t);
    const by = (id: string) => r.offers.find((o) => o.id === id)!;
    expect(show(by("A").total)).toBe("[45, 85]");
    expect(show(by("B").total)).toBe("[0, 100]");
    expect(show(by("C").total)).toBe("[62, 62]");
    expect(r.unknowns).toHaveLength(3);
    expect(r.rankMethod).toBe("exact");
    for (const id of ["A", "B", "C"]) expect([by(id).bestRank, by(id).worstRank]).toEqual([1, 3]);
    expect(r.winner).toEqual({ status: "depends", offer: null, possible: ["B", "A", "C"] });
  });
  it("a winner that holds whatever the unknowns is certain: A = 100; B = 30 + 4y ≤ 70", () => {
    const t = buildTender(nodes, [
      { id: "A", values: { Q1: 20, Q2: 10 } },
      { id: "B", values: { Q1: 10, Q2: null } },
    ]);
    const r = scoreWithUnknowns(t);
    expect(r.winner).toEqual({ status: "certain", offer: "A", possible: ["A"] });
    expect(r.offers.map((o) => [o.id, o.bestRank, o.worstRank])).toEqual([
      ["A", 1, 1],
      ["B", 2, 2],
    ]);
  });
  it("the buyer's rounding goes through the bounds: weight 10, scale 3, 2 decimals → [0, 10]; known 1 → 3.33", () => {
    const t = buildTender([{ id: "Q", weight: 10, max: 3, method: "direct", decimals: 2 }], [
      { id: "A", values: { Q: null } },
      { id: "B", values: { Q: 1 } },
    ]);
    const r = scoreWithUnknowns(t);
    expect(show(r.offers.find((o) => o.id === "B")!.total)).toBe("[333/100, 333/100]");
    expect(show(r.offers.find((o) => o.id === "A")!.total)).toBe("[0, 10]");
  });
});

describe("score with one unknown price under proportional (shared through Pmin)", () => {
  // P: weight 60, proportional; Q: weight 40, scale 20 (points = 2 × note).
  // A: 100, note 10 (Q = 20); B: 125, note 15 (Q = 30); C: price p unknown, note 12 (Q = 24).
  const t = buildTender(
    [
      { id: "P", weight: 60, type: "price", method: "proportional" },
      { id: "Q", weight: 40, max: 20, method: "direct" },
    ],
    [
      { id: "A", values: { P: 100, Q: 10 } },
      { id: "B", values: { P: 125, Q: 15 } },
      { id: "C", values: { P: null, Q: 12 } },
    ],
  );
  const total = (r: ReturnType<typeof scoreWithUnknowns>, id: string) => show(r.offers.find((o) => o.id === id)!.total);

  it("default range (0, +∞): Pmin = min(100, p) moves everybody; limits are not attained", () => {
    const r = scoreWithUnknowns(t);
    // A: 60 × min(100, p)/100 + 20 → ]20, 80] (p → 0⁺ gives 0, never reached; p ≥ 100 gives 60).
    expect(total(r, "A")).toBe("]20, 80]");
    // B: 60 × min(100, p)/125 + 30 → ]30, 78].
    expect(total(r, "B")).toBe("]30, 78]");
    // C: 60 × min(100, p)/p + 24 → ]24, 84] (p ≤ 100 gives 60; p → +∞ gives 0, never reached).
    expect(total(r, "C")).toBe("]24, 84]");
    expect(r.rankMethod).toBe("superset");
    expect(r.offers.map((o) => [o.id, o.bestRank, o.worstRank])).toEqual([
      ["C", 1, 3],
      ["A", 1, 3],
      ["B", 1, 3],
    ]);
    expect(r.winner.status).toBe("undetermined");
  });
  it("a user range [80, 200] is closed: A [68, 80], B [68.4, 78], C [54, 84]", () => {
    const r = scoreWithUnknowns(t, { priceRange: { lo: q(80), hi: q(200) } });
    expect(total(r, "A")).toBe("[68, 80]"); // 60 × 80/100 + 20 … 60 + 20
    expect(total(r, "B")).toBe("[342/5, 78]"); // 60 × 80/125 + 30 = 68.4 … 48 + 30
    expect(total(r, "C")).toBe("[54, 84]"); // 60 × 100/200 + 24 … 60 + 24
  });
});

describe("limits of other price rules at +∞", () => {
  it("linear-minmax: a competitor's price → +∞ pushes the others towards 1, never reached", () => {
    const t = buildTender([{ id: "P", weight: 10, type: "price", method: "linear-minmax" }], [
      { id: "A", values: { P: 100 } },
      { id: "B", values: { P: 150 } },
      { id: "C", values: { P: null } },
    ]);
    const r = scoreWithUnknowns(t);
    const b = r.offers.find((o) => o.id === "B")!.total;
    // B: 0 when C ≤ 100 … (p − 150)/(p − 100) × 10 → 10 as p → +∞.
    expect(show(b)).toBe("[0, 10[");
    const c = r.offers.find((o) => o.id === "C")!.total;
    expect(show(c)).toBe("[0, 10]");
  });
  it("mean-cubic: own price → +∞ gives 1/(1 + n³) of the weight (n = 2 admitted), never reached", () => {
    const t = buildTender([{ id: "P", weight: 90, type: "price", method: "mean-cubic" }], [
      { id: "A", values: { P: 100 } },
      { id: "B", values: { P: null } },
    ]);
    const lo: Rational = scoreWithUnknowns(t).offers.find((o) => o.id === "B")!.total.lo.value;
    expect(lo.eq(q(10))).toBe(true); // 90 / (1 + 8)
  });
});
