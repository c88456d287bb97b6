// The `score` command end to end, through the built binary, on the shipped fixtures. Expected
// figures are worked by hand in the comments, not copied from the tool's output.
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { fixture, runCli } from "./run-cli.js";

interface JsonOffer {
  id: string;
  rank: number | null;
  total: number;
  totalExact?: string;
  status: string;
  eliminated: boolean;
  points: Record<string, number>;
}
const json = (args: string[]) => {
  const r = runCli([...args, "--format", "json"]);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as { schemaVersion: number; winner: string | null; winners: string[]; offers: JsonOffer[]; totalPoints: number; criteria: { id: string; weight: number }[]; inputs: { path: string; sha256: string }[] };
};
const byId = (offers: JsonOffer[]) => Object.fromEntries(offers.map((o) => [o.id, o]));

describe("psc-audit score", () => {
  it("reproduces example O3: A 78, B 81, C 86, D 73", () => {
    const out = json(["score", fixture("o3-reference")]);
    expect(out.schemaVersion).toBe(1);
    expect(out.offers.map((o) => [o.id, o.total, o.rank])).toEqual([
      ["C", 86, 1],
      ["B", 81, 2],
      ["A", 78, 3],
      ["D", 73, 4],
    ]);
    expect(out.winner).toBe("C");
    expect(out.inputs).toHaveLength(2);
    expect(out.inputs[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("reports an exact tie for first place as a tie (X = Y = 80, Z = 64 ranked 3)", () => {
    const out = json(["score", fixture("tie")]);
    const o = byId(out.offers);
    expect([o.X!.total, o.Y!.total, o.Z!.total]).toEqual([80, 80, 64]);
    expect([o.X!.rank, o.Y!.rank, o.Z!.rank]).toEqual([1, 1, 3]);
    expect(out.winner).toBeNull();
    expect(out.winners).toEqual(["X", "Y"]);
    const table = runCli(["score", fixture("tie")]);
    expect(table.stdout).toMatch(/Égalité parfaite au premier rang/);
    const en = runCli(["score", fixture("tie"), "--lang", "en"]);
    expect(en.stdout).toMatch(/Exact tie for first place/);
  });

  it("eliminates an offer under a threshold and recomputes the price notes without it", () => {
    // B: 9/20 × 60 = 27 < 30 → eliminated. Pmin is then C's 95 000: A = 48 + 40 × 95/100 = 86, C = 42 + 40 = 82.
    const o = byId(json(["score", fixture("threshold")]).offers);
    expect(o.B!.eliminated).toBe(true);
    expect(o.B!.rank).toBeNull();
    expect(o.A!.total).toBe(86);
    expect(o.C!.total).toBe(82);
  });

  it("leaves an abnormally-low offer out of Pmin", () => {
    // linear-lowest n=2, Pmin = 200 (A), C excluded: A 50 + 40 = 90, B 41.25 + 45 = 86.25, D 35 + 47.5 = 82.5.
    const out = json(["score", fixture("abnormally-low")]);
    const o = byId(out.offers);
    expect([o.A!.total, o.B!.total, o.D!.total]).toEqual([90, 86.25, 82.5]);
    expect(o.C!.rank).toBeNull();
    expect(o.C!.status).toBe("abnormally-low");
    expect(out.offers.map((x) => x.id)).toEqual(["A", "B", "D", "C"]);
  });

  it("reads the French Excel file (cp1252, ;, decimal comma, no-break spaces, €)", () => {
    const out = json(["score", fixture("excel-fr")]);
    const o = byId(out.offers);
    // Pmin = 171 980,40 (E2; E4 is irregular). E1: 40 × 171980.40/184250 rounded to 2 decimals = 37.34.
    expect(o.E1!.points.PRIX).toBe(37.34);
    expect(o.E2!.points.PRIX).toBe(40);
    expect(o.E4!.rank).toBeNull();
    expect(out.totalPoints).toBe(100);
    const w = Object.fromEntries(out.criteria.map((c) => [c.id, c.weight]));
    expect(w["TECH.1"]).toBe(27.5);
    const table = runCli(["score", fixture("excel-fr"), "--detail"]);
    expect(table.stdout).toContain("Méthodologie d’intervention");
    expect(table.stdout).toContain("Œuvres");
  });

  it("converts a percent sub-group of the three-level tree into points and says so", () => {
    const out = json(["score", fixture("three-level")]);
    const w = Object.fromEntries(out.criteria.map((c) => [c.id, c.weight]));
    expect(w["tech.org.equipe"]).toBe(12);
    expect(w["tech.org.planning"]).toBe(8);
    const table = runCli(["score", fixture("three-level")]);
    expect(table.stdout).toMatch(/pourcentage/);
  });

  it("scores every fixture with exit 0, in both languages and every format", () => {
    for (const name of ["psc-synthetic", "three-level", "excel-fr", "tie", "threshold", "abnormally-low", "o3-reference"]) {
      for (const format of ["table", "json", "csv", "markdown"]) {
        for (const lang of ["fr", "en"]) {
          const r = runCli(["score", fixture(name), "--format", format, "--lang", lang]);
          expect(r.code, `${name} ${format} ${lang}: ${r.stderr}`).toBe(0);
          expect(r.stdout.length).toBeGreaterThan(0);
          expect(r.stderr).not.toMatch(/at .*\.js:\d+/); // never a stack trace
        }
      }
    }
  });

  it("is deterministic: two runs give byte-identical output", () => {
    const a = runCli(["score", fixture("psc-synthetic"), "--format", "json"]);
    const b = runCli(["score", fixture("psc-synthetic"), "--format", "json"]);
    expect(a.stdoutBytes.equals(b.stdoutBytes)).toBe(true);
  });

  it("accepts a folder in place of offers.csv", () => {
    const r = runCli(["score", "fixtures/o3-reference", "--format", "json"]);
    expect(r.code).toBe(0);
  });

  it("never colours output in a pipe, even when asked by the environment to avoid it", () => {
    const r = runCli(["score", fixture("o3-reference")]);
    expect(r.stdout).not.toMatch(/\u001b\[/);
    const forced = runCli(["score", fixture("o3-reference")], { FORCE_COLOR: "1" });
    expect(forced.stdout).toMatch(/\u001b\[/);
    const noColor = runCli(["score", fixture("o3-reference")], { FORCE_COLOR: "1", NO_COLOR: "1" });
    expect(noColor.stdout).not.toMatch(/\u001b\[/);
  });
});

describe("outputs", () => {
  it("writes --output whole and refuses to overwrite an input", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "psc-"));
    writeFileSync(path.join(dir, "criteria.csv"), readFileSync(fixture("o3-reference", "criteria.csv")));
    writeFileSync(path.join(dir, "offers.csv"), readFileSync(fixture("o3-reference")));
    const before = readFileSync(path.join(dir, "offers.csv"));
    const refused = runCli(["score", path.join(dir, "offers.csv"), "--output", path.join(dir, "offers.csv")]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/OUTPUT_IS_INPUT/);
    expect(readFileSync(path.join(dir, "offers.csv")).equals(before)).toBe(true);
    const ok = runCli(["score", path.join(dir, "offers.csv"), "--format", "json", "--output", path.join(dir, "out.json")]);
    expect(ok.code).toBe(0);
    expect(JSON.parse(readFileSync(path.join(dir, "out.json"), "utf8")).winner).toBe("C");
    expect(existsSync(path.join(dir, "out.json"))).toBe(true);
  });

  it("keeps hostile offer names inert in CSV, Markdown and the terminal", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "psc-"));
    writeFileSync(path.join(dir, "criteria.csv"), "id,label,weight,type,max\nq,Qualité,100,quality,10\n");
    writeFileSync(
      path.join(dir, "offers.csv"),
      'offer,label,q\n"=HYPERLINK(""http://x"")",<script>alert(1)</script>,5\n@SUM,"+cmd|x",6\n',
    );
    const csv = runCli(["score", path.join(dir, "offers.csv"), "--format", "csv", "--lang", "en"]);
    expect(csv.code, csv.stderr).toBe(0);
    for (const line of csv.stdout.split(/\r\n/).slice(1).filter(Boolean)) {
      for (const cell of line.split(",")) expect(cell.replace(/^"/, "")).not.toMatch(/^[=+\-@]/);
    }
    const md = runCli(["score", path.join(dir, "offers.csv"), "--format", "markdown"]);
    expect(md.stdout).not.toContain("<script>");
    expect(md.stdout).toContain("&lt;script&gt;");
    const json = runCli(["score", path.join(dir, "offers.csv"), "--format", "json"]);
    expect(JSON.parse(json.stdout).offers.map((o: { label: string }) => o.label)).toContain("<script>alert(1)</script>");
  });
});

describe("errors and usage", () => {
  it("exits 2 with a located message for a missing file, never a stack trace", () => {
    const r = runCli(["score", "nope/offers.csv"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/FILE_NOT_FOUND/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("exits 2 on a bad flag and 0 on --help / --version", () => {
    expect(runCli(["score", fixture("tie"), "--format", "xml"]).code).toBe(2);
    expect(runCli(["frobnicate"]).code).toBe(2);
    const help = runCli(["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Exemples|Examples/);
    const v = runCli(["--version"]);
    expect(v.code).toBe(0);
    expect(v.stdout.trim()).toBe(JSON.parse(readFileSync("package.json", "utf8")).version);
  });

  it("lists the methods", () => {
    const r = runCli(["methods", "--lang", "en"]);
    expect(r.code).toBe(0);
    for (const id of ["proportional", "linear-minmax", "linear-lowest", "mean-cubic", "reference", "it-linear", "it-bilinear", "it-concave", "direct", "relative-best"]) {
      expect(r.stdout).toContain(id);
    }
  });
});
