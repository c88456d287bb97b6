// Method and rounding sensitivity: a tender where linear-minmax and proportional disagree on the winner.
import { describe, expect, it } from "vitest";
import { q } from "../../src/exact/rational.js";
import { derivedParams, methodSensitivity } from "../../src/sensitivity/method-sensitivity.js";
import { buildTender } from "../scoring/builders.js";

// Price 50 (proportional), Quality 50 (direct /10).
// proportional: A 50 + 30 = 80; B 50·100/120 + 47.5 = 89.1667; C 50·100/150 + 45 = 78.3333 → B.
// linear-minmax: A 50 + 30 = 80; B 50·30/50 + 47.5 = 77.5; C 0 + 45 = 45 → A.
const tender = (decimals?: number) =>
  buildTender(
    [
      { id: "P", weight: 50, type: "price", method: "proportional", ...(decimals !== undefined ? { decimals } : {}) },
      { id: "Q", weight: 50, method: "direct", max: 10 },
    ],
    [
      { id: "A", values: { P: 100, Q: 6 } },
      { id: "B", values: { P: 120, Q: 9.5 } },
      { id: "C", values: { P: 150, Q: 9 } },
    ],
  );

describe("method sensitivity", () => {
  it("the formula alone decides: proportional → B, linear-minmax → A", () => {
    const ms = methodSensitivity(tender());
    expect(ms.priceLeaves).toEqual(["P"]);
    expect(ms.baseline.winners).toEqual(["B"]);
    const minmax = ms.variants.find((v) => v.formula === "linear-minmax")!;
    expect(minmax.winners).toEqual(["A"]);
    expect(minmax.sameWinner).toBe(false);
    const prop = ms.variants.find((v) => v.formula === "proportional")!;
    expect([prop.isBuyer, prop.sameWinner, prop.sameRanking]).toEqual([true, true, true]);
    expect(ms.formulaDecides).toBe(true);
    expect(ms.roundingDecides).toBeNull();
  });
  it("formulas without default parameters get documented derived ones (base = Pmax, ref/zero = Pmin/2·Pmin)", () => {
    const ms = methodSensitivity(tender());
    const it1 = ms.variants.find((v) => v.formula === "it-linear")!;
    expect(it1.derived).toBe(true);
    expect(it1.methods["P"]).toBe("it-linear(base=150)");
    const ref = ms.variants.find((v) => v.formula === "reference")!;
    expect(ref.methods["P"]).toBe("reference(ref=100; zero=200)");
    expect(derivedParams("mean-cubic", [q(1)])).toBeNull();
    expect(derivedParams("it-linear", [])).toBeNull();
  });
  it("rounding alone: 0 decimals on the price turns B's 41.67 into 42 and keeps the winner", () => {
    const ms = methodSensitivity(tender(0));
    expect(ms.rounding.applies).toBe(true);
    expect(ms.roundingDecides).toBe(false);
  });
  it("rounding that decides: two offers 0.004 apart before rounding, equal after", () => {
    // A: 50·100/100.01 = 49.995… + 0 ; B: 50 + 0 → B wins unrounded by 0.005; at 2 decimals A gets 50.00: tie.
    const t = buildTender(
      [
        { id: "P", weight: 50, type: "price", method: "proportional", decimals: 2 },
        { id: "Q", weight: 50, method: "direct", max: 10 },
      ],
      [
        { id: "A", values: { P: "100.008", Q: 0 } },
        { id: "B", values: { P: 100, Q: 0 } },
      ],
    );
    const ms = methodSensitivity(t);
    expect(ms.rounding.unrounded.winners).toEqual(["B"]);
    expect(ms.rounding.rounded.winners).toEqual(["A", "B"]);
    expect(ms.roundingDecides).toBe(true);
  });
  it("no price leaf: no variants, verdict null", () => {
    const t = buildTender([{ id: "Q", weight: 100, method: "direct", max: 10 }], [{ id: "A", values: { Q: 1 } }]);
    const ms = methodSensitivity(t);
    expect(ms.variants).toEqual([]);
    expect(ms.formulaDecides).toBeNull();
  });
});
