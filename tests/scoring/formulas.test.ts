// Worked examples of procurement-scoring.md §8, formula by formula, through coefficient() and scoreTender().
import { describe, expect, it } from "vitest";
import { q, type Rational } from "../../src/exact/rational.js";
import { coefficient } from "../../src/scoring/formulas/index.js";
import { scoreTender } from "../../src/scoring/score-tender.js";
import { method, priceTender, r, type Num } from "./builders.js";

const coefs = (m: string, prices: Num[]): Rational[] => {
  const admitted = prices.map(r);
  const spec = method(m);
  return admitted.map((p) => coefficient(spec, p, { admitted, params: spec.params, max: null }).value);
};
const fixed = (xs: Rational[], d: number): string[] => xs.map((x) => x.toFixed(d));
const pointsOf = (m: string, prices: Num[], weight: Num, opts = {}): Rational[] => {
  const res = scoreTender(priceTender(m, prices, weight), opts);
  return prices.map((_, i) => res.offers.find((o) => o.id === String.fromCharCode(65 + i))!.total);
};

describe("proportional (Pmin / P)", () => {
  it("UK CCS: £15,000 / £10,000 / £30,000 → 2/3, 1, 1/3", () => {
    expect(coefs("proportional", [15000, 10000, 30000]).map(String)).toEqual(["2/3", "1", "1/3"]);
  });
  it("impactbids: weight 40, £100 / 105 / 108 → 40, 800/21, 1000/27; decimals 0 → 40, 38, 37", () => {
    expect(pointsOf("proportional", [100, 105, 108], 40).map(String)).toEqual(["40", "800/21", "1000/27"]);
    const t = priceTender("proportional", [100, 105, 108], 40);
    t.criteria.byId.get("P")!.decimals = 0;
    const res = scoreTender(t);
    expect(res.offers.map((o) => [o.id, o.total.toString()])).toEqual([["A", "40"], ["B", "38"], ["C", "37"]]);
    expect(scoreTender(t, { rounding: false }).offers[1]!.total.toString()).toBe("800/21");
    expect(res.offers[1]!.coefficients.get("P")!.toString()).toBe("20/21"); // before rounding
  });
});

describe("prices 100 / 120 / 150, Nmax = 10 (§8 [D])", () => {
  it("classique 10 / 8.3333 / 6.6667", () => {
    expect(fixed(pointsOf("proportional", [100, 120, 150], 10), 4)).toEqual(["10.0000", "8.3333", "6.6667"]);
  });
  it("min–max 10 / 6 / 0", () => {
    expect(pointsOf("linear-minmax", [100, 120, 150], 10).map(String)).toEqual(["10", "6", "0"]);
  });
  it("vs Pmin, n = 2: 10 / 8 / 5", () => {
    expect(pointsOf("linear-lowest", [100, 120, 150], 10).map(String)).toEqual(["10", "8", "5"]);
    expect(pointsOf("linear-lowest(n=2)", [100, 120, 150], 10).map(String)).toEqual(["10", "8", "5"]);
  });
  it("mean-cubic × 50: 32.6150 / 26.0269 / 17.8635, exact", () => {
    const pts = pointsOf("mean-cubic", [100, 120, 150], 50);
    expect(fixed(pts, 4)).toEqual(["32.6150", "26.0269", "17.8635"]);
    const m = q(370, 3);
    expect(pts[0]!.eq(q(50).mul(m.pow(3)).div(q(100).pow(3).add(m.pow(3))))).toBe(true);
  });
});

describe("linear-lowest", () => {
  it("agorapublix: weight 40, Pmin 200, P 235 → 33", () => {
    expect(pointsOf("linear-lowest(n=2)", [200, 235], 40).map(String)).toEqual(["40", "33"]);
  });
  it("clamps at 0 beyond n·Pmin and records it", () => {
    const res = scoreTender(priceTender("linear-lowest", [100, 250], 10));
    expect(res.offers[1]!.total.toString()).toBe("0");
    expect(res.warnings.map((w) => w.code)).toContain("COEFFICIENT_CLAMPED");
  });
  it("n = 3", () => {
    expect(pointsOf("linear-lowest(n=3)", [100, 200, 300], 10).map(String)).toEqual(["10", "5", "0"]);
  });
});

describe("reference (absolute)", () => {
  it("1 at or below ref, 0 at or above zero, linear between, ignores the others", () => {
    expect(coefs("reference(ref=100; zero=200)", [80, 100, 150, 200, 250]).map(String)).toEqual(["1", "1", "1/2", "0", "0"]);
    expect(coefs("reference(ref=100; zero=200)", [150]).map(String)).toEqual(["1/2"]);
  });
});

describe("Italian rules, discounts 10 / 20 / 30 % (base 100, prices 90 / 80 / 70)", () => {
  const prices = [90, 80, 70];
  it("R / Rmax", () => {
    expect(coefs("it-linear(base=100)", prices).map(String)).toEqual(["1/3", "2/3", "1"]);
  });
  it.each([
    ["0.8", ["0.400", "0.800", "1.000"]],
    ["0.85", ["0.425", "0.850", "1.000"]],
    ["0.9", ["0.450", "0.900", "1.000"]],
  ])("bilinear x = %s", (x, expected) => {
    expect(fixed(coefs(`it-bilinear(base=100; x=${x})`, prices), 3)).toEqual(expected);
  });
  it("bilinear default x = 0.85", () => {
    expect(coefs("it-bilinear(base=100)", prices).map(String)).toEqual(["17/40", "17/20", "1"]);
  });
  it.each([
    ["0.5", ["0.5774", "0.8165", "1.0000"]],
    ["0.3", ["0.7192", "0.8855", "1.0000"]],
  ])("concave α = %s, flagged inexact", (alpha, expected) => {
    const spec = method(`it-concave(base=100; alpha=${alpha})`);
    const admitted = prices.map(r);
    const res = admitted.map((p) => coefficient(spec, p, { admitted, params: spec.params, max: null }));
    expect(fixed(res.map((x) => x.value), 4)).toEqual(expected);
    expect(res.map((x) => x.inexact)).toEqual([true, true, false]);
    const scored = scoreTender(priceTender(`it-concave(base=100; alpha=${alpha})`, prices, 1));
    expect(scored.warnings.find((w) => w.code === "INEXACT_FORMULA")?.args["count"]).toBe(2);
    expect(scored.offers.find((o) => o.id === "A")!.inexact).toBe(true);
  });
  it("concave with an integer α is exact", () => {
    const spec = method("it-concave(base=100; alpha=2)");
    const admitted = prices.map(r);
    const c = coefficient(spec, q(90), { admitted, params: spec.params, max: null });
    expect([c.value.toString(), c.inexact]).toEqual(["1/9", false]);
  });
  it("price above base → 0, clamped, PRICE_ABOVE_BASE", () => {
    const res = scoreTender(priceTender("it-linear(base=100)", [90, 110], 10));
    expect(res.offers.map((o) => o.total.toString())).toEqual(["10", "0"]);
    const w = res.warnings.find((x) => x.code === "PRICE_ABOVE_BASE");
    expect(w?.args).toMatchObject({ leaf: "P", offers: "B", count: 1 });
  });
  it("Rmax ≤ 0 → 0 for all with a warning", () => {
    const res = scoreTender(priceTender("it-bilinear(base=100)", [100, 120], 10));
    expect(res.offers.map((o) => o.total.toString())).toEqual(["0", "0"]);
    expect(res.warnings.map((w) => w.code)).toContain("NO_POSITIVE_DISCOUNT");
  });
  it("single offer / all equal: linear and concave → 1, bilinear → x", () => {
    expect(coefs("it-linear(base=100)", [80, 80]).map(String)).toEqual(["1", "1"]);
    expect(coefs("it-concave(base=100)", [80]).map(String)).toEqual(["1"]);
    expect(coefs("it-bilinear(base=100; x=0.9)", [80, 80]).map(String)).toEqual(["9/10", "9/10"]);
  });
});

describe("quality rules", () => {
  it("direct: note / max", () => {
    const spec = method("direct");
    const c = coefficient(spec, q(15), { admitted: [], params: {}, max: q(20) });
    expect(c.value.toString()).toBe("3/4");
    expect(coefficient(spec, q(25), { admitted: [], params: {}, max: q(20) })).toMatchObject({ clamped: true });
  });
  it("relative-best: note / best admitted note; best = 0 → all 0 with a warning", () => {
    expect(coefs("relative-best", [8, 16, 12]).map(String)).toEqual(["1/2", "1", "3/4"]);
    const t = priceTender("relative-best", [0, 0], 10);
    t.criteria.byId.get("P")!.type = "quality";
    const res = scoreTender(t);
    expect(res.offers.map((o) => o.total.toString())).toEqual(["0", "0"]);
    expect(res.warnings.map((w) => w.code)).toContain("BEST_NOTE_ZERO");
  });
});
