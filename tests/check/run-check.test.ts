import path from "node:path";
import { describe, expect, it } from "vitest";
import { q } from "../../src/exact/rational.js";
import { runCheck } from "../../src/commands/check.js";
import { FIXTURES } from "./helpers.js";

const base = { format: "table" as const, lang: "fr" as const, color: false, rescaleWeights: false };
const dir = (name: string) => path.join(FIXTURES, name);

describe("runCheck exit codes", () => {
  it("0 when a published grid is reproduced (also with tolerance 0)", async () => {
    expect((await runCheck(dir("check-published-ok"), base)).exitCode).toBe(0);
    expect((await runCheck(dir("check-published-ok"), { ...base, tolerance: q(0) })).exitCode).toBe(0);
  });
  it("1 with discrepancies; the summary says how many", async () => {
    const o = await runCheck(dir("check-discrepancies"), { ...base, format: "json", declared: path.join(dir("check-discrepancies"), "declared.csv") });
    expect(o.exitCode).toBe(1);
    expect(o.messages.at(-1)).toBe("17 note(s) vérifiée(s) : 8 concordante(s), 9 discordante(s).");
    const json = JSON.parse(String(o.output));
    expect(json.command).toBe("check");
    expect(json.inputs).toHaveLength(3);
    expect(json.inputs[2].sha256).toMatch(/^[0-9a-f]{64}$/);
    const b = json.figures.find((f: { offer: string; node: string }) => f.offer === "B" && f.node === "TECH.2");
    expect(b.explanations[0]).toEqual({ kind: "rounding-not-applied", value: { value: 50 / 3, exact: "50/3" } });
  });
  it("0 for a feasible occulted tender, 1 for a proven inconsistent one", async () => {
    expect((await runCheck(dir("check-occulted-feasible"), base)).exitCode).toBe(0);
    const o = await runCheck(dir("check-occulted-inconsistent"), { ...base, lang: "en" });
    expect(o.exitCode).toBe(1);
    expect(String(o.output)).toContain("PROVEN INCONSISTENCY");
  });
  it("2 when there is nothing to check", async () => {
    const o = await runCheck(dir("psc-synthetic"), base);
    expect(o.exitCode).toBe(2);
    expect(o.messages.join("\n")).toContain("NOTHING_TO_CHECK");
  });
  it("2 on a bad or missing declared file", async () => {
    expect((await runCheck(dir("check-published-ok"), { ...base, declared: "/nonexistent/declared.csv" })).exitCode).toBe(2);
    const o = await runCheck(dir("check-discrepancies"), { ...base, declared: path.join(dir("check-discrepancies"), "criteria.csv") });
    expect(o.exitCode).toBe(2);
    expect(o.messages.join("\n")).toContain("DECLARED_MISSING_COLUMN");
  });
  it("markdown output is an appendix with headings and escaped cells", async () => {
    const o = await runCheck(dir("check-discrepancies"), { ...base, format: "markdown", lang: "en", declared: path.join(dir("check-discrepancies"), "declared.csv") });
    const md = String(o.output);
    expect(md).toContain("# Check of the published scores — appendix");
    expect(md).toContain("linear-lowest");
    expect(md).toContain("TECH.1 + TECH.2");
  });
});
