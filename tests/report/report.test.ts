// The transparency report: structure, numbers equal to the JSON, escaping, determinism, PDF text,
// well-formed charts, and large tenders.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { Rational } from "../../src/exact/rational.js";
import { formatDecimal } from "../../src/report/format.js";
import { SECTION_IDS } from "../../src/report/report-doc.js";
import type { ReportModel } from "../../src/report/report-model.js";
import { decimalsOf, FIXED_DATE, bigTender, report, tagProblems, tenderDir } from "./helpers.js";

const text = (o: { output?: string | Uint8Array }): string => {
  if (typeof o.output !== "string") throw new Error("expected text output");
  return o.output;
};
const unescape = (s: string): string => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&");

describe("report HTML", () => {
  for (const fixture of ["psc-synthetic", "o3-reference", "tie", "three-level"]) {
    it(`${fixture}: parses, has every section, and its per-offer figures equal the JSON's`, async () => {
      const html = text(await report(`fixtures/${fixture}`, "html"));
      expect(tagProblems(html)).toEqual([]);
      for (const id of SECTION_IDS) expect(html).toContain(`<section id="${id}">`);
      // No external resource: no script, stylesheet link or image, and no URL other than SVG's namespace.
      expect(html).not.toMatch(/<(script|link|img)\b/i);
      expect(html.replaceAll('xmlns="http://www.w3.org/2000/svg"', "")).not.toMatch(/https?:\/\//i);
      const model = JSON.parse(text(await report(`fixtures/${fixture}`, "json"))) as ReportModel;
      expect(model.schemaVersion).toBe(1);
      let checked = 0;
      for (const o of model.offers) {
        const table = new RegExp(`<table id="offer-[^"]*"><caption>[^<]*${escapeRe(o.id)} [^<]*</caption>([\\s\\S]*?)</table>`).exec(html);
        expect(table, `table of ${o.id}`).not.toBeNull();
        for (const row of table![1]!.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)) {
          const cells = [...row[1]!.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((c) => unescape(c[1]!));
          if (cells.length === 0) continue;
          const node = /^(\S+) — /.exec(cells[0]!)?.[1];
          const shown = cells[3]!.replace("≈", "");
          let exact: Rational | null = null;
          if (node) exact = o.pointsExact[node] ? Rational.parse(o.pointsExact[node]!)! : Rational.fromNumber(o.points[node]!);
          else if (cells[0] === "Total") exact = o.totalExact ? Rational.parse(o.totalExact)! : Rational.fromNumber(o.total);
          if (!exact) continue;
          expect(shown, `${o.id} ${node ?? "total"}`).toBe(formatDecimal(exact, decimalsOf(shown), "fr"));
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(model.offers.length);
    });
  }

  it("keeps an offer named <script> as text", async () => {
    const dir = tenderDir(
      readFileSync("fixtures/o3-reference/criteria.csv", "utf8"),
      `offer,label,price,quality,delivery\n"<script>",<script>alert(1)</script>,100,60,50\nB,"B & <b>co</b>",80,90,70\n`,
    );
    const html = text(await report(dir, "html"));
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toContain("<b>co</b>");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(tagProblems(html)).toEqual([]);
    const md = text(await report(dir, "markdown"));
    expect(md).not.toMatch(/<script/i);
  });

  it("speaks English with English numbers, French with U+202F", async () => {
    const en = text(await report("fixtures/psc-synthetic", "html", "en"));
    expect(en).toContain("1. Summary");
    expect(en).toContain('<html lang="en">');
    expect(en).toMatch(/€\d+\.\d\d/);
    const fr = text(await report("fixtures/psc-synthetic", "html", "fr"));
    expect(fr).toContain("1. Synthèse");
    expect(fr).toMatch(/\d,\d\d\u202F€/);
    expect(fr).toContain("14 novembre 2023");
  });
});

describe("report determinism (SOURCE_DATE_EPOCH)", () => {
  it("HTML, Markdown, JSON and PDF are byte-identical across two runs", async () => {
    for (const format of ["html", "markdown", "json", "pdf"] as const) {
      const a = await report("fixtures/three-level", format);
      const b = await report("fixtures/three-level", format);
      expect(Buffer.from(a.output!).equals(Buffer.from(b.output!)), format).toBe(true);
      expect(JSON.stringify(a.extraFiles ?? [])).toBe(JSON.stringify(b.extraFiles ?? []));
    }
    const model = JSON.parse(text(await report("fixtures/three-level", "json"))) as ReportModel;
    expect(model.date).toBe(FIXED_DATE.toISOString());
  });
});

describe("report PDF", () => {
  it("is an A4 PDF with embedded DejaVu whose text holds the tables", async () => {
    const pdf = (await report("fixtures/psc-synthetic", "pdf")).output as Uint8Array;
    expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe("%PDF-");
    if (!existsSync("/usr/bin/pdftotext")) {
      console.warn("pdftotext not installed: PDF text assertions skipped");
      return;
    }
    const file = path.join(mkdtempSync(path.join(tmpdir(), "psc-pdf-")), "r.pdf");
    writeFileSync(file, pdf);
    const txt = execFileSync("/usr/bin/pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
    expect(txt).toContain("1. Synthèse");
    expect(txt).toContain("Institution Delta (fictive)");
    expect(txt).toMatch(/80,61/);
    expect(txt).toMatch(/page 1 \/ \d+/);
    // pdftotext turns the U+202F before € into a plain space; the PDF itself carries DejaVu's glyph.
    expect(txt).toMatch(/63,20[ \u202F]€/);
    const fonts = execFileSync("/usr/bin/pdffonts", [file], { encoding: "utf8" });
    expect(fonts).toContain("DejaVuSans");
    expect(fonts).not.toMatch(/Helvetica|Roboto/);
  });
});

describe("report Markdown", () => {
  it("writes GFM tables and well-formed SVG charts beside it", async () => {
    const out = await report("fixtures/psc-synthetic", "markdown");
    const md = text(out);
    expect(md).toMatch(/^\| Rang \| Offre \|/m);
    expect(out.extraFiles!.length).toBeGreaterThan(2);
    for (const f of out.extraFiles!) {
      expect(f.path).toMatch(/psc-report-test-charts[\\/]chart-.*\.svg$/);
      const svg = typeof f.content === "string" ? f.content : Buffer.from(f.content).toString("utf8");
      expect(svg.startsWith("<svg xmlns=")).toBe(true);
      expect(tagProblems(svg)).toEqual([]);
      expect(md).toContain(path.basename(f.path));
    }
  });
});

describe("large tenders", () => {
  it("30 offers × 40 leaves: every section, readable sizes, long tables cut with a note", async () => {
    const dir = bigTender(30, 4, 10);
    const html = text(await report(dir, "html", "fr", { samples: 5000 }));
    expect(tagProblems(html)).toEqual([]);
    for (const id of SECTION_IDS) expect(html).toContain(`<section id="${id}">`);
    // Charts never grow wider than the page; labels are truncated with the full names in a legend.
    for (const m of html.matchAll(/<svg [^>]*width="([\d.]+)"/g)) expect(Number(m[1])).toBeLessThanOrEqual(720);
    expect(html).toContain("…");
    // Long tables keep the most relevant rows and say where the rest is; wide ones never exceed 8 offer columns.
    expect(html).toMatch(/lignes montrées sur|marges les plus faibles/);
    const pairwise = /<table id="pairwise">[\s\S]*?<thead><tr>([\s\S]*?)<\/tr>/.exec(html)!;
    expect([...pairwise[1]!.matchAll(/<th/g)].length).toBeLessThanOrEqual(9);
    const pdf = (await report(dir, "pdf", "en", { samples: 2000 })).output as Uint8Array;
    expect(pdf.length).toBeGreaterThan(10_000);
  });

  it("2 offers: every section", async () => {
    const html = text(await report("fixtures/tie", "html", "en"));
    for (const id of SECTION_IDS) expect(html).toContain(`<section id="${id}">`);
  });
});

describe("renders (skipped when chromium / pdftoppm are absent)", () => {
  it("chromium screenshots the HTML at desktop and phone widths", async () => {
    if (!existsSync("/usr/bin/chromium")) {
      console.warn("chromium not installed: render check skipped");
      return;
    }
    const dir = mkdtempSync(path.join(tmpdir(), "psc-shot-"));
    writeFileSync(path.join(dir, "r.html"), text(await report("fixtures/psc-synthetic", "html")));
    for (const size of ["1280,1600", "390,1600"]) {
      const png = path.join(dir, `shot-${size.split(",")[0]}.png`);
      spawnSync("/usr/bin/chromium", ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", `--user-data-dir=${mkdtempSync(path.join(tmpdir(), "psc-chr-"))}`, `--screenshot=${png}`, `--window-size=${size}`, `file://${dir}/r.html`], { timeout: 60_000 });
      expect(existsSync(png)).toBe(true);
      expect(readFileSync(png).length).toBeGreaterThan(20_000);
    }
  });

  it("pdftoppm rasterises every page of the PDF", async () => {
    if (!existsSync("/usr/bin/pdftoppm")) {
      console.warn("pdftoppm not installed: render check skipped");
      return;
    }
    const dir = mkdtempSync(path.join(tmpdir(), "psc-ppm-"));
    writeFileSync(path.join(dir, "r.pdf"), (await report("fixtures/three-level", "pdf")).output as Uint8Array);
    const r = spawnSync("/usr/bin/pdftoppm", ["-png", "-r", "30", path.join(dir, "r.pdf"), path.join(dir, "p")], { encoding: "utf8" });
    expect(r.status).toBe(0);
    expect(r.stderr).not.toMatch(/error/i);
  });
});

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
