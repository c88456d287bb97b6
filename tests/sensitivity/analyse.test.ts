// The orchestrator and the JSON model: O3 end to end, reproducibility, and degenerate tenders.
import { describe, expect, it } from "vitest";
import { analyseTender } from "../../src/sensitivity/analyse.js";
import { buildSensitivityModel } from "../../src/report/sensitivity-model.js";
import { renderJson } from "../../src/report/renderers/json.js";
import { renderSensitivityTerminal } from "../../src/report/renderers/sensitivity-terminal.js";
import { renderSensitivityMarkdown } from "../../src/report/renderers/sensitivity-markdown.js";
import { scoreTender } from "../../src/scoring/score-tender.js";
import { buildTender } from "../scoring/builders.js";
import { o3Tender } from "./score-o3-tender.js";

const OPTS = { samples: 4000, workers: 1 };
const run = async (t: ReturnType<typeof buildTender>, opts = OPTS) => {
  const a = await analyseTender(t, scoreTender(t), opts);
  return buildSensitivityModel(t, a, [], []);
};
const render = { lang: "fr" as const, color: false, detail: true };

describe("analyseTender on O3", () => {
  it("JSON carries the exact stability, minimal-change and threshold values of the reference", async () => {
    const model = await run(o3Tender());
    const json = JSON.parse(renderJson(model, render));
    expect(json.schemaVersion).toBe(1);
    expect(json.winner).toBe("C");
    const price = json.stability.find((s: { criterion: string; convention: string }) => s.criterion === "price" && s.convention === "global");
    expect(price.weight).toBe(0.5);
    expect(price.winner.upperExact).toBe("13/18");
    expect(price.winner.upperPairs).toEqual([["C", "A"]]);
    expect(price.ranking.lower).toBe(0.4);
    const b = json.minimalChange.find((m: { challenger: string }) => m.challenger === "B");
    expect([b.l1.value, b.linf.value, b.weights]).toEqual([0.2, 0.1, { price: 0.5, quality: 0.4, delivery: 0.1 }]);
    expect(json.winnerMargin.points.value).toBe(10);
    expect(json.scoreSensitivity.noteMargin.points.value).toBe(10);
    expect(Object.keys(json.smaa.rankAcceptability)).toEqual(["C", "B", "A", "D"]);
    // SMAA b¹(C) = 217/330 ≈ 0.657576 within the 95 % bound 0.98/√K.
    expect(Math.abs(json.smaa.rankAcceptability.C[0] - 217 / 330)).toBeLessThan(0.98 / Math.sqrt(4000));
    expect(json.methods.formulaDecides).toBeNull();
    expect(json.rankReversal.anyReversal).toBe(false);
    expect(JSON.stringify(json)).not.toMatch(/NaN|Infinity/);
  });
  it("the same seed gives identical JSON; another seed changes SMAA only", async () => {
    const a = renderJson(await run(o3Tender()), render);
    const b = renderJson(await run(o3Tender()), render);
    expect(a).toBe(b);
    const c = JSON.parse(renderJson(await run(o3Tender(), { ...OPTS, seed: 1 } as typeof OPTS), render));
    expect(c.smaa.seed).toBe(1);
    expect(c.stability).toEqual(JSON.parse(a).stability);
  });
  it("the French terminal report has the lawyer's sentences", async () => {
    const text = renderSensitivityTerminal(await run(o3Tender()), render);
    expect(text).toContain("Aucune modification d'au plus 10 points d'un poids ne change l'attributaire");
    expect(text).toContain("l'attributaire change si le poids de « price », part du total, dépasse 72,22\u202F% (13/18)");
    expect(text).toContain("Un écart de 10 points de note sur « price »");
    const md = renderSensitivityMarkdown(await run(o3Tender()), { ...render, lang: "en" });
    expect(md).toContain("## 1. Weight stability");
  });
});

describe("degenerate tenders: defined answers, no NaN, no crash", () => {
  const cases: Record<string, ReturnType<typeof buildTender>> = {
    "single offer": buildTender([{ id: "Q", weight: 100, method: "direct", max: 10 }], [{ id: "A", values: { Q: 5 } }]),
    "two offers": buildTender(
      [
        { id: "P", weight: 60, type: "price", method: "linear-minmax" },
        { id: "Q", weight: 40, method: "direct", max: 10 },
      ],
      [
        { id: "A", values: { P: 100, Q: 5 } },
        { id: "B", values: { P: 110, Q: 9 } },
      ],
    ),
    "all-equal scores": buildTender(
      [
        { id: "P", weight: 50, type: "price", method: "proportional" },
        { id: "Q", weight: 50, method: "direct", max: 10 },
      ],
      [
        { id: "A", values: { P: 100, Q: 5 } },
        { id: "B", values: { P: 100, Q: 5 } },
        { id: "C", values: { P: 100, Q: 5 } },
      ],
    ),
    "a node of weight 0": buildTender(
      [
        { id: "Q", weight: 100, method: "direct", max: 10 },
        { id: "Z", weight: 0, method: "direct", max: 10 },
      ],
      [
        { id: "A", values: { Q: 6, Z: 1 } },
        { id: "B", values: { Q: 5, Z: 9 } },
      ],
    ),
  };
  for (const [name, t] of Object.entries(cases)) {
    it(name, async () => {
      const model = await run(t, { samples: 1000, workers: 1 });
      const json = renderJson(model, render);
      expect(json).not.toMatch(/NaN|Infinity/);
      expect(() => renderSensitivityTerminal(model, render)).not.toThrow();
      expect(() => renderSensitivityMarkdown(model, render)).not.toThrow();
    });
  }
  it("all-equal: a three-way tie is stated, every margin is 0", async () => {
    const model = await run(cases["all-equal scores"]!, { samples: 1000, workers: 1 });
    expect(model.winners).toEqual(["A", "B", "C"]);
    expect(model.winnerMargin?.points.value ?? 0).toBe(0);
  });
  it("two offers under min–max: RJ45 warning", async () => {
    const model = await run(cases["two offers"]!, { samples: 1000, workers: 1 });
    expect(model.warnings.map((w) => w.code)).toContain("MINMAX_TWO_OFFERS");
  });
});
