// Seeded PRNG for the Monte Carlo engine: xoshiro128** seeded by splitmix32. Pure; no IO.
//
// Variant (documented because reproducibility depends on it):
// - xoshiro128** 1.1 (Blackman & Vigna 2018): result = rotl(s1·5, 7)·9; t = s1 << 9; s2 ^= s0;
//   s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= t; s3 = rotl(s3, 11). All arithmetic mod 2^32.
// - splitmix32: x += 0x9E3779B9; z = x; z = (z ^ z>>>16)·0x21F0AAAD; z = (z ^ z>>>15)·0x735A2D97;
//   z ^= z>>>15 (the 32-bit "hash-prospector" finaliser). Four outputs fill s0..s3.
// - Uniform double: u = (r + 0.5)·2^-32, in the open interval (0, 1), 32 bits of resolution.
// - Streams: block b of pass p is seeded by splitmix32 from blockSeed(seed, b, p), so a block's draws
//   depend only on (seed, pass, block index), never on which worker computes it.

const GOLDEN = 0x9e3779b9;
export const U32_TO_UNIT = 2.3283064365386963e-10; // 2^-32

/** The splitmix32 finaliser applied to x (no increment). */
export function mix32(x: number): number {
  let z = x | 0;
  z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
  z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
  return (z ^ (z >>> 15)) >>> 0;
}

/** splitmix32 stream: returns the next output and advances `state[0]`. */
export function splitmix32(state: Uint32Array): number {
  state[0] = (state[0]! + GOLDEN) >>> 0;
  return mix32(state[0]!);
}

/** Deterministic 32-bit seed of block `block` in pass `pass` (0 = acceptabilities, 1 = confidence, 2 = trial). */
export function blockSeed(seed: number, block: number, pass: number): number {
  return mix32((mix32(seed >>> 0) ^ mix32(Math.imul(block + 1, GOLDEN) ^ Math.imul(pass + 1, 0x85ebca6b))) >>> 0);
}

/** xoshiro128** state seeded by four splitmix32 outputs; never all zero. */
export function seedState(seed32: number): Uint32Array {
  const sm = new Uint32Array([seed32 >>> 0]);
  const s = new Uint32Array(4);
  for (let i = 0; i < 4; i++) s[i] = splitmix32(sm);
  if ((s[0]! | s[1]! | s[2]! | s[3]!) === 0) s[0] = 1;
  return s;
}

/**
 * xoshiro128** (Blackman & Vigna). The hot kernels inline the same steps on local variables; this class
 * serves the slower paths (box, ordinal, noise, hit-and-run) and the tests.
 */
export class Xoshiro128 {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  constructor(state: Uint32Array) {
    this.s0 = state[0]! | 0;
    this.s1 = state[1]! | 0;
    this.s2 = state[2]! | 0;
    this.s3 = state[3]! | 0;
  }

  static fromSeed(seed32: number): Xoshiro128 {
    return new Xoshiro128(seedState(seed32));
  }

  /** Next 32-bit output, unsigned. */
  nextU32(): number {
    const s1 = this.s1;
    const x = Math.imul(s1, 5);
    const r = Math.imul((x << 7) | (x >>> 25), 9);
    const t = s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= s1;
    this.s1 = s1 ^ this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = (this.s3 << 11) | (this.s3 >>> 21);
    return r >>> 0;
  }

  /** Uniform in (0, 1). */
  nextUnit(): number {
    return (this.nextU32() + 0.5) * U32_TO_UNIT;
  }

  /** Snapshot of the state (for handing over to an inlined kernel). */
  state(): Uint32Array {
    return new Uint32Array([this.s0, this.s1, this.s2, this.s3]);
  }
}
