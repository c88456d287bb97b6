// `sensitivity` with occulted values (exit 0, bounds in every format), progress, and small tenders.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runSensitivity, type SensitivityCommandOptions } from "../../src/commands/sensitivity.js";
import { ROOT } from "./run-cli.js";

const fixture = (name: string) => path.join(ROOT, "fixtures", name);
const base: SensitivityCommandOptions = {
  format: "json",
  lang: "fr",
  color: false,
  rescaleWeights: false,
  samples: 1000,
  seed: 20250622,
  smaaWeights: "simplex",
  scoreNoise: 0,
  workers: 1,
  failOn: [],
};

describe("psc-audit sensitivity with occulted values", () => {
  it("check-occulted-feasible: exit 0, the occulted cells listed, the award said to depend on them", async () => {
    const r = await runSensitivity(fixture("check-occulted-feasible"), base);
    expect(r.exitCode).toBe(0);
    const json = JSON.parse(String(r.output));
    const occ = json.basis.occulted;
    expect(occ.cells).toHaveLength(6);
    expect(occ.presumedWinner).toBe("W");
    expect(occ.presumedWinnerBasis).toBe("declared-rank");
    expect(occ.monotone).toBe(true);
    // L3 with top notes reaches 1060/11 > 88: the award depends on the occulted notes.
    expect(occ.awardDepends).toBe(true);
    expect(occ.scenarioWinners).toEqual({ challengersBest: ["L3"], challengersWorst: ["W"] });
    expect(occ.totals.find((t: { offer: string }) => t.offer === "L3").high.exact).toBe("1060/11");
  });
  it("terminal and markdown, French and English: bounds labelled, no raw code, no undefined", async () => {
    for (const lang of ["fr", "en"] as const) {
      for (const format of ["table", "markdown"] as const) {
        const r = await runSensitivity(fixture("check-occulted-feasible"), { ...base, lang, format });
        expect(r.exitCode).toBe(0);
        const text = String(r.output).replace(/\\/g, "").replace(/\u2019/g, "'");
        expect(text).not.toContain("&#39;");
        expect(text).toContain(lang === "fr" ? "Valeurs occultées" : "Occulted values");
        expect(text).toContain(lang === "fr" ? "L'attribution elle-même dépend des données occultées" : "The award itself depends on the occulted data");
        expect(text).not.toMatch(/undefined|NaN|basis_|\(-\d/);
      }
    }
  });
  it("--fail-on winner-margin<1 is met when the award depends on occulted data (margin 0)", async () => {
    const r = await runSensitivity(fixture("check-occulted-feasible"), { ...base, failOn: ["winner-margin<1"] });
    expect(r.exitCode).toBe(1);
  });
  it("progress reaches 100 % and never goes back", async () => {
    const seen: number[] = [];
    const r = await runSensitivity(fixture("o3-reference"), { ...base, progress: (done, total) => seen.push((100 * done) / total) });
    expect(r.exitCode).toBe(0);
    expect(seen.length).toBeGreaterThan(2);
    expect(seen.at(-1)).toBe(100);
    for (let i = 1; i < seen.length; i++) expect(seen[i]!).toBeGreaterThanOrEqual(seen[i - 1]!);
  });
  it("progress over the two occulted scenarios also reaches 100 %", async () => {
    const seen: number[] = [];
    await runSensitivity(fixture("check-occulted-feasible"), { ...base, progress: (done, total) => seen.push((100 * done) / total) });
    expect(seen.at(-1)).toBe(100);
    for (let i = 1; i < seen.length; i++) expect(seen[i]!).toBeGreaterThanOrEqual(seen[i - 1]!);
  });
});
