// The sensitivity terminal / Markdown output after the review: width, one row for top-level leaves,
// translated tokens, fail-on values per language, the section-4 cross-reference.
import { describe, expect, it } from "vitest";
import { analyseTender } from "../../src/sensitivity/analyse.js";
import { evaluateFailOn, failOnFacts, parseFailOn } from "../../src/sensitivity/fail-on.js";
import { buildSensitivityModel } from "../../src/report/sensitivity-model.js";
import { renderSensitivityTerminal } from "../../src/report/renderers/sensitivity-terminal.js";
import { scoreTender } from "../../src/scoring/score-tender.js";
import { buildTender } from "../scoring/builders.js";
import { o3Tender } from "./score-o3-tender.js";

const render = { lang: "fr" as const, color: false, detail: true };
const model = async (t: ReturnType<typeof buildTender>, failOn: string[] = [], samples = 2000) => {
  const a = await analyseTender(t, scoreTender(t), { samples, workers: 1 });
  const p = parseFailOn(failOn);
  if (!p.ok) throw new Error("parse");
  return buildSensitivityModel(t, a, evaluateFailOn(p.conditions, failOnFacts(a)), []);
};
const width = (text: string) => Math.max(...text.split("\n").filter((l) => /^[┌│├└]/.test(l)).map((l) => [...l].length));

describe("sensitivity terminal output", () => {
  it("tables fit 120 columns; a top-level leaf has one row, 'locale = globale'; intervals carry their tying pairs", async () => {
    const text = renderSensitivityTerminal(await model(o3Tender()), render);
    expect(width(text)).toBeLessThanOrEqual(120);
    expect(text).toContain("locale = globale");
    expect(text).not.toMatch(/│ price\s+│ globale/);
    expect(text).toContain("C–B [0\u202F% ; ≈72,22\u202F%] C–A");
  });

  it("no untranslated tokens or nested parentheses in French", async () => {
    const text = renderSensitivityTerminal(await model(o3Tender(), ["acceptability<0.6"]), render);
    expect(text).not.toContain("(reversed)");
    expect(text).not.toContain("exact-uniform");
    expect(text).not.toContain("n/a");
    expect(text).not.toMatch(/\(globale \(part du total\)\)/);
    expect(text).toContain("b1…b");
  });

  it("SMAA offers follow the ranking, not Object.keys (integer-like ids)", async () => {
    const t = buildTender(
      [{ id: "Q", weight: 100, method: "direct", max: 10 }],
      [
        { id: "10", values: { Q: 9 } },
        { id: "2", values: { Q: 5 } },
      ],
    );
    const text = renderSensitivityTerminal(await model(t), render);
    const rows = text.split("\n").filter((l) => /^│ (10|2)\s+│ +\d/.test(l));
    expect(rows[0]).toMatch(/^│ 10 /);
  });

  it("fail-on values per language, what each measures, unevaluable conditions named", async () => {
    const m = await model(o3Tender(), ["winner-margin<20", "acceptability<0.6", "total-margin<100"], 0);
    expect(m.failOnUnevaluable).toBe(true);
    const fr = renderSensitivityTerminal(m, render);
    expect(fr).toContain("condition non évaluable (acceptability<0.6) : SMAA désactivé (--samples 0)");
    expect(fr).toContain("en points du total : 10");
    expect(fr).toMatch(/total-margin<100 — avance de l'attributaire/);
    const en = renderSensitivityTerminal(m, { ...render, lang: "en" });
    expect(en).toContain("condition cannot be evaluated (acceptability<0.6): SMAA disabled (--samples 0)");
    expect(en).toContain("smallest change of one weight (L∞)");
  });

  it("section-4 cross-reference in the terminal (the report says 5.4)", async () => {
    const t = buildTender(
      [
        { id: "P", weight: 60, type: "price", method: "proportional", decimals: 2 },
        { id: "Q", weight: 40, method: "direct", max: 10 },
      ],
      [
        { id: "A", values: { P: 100, Q: 5 } },
        { id: "B", values: { P: 120, Q: 9 } },
      ],
    );
    const text = renderSensitivityTerminal(await model(t, [], 0), render);
    expect(text).toContain("comparaison « arrondi » de la section 4.");
  });
});
