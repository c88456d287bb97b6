// Single-score thresholds (sensitivity-methods.md §4, §9 O3) and the exact inversion of relative price
// rules. Expected values are worked by hand in the comments.
import { describe, expect, it } from "vitest";
import { Rational, q } from "../../src/exact/rational.js";
import { noteMargin, scoreThresholds, type ScoreThreshold } from "../../src/sensitivity/score-threshold.js";
import { scoreTender } from "../../src/scoring/score-tender.js";
import { buildTender } from "../scoring/builders.js";
import { o3Tender } from "./score-o3-tender.js";

const find = (ts: ScoreThreshold[], challenger: string, leaf: string, direction: ScoreThreshold["direction"]) =>
  ts.find((t) => t.challenger === challenger && t.leaf === leaf && t.direction === direction)!;
const s = (r: Rational | null) => (r === null ? null : r.toString());

describe("single-score thresholds on O3 (tie with C = 86)", () => {
  const res = scoreThresholds(o3Tender());
  it("B: Price +10 → 90, Quality +50/3 → 320/3 (impossible), Delivery +25 → 95", () => {
    expect(res.winner).toBe("C");
    const p = find(res.thresholds, "B", "price", "raise-challenger");
    expect([s(p.delta), s(p.target), p.reachable]).toEqual(["10", "90", true]);
    const qy = find(res.thresholds, "B", "quality", "raise-challenger");
    expect([s(qy.delta), s(qy.target), qy.reachable, qy.reason]).toEqual(["50/3", "320/3", false, "above-scale"]);
    const d = find(res.thresholds, "B", "delivery", "raise-challenger");
    expect([s(d.delta), s(d.target), d.reachable]).toEqual(["25", "95", true]);
  });
  it("A: Price +16 → 116 (impossible), Quality +80/3 → 260/3, Delivery +40 → 90", () => {
    const t = (leaf: string) => find(res.thresholds, "A", leaf, "raise-challenger");
    expect([s(t("price").delta), t("price").reachable]).toEqual(["16", false]);
    expect([s(t("quality").delta), s(t("quality").target), t("quality").reachable]).toEqual(["80/3", "260/3", true]);
    expect([s(t("delivery").delta), s(t("delivery").target), t("delivery").reachable]).toEqual(["40", "90", true]);
  });
  it("D: Price +26 → 96, the others impossible", () => {
    const t = (leaf: string) => find(res.thresholds, "D", leaf, "raise-challenger");
    expect([s(t("price").delta), t("price").reachable]).toEqual(["26", true]);
    expect(t("quality").reachable).toBe(false);
    expect(t("delivery").reachable).toBe(false);
  });
  it("lowering C to tie B: Price −10, Quality −50/3, Delivery −25", () => {
    const t = (leaf: string) => find(res.thresholds, "B", leaf, "lower-winner");
    expect(t("price").mover).toBe("C");
    expect([s(t("price").delta), s(t("quality").delta), s(t("delivery").delta)]).toEqual(["-10", "-50/3", "-25"]);
    expect([t("price").reachable, t("quality").reachable, t("delivery").reachable]).toEqual([true, true, true]);
  });
  it("jury-note margin: 10 points (B on Price, or lowering C on Price)", () => {
    expect(res.noteMargin).not.toBeNull();
    expect(s(res.noteMargin!.points)).toBe("10");
    expect(res.noteMargin!.leaf).toBe("price");
    expect(noteMargin([])).toBeNull();
  });
});

describe("price inversion under proportional (Pmin / P), both pieces", () => {
  // Price 60 proportional, Quality 40 direct /10. A: 100 €, note 5; B: 125 €, note 10.
  // A = 60 + 20 = 80; B = 60·100/125 + 40 = 48 + 40 = 88: B wins, A challenges.
  const tender = buildTender(
    [
      { id: "P", weight: 60, type: "price", method: "proportional" },
      { id: "Q", weight: 40, method: "direct", max: 10 },
    ],
    [
      { id: "A", values: { P: 100, Q: 5 } },
      { id: "B", values: { P: 125, Q: 10 } },
    ],
  );
  it("below Pmin: A sets Pmin, B's note scales by x/125; tie at 60 + 20 = 60x/125 + 40 → x = 83 1/3", () => {
    // A at x < 125 (the other price): c_A = 1 → 80; B: 60·x/125 + 40 = 80 → x = 250/3.
    const res = scoreThresholds(tender);
    const t = find(res.thresholds, "A", "P", "raise-challenger");
    expect([s(t.target), s(t.delta), t.method, t.reachable]).toEqual(["250/3", "-50/3", "exact", true]);
    const check = scoreTender(tender, { rounding: false, values: new Map([["A", new Map([["P", t.target!]])]]) });
    expect(check.offers.find((o) => o.id === "A")!.total.eq(check.offers.find((o) => o.id === "B")!.total)).toBe(true);
  });
  it("above Pmin: lowering the winner (B raises its price): only B's note moves, 60·100/x + 40 = 80 → x = 150", () => {
    const res = scoreThresholds(tender);
    const t = find(res.thresholds, "A", "P", "lower-winner");
    expect([t.mover, s(t.target), s(t.delta), t.method]).toEqual(["B", "150", "25", "exact"]);
  });
  it("above Pmin for the challenger: C at 200 €, note 10, behind B; tie at 60·100/x + 40 = 88 → x = 125", () => {
    const t3 = buildTender(
      [
        { id: "P", weight: 60, type: "price", method: "proportional" },
        { id: "Q", weight: 40, method: "direct", max: 10 },
      ],
      [
        { id: "A", values: { P: 100, Q: 5 } },
        { id: "B", values: { P: 125, Q: 10 } },
        { id: "C", values: { P: 200, Q: 10 } },
      ],
    );
    // A = 80, B = 88, C = 30 + 40 = 70. C needs 60·100/x = 48 → x = 125 (≥ Pmin 100: only C moves).
    const t = find(scoreThresholds(t3).thresholds, "C", "P", "raise-challenger");
    expect([s(t.target), s(t.delta), t.reachable]).toEqual(["125", "-75", true]);
  });
  it("a tie that needs a non-positive price is unreachable", () => {
    // A: 100 €, note 0 → 60; B: 125 €, note 10 → 88. Even at P → 0 A gets 60 + 0 vs B → 40: wait, B's
    // price note goes to 0 only at x = 0: 60 = 60·x/125 + 40 → x = 125/3 > 0, reachable. Use weight 20:
    const t2 = buildTender(
      [
        { id: "P", weight: 20, type: "price", method: "proportional" },
        { id: "Q", weight: 80, method: "direct", max: 10 },
      ],
      [
        { id: "A", values: { P: 100, Q: 0 } },
        { id: "B", values: { P: 125, Q: 10 } },
      ],
    );
    // A = 20; B = 16 + 80 = 96; at x ≤ 125: 20 = 20x/125 + 80 → x = −375: impossible.
    const t = find(scoreThresholds(t2).thresholds, "A", "P", "raise-challenger");
    expect([s(t.target), t.reachable, t.reason]).toEqual(["-375", false, "non-positive-price"]);
  });
});

describe("other rules", () => {
  it("min–max with two offers: the totals jump at the other price (any price below it wins)", () => {
    // P 60 minmax, Q 40 direct /10. A 100 €, note 10 → 60 + 40 = 100; B 110 €, note 9 → 0 + 36.
    const t = buildTender(
      [
        { id: "P", weight: 60, type: "price", method: "linear-minmax" },
        { id: "Q", weight: 40, method: "direct", max: 10 },
      ],
      [
        { id: "A", values: { P: 100, Q: 10 } },
        { id: "B", values: { P: 110, Q: 9 } },
      ],
    );
    const th = find(scoreThresholds(t).thresholds, "B", "P", "raise-challenger");
    // At 100 both get 60 (all equal): B 96 < A 100; below 100, B gets 60 and A 0: B wins.
    expect([s(th.target), th.jump, th.reachable]).toEqual(["100", true, true]);
  });
  it("mean-cubic is bracketed by bisection, and the bracket contains a sign change", () => {
    const t = buildTender(
      [
        { id: "P", weight: 50, type: "price", method: "mean-cubic" },
        { id: "Q", weight: 50, method: "direct", max: 10 },
      ],
      [
        { id: "A", values: { P: 100, Q: 6 } },
        { id: "B", values: { P: 120, Q: 7 } },
        { id: "C", values: { P: 150, Q: 10 } },
      ],
    );
    const res = scoreThresholds(t);
    const winner = res.winner!;
    const th = res.thresholds.find((x) => x.kind === "price" && x.direction === "raise-challenger" && x.bracket !== null)!;
    expect(th.method).toBe("bisection");
    const gap = (x: Rational) => {
      const r = scoreTender(t, { rounding: false, values: new Map([[th.mover, new Map([["P", x]])]]) });
      const tot = (id: string) => r.offers.find((o) => o.id === id)!.total;
      return tot(th.challenger).sub(tot(winner));
    };
    const lo = gap(th.bracket!.lower);
    const hi = gap(th.bracket!.upper);
    expect(lo.sign() * hi.sign()).toBeLessThanOrEqual(0);
    expect(th.bracket!.upper.sub(th.bracket!.lower).lt(q("0.000001"))).toBe(true);
  });
  it("relative-best: the challenger overtaking the best note rescales everybody", () => {
    // Q1 50 relative-best, Q2 50 direct /10. A: 8, 10 → 50 + 50 = 100; B: 6, 9 → 37.5 + 45 = 82.5.
    // B above 8: c_B = 1, c_A = 8/x: 50 + 45 = 50·8/x + 50 → 400/x = 45 → x = 80/9 ≈ 8.89 > 8.
    // B at x ≤ 8: 50x/8 + 45 = 100 → x = 8.8 > 8: not on this piece. So 80/9.
    const t = buildTender(
      [
        { id: "Q1", weight: 50, method: "relative-best" },
        { id: "Q2", weight: 50, method: "direct", max: 10 },
      ],
      [
        { id: "A", values: { Q1: 8, Q2: 10 } },
        { id: "B", values: { Q1: 6, Q2: 9 } },
      ],
    );
    const th = find(scoreThresholds(t).thresholds, "B", "Q1", "raise-challenger");
    expect([s(th.target), th.method, th.reachable]).toEqual(["80/9", "exact", true]);
  });
});

describe("edge cases", () => {
  it("a single offer: no threshold, no margin", () => {
    const t = buildTender([{ id: "Q", weight: 100, method: "direct", max: 10 }], [{ id: "A", values: { Q: 5 } }]);
    expect(scoreThresholds(t)).toEqual({ winner: "A", thresholds: [], noteMargin: null });
  });
  it("all-equal scores: co-winners already tie (Δ = 0), no NaN", () => {
    const t = buildTender(
      [{ id: "Q", weight: 100, method: "direct", max: 10 }],
      [
        { id: "A", values: { Q: 5 } },
        { id: "B", values: { Q: 5 } },
      ],
    );
    const res = scoreThresholds(t);
    expect(res.thresholds.every((x) => x.delta !== null && x.delta.isZero())).toBe(true);
    expect(s(res.noteMargin!.points)).toBe("0");
  });
  it("a leaf of weight 0 is skipped", () => {
    const t = buildTender(
      [
        { id: "Q", weight: 100, method: "direct", max: 10 },
        { id: "Z", weight: 0, method: "direct", max: 10 },
      ],
      [
        { id: "A", values: { Q: 6, Z: 1 } },
        { id: "B", values: { Q: 5, Z: 1 } },
      ],
    );
    expect(scoreThresholds(t).thresholds.some((x) => x.leaf === "Z")).toBe(false);
  });
});
