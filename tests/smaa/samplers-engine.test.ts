import { describe, expect, it } from "vitest";
import { runSmaaSync } from "../../src/smaa/smaa2.js";
import type { SmaaProblem } from "../../src/smaa/types.js";
import { O3 } from "./build.js";

describe("engine with constrained samplers", () => {
  it("ordinal: central weights keep the announced order Price ≥ Quality ≥ Delivery", () => {
    const r = runSmaaSync(O3, { samples: 50_000, seed: 1, sampler: { kind: "ordinal" } });
    expect(r.method).toBe("exact-uniform");
    for (const cw of Object.values(r.centralWeights)) {
      if (!cw) continue;
      expect(cw["Price"]! >= cw["Quality"]! && cw["Quality"]! >= cw["Delivery"]!).toBe(true);
    }
  });

  it("box ±10 points (rejection): central weights stay in the box; C wins more often", () => {
    const r = runSmaaSync(O3, { samples: 50_000, seed: 1, sampler: { kind: "box", points: 10, level: "leaf" } });
    expect(r.method).toBe("rejection");
    const lo = [0.4, 0.2, 0.1];
    const hi = [0.6, 0.4, 0.3];
    for (const cw of Object.values(r.centralWeights)) {
      if (!cw) continue;
      ["Price", "Quality", "Delivery"].forEach((l, j) => expect(cw[l]! >= lo[j]! && cw[l]! <= hi[j]!).toBe(true));
    }
    // within the box the award can only move to B (L∞ distance 1/10 for B; A and D need more)
    expect(r.rankAcceptability["A"]![0]).toBe(0);
    expect(r.rankAcceptability["D"]![0]).toBe(0);
    expect(r.centralWeights["A"]).toBeNull();
    expect(r.confidence["A"]).toBeNull();
    expect(r.rankAcceptability["C"]![0]!).toBeGreaterThan(0.9);
  });

  it("a narrow box falls back to hit-and-run, labelled MCMC, and stays in the box", () => {
    // equal weights, ±p on 40 leaves: acceptance = P(max spacing ≤ 2/40) ≈ 0, far below 1e-3
    const n = 40;
    const offers = ["a", "b", "c"];
    const coef = Float64Array.from({ length: 3 * n }, (_, e) => ((e * 37) % 11) / 10);
    const p: SmaaProblem = { offers, leaves: Array.from({ length: n }, (_, j) => `l${j}`), coef, weights: new Float64Array(n).fill(100 / n), totalPoints: 100 };
    const r = runSmaaSync(p, { samples: 20_000, seed: 4, sampler: { kind: "box", points: 0.5, level: "leaf" } });
    expect(r.method).toBe("hit-and-run (MCMC)");
    for (const cw of Object.values(r.centralWeights)) {
      if (!cw) continue;
      for (const v of Object.values(cw)) expect(Math.abs(v - 1 / n)).toBeLessThanOrEqual(0.005 + 1e-12);
    }
  });

  it("box at the top level: leaves keep their share inside their top criterion", () => {
    // O5: Price 2/5; Quality 3/5 = {Technical 2/3, Service 1/3}
    const p: SmaaProblem = {
      offers: ["X", "Y", "Z"],
      leaves: ["Price", "Technical", "Service"],
      coef: Float64Array.from([100, 50, 60, 80, 70, 90, 60, 90, 80], (s) => s / 100),
      weights: Float64Array.from([40, 40, 20]),
      totalPoints: 100,
      groups: { parentOfLeaf: Int32Array.from([0, 1, 1]), topWeights: Float64Array.from([40, 60]), shareInTop: Float64Array.from([1, 2 / 3, 1 / 3]) },
    };
    const r = runSmaaSync(p, { samples: 50_000, seed: 6, sampler: { kind: "box", points: 20, level: "top" } });
    for (const cw of Object.values(r.centralWeights)) {
      if (!cw) continue;
      expect(cw["Technical"]! / cw["Service"]!).toBeCloseTo(2, 10);
      expect(cw["Price"]!).toBeGreaterThanOrEqual(0.2 - 1e-12);
      expect(cw["Price"]!).toBeLessThanOrEqual(0.6 + 1e-12);
    }
    // Y first for Price weight t ∈ [1/3, 7/13]; Price ~ U-ish on [0.2, 0.6] ⇒ Y wins often, Z and X too
    expect(r.rankAcceptability["Y"]![0]!).toBeGreaterThan(0.3);
  });

  it("jury-note noise: a second Monte Carlo pass gives confidence factors strictly between 0 and 1", () => {
    const p: SmaaProblem = {
      ...O3,
      noise: { halfWidth: Float64Array.from([0, 10, 0]), max: Float64Array.from([100, 100, 100]), note: Float64Array.from([100, 60, 50, 80, 90, 70, 90, 70, 100, 70, 100, 40]) },
    };
    const r = runSmaaSync(p, { samples: 30_000, seed: 8, sampler: { kind: "simplex" }, confidenceSamples: 5000 });
    expect(r.confidenceSamples).toBe(5000);
    const cfs = Object.values(r.confidence).filter((c): c is number => c !== null);
    expect(cfs.every((c) => c >= 0 && c <= 1)).toBe(true);
    expect(cfs.some((c) => c > 0 && c < 1)).toBe(true);
    // Quality notes near the top are clipped to [0, 100]: D (100) can only lose Quality points
    expect(Object.values(r.rankAcceptability).every((b) => Math.abs(b.reduce((a, x) => a + x, 0) - 1) < 1e-12)).toBe(true);
  });

  it("rejects malformed problems with a RangeError", () => {
    expect(() => runSmaaSync({ ...O3, coef: new Float64Array(3) }, { samples: 10, seed: 1, sampler: { kind: "simplex" } })).toThrow(RangeError);
    expect(() => runSmaaSync(O3, { samples: 0, seed: 1, sampler: { kind: "simplex" } })).toThrow(RangeError);
    expect(() => runSmaaSync(O3, { samples: 10, seed: 1, sampler: { kind: "box", points: 5, level: "top" } })).toThrow(/groups/);
  });
});
