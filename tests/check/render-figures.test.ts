// The check renderers: published figures in the output language with their published decimals, the
// recomputed value and the difference in the same style, and a terminal table that fits 120 columns.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCheck } from "../../src/commands/check.js";
import { FIXTURES } from "./helpers.js";

const dir = (name: string) => path.join(FIXTURES, name);
const DECLARED = path.join(dir("check-discrepancies"), "declared.csv");

async function out(name: string, lang: "fr" | "en", format: "table" | "markdown" | "json" = "table", declared = name === "check-discrepancies"): Promise<string> {
  const o = await runCheck(dir(name), { format, lang, color: false, rescaleWeights: false, ...(declared ? { declared: DECLARED } : {}) });
  return String(o.output);
}

/** The lines of the terminal tables (box-drawing borders and rows). */
function tableLines(text: string): string[] {
  return text.split("\n").filter((l) => /^[┌├│└]/.test(l));
}

/** Display width: every code point counts one column (the tables use no wide characters). */
const width = (s: string) => [...s].length;

describe("check output: published figures per language", () => {
  it("English: published and recomputed with a decimal point, with the published decimals; no decimal comma", async () => {
    const t = await out("check-discrepancies", "en");
    expect(t).toContain("B — PRIX: published 34.00, recomputed 34.78, exact difference −0.78.");
    expect(t).toContain("C — TECH: published 46.00, recomputed 47.00, exact difference −1.00.");
    expect(t).toContain("B — TECH.2: published 16.6667, recomputed 16.6700, exact difference −0.0033.");
    expect(t).toContain("the recomputation gives 34.00 and reproduces");
    expect(t).toMatch(/│ B · PRIX\s+│ 34\.00\s+│ 34\.78\s+│ −0\.78\s+│/);
    expect(t).toMatch(/│ C · TECH\.1\s+│ 27\.00\s+│ 27\.00\s+│ 0\.00\s+│/);
    expect(t).toMatch(/│ B · TECH\.2\s+│ 16\.6667\s+│ 16\.6700\s+│ −0\.0033\s+│/);
    // No number written with a decimal comma anywhere (the fixture's own texts are "34,00" etc.).
    expect(t).not.toMatch(/\d,\d/);
    const md = await out("check-discrepancies", "en", "markdown");
    expect(md).toContain("| B | PRIX | 34.00 | 34.78 | −0.78 | DISAGREES |");
    expect(md).not.toMatch(/\d,\d/);
  });

  it("French: decimal commas, same decimals on both sides", async () => {
    const t = await out("check-discrepancies", "fr");
    expect(t).toContain("B — PRIX : publié 34,00, recalculé 34,78, écart exact −0,78.");
    expect(t).toContain("C — TECH : publié 46,00, recalculé 47,00, écart exact −1,00.");
    expect(t).toMatch(/│ B · PRIX\s+│ 34,00\s+│ 34,78\s+│ −0,78\s+│/);
    // No numeric cell with a decimal point (item ids like "TECH.2" are not numbers).
    for (const l of tableLines(t)) expect(l).not.toMatch(/│ [≈−+]?\d+\.\d+\s+│/);
    expect(t).not.toMatch(/(publié|recalculé|écart exact|donne) −?\d+\.\d/);
  });

  it("a recomputed value not exact at the published decimals is marked ≈ and explained; the difference stays exact", async () => {
    for (const lang of ["fr", "en"] as const) {
      const t = await out("check-discrepancies", lang);
      const sep = lang === "fr" ? "," : ".";
      expect(t).toMatch(new RegExp(`│ D · [^│]+│ 60\\${sep}6\\s+│ ≈60\\${sep}7\\s+│ −0\\${sep}07\\s+│`));
      expect(t).toContain(lang === "fr" ? "≈ : valeur arrondie" : "≈: value rounded");
    }
  });

  it("occulted intervals: widened outward to the published decimals in the terminal, exact in Markdown", async () => {
    const t = await out("check-occulted-feasible", "en");
    expect(t).toMatch(/│ L1 · total score\s+│ 80\.00\s+│ ≈\[33\.33 ; 93\.34\]/);
    expect(t).toContain("[32.00 ; 92.00]");
    const md = await out("check-occulted-feasible", "en", "markdown");
    expect(md).toContain("\\[33.333333… (= 100/3) ; 93.333333… (= 280/3)\\]");
    const bad = await out("check-occulted-inconsistent", "en");
    expect(bad).toContain("published total score of L1 = 90.00");
  });

  it("no undefined, NaN or bare code without words", async () => {
    for (const name of ["check-discrepancies", "check-published-ok", "check-occulted-feasible", "check-occulted-inconsistent"]) {
      for (const lang of ["fr", "en"] as const) {
        for (const format of ["table", "markdown"] as const) {
          const t = await out(name, lang, format);
          expect(t, `${name} ${lang} ${format}`).not.toMatch(/undefined|NaN|\bnull\b/);
          expect(t).toContain("sha256 ");
        }
      }
    }
  });
});

describe("check output: terminal width", () => {
  it("no table line wider than 120 columns for check-discrepancies (fr and en) and the occulted fixtures", async () => {
    for (const lang of ["fr", "en"] as const) {
      const lines = tableLines(await out("check-discrepancies", lang));
      expect(lines.length).toBeGreaterThan(17);
      for (const l of lines) expect(width(l), l).toBeLessThanOrEqual(120);
      for (const name of ["check-published-ok", "check-occulted-feasible", "check-occulted-inconsistent"]) {
        for (const l of tableLines(await out(name, lang))) expect(width(l), `${name}: ${l}`).toBeLessThanOrEqual(120);
      }
    }
  });

  it("the source file is named once, each row keeps its line and column; JSON keeps the full source", async () => {
    const t = await out("check-discrepancies", "en");
    expect(t).toContain("Line and column of each published figure in ");
    expect(t).toMatch(/│ 14 \[points\]\s+│/);
    const json = JSON.parse(await out("check-discrepancies", "en", "json"));
    const d = json.figures.find((f: { offer: string; node: string }) => f.offer === "D" && f.node === "total");
    expect(d.source).toMatch(/declared\.csv:14 \[points\]$/);
    expect(d.sourceAt).toBe("14 [points]");
    expect(d.decimals).toBe(1);
  });
});

describe("check output: the exact value where rounding would hide a discrepancy", () => {
  it("a disagreeing figure that would display like the published one gets its exact value; the difference never shows as 0", async () => {
    const { renderCheckTable } = await import("../../src/report/renderers/check-terminal.js");
    const model = JSON.parse(await out("check-discrepancies", "en", "json"));
    // As with --tolerance 0: A's total published 81.33 against an unrounded 244/3 = 81.3333…
    const a = model.figures.find((f: { offer: string; node: string }) => f.offer === "A" && f.node === "total");
    Object.assign(a, { recomputed: { value: 244 / 3, exact: "244/3" }, difference: { value: -1 / 300, exact: "-1/300" }, tolerance: { value: 0 }, status: "disagrees" });
    const t = String(renderCheckTable(model, { lang: "en", color: false, detail: false }));
    expect(t).toMatch(/│ A · total score\s+│ 81\.33\s+│ 81\.33 \(= 244\/3\)\s+│ −0\.003333… \(= −1\/300\)\s+│ DISAGREES/);
    expect(t).toContain("A — total score: published 81.33, recomputed 81.333333… (= 244/3), exact difference −0.003333… (= −1/300).");
    for (const l of tableLines(t)) expect(width(l)).toBeLessThanOrEqual(120);
  });
});
