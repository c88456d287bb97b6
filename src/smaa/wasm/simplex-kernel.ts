// WebAssembly SIMD kernel of the uniform-simplex hot path, generated for one plan's (offers, leaves).
// Pure: builds bytes and instantiates them; no IO. Computes exactly what kernel.ts's JS simplexBlock
// computes, operation for operation, so both give bit-identical counts and central-weight sums.
//
// Per draw: d Exp(1) weights by ziggurat from one xoshiro128** stream (scalar i32 code, the same
// sequence as rng.ts; the rare slow branch calls back into exp-ziggurat.ts's expSlow, so Math.exp and
// Math.log stay V8's), then the totals V = C·w with f64x2 lanes over pairs of offers (each lane sums
// its offer's products in leaf order, the JS `totals` order, no FMA), then — up to
// PAIRWISE_MAX_OFFERS offers — the all-pairs tally with f64x2 compares: rank_i = #{k: V_k > V_i}
// (popcount of the compare mask), pair counts as i64 lanes decremented by the all-ones masks; beyond
// that, the counting tally (emitCountingTally: f32x4 rank prefilter with an exact f64 redo on ties,
// pair counts from byte ranks; with coefficients 0 or in [2^-60, 2^60], the counting tally's totals
// are f32x4 with certified error bounds and the f64 totals computed only for draws the bounds leave
// undecided: see F32 TOTALS). Exact ties stay exact: identical score rows give bit-identical totals
// (same operations, same order), and every rank is decided by exact f64 comparisons.

import { assemble, Func } from "./asm.js";
import { expSlow, ke, we } from "../exp-ziggurat.js";

/**
 * Most offers the wasm kernel takes. Byte ranks compared as signed bytes need m ≤ 128; the counting
 * tally is unrolled (≈ m²/10 instructions), so beyond ~128 offers the module (250 KB at 128) takes
 * longer to compile than it saves on a typical run: larger tenders keep the JS path.
 */
export const WASM_MAX_OFFERS = 128;

/**
 * Most f64x2 accumulators live at once in the totals (8 vectors = 16 offers: with the weight and a
 * product, fits x64's 16 xmm registers). Chunks are balanced (25 vectors → 7 + 6 + 6 + 6, not
 * 8 + 8 + 8 + 1): each chunk is one chain of d dependent adds per accumulator, so a lone accumulator
 * would leave the adder idle for its latency at every leaf.
 */
const CHUNK_VECTORS = 8;

/** Byte layout of the kernel's memory; every region 16-byte aligned. */
export interface KernelLayout {
  m: number;
  d: number;
  /** m and d rounded up to even (f64x2 lanes). */
  mP: number;
  dP: number;
  state: number;
  ke: number;
  we: number;
  /** d × mP, transposed coefficients: ct[j·mP + i] = coef[i·d + j] (padding offers: 0). */
  ct: number;
  w: number;
  v: number;
  /** m × m i32 rank counts. */
  rc: number;
  /** m × mP i64 pair counts. */
  pc: number;
  /** m × dP f64 central-weight sums. */
  cw: number;
  /** m rounded up to 16 (i8x16 lanes), and the counting tally's byte arrays: ranks (padding 255) and m × mB pair counters. */
  mB: number;
  r8: number;
  p8: number;
  /**
   * m rounded up to 4, and the counting tally's f32 rank keys: vf the totals rounded to f32 (padding
   * −∞), or with f32 totals (see F32 TOTALS below) their certified lower bounds; vh the upper bounds.
   */
  mF: number;
  vf: number;
  vh: number;
  /** F32 totals: length-d weights rounded to f32, and d × mF f32 transposed coefficients (padding 0). */
  wf: number;
  ctf: number;
  bytes: number;
}

const up16 = (x: number): number => (x + 15) & ~15;

export function kernelLayout(m: number, d: number): KernelLayout {
  const mP = m + (m & 1);
  const dP = d + (d & 1);
  const state = 0;
  const keOff = 16;
  const weOff = keOff + 256 * 8;
  const ct = weOff + 256 * 8;
  const w = up16(ct + d * mP * 8);
  const v = up16(w + dP * 8);
  const rc = up16(v + mP * 8);
  const pc = up16(rc + m * m * 4);
  const cw = up16(pc + m * mP * 8);
  const mB = (m + 15) & ~15;
  const r8 = up16(cw + m * dP * 8);
  const p8 = r8 + mB;
  const mF = (m + 3) & ~3;
  const vf = up16(p8 + m * mB);
  const vh = up16(vf + mF * 4);
  const wf = up16(vh + mF * 4);
  const ctf = up16(wf + d * 4);
  const bytes = up16(ctf + d * mF * 4);
  return { m, d, mP, dP, state, ke: keOff, we: weOff, ct, w, v, rc, pc, cw, mB, r8, p8, mF, vf, vh, wf, ctf, bytes };
}

/** Emits one xoshiro128** step on locals s[0..3]; leaves the 32-bit output in local `r`. */
function emitNext(f: Func, s: number[], r: number, t: number): void {
  const [s0, s1, s2, s3] = s as [number, number, number, number];
  // r = rotl(s1·5, 7)·9; t = s1 << 9
  f.get(s1).i32(5).op("i32_mul").i32(7).op("i32_rotl").i32(9).op("i32_mul").set(r);
  f.get(s1).i32(9).op("i32_shl").set(t);
  f.get(s2).get(s0).op("i32_xor").set(s2);
  f.get(s3).get(s1).op("i32_xor").set(s3);
  f.get(s1).get(s2).op("i32_xor").set(s1);
  f.get(s0).get(s3).op("i32_xor").set(s0);
  f.get(s2).get(t).op("i32_xor").set(s2);
  f.get(s3).i32(11).op("i32_rotl").set(s3);
}

/**
 * Emits one draw: W ← d Exp(1) weights (and, with `f32`, their f32 roundings at wf), then — without
 * `f32` — V ← C·W (emitTotalsF64); leaves Σ W in local `sum`.
 */
function emitDraw(f: Func, L: KernelLayout, s: number[], sum: number, f32: boolean): void {
  const r = f.local("i32");
  const r2 = f.local("i32");
  const t = f.local("i32");
  const x = f.local("f64");
  const jo = f.local("i32");
  const iz8 = f.local("i32");
  // weights
  f.f64(0).set(sum).i32(0).set(jo);
  f.begin("loop"); // per leaf
  f.begin("block"); // exits with x accepted
  f.begin("loop"); // retry after a wedge rejection
  emitNext(f, s, r, t);
  f.get(r).i32(255).op("i32_and").i32(3).op("i32_shl").set(iz8);
  f.get(r).i32(8).op("i32_shr_u").op("f64_convert_i32_u").tee(x);
  f.get(iz8).mem("f64_load", L.ke).op("f64_lt");
  f.begin("if"); // fast branch (~99 %): x = jz·we[iz]
  f.get(x).get(iz8).mem("f64_load", L.we).op("f64_mul").set(x);
  f.br(2);
  f.end();
  // slow branch: a second word, then expSlow(r, (r2 + 0.5)·2^-32) in JS; −1 means retry
  emitNext(f, s, r2, t);
  f.get(r).get(r2).op("f64_convert_i32_u").f64(0.5).op("f64_add").f64(2.3283064365386963e-10).op("f64_mul").call(0).tee(x);
  f.f64(0).op("f64_ge").brIf(1);
  f.br(0);
  f.end(); // retry loop
  f.end(); // block
  f.get(jo).get(x).mem("f64_store", L.w);
  if (f32) f.get(jo).i32(1).op("i32_shr_u").get(x).op("f32_demote_f64").mem("f32_store", L.wf);
  f.get(sum).get(x).op("f64_add").set(sum);
  f.get(jo).i32(8).op("i32_add").tee(jo).i32(L.d * 8).op("i32_lt_u").brIf(0);
  f.end();
  if (!f32) emitTotalsF64(f, L);
}

/** Emits V ← C·W in f64 (padding offer, if any, set to −∞ so it never outranks anyone). */
function emitTotalsF64(f: Func, L: KernelLayout): void {
  const jo = f.local("i32");
  const co = f.local("i32");
  // totals, CHUNK_VECTORS f64x2 accumulators at a time, leaves in order
  const nv = L.mP / 2;
  const chunks = Math.ceil(nv / CHUNK_VECTORS);
  const acc = Array.from({ length: Math.ceil(nv / chunks) }, () => f.local("v128"));
  const wj = f.local("v128");
  for (let c = 0, u0 = 0; c < chunks; c++) {
    const u1 = u0 + Math.ceil((nv - u0) / (chunks - c));
    for (let u = u0; u < u1; u++) f.f64(0).simd("f64x2_splat").set(acc[u - u0]!);
    f.i32(0).set(jo).i32(0).set(co);
    f.begin("loop");
    f.get(jo).mem("f64_load", L.w).simd("f64x2_splat").set(wj);
    for (let u = u0; u < u1; u++) {
      f.get(acc[u - u0]!).get(co).v128Load(L.ct + u * 16).get(wj).simd("f64x2_mul").simd("f64x2_add").set(acc[u - u0]!);
    }
    f.get(co).i32(L.mP * 8).op("i32_add").set(co);
    f.get(jo).i32(8).op("i32_add").tee(jo).i32(L.d * 8).op("i32_lt_u").brIf(0);
    f.end();
    for (let u = u0; u < u1; u++) f.i32(0).get(acc[u - u0]!).v128Store(L.v + u * 16);
    u0 = u1;
  }
  if (L.mP !== L.m) f.i32(0).f64(-Infinity).mem("f64_store", L.v + L.m * 8);
}

/**
 * Emits the all-pairs tally of one draw (m ≤ PAIRWISE_MAX_OFFERS): rank counts, pair counts, and
 * W·(1/sum) added to the central-weight sums of every rank-1 offer.
 */
function emitPairwiseTally(f: Func, L: KernelLayout, sum: number): void {
  const nv = L.mP / 2;
  const vk = Array.from({ length: nv }, () => f.local("v128"));
  const vi = f.local("v128");
  const sc = f.local("v128");
  const rk = f.local("i32");
  const q = f.local("i32");
  for (let u = 0; u < nv; u++) f.i32(0).v128Load(L.v + u * 16).set(vk[u]!);
  for (let i = 0; i < L.m; i++) {
    f.i32(0).mem("f64_load", L.v + i * 8).simd("f64x2_splat").set(vi);
    f.i32(0).set(rk);
    for (let u = 0; u < nv; u++) {
      const row = L.pc + (i * L.mP + 2 * u) * 8;
      // pair counts: lanes where V_i > V_k, mask all-ones = −1, so subtracting adds 1
      f.i32(0).i32(0).v128Load(row).get(vi).get(vk[u]!).simd("f64x2_gt").simd("i64x2_sub").v128Store(row);
      // rank: lanes where V_k > V_i
      f.get(rk).get(vi).get(vk[u]!).simd("f64x2_lt").simd("i64x2_bitmask").op("i32_popcnt").op("i32_add").set(rk);
    }
    const rcRow = L.rc + i * L.m * 4;
    f.get(rk).i32(2).op("i32_shl").tee(q).get(q).mem("i32_load", rcRow).i32(1).op("i32_add").mem("i32_store", rcRow);
    f.get(rk).op("i32_eqz").begin("if");
    emitAddWeights(f, L, i, sum, sc, q);
    f.end();
  }
}

/** Emits cw[i] += W·(1/sum), the central-weight sum of a rank-1 offer (element-wise, as in tally.ts). */
function emitAddWeights(f: Func, L: KernelLayout, i: number, sum: number, sc: number, q: number): void {
  f.f64(1).get(sum).op("f64_div").simd("f64x2_splat").set(sc);
  const cwRow = L.cw + i * L.dP * 8;
  f.i32(0).set(q);
  f.begin("loop");
  f.get(q).get(q).v128Load(cwRow).get(q).v128Load(L.w).get(sc).simd("f64x2_mul").simd("f64x2_add").v128Store(cwRow);
  f.get(q).i32(16).op("i32_add").tee(q).i32(L.dP * 8).op("i32_lt_u").brIf(0);
  f.end();
}

/**
 * F32 TOTALS (counting tally, every coefficient 0 or in [2^-60, 2^60]: see f32TotalsApply). The totals
 * are first computed in f32x4 (four offers a lane group, half the f64x2 work): Vf = Σ_j fl32(c_ij)·
 * fl32(w_j) in leaf order. With nonnegative terms and no underflow or overflow (the range condition:
 * nonzero weights are ≥ 2^-45 and ≤ 2^7), |Vf − V| ≤ γ_{d+2}·V for the exact dot product V, γ_n =
 * n·2^-24/(1 − n·2^-24), and the f64 total the JS reference computes is within γ^{f64}_d·V ≪ 2^-24·V of
 * V. So lo = fl32(Vf·kLo) ≤ V64 ≤ hi = fl32(Vf·kHi) with the constants of f32Bounds. Where lo_k > hi_i,
 * V64_k > V64_i for certain; a pair is uncertain when neither lo_k > hi_i nor lo_i > hi_k. Ranks come from
 * rank_i = #{k: lo_k > hi_i} (emitRanksF32), and Σ rank = m(m−1)/2 exactly when no pair is uncertain;
 * then every pair is strictly ordered in f64 the same way, so these ranks are the f64 ranks. Otherwise
 * (near-ties within ~2(d+6)·2^-24 relative, and always with exact ties) the draw's f64 totals are computed
 * and ranked exactly as without f32 totals. Results are therefore bit-identical to the f64 kernel and to
 * the JS reference: the f32 totals only decide how fast a rank is found, never what it is.
 */

/**
 * f32 multipliers kLo ≤ 1 − ε and kHi ≥ 1 + ε, ε = γ_{d+2} + 4u (u = 2^-24), of the certified bounds.
 * With Vf ∈ [V(1 − γ), V(1 + γ)] and V64 ∈ [V(1 − g), V(1 + g)] (g = γ^{f64}_d < 10^-12):
 * hi = fl32(Vf·kHi) ≥ Vf(1 + γ + 4u)(1 − u) ≥ Vf(1 + γ + 2u) ≥ Vf(1 + g)/(1 − γ) ≥ V64, since
 * γ²/(1 − γ) + g < 2u for d ≤ 4096 (γ < 2.5·10^-4); and lo = fl32(Vf·kLo) ≤ Vf(1 − γ − 3u) ≤
 * Vf(1 − g)/(1 + γ) ≤ V64.
 */
export function f32Bounds(d: number): { kLo: number; kHi: number } {
  const u = 2 ** -24;
  const g = ((d + 2) * u) / (1 - (d + 2) * u);
  const eps = g + 4 * u;
  let kHi = Math.fround(1 + eps);
  if (kHi < 1 + eps) kHi += 2 ** -23;
  let kLo = Math.fround(1 - eps);
  if (kLo > 1 - eps) kLo -= 2 ** -24;
  return { kLo, kHi };
}

/** True when the kernel may use f32 totals: every coefficient 0 or in [2^-60, 2^60], d ≤ 4096. */
export function f32TotalsApply(coef: Float64Array, d: number): boolean {
  if (d > 4096) return false;
  for (const c of coef) if (!(c === 0 || (c >= 2 ** -60 && c <= 2 ** 60))) return false;
  return true;
}

/**
 * Emits Vf = C·W in f32x4 (CHUNK_VECTORS accumulators at a time, leaves in order) and stores the
 * certified bounds lo (at vf; padding offers −∞) and hi (at vh) of each f64 total.
 */
function emitTotalsF32(f: Func, L: KernelLayout): void {
  const { kLo, kHi } = f32Bounds(L.d);
  const nq = L.mF / 4;
  const chunks = Math.ceil(nq / CHUNK_VECTORS);
  const acc = Array.from({ length: Math.ceil(nq / chunks) }, () => f.local("v128"));
  const wj = f.local("v128");
  const klo = f.local("v128");
  const khi = f.local("v128");
  const jo = f.local("i32");
  const co = f.local("i32");
  f.f64(kLo).op("f32_demote_f64").simd("f32x4_splat").set(klo);
  f.f64(kHi).op("f32_demote_f64").simd("f32x4_splat").set(khi);
  for (let c = 0, u0 = 0; c < chunks; c++) {
    const u1 = u0 + Math.ceil((nq - u0) / (chunks - c));
    for (let u = u0; u < u1; u++) f.f64(0).simd("f64x2_splat").set(acc[u - u0]!); // all-zero bits: +0 lanes
    f.i32(0).set(jo).i32(0).set(co);
    f.begin("loop");
    f.get(jo).mem("f32_load", L.wf).simd("f32x4_splat").set(wj);
    for (let u = u0; u < u1; u++) {
      f.get(acc[u - u0]!).get(co).v128Load(L.ctf + u * 16).get(wj).simd("f32x4_mul").simd("f32x4_add").set(acc[u - u0]!);
    }
    f.get(co).i32(L.mF * 4).op("i32_add").set(co);
    f.get(jo).i32(4).op("i32_add").tee(jo).i32(L.d * 4).op("i32_lt_u").brIf(0);
    f.end();
    for (let u = u0; u < u1; u++) {
      f.i32(0).get(acc[u - u0]!).get(klo).simd("f32x4_mul").v128Store(L.vf + u * 16);
      f.i32(0).get(acc[u - u0]!).get(khi).simd("f32x4_mul").v128Store(L.vh + u * 16);
    }
    u0 = u1;
  }
  for (let i = L.m; i < L.mF; i++) f.i32(0).f64(-Infinity).op("f32_demote_f64").mem("f32_store", L.vf + i * 4);
}

/** Rows of the counting tally that share one load of each V vector. */
const ROW_GROUP = 4;

/**
 * Emits exact ranks by f64x2 compares into the byte ranks r8: rank_i = #{k: V_k > V_i}, ROW_GROUP
 * rows at a time with i64 lane accumulators.
 */
function emitRanksF64(f: Func, L: KernelLayout, vi: number[], racc: number[], vk: number): void {
  const nv = L.mP / 2;
  for (let i0 = 0; i0 < L.m; i0 += ROW_GROUP) {
    const g = Math.min(ROW_GROUP, L.m - i0);
    for (let a = 0; a < g; a++) {
      f.i32(0).mem("f64_load", L.v + (i0 + a) * 8).simd("f64x2_splat").set(vi[a]!);
      f.f64(0).simd("f64x2_splat").set(racc[a]!); // all-zero bits: integer lanes 0
    }
    for (let u = 0; u < nv; u++) {
      f.i32(0).v128Load(L.v + u * 16).set(vk);
      for (let a = 0; a < g; a++) f.get(racc[a]!).get(vi[a]!).get(vk).simd("f64x2_lt").simd("i64x2_sub").set(racc[a]!);
    }
    for (let a = 0; a < g; a++) {
      f.i32(0);
      f.get(racc[a]!).lane("i64x2_extract_lane", 0).op("i32_wrap_i64");
      f.get(racc[a]!).lane("i64x2_extract_lane", 1).op("i32_wrap_i64").op("i32_add");
      f.mem("i32_store8", L.r8 + i0 + a);
    }
  }
}

/**
 * Quad vectors (4 offers each) of f32 rank accumulators live at once in emitRanksF32: one byte vector.
 * With their hi bounds in registers too (4 + 4 + the splat), nothing spills; 8 quads ran 1.6× slower.
 */
const RANK_CHUNK_QUADS = 4;

/**
 * Emits ranks from the totals rounded to f32 (f32x4: twice the lanes of f64x2), into r8, and leaves
 * Σ rank in `rsum`. Rounding is monotone, so f32(V_k) > f32(V_i) implies V_k > V_i and f32(V_k) <
 * f32(V_i) implies V_k < V_i: the f32 ranks are exact unless two rounded totals are equal. Equal
 * rounded totals give equal ranks, and ranks with ties sum to less than m(m−1)/2, so the caller tests
 * Σ rank = m(m−1)/2 and redoes the draw's ranks in f64 otherwise (always, with exact ties).
 *
 * Column accumulation: for each offer i (unrolled), lo_i is splatted and compared with the hi bounds
 * of four offers k at a time; the masks [lo_i > hi_k] are added to per-k i32x4 counters, so after the
 * last row each lane holds rank_k = #{i: lo_i > hi_k} directly: no horizontal sums. The counters
 * (≤ 127) are narrowed i32 → i16 → i8 into r8, RANK_CHUNK_QUADS quads (16 offers) per pass over the
 * rows, their hi bounds held in locals for the pass.
 * Padding offers get hi = +∞ (rank 0, outside Σ rank; their bytes are never read as ranks).
 */
function emitRanksF32(f: Func, L: KernelLayout, acc: number[], vk: number, rsum: number, certified: boolean): void {
  const nv = L.mP / 2;
  const nq = L.mF / 4;
  // rows (splatted): lo bounds at vf; columns: hi bounds (certified: lo_i > hi_k, see F32 TOTALS) or
  // the rounded totals themselves
  const cols = certified ? L.vh : L.vf;
  // V → f32: two f64x2 demoted, then packed (bytes 0–7 of each) into one f32x4
  const lo8 = [0, 1, 2, 3, 4, 5, 6, 7, 16, 17, 18, 19, 20, 21, 22, 23];
  for (let q = 0; q < (certified ? 0 : nq); q++) {
    f.i32(0);
    for (const u of [2 * q, 2 * q + 1]) {
      if (u < nv) f.i32(0).v128Load(L.v + u * 16);
      else f.f64(-Infinity).simd("f64x2_splat");
      f.simd("f32x4_demote_f64x2_zero");
    }
    f.shuffle(lo8).v128Store(L.vf + q * 16);
  }
  for (let k = L.m; k < L.mF; k++) f.i32(0).f64(Infinity).op("f32_demote_f64").mem("f32_store", cols + k * 4);
  const zero = (loc: number): void => void f.f64(0).simd("f64x2_splat").set(loc); // all-zero bits: integer lanes 0
  const sumv = acc[RANK_CHUNK_QUADS]!;
  zero(sumv);
  for (let q0 = 0; q0 < nq; q0 += RANK_CHUNK_QUADS) {
    const g = Math.min(RANK_CHUNK_QUADS, nq - q0);
    for (let a = 0; a < g; a++) {
      zero(acc[a]!);
      f.i32(0).v128Load(cols + (q0 + a) * 16).set(acc[RANK_CHUNK_QUADS + 1 + a]!);
    }
    for (let i = 0; i < L.m; i++) {
      f.i32(0).mem("f32_load", L.vf + i * 4).simd("f32x4_splat").set(vk);
      for (let a = 0; a < g; a++) f.get(acc[a]!).get(acc[RANK_CHUNK_QUADS + 1 + a]!).get(vk).simd("f32x4_lt").simd("i32x4_sub").set(acc[a]!);
    }
    for (let a = 0; a < g; a++) f.get(sumv).get(acc[a]!).simd("i32x4_add").set(sumv);
    // bytes: quads (4b … 4b+3) → i16x8 pairs → one i8x16 (missing quads: zero)
    for (let b = 0; b < Math.ceil(g / 4); b++) {
      f.i32(0);
      for (const h of [0, 1]) {
        for (const a of [4 * b + 2 * h, 4 * b + 2 * h + 1]) {
          if (a < g) f.get(acc[a]!);
          else f.f64(0).simd("f64x2_splat");
        }
        f.simd("i16x8_narrow_i32x4_u");
      }
      f.simd("i8x16_narrow_i16x8_u").v128Store(L.r8 + (q0 / 4 + b) * 16);
    }
  }
  f.get(sumv).lane("i32x4_extract_lane", 0).get(sumv).lane("i32x4_extract_lane", 1).op("i32_add");
  f.get(sumv).lane("i32x4_extract_lane", 2).get(sumv).lane("i32x4_extract_lane", 3).op("i32_add");
  f.op("i32_add").set(rsum);
}

/**
 * Emits the counting tally for many offers: exact ranks (f32 compares, f64 when rounding leaves a
 * tie; see emitRanksF32), then rank counts and central weights, then pair counts from the ranks —
 * V_i > V_k exactly when rank_i < rank_k, ties included — as i8x16 compares of byte ranks, counted in
 * byte counters that the caller flushes at most every 255 draws. About m²/2 + m²/4 vector operations
 * per draw, no data-dependent branch but the rare f64 redo and the rank-1 test, instead of the JS
 * insertion sort's inversions.
 */
function emitCountingTally(f: Func, L: KernelLayout, sum: number, f32: boolean): void {
  const vi = Array.from({ length: ROW_GROUP }, () => f.local("v128"));
  const racc = Array.from({ length: ROW_GROUP }, () => f.local("v128"));
  const vk = f.local("v128");
  const sc = f.local("v128");
  const ri = f.local("v128");
  const rk = f.local("i32");
  const rsum = f.local("i32");
  const q = f.local("i32");
  const r8v = Array.from({ length: L.mB / 16 }, () => f.local("v128"));
  const acc = Array.from({ length: 2 * RANK_CHUNK_QUADS + 1 }, () => f.local("v128"));
  emitRanksF32(f, L, acc, vk, rsum, f32);
  f.get(rsum).i32((L.m * (L.m - 1)) / 2).op("i32_ne").begin("if");
  if (f32) emitTotalsF64(f, L);
  emitRanksF64(f, L, vi, racc, vk);
  f.end();
  for (let i = 0; i < L.m; i++) {
    f.i32(0).mem("i32_load8_u", L.r8 + i).set(rk);
    const rcRow = L.rc + i * L.m * 4;
    f.get(rk).i32(2).op("i32_shl").tee(q).get(q).mem("i32_load", rcRow).i32(1).op("i32_add").mem("i32_store", rcRow);
    f.get(rk).op("i32_eqz").begin("if");
    emitAddWeights(f, L, i, sum, sc, q);
    f.end();
  }
  r8v.forEach((loc, b) => f.i32(0).v128Load(L.r8 + 16 * b).set(loc));
  for (let i = 0; i < L.m; i++) {
    f.i32(0).mem("i32_load8_u", L.r8 + i).simd("i8x16_splat").set(ri);
    r8v.forEach((loc, b) => {
      const cell = L.p8 + i * L.mB + 16 * b;
      // byte lanes where rank_i < rank_k are all-ones (−1): subtracting counts them. Ranks are ≤ 127
      // (m ≤ WASM_MAX_OFFERS), so the signed compare is exact (one instruction on x64, where the
      // unsigned one is emulated); padding lanes hold junk ranks, and their counters are never flushed.
      f.i32(0).i32(0).v128Load(cell).get(loc).get(ri).simd("i8x16_gt_s").simd("i8x16_sub").v128Store(cell);
    });
  }
}

/** Loads (or stores) the RNG state between memory and four locals. */
function emitState(f: Func, L: KernelLayout, s: number[], store: boolean): void {
  s.forEach((li, k) => {
    if (store) f.i32(0).get(li).mem("i32_store", L.state + 4 * k);
    else f.i32(0).mem("i32_load", L.state + 4 * k).set(li);
  });
}

/**
 * Module bytes for (m, d). Exports `mem` and `run(count)`: count ≥ 1 draws with the tally done
 * in-kernel — all pairs (`pairwise`, pair counts in i64) or by counting (pair counts in bytes: count ≤
 * 255 between flushes). The RNG state is read from and written back to memory around each call.
 */
export function simplexKernelBytes(m: number, d: number, pairwise: boolean, f32Totals = false): Uint8Array {
  const f32 = f32Totals && !pairwise;
  const L = kernelLayout(m, d);
  const run = new Func(["i32"], []);
  {
    const s = [0, 1, 2, 3].map(() => run.local("i32"));
    const sum = run.local("f64");
    emitState(run, L, s, false);
    run.begin("loop");
    emitDraw(run, L, s, sum, f32);
    if (f32) emitTotalsF32(run, L);
    if (pairwise) emitPairwiseTally(run, L, sum);
    else emitCountingTally(run, L, sum, f32);
    run.get(0).i32(1).op("i32_sub").tee(0).brIf(0);
    run.end();
    emitState(run, L, s, true);
  }
  const funcs = [{ name: "run", func: run }];
  return assemble({
    imports: [{ name: "expSlow", params: ["i32", "f64"], results: ["f64"] }],
    funcs,
    memoryPages: Math.ceil(L.bytes / 65536),
  });
}

/**
 * The slice of the WebAssembly JS API used here, typed locally: the project's `lib` (ES2022, no DOM)
 * and @types/node 20 do not declare the WebAssembly namespace.
 */
interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: Record<string, Record<string, unknown>>) => { exports: Record<string, unknown> };
}

const wasmApi = (globalThis as unknown as { WebAssembly?: WasmApi }).WebAssembly;

/** True when this engine runs WebAssembly with SIMD128 (Node ≥ 16.4 always does). */
export const WASM_SIMD = ((): boolean => {
  try {
    return wasmApi !== undefined && wasmApi.validate(simplexKernelBytes(3, 3, true));
  } catch {
    return false;
  }
})();

/** An instantiated kernel: typed views on its memory (never reallocated: the memory does not grow). */
export interface SimplexKernel {
  layout: KernelLayout;
  run: (count: number) => void;
  pairwise: boolean;
  /** Counting tally with f32 totals and certified bounds (see F32 TOTALS). */
  f32Totals: boolean;
  state: Int32Array;
  /** Length-m totals and length-d weights of the last draw (diagnostics). */
  V: Float64Array;
  W: Float64Array;
  rc: Int32Array;
  pc: BigInt64Array;
  cw: Float64Array;
  /** Counting tally: m × mB byte pair counters. */
  p8: Uint8Array;
}

/** Compiles and instantiates the kernel for an m × d coefficient matrix (row-major, offers × leaves). */
export function createSimplexKernel(m: number, d: number, coef: Float64Array, pairwise: boolean, allowF32 = true): SimplexKernel {
  const L = kernelLayout(m, d);
  if (!wasmApi) throw new Error("SMAA: WebAssembly is not available");
  const f32Totals = allowF32 && !pairwise && f32TotalsApply(coef, d);
  const mod = new wasmApi.Module(simplexKernelBytes(m, d, pairwise, f32Totals));
  const inst = new wasmApi.Instance(mod, { js: { expSlow } });
  const ex = inst.exports as { mem: { buffer: ArrayBuffer }; run: (count: number) => void };
  const buf = ex.mem.buffer;
  new Float64Array(buf, L.ke, 256).set(ke);
  new Float64Array(buf, L.we, 256).set(we);
  const ct = new Float64Array(buf, L.ct, d * L.mP);
  for (let i = 0; i < m; i++) for (let j = 0; j < d; j++) ct[j * L.mP + i] = coef[i * d + j]!;
  const ctf = new Float32Array(buf, L.ctf, d * L.mF);
  for (let i = 0; i < m; i++) for (let j = 0; j < d; j++) ctf[j * L.mF + i] = coef[i * d + j]!;
  new Uint8Array(buf, L.r8, L.mB).fill(255); // padding ranks (rewritten by every draw's f32 ranks; never read as ranks)
  return {
    layout: L,
    run: ex.run,
    pairwise,
    f32Totals,
    state: new Int32Array(buf, L.state, 4),
    V: new Float64Array(buf, L.v, m),
    W: new Float64Array(buf, L.w, d),
    rc: new Int32Array(buf, L.rc, m * m),
    pc: new BigInt64Array(buf, L.pc, m * L.mP),
    cw: new Float64Array(buf, L.cw, m * L.dP),
    p8: new Uint8Array(buf, L.p8, m * L.mB),
  };
}
