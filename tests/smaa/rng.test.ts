import { describe, expect, it } from "vitest";
import { blockSeed, mix32, seedState, splitmix32, Xoshiro128 } from "../../src/smaa/rng.js";

describe("xoshiro128** / splitmix32", () => {
  it("matches the reference vector for state {1, 2, 3, 4}", () => {
    const rng = new Xoshiro128(new Uint32Array([1, 2, 3, 4]));
    expect(Array.from({ length: 6 }, () => rng.nextU32())).toEqual([11520, 0, 5927040, 70819200, 2031721883, 1637235492]);
  });

  it("splitmix32 is the documented 32-bit finaliser stream", () => {
    const st = new Uint32Array([0]);
    const a = splitmix32(st);
    expect(a).toBe(mix32(0x9e3779b9));
    expect(st[0]).toBe(0x9e3779b9);
  });

  it("seeds blocks deterministically and distinctly", () => {
    expect(blockSeed(1, 0, 0)).toBe(blockSeed(1, 0, 0));
    const seeds = new Set<number>();
    for (let b = 0; b < 1000; b++) seeds.add(blockSeed(7, b, 0));
    expect(seeds.size).toBe(1000);
    expect(blockSeed(7, 3, 0)).not.toBe(blockSeed(7, 3, 1));
    expect(Array.from(seedState(0))).not.toEqual([0, 0, 0, 0]);
  });

  it("gives uniforms in (0, 1) with mean 1/2", () => {
    const rng = Xoshiro128.fromSeed(42);
    let s = 0;
    let outside = 0;
    for (let k = 0; k < 100_000; k++) {
      const u = rng.nextUnit();
      if (!(u > 0 && u < 1)) outside++;
      s += u;
    }
    expect(outside).toBe(0);
    expect(Math.abs(s / 100_000 - 0.5)).toBeLessThan(0.005);
  });
});
