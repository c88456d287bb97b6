import { describe, expect, it } from "vitest";
import { addBlock, createAccumulator } from "../../src/smaa/accumulate.js";
import { blockCount, runBlock } from "../../src/smaa/kernel.js";
import { finalizeSmaa, prepareRun, runSmaaSync } from "../../src/smaa/smaa2.js";
import { runSmaa } from "../../src/smaa/index.js";
import type { SmaaOptions } from "../../src/smaa/types.js";
import { O2, O3, O3_CENTRAL, O3_EXACT, problemOf } from "./build.js";

const simplex = { kind: "simplex" } as const;

describe("SMAA-2 on O3 (exact values of the methods note)", () => {
  const r = runSmaaSync(O3, { samples: 200_000, seed: 11, sampler: simplex });

  it("rank acceptabilities are within their 95 % half-widths (×1.5 for 16 simultaneous checks)", () => {
    for (const [offer, exact] of Object.entries(O3_EXACT)) {
      exact.forEach((b, k) => {
        const est = r.rankAcceptability[offer]![k]!;
        const hw = Math.max(r.halfWidth95[offer]![k]!, 1e-9);
        expect(Math.abs(est - b)).toBeLessThanOrEqual(1.5 * hw + 1e-12);
      });
    }
    expect(r.rankAcceptability["B"]![3]).toBe(0); // B is never last
  });

  it("rows and columns of the acceptability matrix sum to 1 (no ties here)", () => {
    for (const b of Object.values(r.rankAcceptability)) expect(b.reduce((a, x) => a + x, 0)).toBeCloseTo(1, 12);
    for (let k = 0; k < 4; k++) expect(Object.values(r.rankAcceptability).reduce((a, b) => a + b[k]!, 0)).toBeCloseTo(1, 12);
  });

  it("central weights are close to the exact centroids", () => {
    for (const [offer, cw] of Object.entries(O3_CENTRAL)) {
      const got = r.centralWeights[offer]!;
      expect(got).not.toBeNull();
      ["Price", "Quality", "Delivery"].forEach((leaf, j) => expect(Math.abs(got[leaf]! - cw[j]!)).toBeLessThan(0.01));
    }
  });

  it("pairwise P(C > B) = 11/15; confidence factors are 1; metadata recorded", () => {
    expect(Math.abs(r.pairwise["C"]!["B"]! - 11 / 15)).toBeLessThan(1.96 * Math.sqrt((11 / 15) * (4 / 15) / r.samples));
    expect(r.pairwise["C"]!["B"]! + r.pairwise["B"]!["C"]!).toBeCloseTo(1, 12);
    expect(r.confidence).toEqual({ A: 1, B: 1, C: 1, D: 1 });
    expect(r).toMatchObject({ samples: 200_000, seed: 11, rng: "xoshiro128**/splitmix32", method: "exact-uniform" });
    expect(r.entropy.winner).toBeGreaterThan(1.3);
    expect(r.entropy.winner).toBeLessThan(1.6);
  });
});

describe("SMAA-2 on O2 (JSMAA fixture)", () => {
  it("b¹ = (3/4, 1/4), central weights (7/18, 2/9, 7/18) and (1/6, 2/3, 1/6), CF 1", () => {
    const r = runSmaaSync(O2, { samples: 100_000, seed: 3, sampler: simplex });
    expect(Math.abs(r.rankAcceptability["alt1"]![0]! - 3 / 4)).toBeLessThanOrEqual(r.halfWidth95["alt1"]![0]! * 1.5);
    expect(r.rankAcceptability["alt1"]![0]! + r.rankAcceptability["alt2"]![0]!).toBeCloseTo(1, 12);
    const c1 = r.centralWeights["alt1"]!;
    const c2 = r.centralWeights["alt2"]!;
    [7 / 18, 2 / 9, 7 / 18].forEach((x, j) => expect(Math.abs(c1[`c${j + 1}`]! - x)).toBeLessThan(0.01));
    [1 / 6, 2 / 3, 1 / 6].forEach((x, j) => expect(Math.abs(c2[`c${j + 1}`]! - x)).toBeLessThan(0.01));
    expect(r.confidence).toEqual({ alt1: 1, alt2: 1 });
  });
});

describe("ties", () => {
  it("all-zero scores: every offer rank 1 in every draw, central weights 1/n, CF 1", () => {
    const p = problemOf(["a", "b"], ["x", "y", "z"], [[0, 0, 0], [0, 0, 0]], [1, 1, 1]);
    const r = runSmaaSync(p, { samples: 50_000, seed: 1, sampler: simplex });
    expect(r.rankAcceptability).toEqual({ a: [1, 0], b: [1, 0] });
    expect(r.pairwise).toEqual({ a: { b: 0 }, b: { a: 0 } });
    for (const o of ["a", "b"]) for (const leaf of ["x", "y", "z"]) expect(Math.abs(r.centralWeights[o]![leaf]! - 1 / 3)).toBeLessThan(0.005);
    expect(r.confidence).toEqual({ a: 1, b: 1 });
    expect(r.entropy.winner).toBeCloseTo(1, 12);
  });

  it("identical rows share their rank, with both the pairwise and the sorted strategies", () => {
    for (const m of [4, 20]) {
      const rows = Array.from({ length: m }, (_, i) => [10 + i, 50 - i, (7 * i) % 13]);
      rows[1] = [...rows[0]!]; // offers 0 and 1 identical
      const offers = rows.map((_, i) => `o${i}`);
      const r = runSmaaSync(problemOf(offers, ["x", "y", "z"], rows, [1, 1, 1]), { samples: 20_000, seed: 5, sampler: simplex });
      expect(r.rankAcceptability["o0"]).toEqual(r.rankAcceptability["o1"]);
      expect(r.pairwise["o0"]!["o1"]).toBe(0);
      expect(r.pairwise["o1"]!["o0"]).toBe(0);
      // column sums exceed 1 exactly where the tie takes two places
      const first = offers.reduce((a, o) => a + r.rankAcceptability[o]![0]!, 0);
      expect(first).toBeGreaterThanOrEqual(1);
    }
  });
});

describe("determinism", () => {
  const opts: SmaaOptions = { samples: 5 * 8192 + 17, seed: 99, sampler: simplex };

  it("the same seed gives identical output; another seed does not", () => {
    const a = JSON.stringify(runSmaaSync(O3, opts));
    expect(JSON.stringify(runSmaaSync(O3, opts))).toBe(a);
    expect(JSON.stringify(runSmaaSync(O3, { ...opts, seed: 100 }))).not.toBe(a);
  });

  it("blocks computed in any order or by any worker combine to the same bits", () => {
    const { plan, schedule } = prepareRun(O3, opts);
    const order = [5, 2, 0, 4, 1, 3]; // e.g. two workers finishing out of order
    const results = new Map(order.map((b) => [b, runBlock(plan, b, blockCount(plan, b, schedule.total))]));
    const acc = createAccumulator(plan);
    for (let b = 0; b < order.length; b++) addBlock(acc, results.get(b)!);
    expect(JSON.stringify(finalizeSmaa(O3, opts, plan, acc))).toBe(JSON.stringify(runSmaaSync(O3, opts)));
  });

  it("runSmaa (workers fall back in-process from the sources) equals runSmaaSync", async () => {
    const r = await runSmaa(O3, { ...opts, workers: 2 });
    expect(JSON.stringify(r)).toBe(JSON.stringify(runSmaaSync(O3, opts)));
  });

  it("reports progress after every block", () => {
    const seen: number[] = [];
    runSmaaSync(O3, { ...opts, onProgress: (done, target) => seen.push(done / target) });
    expect(seen.length).toBe(6);
    expect(seen.at(-1)).toBe(1);
  });
});

describe("adaptive precision", () => {
  it("stops at the first block where every half-width ≤ precision", () => {
    const r = runSmaaSync(O3, { samples: 1, seed: 2, sampler: simplex, precision: 0.004 });
    const worst = Math.max(...Object.values(r.halfWidth95).flat());
    expect(worst).toBeLessThanOrEqual(0.004);
    expect(r.samples % 8192).toBe(0);
    const shorter = runSmaaSync(O3, { samples: r.samples - 8192, seed: 2, sampler: simplex });
    expect(Math.max(...Object.values(shorter.halfWidth95).flat())).toBeGreaterThan(0.004);
  });

  it("stops at maxSamples when the precision is out of reach", () => {
    const r = runSmaaSync(O3, { samples: 1, seed: 2, sampler: simplex, precision: 1e-6, maxSamples: 20_000 });
    expect(r.samples).toBe(20_000);
  });
});
