// Shared helpers of the benchmark scripts.
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Growth exponent between two sizes: time ∝ size^k. */
export function exponent(t1, t2, s1, s2) {
  return Math.log(t2 / t1) / Math.log(s2 / s1);
}
