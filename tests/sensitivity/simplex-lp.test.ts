import { describe, expect, it } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { Rational, q } from "../../src/exact/rational.js";
import { solveLp, type LinearProgram } from "../../src/sensitivity/simplex-lp.js";
import { solveLpRational } from "./lp-reference.js";

const R = (xs: (number | string)[]): Rational[] => xs.map((x) => q(x));

describe("solveLp (exact two-phase simplex, Bland's rule)", () => {
  it("a textbook LP: max 3x + 5y, x ≤ 4, 2y ≤ 12, 3x + 2y ≤ 18 → (2, 6), 36", () => {
    const lp: LinearProgram = {
      objective: R([-3, -5]),
      constraints: [
        { coef: R([1, 0]), sense: "<=", rhs: q(4) },
        { coef: R([0, 2]), sense: "<=", rhs: q(12) },
        { coef: R([3, 2]), sense: "<=", rhs: q(18) },
      ],
    };
    const r = solveLp(lp);
    expect(r.status).toBe("optimal");
    if (r.status === "optimal") {
      expect(r.x.map(String)).toEqual(["2", "6"]);
      expect(r.value.toString()).toBe("-36");
    }
  });

  it("equalities, ≥ rows, negative right-hand sides and a redundant row", () => {
    // min x + 2y + 3z, x + y + z = 1, x − y ≥ −1/2 (written −x + y ≤ 1/2 negated), 2x + 2y + 2z = 2 (redundant), x ≤ 1/3.
    const r = solveLp({
      objective: R([1, 2, 3]),
      constraints: [
        { coef: R([1, 1, 1]), sense: "=", rhs: q(1) },
        { coef: R([-1, 1, 0]), sense: ">=", rhs: q(-1, 2) },
        { coef: R([2, 2, 2]), sense: "=", rhs: q(2) },
        { coef: R([1, 0, 0]), sense: "<=", rhs: q(1, 3) },
      ],
    });
    expect(r.status).toBe("optimal");
    if (r.status === "optimal") {
      expect(r.x.map(String)).toEqual(["1/3", "2/3", "0"]);
      expect(r.value.toString()).toBe("5/3");
    }
  });

  it("infeasible and unbounded", () => {
    expect(
      solveLp({ objective: R([1]), constraints: [{ coef: R([1]), sense: "<=", rhs: q(1) }, { coef: R([1]), sense: ">=", rhs: q(2) }] }).status,
    ).toBe("infeasible");
    expect(solveLp({ objective: R([-1, 0]), constraints: [{ coef: R([1, -1]), sense: "<=", rhs: q(1) }] }).status).toBe("unbounded");
  });

  it("terminates on Beale's cycling example (Bland's rule)", () => {
    // min −3/4 x4 + 20 x5 − 1/2 x6 + 6 x7 (Beale 1955): cycles with Dantzig's rule.
    const r = solveLp({
      objective: R(["-3/4", 20, "-1/2", 6]),
      constraints: [
        { coef: R(["1/4", -8, -1, 9]), sense: "<=", rhs: q(0) },
        { coef: R(["1/2", -12, "-1/2", 3]), sense: "<=", rhs: q(0) },
        { coef: R([0, 0, 1, 0]), sense: "<=", rhs: q(1) },
      ],
    });
    expect(r.status).toBe("optimal");
    if (r.status === "optimal") expect(r.value.toString()).toBe("-5/4");
  });

  test.prop(
    [fc.array(fc.array(fc.integer({ min: -5, max: 5 }), { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 4 }), fc.array(fc.integer({ min: -5, max: 5 }), { minLength: 3, maxLength: 3 })],
    { numRuns: 200 },
  )("optimum on the box simplex is feasible and beats every probed vertex", (rows, c) => {
    // min c·x on {x ≥ 0, Σx = 1, row·x ≤ 1}; compare with the simplex vertices that are feasible.
    const lp: LinearProgram = {
      objective: c.map((v) => q(v)),
      constraints: [{ coef: R([1, 1, 1]), sense: "=", rhs: q(1) }, ...rows.map((row) => ({ coef: row.map((v) => q(v)), sense: "<=" as const, rhs: q(1) }))],
    };
    const r = solveLp(lp);
    const feasible = (x: Rational[]): boolean =>
      x.every((v) => v.sign() >= 0) && Rational.sum(x).eq(Rational.ONE) && rows.every((row) => Rational.sum(row.map((v, j) => q(v).mul(x[j]!))).le(Rational.ONE));
    const vertices = [0, 1, 2].map((i) => [0, 1, 2].map((j) => (i === j ? Rational.ONE : Rational.ZERO))).filter(feasible);
    if (r.status !== "optimal") {
      expect(r.status).toBe("infeasible");
      expect(vertices).toEqual([]);
      return;
    }
    expect(feasible(r.x)).toBe(true);
    for (const v of vertices) expect(r.value.le(Rational.sum(c.map((cj, j) => q(cj).mul(v[j]!))))).toBe(true);
  });
});

describe("solveLp (integer rows) = solveLpRational (the Rational reference)", () => {
  const arbLp = fc.record({ n: fc.integer({ min: 1, max: 6 }), m: fc.integer({ min: 1, max: 6 }) }).chain(({ n, m }) =>
    fc.record({
      c: fc.array(fc.integer({ min: -6, max: 6 }), { minLength: n, maxLength: n }),
      rows: fc.array(
        fc.record({
          coef: fc.array(fc.integer({ min: -5, max: 5 }), { minLength: n, maxLength: n }),
          sense: fc.constantFrom("<=" as const, ">=" as const, "=" as const),
          rhs: fc.integer({ min: -6, max: 6 }),
          den: fc.integer({ min: 1, max: 9 }),
        }),
        { minLength: m, maxLength: m },
      ),
      cden: fc.integer({ min: 1, max: 7 }),
    }),
  );
  test.prop([arbLp], { numRuns: 400 })("same status, same vertex, same value", ({ c, rows, cden }) => {
    // Keep it bounded: Σx ≤ 10 (plus the random rows, rationals with random denominators).
    const n = c.length;
    const lp: LinearProgram = {
      objective: c.map((v) => q(v, cden)),
      constraints: [
        { coef: Array.from({ length: n }, () => q(1)), sense: "<=", rhs: q(10) },
        ...rows.map((r) => ({ coef: r.coef.map((v, j) => q(v, r.den + j)), sense: r.sense, rhs: q(r.rhs, r.den) })),
      ],
    };
    const fast = solveLp(lp);
    const ref = solveLpRational(lp);
    expect(fast.status).toBe(ref.status);
    if (fast.status === "optimal" && ref.status === "optimal") {
      expect(fast.x.map(String)).toEqual(ref.x.map(String));
      expect(fast.value.toString()).toBe(ref.value.toString());
    }
  });
});
