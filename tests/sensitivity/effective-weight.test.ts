// Effective weights and the censured patterns (procurement-scoring.md §3).
import { describe, expect, it } from "vitest";
import { q } from "../../src/exact/rational.js";
import { effectiveWeights, monotonicityBreaches } from "../../src/sensitivity/effective-weight.js";
import { scoreTender } from "../../src/scoring/score-tender.js";
import { buildTender } from "../scoring/builders.js";

const codes = (t: ReturnType<typeof buildTender>) => effectiveWeights(t, scoreTender(t)).warnings.map((w) => w.code);

describe("effective weight", () => {
  it("spread and ratio per criterion; a quality criterion spread over 1 % of its weight is neutralised", () => {
    // Q: notes 8 and 8.1 /10, weight 40 → 32 and 32.4, spread 0.4 = 1 % of 40 (< 10 %).
    const t = buildTender(
      [
        { id: "P", weight: 60, type: "price", method: "proportional" },
        { id: "Q", weight: 40, method: "direct", max: 10 },
      ],
      [
        { id: "A", values: { P: 100, Q: 8 } },
        { id: "B", values: { P: 125, Q: "8.1" } },
      ],
    );
    const rep = effectiveWeights(t, scoreTender(t));
    const q1 = rep.rows.find((r) => r.criterion === "Q")!;
    expect([q1.spread.toString(), q1.ratio!.toString(), q1.neutralised]).toEqual(["2/5", "1/100", true]);
    const p = rep.rows.find((r) => r.criterion === "P")!;
    // P: 60 vs 48 → spread 12, ratio 1/5.
    expect([p.spread.toString(), p.ratio!.toString(), p.neutralised]).toEqual(["12", "1/5", false]);
    expect(rep.warnings.map((w) => w.code)).toEqual(["CRITERION_NEUTRALISED"]);
  });
  it("min–max with two admitted offers (RJ45, CAA Paris n° 15PA02993): 60 points apart for a 10 % price gap", () => {
    const t = buildTender(
      [
        { id: "P", weight: 60, type: "price", method: "linear-minmax" },
        { id: "Q", weight: 40, method: "direct", max: 10 },
      ],
      [
        { id: "A", values: { P: 100, Q: 6 } },
        { id: "B", values: { P: 110, Q: 9 } },
      ],
    );
    const w = effectiveWeights(t, scoreTender(t)).warnings.find((d) => d.code === "MINMAX_TWO_OFFERS")!;
    expect(w.args).toMatchObject({ leaf: "P", priceGapPercent: "10", pointGap: "60" });
  });
  it("Techno Logistique (CE n° 405787): 0 to the dearest under 60 % price, price gap 60 > 40 non-price points", () => {
    // min–max: A 60, B 60·95/100 = 57, C 0; quality at most 40.
    const t = buildTender(
      [
        { id: "P", weight: 60, type: "price", method: "linear-minmax" },
        { id: "Q", weight: 40, method: "direct", max: 10 },
      ],
      [
        { id: "A", values: { P: 100, Q: 2 } },
        { id: "B", values: { P: 105, Q: 10 } },
        { id: "C", values: { P: 200, Q: 10 } },
      ],
    );
    const ws = effectiveWeights(t, scoreTender(t)).warnings;
    const w = ws.find((d) => d.code === "PRICE_GAP_EXCEEDS_QUALITY")!;
    expect(w.args).toMatchObject({ cheaper: "A", dearer: "C", gap: "60", nonPrice: "40", priceShare: "60" });
    expect(ws.some((d) => d.code === "MINMAX_TWO_OFFERS")).toBe(false);
  });
  it("no Techno Logistique warning under Pmin/P (never 0) or a non-dominant price weight", () => {
    const t = buildTender(
      [
        { id: "P", weight: 40, type: "price", method: "linear-minmax" },
        { id: "Q", weight: 60, method: "direct", max: 10 },
      ],
      [
        { id: "A", values: { P: 100, Q: 2 } },
        { id: "B", values: { P: 105, Q: 10 } },
        { id: "C", values: { P: 200, Q: 10 } },
      ],
    );
    expect(codes(t)).not.toContain("PRICE_GAP_EXCEEDS_QUALITY");
  });
  it("monotonicity (Val d'Oise Habitat, CE n° 370789): a cheaper offer with a lower note is a breach", () => {
    const breaches = monotonicityBreaches(
      [
        { offer: "A", value: q(100), coef: q("0.5") },
        { offer: "B", value: q(120), coef: q(1) },
        { offer: "C", value: q(150), coef: q("0.2") },
      ],
      true,
    );
    expect(breaches).toEqual([{ better: "A", worse: "B" }]);
    expect(monotonicityBreaches([{ offer: "A", value: q(1), coef: q(1) }], false)).toEqual([]);
  });
  it("a single offer: spreads 0, ratios null, no warning", () => {
    const t = buildTender([{ id: "Q", weight: 100, method: "direct", max: 10 }], [{ id: "A", values: { Q: 1 } }]);
    const rep = effectiveWeights(t, scoreTender(t));
    expect(rep.rows[0]!.ratio).toBeNull();
    expect(rep.warnings).toEqual([]);
  });
});
