// Regressions from the second newcomer trial: what a user running only `score` must still be told,
// traps around --output, and hostile names in HTML.
import { mkdtempSync, writeFileSync, existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { escapeHtml } from "../../src/report/text-safety.js";
import { ordinalEn } from "../../src/i18n/sensitivity.js";
import { fixture, runCli } from "./run-cli.js";

function twoOfferMinMax(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "psc-rj45-"));
  writeFileSync(path.join(dir, "criteria.csv"), "id,label,weight,type,method,max\nprix,Prix,40,price,linear-minmax,\ntech,Technique,60,quality,direct,20\n");
  writeFileSync(path.join(dir, "offers.csv"), "offer,label,prix,tech\nA,Alpha,100000,12\nB,Beta,100500,13\n");
  return path.join(dir, "offers.csv");
}

describe("second newcomer trial", () => {
  it("score itself warns about min–max with two offers (CAA Paris, RJ45), in both languages", () => {
    const offers = twoOfferMinMax();
    const fr = runCli(["score", offers]);
    expect(fr.code).toBe(0);
    expect(fr.stdout).toContain("MINMAX_TWO_OFFERS");
    expect(fr.stdout).toContain("0,5 % d'écart de prix"); // French decimal comma in the warning
    const json = JSON.parse(runCli(["score", offers, "--format", "json", "--lang", "en"]).stdout);
    const codes = json.warnings.map((w: { code: string }) => w.code);
    expect(codes).toContain("MINMAX_TWO_OFFERS");
  });

  it("refuses to write a text table into a .pdf or .html file and points to report", () => {
    const out = path.join(mkdtempSync(path.join(os.tmpdir(), "psc-out-")), "x.pdf");
    const r = runCli(["score", fixture("tie"), "-o", out, "--lang", "en"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("psc-audit report");
    expect(existsSync(out)).toBe(false);
  });

  it("neutralises control and bidi characters in HTML text", () => {
    expect(escapeHtml("a\u202Eb\u001b[31mc<")).toBe("a\uFFFDb\uFFFD[31mc&lt;");
  });

  it("shows the tender's own formulas as the reference row of the price-formula table", () => {
    const r = runCli(["sensitivity", fixture("psc-synthetic"), "--samples", "0"]);
    expect(r.stdout).toMatch(/formules du règlement \(référence\)\s*│ M4/);
  });

  it("writes English ordinals correctly", () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 101].map(ordinalEn)).toEqual(["1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "101st"]);
  });
});

describe("adaptive precision", () => {
  it("draws until every 95% half-width is at most --precision and says how many draws it took", () => {
    const json = JSON.parse(runCli(["sensitivity", fixture("o3-reference"), "--precision", "0.005", "--format", "json"]).stdout);
    const widths = Object.values(json.smaa.halfWidth95 as Record<string, number[]>).flat();
    expect(Math.max(...widths)).toBeLessThanOrEqual(0.005);
    expect(json.smaa.precision).toBe(0.005);
    const table = runCli(["sensitivity", fixture("o3-reference"), "--precision", "0,005"]);
    expect(table.stdout).toMatch(new RegExp(`atteinte après ${json.smaa.samples.toLocaleString("fr-FR").replace(/\s/g, "\\s")} tirages`));
  });
});
