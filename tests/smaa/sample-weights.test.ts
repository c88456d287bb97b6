import { describe, expect, it } from "vitest";
import { expSlow, ke, we } from "../../src/smaa/exp-ziggurat.js";
import { Xoshiro128 } from "../../src/smaa/rng.js";
import {
  HitAndRun,
  planOrdinal,
  sampleOrdinal,
  sampleSimplex,
  sampleSimplexExp,
  tryBox,
} from "../../src/smaa/sample-weights.js";

const N = 200_000;

/** Empirical CDF of w1 at a few points vs Beta(1, 2): F(x) = 1 − (1 − x)². */
function checkBeta12(draw: (out: Float64Array) => void): void {
  const out = new Float64Array(3);
  const xs = [0.1, 0.25, 0.5, 0.75, 0.9];
  const hits = xs.map(() => 0);
  let mean = 0;
  let worstSum = 0;
  for (let k = 0; k < N; k++) {
    draw(out);
    worstSum = Math.max(worstSum, Math.abs(out[0]! + out[1]! + out[2]! - 1));
    mean += out[0]!;
    xs.forEach((x, i) => {
      if (out[0]! < x) hits[i]!++;
    });
  }
  expect(worstSum).toBeLessThan(1e-12);
  expect(Math.abs(mean / N - 1 / 3)).toBeLessThan(0.003);
  xs.forEach((x, i) => {
    const F = 1 - (1 - x) ** 2;
    // 5 standard errors: seeded, so this is deterministic, but kept honest
    expect(Math.abs(hits[i]! / N - F)).toBeLessThan(5 * Math.sqrt((F * (1 - F)) / N));
  });
  // P(w1 < 0.5) = 3/4 exactly under uniformity; i.i.d. uniforms normalised give ≈ 0.79
  expect(Math.abs(hits[2]! / N - 0.75)).toBeLessThan(0.005);
}

describe("uniform simplex samplers", () => {
  it("uniform spacings: w1 ~ Beta(1, 2) for n = 3", () => {
    const rng = Xoshiro128.fromSeed(1);
    const sorted = new Float64Array(4);
    checkBeta12((out) => sampleSimplex(rng, 3, out, sorted));
  });

  it("normalised Exp(1) by ziggurat (the hot path's draws): w1 ~ Beta(1, 2) for n = 3", () => {
    const rng = Xoshiro128.fromSeed(2);
    checkBeta12((out) => sampleSimplexExp(rng, 3, out));
  });

  it("the forbidden i.i.d.-normalise sampler would fail the same check", () => {
    const rng = Xoshiro128.fromSeed(3);
    let below = 0;
    for (let k = 0; k < N; k++) {
      const a = rng.nextUnit();
      const b = rng.nextUnit();
      const c = rng.nextUnit();
      if (a / (a + b + c) < 0.5) below++;
    }
    expect(Math.abs(below / N - 0.75)).toBeGreaterThan(0.02);
  });

  it("ziggurat Exp(1): mean 1, P(X > 1) = 1/e, tail P(X > 8) = e^-8", () => {
    const rng = Xoshiro128.fromSeed(4);
    const M = 2_000_000;
    let mean = 0;
    let over1 = 0;
    let over8 = 0;
    for (let k = 0; k < M; k++) {
      let x = -1;
      while (x < 0) {
        const r = rng.nextU32();
        if (r >>> 8 < ke[r & 255]!) x = (r >>> 8) * we[r & 255]!;
        else x = expSlow(r, rng.nextUnit());
      }
      mean += x;
      if (x > 1) over1++;
      if (x > 8) over8++;
    }
    expect(Math.abs(mean / M - 1)).toBeLessThan(0.003);
    expect(Math.abs(over1 / M - Math.exp(-1))).toBeLessThan(0.002);
    expect(Math.abs(over8 / M - Math.exp(-8))).toBeLessThan(5 * Math.sqrt(Math.exp(-8) / M));
  });
});

describe("ordinal sampler", () => {
  it("keeps the announced order and is uniform on the ordered region", () => {
    const weights = Float64Array.from([20, 50, 30]);
    const plan = planOrdinal(weights);
    expect(Array.from(plan.order)).toEqual([1, 2, 0]);
    const rng = Xoshiro128.fromSeed(5);
    const out = new Float64Array(3);
    const mean = new Float64Array(3);
    let disordered = 0;
    for (let k = 0; k < N; k++) {
      sampleOrdinal(rng, plan, out, new Float64Array(3), new Float64Array(4));
      if (!(out[1]! >= out[2]! && out[2]! >= out[0]!)) disordered++;
      for (let j = 0; j < 3; j++) mean[j]! += out[j]! / N;
    }
    expect(disordered).toBe(0);
    // centroid of {w1 ≥ w2 ≥ w3} on the simplex: (11/18, 5/18, 2/18) (rank-order centroid)
    expect(mean[1]).toBeCloseTo(11 / 18, 2);
    expect(mean[2]).toBeCloseTo(5 / 18, 2);
    expect(mean[0]).toBeCloseTo(2 / 18, 2);
  });

  it("leaves equal announced weights unordered among themselves (values shuffled in the tie block)", () => {
    const plan = planOrdinal(Float64Array.from([40, 30, 30]));
    const rng = Xoshiro128.fromSeed(6);
    const out = new Float64Array(3);
    let firstOfTieLarger = 0;
    for (let k = 0; k < 20_000; k++) {
      sampleOrdinal(rng, plan, out, new Float64Array(3), new Float64Array(4));
      expect(out[0]! >= out[1]! && out[0]! >= out[2]!).toBe(true);
      if (out[1]! > out[2]!) firstOfTieLarger++;
    }
    expect(Math.abs(firstOfTieLarger / 20_000 - 0.5)).toBeLessThan(0.02);
  });
});

describe("box samplers", () => {
  const lo = Float64Array.from([0.4, 0.2, 0.1]);
  const hi = Float64Array.from([0.6, 0.4, 0.3]);

  it("rejection stays in the box and on the simplex", () => {
    const rng = Xoshiro128.fromSeed(7);
    const out = new Float64Array(3);
    const sorted = new Float64Array(4);
    let accepted = 0;
    for (let k = 0; k < 50_000; k++) {
      if (!tryBox(rng, { lo, hi }, 1 - 0.7, out, sorted)) continue;
      accepted++;
      for (let j = 0; j < 3; j++) expect(out[j]! >= lo[j]! - 1e-15 && out[j]! <= hi[j]! + 1e-15).toBe(true);
      expect(Math.abs(out[0]! + out[1]! + out[2]! - 1)).toBeLessThan(1e-12);
    }
    expect(accepted).toBeGreaterThan(1000);
  });

  it("hit-and-run stays in the box and on the simplex, with the rejection sampler's mean", () => {
    const rng = Xoshiro128.fromSeed(8);
    const hr = new HitAndRun(rng, { lo, hi }, Float64Array.from([0.5, 0.3, 0.2]), 3, 300);
    const out = new Float64Array(3);
    const mean = new Float64Array(3);
    for (let k = 0; k < 50_000; k++) {
      hr.next(out);
      for (let j = 0; j < 3; j++) {
        expect(out[j]! >= lo[j]! && out[j]! <= hi[j]!).toBe(true);
        mean[j]! += out[j]! / 50_000;
      }
      expect(Math.abs(out[0]! + out[1]! + out[2]! - 1)).toBeLessThan(1e-9);
    }
    // the box ∩ simplex here is a hexagon symmetric about (0.5, 0.3, 0.2)
    expect(mean[0]).toBeCloseTo(0.5, 2);
    expect(mean[1]).toBeCloseTo(0.3, 2);
  });
});
