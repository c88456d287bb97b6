// Sections 1, 5 and 6 filled from the real analyses: the verdict in the words (fr and en, with
// O3's numbers), every section present and not a placeholder, the check and unknowns sections, the
// per-offer declared figures equal to the check JSON, and determinism with occulted values.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SECTION_IDS } from "../../src/report/report-doc.js";
import type { ReportModel } from "../../src/report/report-model.js";
import { report, tagProblems } from "./helpers.js";

const text = (o: { output?: string | Uint8Array }): string => {
  if (typeof o.output !== "string") throw new Error("expected text output");
  return o.output;
};
const unescape = (s: string): string => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&");
const sectionOf = (html: string, id: string): string => new RegExp(`<section id="${id}">([\\s\\S]*?)</section>`).exec(html)![1]!;
const verdictOf = (html: string): string => unescape(/<p class="verdict">([\s\S]*?)<\/p>/.exec(html)![1]!);
const PLACEHOLDER = /non calculée dans ce rapport|not computed in this report|Section non calculée|Section not computed/;
const DECLARED = "fixtures/check-discrepancies/declared.csv";

describe("verdict (section 1) in the issue's words", () => {
  it("O3 in French: 10 points, Quality above 44 %, 10 note points on Price", async () => {
    const v = verdictOf(text(await report("fixtures/o3-reference", "html", "fr")));
    expect(v).toContain("Aucune modification d'au plus 10 points d'une pondération ne change l'attribution");
    expect(v).toContain("L'attribution change si la pondération de « Quality » dépasse 44\u202F%");
    expect(v).toContain("Un écart de 10 points de note sur « Price » (barème 100) décide de l'attribution");
    expect(v).toContain("la question du choix de la formule de prix ne se pose pas");
    expect(v).not.toMatch(/undefined|NaN/);
  });

  it("O3 in English: the same numbers in English notation", async () => {
    const v = verdictOf(text(await report("fixtures/o3-reference", "html", "en")));
    expect(v).toContain("No change of at most 10 points to any single weight changes the award");
    expect(v).toContain('The award changes if the weight of "Quality" exceeds 44%');
    expect(v).toContain('A difference of 10 note points on "Price" (scale 100) decides the award');
    expect(v).toMatch(/comes first in \d+\.\d%/);
  });

  it("says whether the ranking depends on the price formula, and on rounding", async () => {
    const fr = verdictOf(text(await report("fixtures/check-discrepancies", "html", "fr")));
    expect(fr).toMatch(/Le classement (ne )?dépend (pas )?du choix de la formule de prix/);
    expect(fr).toMatch(/L'arrondi prévu par le règlement/);
    const en = verdictOf(text(await report("fixtures/check-discrepancies", "html", "en")));
    expect(en).toMatch(/The ranking (does not )?depends? on the choice of price formula/);
  });

  it("a tie decides the award", async () => {
    expect(verdictOf(text(await report("fixtures/tie", "html", "en")))).toContain("A tie decides the award");
    expect(verdictOf(text(await report("fixtures/tie", "html", "fr")))).toContain("Une égalité décide de l'attribution");
  });
});

describe("every section, none a placeholder", () => {
  it("o3-reference: section 5 in full (stability, minimal changes, margins, methods, reversal, effective weights, SMAA)", async () => {
    const html = text(await report("fixtures/o3-reference", "html", "fr"));
    expect(tagProblems(html)).toEqual([]);
    for (const id of SECTION_IDS) expect(html).toContain(`<section id="${id}">`);
    const s5 = sectionOf(html, "sensitivity");
    expect(s5).not.toMatch(PLACEHOLDER);
    for (const h of ["5.1", "5.2", "5.3", "5.4", "5.5", "5.6", "5.7"]) expect(s5).toContain(`<h3>${h} `);
    for (const id of ["stability", "minimal-change", "score-thresholds", "effective-weights", "smaa", "central-weights", "pairwise"]) expect(s5).toContain(`<table id="${id}">`);
    // Stability bounds with their tying pairs and exact fractions; both conventions labelled.
    expect(unescape(s5)).toContain("72,22\u202F% (13/18)");
    expect(s5).toContain("C = A");
    expect(s5).toMatch(/locale[\s\S]*globale/);
    // SMAA with half-widths.
    expect(s5).toMatch(/\d+,\d\u202F% ± \d+,\d\u202F%/);
    expect(sectionOf(html, "summary")).not.toMatch(PLACEHOLDER);
  });

  it("check-discrepancies: section 6 has the figures, the verified explanations, and section 3 the declared columns", async () => {
    const html = text(await report("fixtures/check-discrepancies", "html", "fr", { declared: DECLARED }));
    expect(tagProblems(html)).toEqual([]);
    const s6 = unescape(sectionOf(html, "check"));
    expect(s6).not.toMatch(PLACEHOLDER);
    expect(s6).toContain("17 note(s) vérifiée(s) : 8 concordante(s), 9 discordante(s)");
    expect(s6).toContain("linear-lowest");
    expect(s6).toContain("tronquée à 1 décimale(s)");
    const offers = unescape(sectionOf(html, "offers"));
    expect(offers).toContain("<th scope=\"col\" class=\"r\">Publié</th>");
    expect(offers).toMatch(/<td class="r diff">−0,0033<\/td>/);
  });

  it("check-discrepancies: every published figure in the per-offer tables equals the check JSON", async () => {
    const html = text(await report("fixtures/check-discrepancies", "html", "en", { declared: DECLARED }));
    const model = JSON.parse(text(await report("fixtures/check-discrepancies", "json", "en", { declared: DECLARED }))) as ReportModel;
    expect(model.check.status).toBe("computed");
    if (model.check.status !== "computed") return;
    let checked = 0;
    for (const fig of model.check.model.figures) {
      const table = new RegExp(`<table id="offer-[^"]*"><caption>Offer ${fig.offer} [^<]*</caption>([\\s\\S]*?)</table>`).exec(html)![1]!;
      const label = fig.node === "total" ? "Total" : fig.node === "rank" ? "Rank" : `${fig.node} — `;
      const row = [...table.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((r) => [...r[1]!.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((c) => unescape(c[1]!))).find((cells) => cells.length > 0 && cells[0]!.startsWith(label));
      expect(row, `${fig.offer} ${fig.node}`).toBeDefined();
      expect(row!.at(-2)).toBe(fig.declaredText);
      checked++;
    }
    expect(checked).toBe(model.check.model.figures.length);
  });

  it("check-occulted-feasible: report produced, intervals, possible ranks, winner depends on occulted data", async () => {
    const out = await report("fixtures/check-occulted-feasible", "html", "fr");
    expect(out.exitCode).toBe(0);
    const html = text(out);
    expect(tagProblems(html)).toEqual([]);
    for (const id of SECTION_IDS) expect(html).toContain(`<section id="${id}">`);
    expect(verdictOf(html)).toContain("L'attributaire dépend des données occultées");
    const s6 = unescape(sectionOf(html, "check"));
    expect(s6).toContain("PROUVÉ");
    expect(s6).toContain("Rangs possibles");
    expect(unescape(sectionOf(html, "offers"))).toContain("[36,36 ; 96,37]");
    expect(sectionOf(html, "sensitivity")).toMatch(/occultées/);
    const model = JSON.parse(text(await report("fixtures/check-occulted-feasible", "json", "en"))) as ReportModel;
    expect(model.unknowns.status).toBe("computed");
    expect(model.sensitivity).toEqual({ status: "not-computed", reason: "unknown-values" });
    expect(model.summary.winnerStatus).toBe("depends");
    const en = verdictOf(text(await report("fixtures/check-occulted-feasible", "html", "en")));
    expect(en).toContain("The winner depends on the occulted data");
  });
});

describe("JSON: one analysis, no duplicate", () => {
  it("carries the sensitivity command's model once, and only the chart lines beside it", async () => {
    const model = JSON.parse(text(await report("fixtures/o3-reference", "json"))) as ReportModel & { analysis: Record<string, unknown> };
    expect(model.sensitivity.status).toBe("computed");
    if (model.sensitivity.status !== "computed") return;
    expect(model.sensitivity.model.command).toBe("sensitivity");
    expect(model.sensitivity.model.winnerMargin?.points.value).toBe(10);
    expect(model.sensitivity.model.scoreSensitivity.noteMargin?.points.value).toBe(10);
    expect(Object.keys(model.analysis).sort()).toEqual(["lines", "offers"]);
  });
});

describe("determinism and PDF with the new sections", () => {
  it("occulted values and declared figures: byte-identical HTML, Markdown, JSON and PDF", async () => {
    for (const [fixture, declared] of [["fixtures/check-occulted-feasible", undefined], ["fixtures/check-discrepancies", DECLARED]] as const) {
      for (const format of ["html", "markdown", "json", "pdf"] as const) {
        const a = await report(fixture, format, "fr", declared ? { declared } : {});
        const b = await report(fixture, format, "fr", declared ? { declared } : {});
        expect(Buffer.from(a.output!).equals(Buffer.from(b.output!)), `${fixture} ${format}`).toBe(true);
      }
    }
  });

  it("the PDF's text holds sections 5 and 6 and the declared columns", async () => {
    const pdf = (await report("fixtures/check-discrepancies", "pdf", "fr", { declared: DECLARED })).output as Uint8Array;
    if (!existsSync("/usr/bin/pdftotext")) {
      console.warn("pdftotext not installed: PDF text assertions skipped");
      return;
    }
    const file = path.join(mkdtempSync(path.join(tmpdir(), "psc-pdf-")), "r.pdf");
    writeFileSync(file, pdf);
    const txt = execFileSync("/usr/bin/pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
    for (const s of ["5.1 Stabilité des pondérations", "5.7 Analyse stochastique", "Chiffres publiés et chiffres recalculés", "DISCORDANCE", "Publié"]) expect(txt).toContain(s);
    expect(txt).toMatch(/−0,0033/);
  });

  it("the Markdown keeps apostrophes readable and offer names inert", async () => {
    const md = text(await report("fixtures/o3-reference", "markdown", "fr"));
    expect(md).toContain("Rapport d'analyse des offres");
    expect(md).not.toContain("&#39;");
    expect(md).not.toContain("&\\#39;");
  });
});
