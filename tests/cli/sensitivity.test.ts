// The `sensitivity` command on the shipped fixtures, through runSensitivity (the lead wires the CLI
// flag parsing): exit codes, --fail-on, JSON shape, unknown values.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runSensitivity, type SensitivityCommandOptions } from "../../src/commands/sensitivity.js";
import { ROOT } from "./run-cli.js";

const o3 = path.join(ROOT, "fixtures", "o3-reference", "offers.csv");
const base: SensitivityCommandOptions = {
  format: "json",
  lang: "fr",
  color: false,
  rescaleWeights: false,
  samples: 2000,
  seed: 20250622,
  smaaWeights: "simplex",
  scoreNoise: 0,
  workers: 1,
  failOn: [],
};

describe("psc-audit sensitivity", () => {
  it("O3 in JSON: exit 0, the issue's keys", async () => {
    const r = await runSensitivity(o3, base);
    expect(r.exitCode).toBe(0);
    const json = JSON.parse(String(r.output));
    for (const k of ["schemaVersion", "stability", "minimalChange", "scoreSensitivity", "methods", "rankReversal", "effectiveWeight", "smaa", "failOn", "warnings"]) {
      expect(json).toHaveProperty(k);
    }
    expect(json.smaa).toMatchObject({ samples: 2000, seed: 20250622, weights: "simplex" });
  });
  it("--fail-on winner-margin<12 is met (margin 10): exit 1, the condition named", async () => {
    const r = await runSensitivity(o3, { ...base, format: "table", failOn: ["winner-margin<12", "rank-reversal"] });
    expect(r.exitCode).toBe(1);
    expect(r.messages.join("\n")).toContain("winner-margin<12");
    expect(String(r.output)).toMatch(/CONDITION REMPLIE : winner-margin<12\b.*\b10\b/);
  });
  it("--fail-on winner-margin<10 is not met (strict): exit 0", async () => {
    const r = await runSensitivity(o3, { ...base, failOn: ["winner-margin<10", "acceptability<0.5"] });
    expect(r.exitCode).toBe(0);
  });
  it("a bad condition is a usage error (exit 2) listing the accepted forms", async () => {
    const r = await runSensitivity(o3, { ...base, failOn: ["margin>3"] });
    expect(r.exitCode).toBe(2);
    expect(r.messages[0]).toContain("winner-margin<X");
    expect(r.output).toBeUndefined();
  });
  it("a bad --smaa-weights is a usage error (exit 2)", async () => {
    const r = await runSensitivity(o3, { ...base, smaaWeights: "box" });
    expect(r.exitCode).toBe(2);
  });
  it("box:P and score noise run", async () => {
    const r = await runSensitivity(o3, { ...base, smaaWeights: "box:5", scoreNoise: 5 });
    expect(r.exitCode).toBe(0);
    expect(JSON.parse(String(r.output)).smaa.scoreNoise).toBe(5);
  });
  it("the PSC synthetic fixture renders in markdown", async () => {
    const r = await runSensitivity(path.join(ROOT, "fixtures", "psc-synthetic", "offers.csv"), { ...base, format: "markdown" });
    expect(r.exitCode).toBe(0);
    expect(String(r.output)).toContain("## 4. Choix de la formule de prix et arrondi");
  });
});
