// Properties of the minimal weight changes on small random models (2–5 offers × 2–5 leaves).
import { describe, expect, it } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { Rational } from "../../src/exact/rational.js";
import { dot } from "../../src/sensitivity/model.js";
import { minChangeLp, minimalWeightChanges, minL1Tie, minLinfTie, soleWinnerL1, soleWinnerLinf } from "../../src/sensitivity/min-change.js";
import { buildModel, flatTree } from "./builders.js";

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

// The exact parametric L∞ (no LP) against the LP oracle, where non-negativity binds (zero and small
// weights, so the closed form rarely applies), and on a 200-offer × 60-leaf model.
const arbBinding = fc.integer({ min: 2, max: 8 }).chain((n) =>
  fc.record({
    w: fc.array(fc.integer({ min: 0, max: 12 }), { minLength: n, maxLength: n }).filter((x) => x.some((v) => v > 0)),
    d: fc.array(fc.integer({ min: -9, max: 9 }), { minLength: n, maxLength: n }),
    den: fc.integer({ min: 1, max: 13 }),
  }),
);

describe("parametric L∞ = LP oracle", () => {
  test.prop([arbBinding], { numRuns: 300 })("same distance, achieving weights on the simplex", ({ w: wi, d: di, den }) => {
    const w = shares(wi)!;
    const d = di.map((x) => Rational.of(x, den));
    const fast = minLinfTie(d, w);
    const lp = minChangeLp([d], w, "linf");
    expect(fast.status).toBe(lp.status);
    if (fast.status !== "ok" || lp.status !== "ok") return;
    expect(fast.distance.toString()).toBe(lp.distance.toString());
    expect(onSimplex(fast.weights)).toBe(true);
    expect(dot(d, fast.weights).sign() <= 0).toBe(true);
    expect(linf(fast.weights, w).eq(fast.distance)).toBe(true);
    expect(fast.method === "lp").toBe(false);
  });

  it("a 200-offer × 60-leaf model: pair L∞ (and L1) equal the LP's for a few challengers", () => {
    let x = 12345;
    const rand = (): number => {
      x = (Math.imul(x, 1103515245) + 12345) >>> 0;
      return x / 4294967296;
    };
    const n = 60;
    const weights = Object.fromEntries(Array.from({ length: n }, (_, j) => [`L${j}`, 1 + Math.floor(rand() * 5)]));
    const scores = Object.fromEntries(
      Array.from({ length: 200 }, (_, a) => {
        const skill = rand();
        // Leaf 0 is price-like (distinct denominators); the others integer notes 0–20.
        const row = Array.from({ length: n }, (_, j) => (j === 0 ? Rational.of(80000, 80000 + Math.floor(rand() * 80000)).mul(Rational.of(20)) : Rational.of(Math.round(20 * (0.5 * skill + 0.5 * rand())))));
        return [`O${a}`, row];
      }),
    );
    const model = buildModel(flatTree(weights), scores, 20);
    const report = minimalWeightChanges(model);
    expect(report.pairs).toHaveLength(199);
    const w = model.weights.map((v) => v.div(model.totalPoints));
    const checked = [0, 1, 50, 198].map((i) => report.pairs[i]!);
    for (const p of checked) {
      const a = model.offers.indexOf(p.winner);
      const b = model.offers.indexOf(p.challenger);
      const d = model.coef[a]!.map((c, j) => c.sub(model.coef[b]![j]!));
      const lpInf = minChangeLp([d], w, "linf");
      const lp1 = minChangeLp([d], w, "l1");
      expect(p.linf.status).toBe(lpInf.status);
      expect(p.l1.status).toBe(lp1.status);
      if (p.linf.status === "ok" && lpInf.status === "ok") expect(p.linf.distance.toString()).toBe(lpInf.distance.toString());
      if (p.l1.status === "ok" && lp1.status === "ok") expect(p.l1.distance.toString()).toBe(lp1.distance.toString());
    }
    // The sole-winner LPs: the 5 closest challengers only (200 offers), the rest not computed with a lower bound.
    expect(report.soleWinnerScope?.rule).toEqual({ closest: 5 });
    const nc = report.pairs.find((p) => p.soleWinner.linf.status === "not-computed")!;
    expect(nc.soleWinner.linf.status === "not-computed" && nc.linf.status === "ok" && nc.soleWinner.linf.lowerBound.eq(nc.linf.distance)).toBe(true);
  }, 120_000);
});

describe("sole winner: bounded simplex (L1) and parametric Newton (L∞) = the dense LP oracle", () => {
  test.prop([arbCase], { numRuns: 250 })("same status and distance; the weights satisfy every row", ({ w: wi, others }) => {
    const w = shares(wi)!;
    const s = others.map((row) => row.map((v) => Rational.of(v, 10)));
    const b = s[s.length - 1]!;
    const rows = s.slice(0, -1).map((c) => c.map((x, j) => x.sub(b[j]!)));
    for (const [norm, fast, measure] of [["l1", soleWinnerL1(rows, w), l1], ["linf", soleWinnerLinf(rows, w), linf]] as const) {
      const ref = minChangeLp(rows, w, norm);
      expect(fast.status).toBe(ref.status);
      if (fast.status !== "ok" || ref.status !== "ok") continue;
      expect(fast.distance.toString()).toBe(ref.distance.toString());
      expect(onSimplex(fast.weights)).toBe(true);
      expect(rows.every((row) => dot(row, fast.weights).sign() <= 0)).toBe(true);
      expect(measure(fast.weights, w).eq(fast.distance)).toBe(true);
    }
  });

  test.prop([fc.integer({ min: 3, max: 9 }), fc.integer({ min: 2, max: 6 }), fc.integer({ min: 1, max: 1_000_000 })], { numRuns: 40 })(
    "minimalWeightChanges: bounded = dense for every challenger",
    (m, n, seed) => {
      let x = seed;
      const rand = (): number => {
        x = (Math.imul(x, 1103515245) + 12345) >>> 0;
        return x / 4294967296;
      };
      const weights = Object.fromEntries(Array.from({ length: n }, (_, j) => [`L${j}`, Math.floor(rand() * 6)]));
      if (Object.values(weights).every((v) => v === 0)) weights.L0 = 1;
      const scores = Object.fromEntries(Array.from({ length: m }, (_, a) => [`O${a}`, Array.from({ length: n }, () => Math.floor(rand() * 11))]));
      const model = buildModel(flatTree(weights), scores, 10);
      const fast = minimalWeightChanges(model);
      const dense = minimalWeightChanges(model, { soleWinnerMethod: "dense" });
      const key = (r: { status: string; distance?: Rational }): string => (r.status === "ok" ? r.distance!.toString() : r.status);
      expect(fast.pairs.map((p) => [key(p.soleWinner.l1), key(p.soleWinner.linf)])).toEqual(dense.pairs.map((p) => [key(p.soleWinner.l1), key(p.soleWinner.linf)]));
    },
  );
});
