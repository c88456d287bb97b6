// The fixes of the review and the newcomer trial, end to end through the built binary (and the
// commands where the CLI adds nothing): inert text, diagnostics, commander in French, formats from
// --output, batches, error details, the score table on a narrow terminal, methods, init.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCheckMany } from "../../src/commands/check-many.js";
import { runInit } from "../../src/commands/init.js";
import { runScore } from "../../src/commands/score.js";
import { isSingleTender, runValidateMany } from "../../src/commands/validate.js";
import { lineOf, terminalLinesOf } from "../../src/i18n/messages.js";
import { locateTender } from "../../src/io/file-system.js";
import { EXIT } from "../../src/cli/exit-code.js";
import { fixture, ROOT, runCli } from "./run-cli.js";

const tmp = () => mkdtempSync(path.join(os.tmpdir(), "psc-fix-"));
const CRIT = "id,label,weight,type,max\nprice,Price,40,price,\nq,Quality,60,quality,10\n";

function hostileTender(): string {
  const dir = tmp();
  writeFileSync(path.join(dir, "criteria.csv"), CRIT);
  writeFileSync(path.join(dir, "offers.csv"), "offer,label,price,q\nA,Evil\u202Eesrever,100,8\nB,Beta,120,9\n");
  return dir;
}
function badCellTender(): string {
  const dir = tmp();
  writeFileSync(path.join(dir, "criteria.csv"), CRIT);
  writeFileSync(path.join(dir, "offers.csv"), "offer,label,price,q\nA,Alpha,100,12\x1b[2J\nB,Beta,120,9\n");
  return dir;
}
const inert = (text: string) => {
  expect(text).not.toMatch(/\u001b|\u202E/);
};

describe("1. terminal output is inert", () => {
  it("score: an ESC cell is neutralised on stderr, a U+202E label on stdout", () => {
    const bad = runCli(["score", badCellTender()]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("12\uFFFD[2J");
    inert(bad.stderr);
    const label = runCli(["score", hostileTender()]);
    expect(label.code, label.stderr).toBe(0);
    expect(label.stdout).toContain("Evil\uFFFDesrever");
    inert(label.stdout);
  });

  it("validate: stdout (single and batch) and stderr stay inert", () => {
    const single = runCli(["validate", badCellTender()]);
    inert(single.stdout + single.stderr);
    expect(single.stderr).toContain("\uFFFD");
    const batch = runCli(["validate", badCellTender(), hostileTender()]);
    inert(batch.stdout + batch.stderr);
  });

  it("check: stdout and stderr stay inert", () => {
    const dir = tmp();
    copyFileSync(fixture("check-published-ok", "criteria.csv"), path.join(dir, "criteria.csv"));
    const offers = readFileSync(fixture("check-published-ok"), "utf8").replace("Société A (fictive)", "Société \u202EA");
    writeFileSync(path.join(dir, "offers.csv"), offers);
    const r = runCli(["check", dir]);
    expect(r.code, r.stderr).toBe(0);
    inert(r.stdout + r.stderr);
    const bad = runCli(["check", badCellTender()]);
    expect(bad.code).toBe(2);
    inert(bad.stderr);
  });
});

describe("3. diagnostic lines", () => {
  it("every layer locates alike (workbook cell, line 0) with one severity word", () => {
    const cell = { code: "NOTHING_TO_CHECK", severity: "error" as const, location: { file: "grid.xlsx", sheet: "Offres", cell: "D7" }, args: {} };
    expect(lineOf(cell, "fr")).toBe("grid.xlsx[Offres]!D7: erreur[NOTHING_TO_CHECK]: rien à vérifier");
    const zero = { code: "EMPTY_FILE", severity: "error" as const, location: { file: "offers.csv", line: 0 }, args: {} };
    expect(lineOf(zero, "en")).toBe("offers.csv: error[EMPTY_FILE]: the file is empty");
  });

  it("prints the hint as an indented second line in the terminal, never in JSON", () => {
    const d = { code: "WEIGHTS_DO_NOT_ADD_UP", severity: "error" as const, args: { parent: "A", found: "50", expected: "60" } };
    expect(terminalLinesOf(d, "fr").split("\n")[1]).toMatch(/^  aide : corrigez les pondérations/);
    expect(terminalLinesOf(d, "en").split("\n")[1]).toMatch(/^  hint: correct the weights/);
    const dir = tmp();
    writeFileSync(path.join(dir, "criteria.csv"), "id,parent,weight,type,max\nA,,60,,\nA.1,A,30,quality,10\nA.2,A,20,quality,10\nB,,40,price,\n");
    writeFileSync(path.join(dir, "offers.csv"), "offer,A.1,A.2,B\nX,5,5,100\n");
    const r = runCli(["score", dir, "--lang", "en"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/error\[WEIGHTS_DO_NOT_ADD_UP\].*\n  hint: /);
    const json = runCli(["validate", dir, "--format", "json"]);
    expect(json.stdout).not.toContain("aide");
  });
});

describe("3. colours on stderr", () => {
  it("errors in red only when the colour policy allows it (never in a plain pipe)", () => {
    const plain = runCli(["score", badCellTender()]);
    expect(plain.stderr).not.toMatch(/\u001b\[/);
    const forced = runCli(["score", badCellTender()], { FORCE_COLOR: "1" });
    expect(forced.stderr).toMatch(/\u001b\[31m.*erreur\[NOT_A_NUMBER\]/);
    const off = runCli(["score", badCellTender(), "--no-color"], { FORCE_COLOR: "1" });
    expect(off.stderr).not.toMatch(/\u001b\[/);
  });
});

describe("5–6. words and commander errors in the user's language", () => {
  it("commander's errors in French, the subcommand's help hint after a subcommand error", () => {
    const unknown = runCli(["scor"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("commande inconnue « scor »");
    expect(unknown.stderr).toContain("(Vouliez-vous dire score ?)");
    const option = runCli(["score", fixture("tie"), "--frob"]);
    expect(option.stderr).toContain("option inconnue « --frob »");
    expect(option.stderr).toContain("(psc-audit score --help)");
    const choice = runCli(["score", fixture("tie"), "--format", "xml"]);
    expect(choice.code).toBe(2);
    expect(choice.stderr).toMatch(/valeur « xml » invalide .*choix possibles : table, json, csv, markdown/);
    expect(runCli(["report", fixture("tie")]).stderr).toContain("option obligatoire « -o, --output <file> » absente");
    expect(runCli(["score"]).stderr).toContain("argument obligatoire « offers » manquant");
    expect(runCli(["score", fixture("tie"), "--frob", "--lang", "en"]).stderr).toContain("unknown option '--frob'");
  });

  it("--lang before the command name works", () => {
    const r = runCli(["--lang", "en", "score", fixture("tie")]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Exact tie for first place/);
  });

  it("a bad --score-noise says why (exit 2), in the user's language", () => {
    const fr = runCli(["sensitivity", fixture("tie"), "--score-noise", "abc"]);
    expect(fr.code).toBe(2);
    expect(fr.stderr).toContain("nombre attendu, reçu « abc »");
    const en = runCli(["sensitivity", fixture("tie"), "--samples", "x", "--lang", "en"]);
    expect(en.code).toBe(2);
    expect(en.stderr).toContain('expected a whole number ≥ 0, got "x"');
  });

  it("batch words come from the catalogue", async () => {
    const r = await runValidateMany([path.join(tmp(), "missing"), hostileTender()], { lang: "fr", rescaleWeights: false, format: "text" });
    expect(String(r.output)).toMatch(/introuvable : /);
    const en = await runValidateMany([path.join(tmp(), "missing"), hostileTender()], { lang: "en", rescaleWeights: false, format: "text" });
    expect(String(en.output)).toMatch(/not found: /);
  });
});

describe("7. help", () => {
  it("stays within 80 columns, quotes examples with <, explains --fail-on units", () => {
    for (const cmd of [[], ["score"], ["sensitivity"], ["check"], ["report"], ["validate"], ["init"], ["methods"]]) {
      for (const lang of ["fr", "en"]) {
        const r = runCli([...cmd, "--help", "--lang", lang]);
        expect(r.code).toBe(0);
        for (const line of r.stdout.split("\n")) expect(line.length, `${cmd.join(" ")} ${lang}: ${line}`).toBeLessThanOrEqual(80);
        for (const line of r.stdout.split("\n").filter((l) => l.includes("$ ") && l.includes("<"))) expect(line).toMatch(/'[^']*<[^']*'/);
      }
    }
    const help = runCli(["sensitivity", "--help", "--lang", "en"]).stdout;
    expect(help).toMatch(/winner-margin<X\s+smallest change of one weight/);
    expect(help).toMatch(/total-margin<X/);
    expect(help).toMatch(/acceptability<P\s+the winner's SMAA first-rank acceptability/);
  });
});

describe("8. format from the --output extension", () => {
  it("json, csv, md and txt inferred; an explicit --format wins", () => {
    const dir = tmp();
    const out = (name: string, ...extra: string[]) => {
      const r = runCli(["score", fixture("o3-reference"), "-o", path.join(dir, name), ...extra], { FORCE_COLOR: "1" });
      expect(r.code, r.stderr).toBe(0);
      return readFileSync(path.join(dir, name), "utf8");
    };
    expect(JSON.parse(out("a.json")).winner).toBe("C");
    expect(out("a.csv")).toMatch(/^\uFEFFoffre;libellé;/);
    expect(out("a.md")).toMatch(/^\| Rang \|/);
    const txt = out("a.txt");
    expect(txt).toMatch(/Rang/);
    expect(txt).not.toMatch(/\u001b\[/);
    expect(out("b.json", "--format", "markdown")).toMatch(/^\| Rang/);
  });
});

describe("9. batches", () => {
  it("a tender with nothing to check is 'skip' (exit 0), not invalid", async () => {
    const root = tmp();
    for (const d of ["nothing", "ok"]) mkdirSync(path.join(root, d));
    writeFileSync(path.join(root, "nothing", "criteria.csv"), CRIT);
    writeFileSync(path.join(root, "nothing", "offers.csv"), "offer,price,q\nA,100,8\nB,120,9\n");
    for (const f of ["criteria.csv", "offers.csv"]) copyFileSync(fixture("check-published-ok", f), path.join(root, "ok", f));
    const base = { lang: "fr" as const, rescaleWeights: false, color: false };
    const text = await runCheckMany([root], { ...base, format: "table" });
    expect(text.exitCode).toBe(EXIT.ok);
    const lines = String(text.output).trim().split("\n");
    expect(lines[0]).toMatch(/^rien à vérifier\s+\S*nothing$/);
    expect(lines.at(-1)).toMatch(/1 sans rien à vérifier, 0 invalide/);
    const json = await runCheckMany([root], { ...base, format: "json" });
    const records = JSON.parse(String(json.output)) as { status: string; verdict: string | null; counts: unknown }[];
    expect(records.map((r) => r.status)).toEqual(["skip", "ok"]);
    expect(records[1]!.verdict).toBe("consistent");
    // Alone, check still says there is nothing to check (exit 2), with the proper diagnostic and hint.
    const alone = runCli(["check", path.join(root, "nothing")]);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toMatch(/^erreur\[NOTHING_TO_CHECK\]: rien à vérifier\n  aide : aucune note publiée/);
  });

  it("a folder holding exactly one workbook is one tender everywhere", async () => {
    const dir = tmp();
    copyFileSync(path.join(ROOT, "fixtures", "xlsx-psc", "grille.xlsx"), path.join(dir, "grille.xlsx"));
    expect(await locateTender(dir)).toEqual({ kind: "tender", offers: path.join(dir, "grille.xlsx") });
    expect(await isSingleTender(dir)).toBe(true);
    expect(await isSingleTender("fixtures")).toBe(false);
    const r = await runValidateMany([dir], { lang: "en", rescaleWeights: false, format: "text" });
    expect(r.exitCode).toBe(EXIT.ok);
    expect(String(r.output)).toMatch(/no errors/);
  });
});

describe("10. error details", () => {
  it("a missing offers file is reported alone", () => {
    const r = runCli(["score", "nope/offers.csv"]);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).not.toContain("criteria.csv");
  });

  it("an --output in a folder that does not exist says so, in words", () => {
    const r = runCli(["score", fixture("tie"), "-o", path.join(tmp(), "no-such-dir", "x.json")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/OUTPUT_UNWRITABLE.*le dossier .*no-such-dir n'existe pas/);
    expect(r.stderr).not.toContain("ENOENT");
  });

  it("score on a folder of tenders says score takes one tender and suggests validate / check", () => {
    const r = runCli(["score", "fixtures/"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/NOT_A_TENDER.*score lit un seul marché.*psc-audit validate fixtures\/.*psc-audit check fixtures\//);
  });

  it("report -o x.md says where the charts went; its command line comes from the argv given", () => {
    const dir = tmp();
    const r = runCli(["report", fixture("o3-reference"), "-o", path.join(dir, "x.md"), "--samples", "0"], { SOURCE_DATE_EPOCH: "0" });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`Écrit : ${path.join(dir, "x.md")} (+ graphiques dans ${path.join(dir, "x-charts")}${path.sep})`);
    expect(existsSync(path.join(dir, "x-charts"))).toBe(true);
    const j = runCli(["report", fixture("o3-reference"), "-o", path.join(dir, "r.json"), "--samples", "0"]);
    expect(j.code, j.stderr).toBe(0);
    expect(readFileSync(path.join(dir, "r.json"), "utf8")).toContain("--samples");
  });
});

describe("12. score output", () => {
  it("CSV: French headers and values in French, English in English", () => {
    const fr = runCli(["score", fixture("threshold"), "--format", "csv"]);
    expect(fr.stdout.split("\r\n")[0]).toMatch(/^\uFEFFoffre;libellé;statut;éliminée;rang;total;/);
    expect(fr.stdout).toMatch(/;oui;/);
    expect(fr.stdout).not.toMatch(/;(yes|no);/);
    const en = runCli(["score", fixture("threshold"), "--format", "csv", "--lang", "en"]);
    expect(en.stdout.split("\r\n")[0]).toMatch(/^offer,label,status,eliminated,rank,total,/);
    expect(en.stdout).toMatch(/,yes,/);
  });

  const table = async (width: number | undefined, detail: boolean) => {
    const r = await runScore(path.join(ROOT, "fixtures", "excel-fr"), { format: "table", detail, lang: "fr", color: false, rescaleWeights: false, ...(width ? { width } : {}) });
    return String(r.output).split("\n\n")[0]!;
  };
  const widest = (text: string) => Math.max(...text.split("\n").map((l) => [...l].length));

  it("fits a narrow terminal by cutting the offer names first", async () => {
    const full = await table(undefined, false);
    const narrow = await table(widest(full) - 8, false);
    expect(widest(narrow)).toBeLessThanOrEqual(widest(full) - 8);
    expect(narrow).toContain("…");
    expect(narrow.split("\n")[1]).toMatch(/Rang.*Offre.*Nom/);
  });

  it("prints the table transposed when cutting names is not enough", async () => {
    const t = await table(50, true);
    const lines = t.split("\n");
    expect(lines[1]).toMatch(/Critère\s+│\s+E3\s+│\s+E1/);
    expect(t).toMatch(/│   TECH\.1\s/); // indented by depth
    expect(lines.at(-3)).toMatch(/Total/);
    expect(lines.at(-2)).toMatch(/Rang/);
    expect(widest(t)).toBeLessThanOrEqual(80);
  });

  it("the French legend names the method", async () => {
    const r = await runScore(path.join(ROOT, "fixtures", "excel-fr"), { format: "table", detail: true, lang: "fr", color: false, rescaleWeights: false });
    expect(String(r.output)).toContain("[proportional — Proportionnelle (méthode classique)]");
  });
});

describe("13–14. methods and init", () => {
  it("methods: parameter names, no '?', French types, [U] explained", () => {
    const fr = runCli(["methods"]).stdout;
    expect(fr).toContain("(zero − P) / (zero − ref)");
    expect(fr).toContain("R = (base − P) / base");
    expect(fr).not.toMatch(/[(=] ?\?|\? ?[),]/);
    expect(fr).toContain("W si P ≤ ref, 0 si P ≥ zero, linéaire entre les deux");
    expect(fr).toContain("L'offre la moins chère : W, la plus chère : 0");
    expect(fr).not.toMatch(/sans note max/);
    expect(fr).toContain("s'applique à : prix, coût");
    expect(fr).toContain("[U] : formule non confirmée par une source officielle");
    const en = runCli(["methods", "--lang", "en"]).stdout;
    expect(en).toContain("W × score / max score");
    expect(en).not.toMatch(/\bnote\b/);
  });

  it("init prints a next step that works installed and from the repo", async () => {
    const r = await runInit(path.join(tmp(), "t"), { lang: "fr", force: false });
    expect(String(r.output)).toMatch(/npx psc-audit validate /);
  });
});
