// Properties of the minimal weight changes on small random models (2–5 offers × 2–5 leaves).
import { describe, expect } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { Rational } from "../../src/exact/rational.js";
import { dot } from "../../src/sensitivity/model.js";
import { minChangeLp, minL1Tie, minLinfTie } from "../../src/sensitivity/min-change.js";

const arbCase = fc.integer({ min: 2, max: 5 }).chain((n) =>
  fc.record({
    w: fc.array(fc.integer({ min: 0, max: 10 }), { minLength: n, maxLength: n }).filter((x) => x.some((v) => v > 0)),
    others: fc.array(fc.array(fc.integer({ min: 0, max: 10 }), { minLength: n, maxLength: n }), { minLength: 2, maxLength: 5 }),
    probes: fc.array(fc.array(fc.integer({ min: 0, max: 6 }), { minLength: n, maxLength: n }), { minLength: 20, maxLength: 40 }),
  }),
);

const shares = (xs: number[]): Rational[] | null => {
  const s = xs.reduce((a, b) => a + b, 0);
  return s === 0 ? null : xs.map((x) => Rational.of(x, s));
};
const l1 = (x: Rational[], y: Rational[]): Rational => Rational.sum(x.map((v, j) => v.sub(y[j]!).abs()));
const linf = (x: Rational[], y: Rational[]): Rational => x.reduce((m, v, j) => Rational.max(m, v.sub(y[j]!).abs()), Rational.ZERO);
const onSimplex = (x: Rational[]): boolean => x.every((v) => v.sign() >= 0) && Rational.sum(x).eq(Rational.ONE);

describe("minimal change properties", () => {
  test.prop([arbCase], { numRuns: 200 })("pair tie: on the simplex, b ≥ a, reported distance, nothing closer", ({ w: wi, others, probes }) => {
    const w = shares(wi)!;
    const s = others.map((row) => row.map((v) => Rational.of(v, 10)));
    const a = s[0]!;
    const b = s[1]!;
    const d = a.map((x, j) => x.sub(b[j]!));
    const candidates = probes.map(shares).filter((p): p is Rational[] => p !== null && dot(d, p).sign() <= 0);
    const r1 = minL1Tie(d, w);
    const rinf = minLinfTie(d, w);
    const lpInf = minChangeLp([d], w, "linf");
    const lp1 = minChangeLp([d], w, "l1");
    const dominated = d.every((x) => x.sign() > 0) && dot(d, w).sign() > 0;
    for (const [r, measure] of [[r1, l1], [rinf, linf], [lpInf, linf], [lp1, l1]] as const) {
      if (dominated) {
        expect(r.status).toBe("infeasible");
        continue;
      }
      expect(r.status).toBe("ok");
      if (r.status !== "ok") continue;
      expect(onSimplex(r.weights)).toBe(true);
      expect(dot(d, r.weights).sign() <= 0).toBe(true);
      expect(measure(r.weights, w).eq(r.distance)).toBe(true);
      for (const c of candidates) expect(measure(c, w).ge(r.distance)).toBe(true);
    }
    if (!dominated && r1.status === "ok" && lp1.status === "ok" && rinf.status === "ok" && lpInf.status === "ok") {
      expect(r1.distance.eq(lp1.distance)).toBe(true); // greedy = LP
      expect(rinf.distance.eq(lpInf.distance)).toBe(true); // closed form = LP
    }
  });

  test.prop([arbCase], { numRuns: 120 })("sole winner: b ties or beats everyone, nothing closer", ({ w: wi, others, probes }) => {
    const w = shares(wi)!;
    const s = others.map((row) => row.map((v) => Rational.of(v, 10)));
    const b = s[s.length - 1]!;
    const rows = s.slice(0, -1).map((c) => c.map((x, j) => x.sub(b[j]!)));
    const ok = (p: Rational[]): boolean => rows.every((row) => dot(row, p).sign() <= 0);
    const candidates = probes.map(shares).filter((p): p is Rational[] => p !== null && ok(p));
    const unitOk = w.map((_, j) => w.map((_, i) => (i === j ? Rational.ONE : Rational.ZERO))).some(ok);
    for (const [norm, measure] of [["l1", l1], ["linf", linf]] as const) {
      const r = minChangeLp(rows, w, norm);
      // Infeasible: then no probe and no vertex of the simplex may satisfy the constraints.
      if (r.status !== "ok") {
        expect(candidates).toEqual([]);
        expect(unitOk).toBe(false);
        continue;
      }
      expect(onSimplex(r.weights)).toBe(true);
      expect(ok(r.weights)).toBe(true);
      expect(measure(r.weights, w).eq(r.distance)).toBe(true);
      for (const c of candidates) expect(measure(c, w).ge(r.distance)).toBe(true);
    }
  });
});
