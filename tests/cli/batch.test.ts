// Batch runs: discovery order, one line per tender, summary, worst exit code, JSON records, progress.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { discoverTenders, runBatch } from "../../src/commands/batch.js";
import { runValidateMany } from "../../src/commands/validate.js";
import { createProgress, progressEnabled } from "../../src/cli/progress.js";
import { EXIT } from "../../src/cli/exit-code.js";

const CRIT = "id,weight,type,max\nprice,40,price,\nq,60,quality,10\n";
const OFFERS = "offer,price,q\nA,100,8\nB,120,9\n";

function tree(): string {
  const root = mkdtempSync(path.join(tmpdir(), "psc-batch-"));
  for (const d of ["b-second", "a-first", "a-first/nested", "c-bad"]) mkdirSync(path.join(root, d), { recursive: true });
  for (const d of ["b-second", "a-first", "a-first/nested"]) {
    writeFileSync(path.join(root, d, "criteria.csv"), CRIT);
    writeFileSync(path.join(root, d, "offers.csv"), OFFERS);
  }
  writeFileSync(path.join(root, "c-bad", "criteria.csv"), CRIT);
  writeFileSync(path.join(root, "c-bad", "offers.csv"), "offer,price,q\nA,100,12\n");
  mkdirSync(path.join(root, ".hidden"));
  writeFileSync(path.join(root, ".hidden", "offers.csv"), OFFERS);
  writeFileSync(path.join(root, "~$lock.xlsx"), "");
  return root;
}

describe("discovery", () => {
  it("finds every tender recursively, in sorted order, skipping hidden folders and lock files", async () => {
    const root = tree();
    const d = await discoverTenders([root]);
    expect(d.tenders.map((p) => path.relative(root, p))).toEqual(["a-first/offers.csv", "a-first/nested/offers.csv", "b-second/offers.csv", "c-bad/offers.csv"]);
  });

  it("finds the shipped fixtures, workbooks included", async () => {
    const d = await discoverTenders(["fixtures"]);
    expect(d.tenders).toContain(path.join("fixtures", "xlsx-psc", "grille.xlsx"));
    expect(d.tenders).toContain(path.join("fixtures", "invalid", "CYCLE", "offers.csv"));
  });
});

describe("validate, batch", () => {
  it("all ok → 0; one invalid → 2, named in its line and counted in the summary", async () => {
    const root = tree();
    const ok = await runValidateMany([path.join(root, "a-first"), path.join(root, "b-second")], { lang: "en", rescaleWeights: false, format: "text" });
    expect(ok.exitCode).toBe(EXIT.ok);
    expect(String(ok.output)).toMatch(/3 tender\(s\): 3 valid, 0 invalid/);
    expect(String(ok.output)).not.toMatch(/discrepanc/);
    const all = await runValidateMany([root], { lang: "en", rescaleWeights: false, format: "text" });
    expect(all.exitCode).toBe(EXIT.badInput);
    const lines = String(all.output).trim().split("\n");
    expect(lines).toHaveLength(5);
    // The first problem with its words, so the line says what is wrong, not only a code.
    expect(lines[3]).toMatch(/^error\s+\S*c-bad\s+offers.csv:2 SCORE_ABOVE_SCALE: offer "A" has note 12 on "q" \(scale 0–10\)$/);
    // The severity word once per line, and the reasons start in one column.
    expect(lines[3]!.match(/error/g)).toHaveLength(1);
    expect(new Set(lines.slice(0, 4).map((l) => l.search(/\d+ offers|offers\.csv:/))).size).toBe(1);
    expect(lines[4]).toBe("4 tender(s): 3 valid, 1 invalid");
  });

  it("fixtures/ exits 2 and names the invalid ones", async () => {
    const r = await runValidateMany(["fixtures"], { lang: "fr", rescaleWeights: false, format: "text" });
    expect(r.exitCode).toBe(EXIT.badInput);
    expect(String(r.output)).toMatch(/erreur\s+fixtures\/invalid\/CYCLE/);
    expect(String(r.output)).toMatch(/ok\s+fixtures\/xlsx-psc\/grille.xlsx/);
  });

  it("--format json gives one record per tender in one JSON array", async () => {
    const root = tree();
    const r = await runValidateMany([root, path.join(root, "missing")], { lang: "en", rescaleWeights: false, format: "json" });
    const records = JSON.parse(String(r.output)) as { path: string; status: string; exitCode: number; errors?: number; offers?: number }[];
    expect(records.map((x) => [path.basename(x.path), x.status, x.exitCode])).toEqual([
      ["missing", "error", 2],
      ["a-first", "ok", 0],
      ["nested", "ok", 0],
      ["b-second", "ok", 0],
      ["c-bad", "error", 2],
    ]);
    expect(records[1]!.offers).toBe(2);
    expect(records[4]!.errors).toBe(1);
    expect(r.exitCode).toBe(2);
  });

  it("the worst code wins: internal > invalid > fail > ok; a throwing tender is internal", async () => {
    const root = tree();
    const codes: Record<string, 0 | 1> = { "a-first": 0, nested: 1, "b-second": 0 };
    const r = await runBatch([root], async (p) => {
      const name = path.basename(path.dirname(p));
      if (name === "c-bad") throw new Error("boom");
      return { exitCode: codes[name]!, reason: "" };
    }, { lang: "en", format: "text" });
    expect(r.exitCode).toBe(EXIT.internal);
    expect(String(r.output)).toContain("4 tender(s): 2 ok, 1 with discrepancies, 0 invalid, 1 internal error(s)");
  });
});

describe("progress bar", () => {
  it("draws only on a terminal with columns, never in CI", () => {
    const out: string[] = [];
    const tty = { isTTY: true, columns: 80, write: (s: string) => out.push(s) > 0 };
    expect(progressEnabled(tty, {})).toBe(true);
    expect(progressEnabled(tty, { CI: "true" })).toBe(false);
    expect(progressEnabled({ isTTY: false, columns: 80, write: () => true }, {})).toBe(false);
    expect(progressEnabled({ isTTY: true, columns: 0, write: () => true }, {})).toBe(false);
    const p = createProgress(2, tty, {});
    p.tick(1, "a");
    p.tick(1, "b");
    p.done();
    expect(out.join("")).toContain("2/2");
    const silent: string[] = [];
    const q = createProgress(2, { isTTY: false, write: (s: string) => silent.push(s) > 0 }, {});
    q.tick();
    q.done();
    expect(silent).toEqual([]);
  });
});

describe("progress label", () => {
  it("neutralises control and bidi characters in the label", () => {
    const out: string[] = [];
    const tty = { isTTY: true, columns: 80, write: (s: string) => out.push(s) > 0 };
    const p = createProgress(1, tty, {});
    p.tick(1, "evil\u001b[2J\u202Ename");
    const drawn = out.join("").replace(/\r\u001b\[2K/g, "");
    expect(drawn).not.toMatch(/\u001b|\u202E/);
    expect(drawn).toContain("evil\uFFFD[2J\uFFFDname");
  });
});
