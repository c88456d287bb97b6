import { describe, expect, it } from "vitest";
import { sleb, uleb } from "../../src/smaa/wasm/asm.js";
import { createSimplexKernel, f32Bounds, f32TotalsApply, kernelLayout, simplexKernelBytes, WASM_MAX_OFFERS, WASM_SIMD } from "../../src/smaa/wasm/simplex-kernel.js";
import { DEFAULT_SIMPLEX_IMPL, runBlock } from "../../src/smaa/kernel.js";
import { runSmaaWorkers } from "../../src/smaa/parallel.js";
import { prepareRun, runSmaaSync } from "../../src/smaa/smaa2.js";
import type { SmaaOptions, SmaaProblem } from "../../src/smaa/types.js";
import { O3, O3_EXACT, problemOf } from "./build.js";

const simplex = { kind: "simplex" } as const;

/** Deterministic pseudo-random 0–100 scores (a plain LCG: test input, not the engine's generator). */
function scores(m: number, n: number, seed: number): number[][] {
  let x = seed >>> 0;
  const next = (): number => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    return x / 4294967296;
  };
  return Array.from({ length: m }, () => Array.from({ length: n }, () => 100 * next()));
}

function problem(rows: number[][]): SmaaProblem {
  const n = rows[0]!.length;
  return problemOf(rows.map((_, i) => `o${i}`), Array.from({ length: n }, (_, j) => `l${j}`), rows, new Array<number>(n).fill(1));
}

/** Bitwise equality of typed arrays (Object.is: distinguishes −0 and NaN payload-free). */
function sameBits(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let e = 0; e < a.length; e++) if (!Object.is(a[e], b[e])) return false;
  return true;
}

describe("wasm assembler", () => {
  it("encodes LEB128 as the spec's examples", () => {
    expect(uleb(0)).toEqual([0]);
    expect(uleb(624485)).toEqual([0xe5, 0x8e, 0x26]);
    expect(sleb(-1)).toEqual([0x7f]);
    expect(sleb(-123456)).toEqual([0xc0, 0xbb, 0x78]);
    expect(sleb(64)).toEqual([0xc0, 0x00]);
  });

  it("produces modules WebAssembly.validate accepts, for both tallies and odd/even shapes", () => {
    for (const [m, d, pairwise] of [[1, 1, true], [3, 3, true], [10, 20, true], [16, 7, true], [17, 9, false], [50, 40, false]] as const)
      expect((globalThis as unknown as { WebAssembly: { validate(b: Uint8Array): boolean } }).WebAssembly.validate(simplexKernelBytes(m, d, pairwise))).toBe(true);
  });

  it("lays out 16-byte-aligned regions", () => {
    const L = kernelLayout(11, 7);
    expect([L.mP, L.dP, L.mB]).toEqual([12, 8, 16]);
    for (const off of [L.ke, L.we, L.ct, L.w, L.v, L.rc, L.pc, L.cw, L.r8, L.p8]) expect(off % 16).toBe(0);
  });
});

describe("wasm SIMD kernel", () => {
  it("is the default wherever WebAssembly SIMD exists (every supported Node)", () => {
    expect(WASM_SIMD).toBe(true);
    expect(DEFAULT_SIMPLEX_IMPL).toBe("wasm");
  });

  it("gives bit-identical blocks to the JS reference (pairwise and counting tallies, odd shapes, ties)", () => {
    const cases: number[][][] = [
      scores(3, 3, 1),
      scores(10, 20, 2),
      scores(11, 7, 3), // odd m and d: padding lanes
      scores(16, 5, 4), // largest pairwise
      scores(17, 9, 5), // smallest counting
      scores(50, 40, 6),
      [[100, 60, 50], [80, 90, 70], [90, 70, 100], [70, 100, 40]], // O3
    ];
    const tied = scores(20, 6, 7);
    tied[3] = [...tied[0]!]; // identical rows: exact ties must survive
    tied[7] = [...tied[0]!];
    // near-ties: equal once rounded to f32 but not in f64 (the counting tally's exact f64 redo)
    const near = scores(40, 4, 11);
    near[5] = near[2]!.map((x, j) => (j === 0 ? x * (1 + 1e-13) : x));
    near[6] = near[2]!.map((x, j) => (j === 3 ? x * (1 - 1e-12) : x));
    // f32-totals boundary: gaps of a few f32 ulps (some certain, some redone in f64)
    const close = scores(30, 12, 13);
    for (const [k, r] of [[4, 1 + 3e-6], [9, 1 + 6e-7], [11, 1 - 2e-5]] as const) close[k] = close[1]!.map((x) => x * r);
    // negative and tiny coefficients: counting tally without f32 totals (f32TotalsApply false)
    const signed = scores(20, 5, 14).map((row, i) => row.map((x, j) => (i % 3 === 0 ? x - 50 : j === 2 ? 1e-70 : x)));
    cases.push(tied, near, close, signed, [[0, 0, 0], [0, 0, 0], [0, 0, 0]], Array.from({ length: 18 }, () => [0, 0]));
    for (const rows of cases) {
      const { plan } = prepareRun(problem(rows), { samples: 1, seed: 17, sampler: simplex });
      for (const [block, count] of [[0, 8192], [5, 1234], [2, 1]] as const) {
        const js = runBlock(plan, block, count, "js");
        const wasm = runBlock(plan, block, count, "wasm");
        expect(sameBits(wasm.rankCounts, js.rankCounts)).toBe(true);
        expect(sameBits(wasm.pairCounts, js.pairCounts)).toBe(true);
        expect(sameBits(wasm.cwSums, js.cwSums)).toBe(true);
      }
    }
  });

  it("f32 totals: chosen for nonnegative coefficients in range, same counts as the f64-totals kernel", () => {
    const rows = scores(50, 40, 15);
    rows[8] = [...rows[3]!]; // exact tie: every draw redone in f64
    const coef = Float64Array.from(rows.flat(), (x) => x / 100);
    expect(f32TotalsApply(coef, 40)).toBe(true);
    expect(f32TotalsApply(Float64Array.of(0.5, -0.1), 2)).toBe(false);
    expect(f32TotalsApply(Float64Array.of(0.5, 1e-70), 2)).toBe(false);
    expect(f32TotalsApply(Float64Array.of(0.5, 2 ** 61), 2)).toBe(false);
    for (const tie of [false, true]) {
      const c = tie ? coef : Float64Array.from(scores(50, 40, 16).flat(), (x) => x / 100);
      const a = createSimplexKernel(50, 40, c, false);
      const b = createSimplexKernel(50, 40, c, false, false);
      expect([a.f32Totals, b.f32Totals]).toEqual([true, false]);
      for (const k of [a, b]) {
        k.state.set([0x12345678, -0x789abcd, 0x0badf00d, 42]);
        k.run(255);
      }
      expect(sameBits(a.rc, b.rc) && sameBits(a.p8, b.p8) && sameBits(a.cw, b.cw) && sameBits(a.state, b.state)).toBe(true);
    }
  });

  it("f32 totals: the certified bounds contain the f64 total (Math.fround emulation, adversarial ranges)", () => {
    let x = 99;
    const next = (): number => {
      x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
      return x / 4294967296;
    };
    for (const d of [1, 2, 7, 40, 300, 4096]) {
      const { kLo, kHi } = f32Bounds(d);
      for (let t = 0; t < 200; t++) {
        const mag = 2 ** Math.round(120 * next() - 60); // one scale per trial, within [2^-60, 2^60]
        const c = Array.from({ length: d }, () => (next() < 0.2 ? 0 : mag * (next() < 0.5 ? next() + 0.5 : 1 + 2 ** -23 * Math.round(8 * next()))));
        const w = Array.from({ length: d }, () => (next() < 0.1 ? 0 : -Math.log(next() + 2 ** -33)));
        let v64 = 0;
        let vf = 0;
        for (let j = 0; j < d; j++) {
          v64 += c[j]! * w[j]!;
          vf = Math.fround(vf + Math.fround(Math.fround(c[j]!) * Math.fround(w[j]!)));
        }
        expect(Math.fround(vf * kLo)).toBeLessThanOrEqual(v64);
        expect(Math.fround(vf * kHi)).toBeGreaterThanOrEqual(v64);
      }
    }
  });

  it("at WASM_MAX_OFFERS (ranks up to 127: signed byte compares, i16 → i8 narrowing) matches the JS reference", () => {
    const rows = scores(WASM_MAX_OFFERS, 3, 18);
    rows[100] = [...rows[7]!]; // an exact tie near the top of the byte range
    const { plan } = prepareRun(problem(rows), { samples: 1, seed: 5, sampler: simplex });
    const js = runBlock(plan, 1, 700, "js");
    const wasm = runBlock(plan, 1, 700, "wasm");
    expect(sameBits(wasm.rankCounts, js.rankCounts) && sameBits(wasm.pairCounts, js.pairCounts) && sameBits(wasm.cwSums, js.cwSums)).toBe(true);
  });

  it("beyond WASM_MAX_OFFERS the JS path runs, with the same numbers whatever impl is asked", () => {
    const { plan } = prepareRun(problem(scores(WASM_MAX_OFFERS + 2, 3, 12)), { samples: 1, seed: 3, sampler: simplex });
    const js = runBlock(plan, 0, 500, "js");
    const wasm = runBlock(plan, 0, 500, "wasm");
    expect(sameBits(wasm.pairCounts, js.pairCounts) && sameBits(wasm.cwSums, js.cwSums)).toBe(true);
  });

  it("keeps exact ties: identical rows share every rank and never beat each other", () => {
    const rows = scores(24, 5, 8);
    rows[1] = [...rows[0]!];
    const r = runSmaaSync(problem(rows), { samples: 30_000, seed: 2, sampler: simplex });
    expect(r.rankAcceptability["o0"]).toEqual(r.rankAcceptability["o1"]);
    expect(r.pairwise["o0"]!["o1"]).toBe(0);
    expect(r.pairwise["o1"]!["o0"]).toBe(0);
  });

  it("O3: acceptabilities within 1.5 half-widths of the exact values (wasm path)", () => {
    const r = runSmaaSync(O3, { samples: 300_000, seed: 12, sampler: simplex });
    for (const [offer, exact] of Object.entries(O3_EXACT))
      exact.forEach((b, k) => expect(Math.abs(r.rankAcceptability[offer]![k]! - b)).toBeLessThanOrEqual(1.5 * Math.max(r.halfWidth95[offer]![k]!, 1e-9) + 1e-12));
  });
});

// Real worker threads through tsx's loader, as in workers.test.ts.
const workerTs = new URL("../../src/smaa/worker.ts", import.meta.url).href;
const bootstrap = `import("tsx/esm/api").then((api) => { api.register(); return import(${JSON.stringify(workerTs)}); });`;

describe("wasm kernel in worker threads", () => {
  it("10 × 20 and 30 × 8: 1, 2 and 3 workers give JSON identical to the in-process run", async () => {
    for (const rows of [scores(10, 20, 9), scores(30, 8, 10)]) {
      const p = problem(rows);
      const opts: SmaaOptions = { samples: 5 * 8192 + 333, seed: 77, sampler: simplex };
      const sync = JSON.stringify(runSmaaSync(p, opts));
      for (const workers of [1, 2, 3]) {
        const par = await runSmaaWorkers(p, opts, { url: bootstrap, evalCode: true, workers });
        expect(JSON.stringify(par)).toBe(sync);
      }
    }
  });
});
