// Sensitivity with occulted values (bounds.ts): the two completed scenarios, the presumed winner, the
// exact bounds of a hand-worked tender, price ranges and stand-ins, and an award that depends on them.
import { describe, expect, it } from "vitest";
import { q, Rational } from "../../src/exact/rational.js";
import { analyseOcculted, completeTender, hasOccultedValues, occultedCells, scenarioValues } from "../../src/sensitivity/bounds.js";
import { buildSensitivityModel } from "../../src/report/sensitivity-model.js";
import { renderJson } from "../../src/report/renderers/json.js";
import { renderSensitivityTerminal } from "../../src/report/renderers/sensitivity-terminal.js";
import { buildTender } from "../scoring/builders.js";

/**
 * Hand-worked: price 40 (proportional), q1 40 (direct /20), q2 20 (direct /10).
 * W: 100, 18, 8 → 40 + 36 + 16 = 92. A: 125, ?, 5 → 32 + [0, 40] + 10 ∈ [42, 82].
 * B: 200, 10, ? → 20 + 20 + [0, 20] ∈ [40, 60]. W wins whatever the unknowns.
 * Challengers' best case (A q1 = 20, B q2 = 10): gaps 10 and 32. Pair L∞ for A: d = (0.2, −0.1, 0.3);
 * moving q2 −20 (to 0), q1 +δ, price −(δ − 20): −0.3δ − 2 = −10 → δ = 80/3. For B: d = (0.5, 0.4,
 * −0.2); price −40, q2 +δ, q1 −(δ − 40): −0.6δ − 4 = −32 → δ = 140/3. Worst case: W dominates both.
 */
function handTender(values: { A?: { price?: string | null; q1?: string | null }; B?: { price?: string | null; q2?: string | null } } = {}) {
  return buildTender(
    [
      { id: "price", weight: 40, type: "price", method: "proportional" },
      { id: "q1", weight: 40, method: "direct", max: 20 },
      { id: "q2", weight: 20, method: "direct", max: 10 },
    ],
    [
      { id: "W", values: { price: 100, q1: 18, q2: 8 } },
      { id: "A", values: { price: values.A?.price === undefined ? 125 : values.A.price, q1: values.A?.q1 === undefined ? null : values.A.q1, q2: 5 } },
      { id: "B", values: { price: values.B?.price === undefined ? 200 : values.B.price, q1: 10, q2: values.B?.q2 === undefined ? null : values.B.q2 } },
    ],
  );
}
const OPTS = { samples: 2000, workers: 1 };
const render = { lang: "en" as const, color: false, detail: true };

describe("occulted values: scenarios", () => {
  it("cells take the extreme admissible values, the winner's own the other way", () => {
    const t = buildTender(
      [
        { id: "p", weight: 50, type: "price", method: "proportional" },
        { id: "n", weight: 50, method: "direct", max: 10 },
      ],
      [
        { id: "W", values: { p: 100, n: null } },
        { id: "C", values: { p: null, n: null } },
      ],
    );
    expect(hasOccultedValues(t)).toBe(true);
    const cells = occultedCells(t, "W", { lo: q(80), hi: q(150) });
    const get = (o: string, l: string) => cells.find((c) => c.offer === o && c.leaf === l)!;
    expect(get("W", "n").challengersBest.value.eq(q(0))).toBe(true);
    expect(get("W", "n").challengersWorst.value.eq(q(10))).toBe(true);
    expect(get("C", "n").challengersBest.value.eq(q(10))).toBe(true);
    expect(get("C", "p").challengersBest.value.eq(q(80))).toBe(true);
    expect(get("C", "p").challengersWorst.value.eq(q(150))).toBe(true);
    const completed = completeTender(t, scenarioValues(cells, "challengersBest"));
    expect(hasOccultedValues(completed)).toBe(false);
    expect(hasOccultedValues(t)).toBe(true); // the input is untouched
  });
});

describe("occulted values: a hand-worked tender", () => {
  it("exact bounds of the totals, gaps, pair distances and the winner margin", async () => {
    const o = await analyseOcculted(handTender(), OPTS);
    expect(o.presumedWinner).toBe("W");
    expect(o.presumedWinnerBasis).toBe("certain");
    expect(o.awardDepends).toBe(false);
    expect(o.monotone).toBe(true);
    expect(o.body).toBe("challengersBest");
    const a = o.figures.minimalChange.find((m) => m.challenger === "A")!;
    expect(a.gap.low!.eq(q(10))).toBe(true);
    expect(a.gap.high!.eq(q(50))).toBe(true);
    expect(a.linf.low!.eq(q(80, 3))).toBe(true);
    expect(a.linf.high).toBeNull(); // W dominates A in the challengers' worst case
    expect(a.linf.exact).toBe(true);
    const b = o.figures.minimalChange.find((m) => m.challenger === "B")!;
    expect(b.gap.low!.eq(q(32))).toBe(true);
    expect(b.linf.low!.eq(q(140, 3))).toBe(true);
    expect(o.figures.winnerMargin.low!.eq(q(80, 3))).toBe(true);
    expect(o.figures.winnerMargin.exact).toBe(true);
    expect(o.figures.noteMargin.exact).toBe(false);
    // Winner stability is nested: challengers' best ⊆ challengers' worst.
    for (const s of o.figures.stability) {
      if (!s.inner || !s.outer) continue;
      expect(s.outer.lower.le(s.inner.lower) && s.inner.upper.le(s.outer.upper)).toBe(true);
    }
    const q1 = o.figures.stability.find((s) => s.criterion === "q1" && s.convention === "global")!;
    expect(q1.inner!.upper.eq(q(7, 10))).toBe(true);
    // Same seed, monotone verdicts: b1 in the challengers' best case ≤ in their worst case.
    expect(o.figures.acceptability.low!.le(o.figures.acceptability.high!)).toBe(true);
    expect(o.figures.acceptability.exact).toBe(true);
  });

  it("JSON: basis.occulted lists the cells, every bound result is flagged", async () => {
    const t = handTender();
    const o = await analyseOcculted(t, OPTS);
    const model = buildSensitivityModel(t, o.analyses[o.body], [], [], o);
    const json = JSON.parse(renderJson(model, render));
    const occ = json.basis.occulted;
    expect(occ.cells.map((c: { offer: string; leaf: string }) => `${c.offer}/${c.leaf}`)).toEqual(["A/q1", "B/q2"]);
    expect(occ.cells[0].challengersBest).toEqual({ value: 20, standIn: null });
    expect(occ.figures.winnerMargin).toMatchObject({ bounds: true, low: { value: 80 / 3, exact: "80/3" }, high: null, exact: true });
    expect(occ.totals.find((x: { offer: string }) => x.offer === "A")).toMatchObject({ low: { value: 42 }, high: { value: 82 } });
    expect(json.winnerMargin.bounds).toBe(true);
    expect(json.minimalChange.every((m: { bounds?: boolean }) => m.bounds === true)).toBe(true);
    expect(json.stability.every((m: { bounds?: boolean }) => m.bounds === true)).toBe(true);
    expect(json.smaa.bounds).toBe(true);
    const text = renderSensitivityTerminal(model, render);
    expect(text).toContain("bound, depends on occulted values");
    expect(text).toContain("26.6667 (80/3)");
    expect(text).not.toMatch(/undefined|NaN/);
  });

  it("an award that depends on the occulted data is said so, and its margins are left out", async () => {
    // A's q2 = 10 instead of 5: A reaches 92 = W's total in the challengers' best case.
    const t = buildTender(
      [
        { id: "price", weight: 40, type: "price", method: "proportional" },
        { id: "q1", weight: 40, method: "direct", max: 20 },
        { id: "q2", weight: 20, method: "direct", max: 10 },
      ],
      [
        { id: "W", values: { price: 100, q1: 18, q2: 8 } },
        { id: "A", values: { price: 125, q1: null, q2: 10 } },
      ],
    );
    const o = await analyseOcculted(t, OPTS);
    expect(o.awardDepends).toBe(true);
    expect(o.scenarioWinners.challengersBest).toEqual(["A", "W"]);
    expect(o.body).toBe("challengersWorst");
    expect(o.figures.winnerMargin.low).toBeNull();
    expect(o.figures.minimalChange).toEqual([]);
    const text = renderSensitivityTerminal(buildSensitivityModel(t, o.analyses[o.body], [], [], o), render);
    expect(text).toContain("The award itself depends on the occulted data");
  });
});

describe("occulted prices", () => {
  it("a closed --price-range gives the scenario prices; a relative rule makes the bounds scenario values", async () => {
    const t = handTender({ A: { q1: "14" }, B: { price: null, q2: "9" } });
    const o = await analyseOcculted(t, { ...OPTS, priceRange: { lo: q(150), hi: q(250) } });
    const cell = o.cells.find((c) => c.offer === "B" && c.leaf === "price")!;
    expect(cell.challengersBest).toEqual({ value: q(150), standIn: null });
    expect(cell.challengersWorst).toEqual({ value: q(250), standIn: null });
    expect(o.monotone).toBe(false);
    expect(o.figures.winnerMargin.exact).toBe(false);
    expect(o.standIns).toBe(false);
  });

  it("an unbounded price uses a stand-in and the proportional limit (note → 0) in the weight analyses", async () => {
    const t = handTender({ A: { q1: "14" }, B: { price: null, q2: "9" } });
    const o = await analyseOcculted(t, OPTS);
    const cell = o.cells.find((c) => c.offer === "B" && c.leaf === "price")!;
    expect(cell.challengersBest.standIn).toBe("zero");
    expect(cell.challengersWorst.standIn).toBe("infinity");
    expect(o.standIns).toBe(true);
    expect(o.limitsApplied).toContainEqual({ scenario: "challengersWorst", offer: "B", leaf: "price" });
    const worst = o.analyses.challengersWorst.model;
    const b = worst.offers.indexOf("B");
    expect(worst.coef[b]![worst.leaves.indexOf("price")]!.eq(Rational.ZERO)).toBe(true);
    // B priced near 0 takes the whole price weight: the award depends on the occulted price.
    expect(o.awardDepends).toBe(true);
  });
});
