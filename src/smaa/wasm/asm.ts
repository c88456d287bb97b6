// A tiny typed WebAssembly assembler: just the opcodes the SMAA kernel needs, emitted as bytes. Pure.
//
// Why hand-rolled: the engine must not depend on a toolchain (no .wasm build step, no dependency); the
// kernel is generated at run time, specialised to the plan's (offers, leaves), from readable TypeScript.
// Encoding follows the WebAssembly 1.0 binary format plus the fixed-width SIMD proposal (prefix 0xfd,
// LEB128 sub-opcode). Only deterministic instructions are used: no relaxed SIMD, no fused multiply-add.

export type ValType = "i32" | "i64" | "f64" | "v128";

const VALTYPE: Record<ValType, number> = { i32: 0x7f, i64: 0x7e, f64: 0x7c, v128: 0x7b };

/** Unsigned LEB128. */
export function uleb(n: number, out: number[] = []): number[] {
  let v = n >>> 0;
  do {
    let b = v & 0x7f;
    v >>>= 7;
    if (v !== 0) b |= 0x80;
    out.push(b);
  } while (v !== 0);
  return out;
}

/** Signed LEB128 of a 32-bit integer. */
export function sleb(n: number, out: number[] = []): number[] {
  let v = n | 0;
  for (;;) {
    const b = v & 0x7f;
    v >>= 7;
    if ((v === 0 && (b & 0x40) === 0) || (v === -1 && (b & 0x40) !== 0)) {
      out.push(b);
      return out;
    }
    out.push(b | 0x80);
  }
}

/** Appends `src` to `out` without spreading (large bodies would overflow the call stack). */
function append(out: number[], src: ArrayLike<number>): number[] {
  for (let k = 0; k < src.length; k++) out.push(src[k]!);
  return out;
}

const f64Bytes = (x: number): number[] => Array.from(new Uint8Array(Float64Array.of(x).buffer));

/** Scalar opcodes (one byte). */
const OP = {
  block: 0x02, loop: 0x03, if: 0x04, else: 0x05, end: 0x0b, br: 0x0c, br_if: 0x0d, call: 0x10,
  local_get: 0x20, local_set: 0x21, local_tee: 0x22,
  i32_load: 0x28, i64_load: 0x29, f64_load: 0x2b, i32_load8_u: 0x2d, f32_load: 0x2a, i32_store: 0x36, i64_store: 0x37, f32_store: 0x38, f64_store: 0x39,
  i32_store8: 0x3a, i32_wrap_i64: 0xa7,
  i32_const: 0x41, f64_const: 0x44,
  i32_eqz: 0x45, i32_eq: 0x46, i32_ne: 0x47, i32_lt_u: 0x49, i32_gt_u: 0x4b, i32_ge_u: 0x4f,
  f64_lt: 0x63, f64_gt: 0x64, f64_ge: 0x66,
  i32_popcnt: 0x69, i32_add: 0x6a, i32_sub: 0x6b, i32_mul: 0x6c, i32_and: 0x71, i32_or: 0x72, i32_xor: 0x73,
  i32_shl: 0x74, i32_shr_u: 0x76, i32_rotl: 0x77,
  f64_add: 0xa0, f64_sub: 0xa1, f64_mul: 0xa2, f64_div: 0xa3, f64_convert_i32_u: 0xb8, f32_demote_f64: 0xb6,
} as const;

/** SIMD sub-opcodes (after the 0xfd prefix). */
const SIMD = {
  v128_load: 0x00, v128_store: 0x0b, v128_const: 0x0c, i8x16_splat: 0x0f, f32x4_splat: 0x13, f64x2_splat: 0x14,
  i32x4_extract_lane: 0x1b, i64x2_extract_lane: 0x1d, f64x2_extract_lane: 0x21,
  i8x16_lt_u: 0x26, i8x16_gt_s: 0x27, f32x4_lt: 0x43, f64x2_eq: 0x47, f64x2_lt: 0x49, f64x2_gt: 0x4a,
  v128_and: 0x4e, v128_or: 0x50,
  f32x4_demote_f64x2_zero: 0x5e, i8x16_sub: 0x71, i32x4_sub: 0xb1, i64x2_bitmask: 0xc4, i64x2_add: 0xce, i64x2_sub: 0xd1,
  i8x16_narrow_i16x8_u: 0x66, i16x8_narrow_i32x4_u: 0x86, i32x4_add: 0xae,
  f32x4_add: 0xe4, f32x4_mul: 0xe6, f64x2_add: 0xf0, f64x2_sub: 0xf1, f64x2_mul: 0xf2,
} as const;

export type Op = keyof typeof OP;
export type SimdOp = keyof typeof SIMD;

/** Natural alignment exponent of a memory access of `bytes` bytes. */
const ALIGN: Record<number, number> = { 1: 0, 4: 2, 8: 3, 16: 4 };

/**
 * One function body. Locals are declared on demand (`local(type)`); instructions are appended with
 * small typed helpers, so the emitter reads like the WebAssembly text format.
 */
export class Func {
  readonly code: number[] = [];
  private readonly locals: ValType[] = [];

  constructor(readonly params: ValType[], readonly results: ValType[]) {}

  /** A new local of type t; returns its index. */
  local(t: ValType): number {
    this.locals.push(t);
    return this.params.length + this.locals.length - 1;
  }

  op(name: Op): this {
    this.code.push(OP[name]);
    return this;
  }

  simd(name: SimdOp): this {
    this.code.push(0xfd, ...uleb(SIMD[name]));
    return this;
  }

  get(i: number): this {
    this.code.push(OP.local_get, ...uleb(i));
    return this;
  }

  set(i: number): this {
    this.code.push(OP.local_set, ...uleb(i));
    return this;
  }

  tee(i: number): this {
    this.code.push(OP.local_tee, ...uleb(i));
    return this;
  }

  i32(v: number): this {
    this.code.push(OP.i32_const, ...sleb(v));
    return this;
  }

  f64(v: number): this {
    this.code.push(OP.f64_const, ...f64Bytes(v));
    return this;
  }

  /** Memory access with a constant byte offset (address on the stack, plus value for stores). */
  mem(name: "i32_load" | "i64_load" | "f64_load" | "i32_store" | "i64_store" | "f64_store" | "i32_store8" | "i32_load8_u" | "f32_load" | "f32_store", offset: number): this {
    const bytes = name === "i32_store8" || name === "i32_load8_u" ? 1 : name.startsWith("i32") || name.startsWith("f32") ? 4 : 8;
    this.code.push(OP[name], ALIGN[bytes]!, ...uleb(offset));
    return this;
  }

  v128Load(offset: number): this {
    this.code.push(0xfd, ...uleb(SIMD.v128_load), 4, ...uleb(offset));
    return this;
  }

  v128Store(offset: number): this {
    this.code.push(0xfd, ...uleb(SIMD.v128_store), 4, ...uleb(offset));
    return this;
  }

  lane(name: "i32x4_extract_lane" | "i64x2_extract_lane" | "f64x2_extract_lane", lane: number): this {
    this.code.push(0xfd, ...uleb(SIMD[name]), lane);
    return this;
  }

  /** i8x16.shuffle of the two vectors on the stack; `lanes` picks 16 bytes of their concatenation. */
  shuffle(lanes: number[]): this {
    this.code.push(0xfd, 0x0d, ...lanes);
    return this;
  }

  /** Structured control: `block`, `loop`, `if` with no result; `end` closes. */
  begin(kind: "block" | "loop" | "if"): this {
    this.code.push(OP[kind], 0x40);
    return this;
  }

  end(): this {
    this.code.push(OP.end);
    return this;
  }

  br(depth: number): this {
    this.code.push(OP.br, ...uleb(depth));
    return this;
  }

  brIf(depth: number): this {
    this.code.push(OP.br_if, ...uleb(depth));
    return this;
  }

  call(fn: number): this {
    this.code.push(OP.call, ...uleb(fn));
    return this;
  }

  /** Body bytes: local declarations (run-length encoded by type), instructions, final `end`. */
  body(): number[] {
    const groups: [number, ValType][] = [];
    for (const t of this.locals) {
      const last = groups.at(-1);
      if (last && last[1] === t) last[0]++;
      else groups.push([1, t]);
    }
    const out = uleb(groups.length);
    for (const [n, t] of groups) out.push(...uleb(n), VALTYPE[t]);
    append(out, this.code).push(OP.end);
    return out;
  }
}

export interface ModuleSpec {
  /** Imported functions, module "js". */
  imports: { name: string; params: ValType[]; results: ValType[] }[];
  /** Defined functions, exported under their names. */
  funcs: { name: string; func: Func }[];
  /** Pages (64 KiB) of the module's own memory, exported as "mem". */
  memoryPages: number;
}

function section(id: number, payload: number[]): number[] {
  return append([id, ...uleb(payload.length)], payload);
}

function name(s: string): number[] {
  const b = Array.from(new TextEncoder().encode(s));
  return [...uleb(b.length), ...b];
}

function vec(items: number[][]): number[] {
  const out = uleb(items.length);
  for (const it of items) append(out, it);
  return out;
}

/** Assembles a module: one type per function, imports first (function indices 0 … imports − 1). */
export function assemble(spec: ModuleSpec): Uint8Array {
  const sigs = [...spec.imports, ...spec.funcs.map((f) => ({ params: f.func.params, results: f.func.results }))];
  const types = vec(sigs.map((s) => [0x60, ...vec(s.params.map((t) => [VALTYPE[t]])), ...vec(s.results.map((t) => [VALTYPE[t]]))]));
  const imports = vec(spec.imports.map((im, k) => [...name("js"), ...name(im.name), 0x00, ...uleb(k)]));
  const nImp = spec.imports.length;
  const funcs = vec(spec.funcs.map((_, k) => uleb(nImp + k)));
  const memory = vec([[0x00, ...uleb(spec.memoryPages)]]);
  const exports = vec([
    [...name("mem"), 0x02, 0x00],
    ...spec.funcs.map((f, k) => [...name(f.name), 0x00, ...uleb(nImp + k)]),
  ]);
  const code = vec(spec.funcs.map((f) => {
    const b = f.func.body();
    return append(uleb(b.length), b);
  }));
  const out = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
  for (const [id, payload] of [[1, types], [2, imports], [3, funcs], [5, memory], [7, exports], [10, code]] as const) append(out, section(id, payload));
  return Uint8Array.from(out);
}
