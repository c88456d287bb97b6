// Exp(1) ziggurat tables (Marsaglia & Tsang 2000, 256 layers), for the uniform-simplex hot path.
// Pure; built once at import. A draw uses one 32-bit output: the low 8 bits pick the layer and the
// high 24 bits the abscissa (separate bits, avoiding the index/value correlation of the original REXP).
//
// Normalised i.i.d. Exp(1) draws are exactly uniform on the simplex (Devroye 1986, V.2). ~99 % of
// draws take the fast branch (one multiply); the wedge and tail call Math.exp / Math.log, which V8
// computes with its own fdlibm port, so results are the same on every platform for a given Node.

/** Right edge of the base layer. */
export const ZIG_R = 7.697117470131487;
const ZIG_V = 3.949659822581572e-3;
const TWO_24 = 16777216;

/** ke[i]: fast-accept bound on the 24-bit abscissa; we[i]: its scale; fe[i]: density at the layer edge. */
export const ke = new Float64Array(256);
export const we = new Float64Array(256);
export const fe = new Float64Array(256);
{
  let de = ZIG_R;
  let tde = de;
  const q = ZIG_V / Math.exp(-de);
  ke[0] = (de / q) * TWO_24;
  ke[1] = 0;
  we[0] = q / TWO_24;
  we[255] = de / TWO_24;
  fe[0] = 1;
  fe[255] = Math.exp(-de);
  for (let i = 254; i >= 1; i--) {
    de = -Math.log(ZIG_V / de + Math.exp(-de));
    ke[i + 1] = (de / tde) * TWO_24;
    tde = de;
    fe[i] = Math.exp(-de);
    we[i] = de / TWO_24;
  }
}

/**
 * Slow branch of a ziggurat draw whose 32-bit word `r` failed the fast test; `u` is a fresh uniform in
 * (0, 1). Returns the Exp(1) value, or −1 to ask the caller for a new word (wedge rejection).
 */
export function expSlow(r: number, u: number): number {
  const iz = r & 255;
  if (iz === 0) return ZIG_R - Math.log(u); // tail: memoryless, R + Exp(1)
  const x = (r >>> 8) * we[iz]!;
  return fe[iz]! + u * (fe[iz - 1]! - fe[iz]!) < Math.exp(-x) ? x : -1;
}
