// Weight kinds (eForms BT-5421): an order of importance only switches SMAA to ordinal weights unless
// the user chose explicitly, and the weight sections say what the weights are; "mid" suggests boxes.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { analyseTender } from "../../src/sensitivity/analyse.js";
import { buildSensitivityModel } from "../../src/report/sensitivity-model.js";
import { renderJson } from "../../src/report/renderers/json.js";
import { renderSensitivityTerminal } from "../../src/report/renderers/sensitivity-terminal.js";
import { scoreTender } from "../../src/scoring/score-tender.js";
import { runSensitivity } from "../../src/commands/sensitivity.js";
import type { Tender } from "../../src/domain/types.js";
import { buildTender } from "../scoring/builders.js";

/** Rank-sum stand-in of ranks price 1, quality 2: 200/3 and 100/3 points. */
function ordImp(kind: "order" | "mid" = "order"): Tender {
  const t = buildTender(
    [
      { id: "price", weight: "200/3", type: "price", method: "proportional" },
      { id: "quality", weight: "100/3", method: "direct", max: 20 },
    ],
    [
      { id: "A", values: { price: 100, quality: 12 } },
      { id: "B", values: { price: 120, quality: 18 } },
    ],
  );
  t.criteria.weightKind = kind;
  if (kind === "order") t.criteria.weightOrder = new Map([["price", 1], ["quality", 2]]);
  return t;
}
const render = { lang: "en" as const, color: false, detail: true };

describe("weightKind", () => {
  it("order: SMAA defaults to ordinal weights, and the sections say only the order is known", async () => {
    const t = ordImp();
    const a = await analyseTender(t, scoreTender(t), { samples: 500, workers: 1, smaaWeights: "simplex" });
    expect(a.settings.smaaWeights).toBe("ordinal");
    expect(a.smaa?.sampler).toEqual({ kind: "ordinal" });
    expect(a.weightBasis).toEqual({ kind: "order", order: [{ criterion: "price", rank: 1 }, { criterion: "quality", rank: 2 }], smaaOrdinalDefault: true });
    const model = buildSensitivityModel(t, a, [], []);
    const json = JSON.parse(renderJson(model, render));
    expect(json.basis.weights).toEqual({ kind: "order", order: [{ criterion: "price", rank: 1 }, { criterion: "quality", rank: 2 }], smaaOrdinalDefault: true });
    expect(json.smaa.weights).toBe("ordinal");
    const text = renderSensitivityTerminal(model, render);
    expect(text).toContain("Only the order of importance of the criteria is published (price 1, quality 2)");
    expect(text).toContain("rank-sum stand-in");
    expect(text).toContain("(ordinal), the default in that case");
  });

  it("order: an explicit --smaa-weights is honoured, and said", async () => {
    const t = ordImp();
    const a = await analyseTender(t, scoreTender(t), { samples: 500, workers: 1, smaaWeights: "simplex", smaaWeightsExplicit: true });
    expect(a.settings.smaaWeights).toBe("simplex");
    expect(a.weightBasis.smaaOrdinalDefault).toBe(false);
    const text = renderSensitivityTerminal(buildSensitivityModel(t, a, [], []), render);
    expect(text).toContain('SMAA weights "simplex" were chosen explicitly');
  });

  it("mid: the weights are the middle of ranges, box sampling suggested", async () => {
    const t = ordImp("mid");
    const a = await analyseTender(t, scoreTender(t), { samples: 500, workers: 1 });
    expect(a.settings.smaaWeights).toBe("simplex");
    const text = renderSensitivityTerminal(buildSensitivityModel(t, a, [], []), render);
    expect(text).toContain("middle of ranges");
    expect(text).toContain("--smaa-weights box:P");
  });

  it("the eForms fixture (dec-exa) reads as exact weights", async () => {
    const r = await runSensitivity(path.join(process.cwd(), "fixtures", "eforms"), {
      format: "json", lang: "en", color: false, rescaleWeights: false, samples: 500, seed: 1, smaaWeights: "simplex", scoreNoise: 0, workers: 1, failOn: [],
    });
    expect(r.exitCode).toBe(0);
    const json = JSON.parse(String(r.output));
    expect(json.basis.weights).toEqual({ kind: "exact", smaaOrdinalDefault: false });
    expect(json.smaa.weights).toBe("simplex");
  });
});
