// Builders for the report tests: run the command in memory on a fixture or a generated tender, and
// a light structural HTML/SVG checker (balanced tags), with no new dependency.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { runReport, type ReportFormat, type ReportOutcome } from "../../src/commands/report.js";
import type { Lang } from "../../src/i18n/lang.js";

export const FIXED_DATE = new Date(1_700_000_000_000);

export async function report(offers: string, format: ReportFormat, lang: Lang = "fr", extra: { samples?: number; declared?: string } = {}): Promise<ReportOutcome> {
  const ext = format === "markdown" ? "md" : format;
  const output = path.join(tmpdir(), `psc-report-test.${ext}`);
  return runReport(offers, {
    output,
    lang,
    rescaleWeights: false,
    samples: extra.samples ?? 2000,
    seed: 7,
    smaaWeights: "simplex",
    scoreNoise: 0,
    commandLine: ["psc-audit", "report", offers, "-o", output],
    now: FIXED_DATE,
    ...(extra.declared ? { declared: extra.declared } : {}),
  });
}

/** A temporary tender folder with the given CSV texts. */
export function tenderDir(criteria: string, offers: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), "psc-report-"));
  writeFileSync(path.join(dir, "criteria.csv"), criteria);
  writeFileSync(path.join(dir, "offers.csv"), offers);
  return dir;
}

/** A tender of `m` offers and `top` × `per` leaves (deterministic pseudo-random notes). */
export function bigTender(m: number, top: number, per: number): string {
  const crit = ["id,parent,label,weight,type,method,max,min_score,decimals"];
  const leaves: string[] = [];
  for (let t = 0; t < top; t++) {
    crit.push(`T${t},,Critère principal numéro ${t} au libellé assez long pour être tronqué,${100 / top},,,,,`);
    for (let k = 0; k < per; k++) {
      const id = `T${t}.${k}`;
      leaves.push(id);
      if (t === 0 && k === 0) crit.push(`${id},T${t},Prix global et forfaitaire,${100 / top / per},price,proportional,,,`);
      else crit.push(`${id},T${t},Sous-critère ${t}.${k},${100 / top / per},quality,direct,10,,`);
    }
  }
  let seed = 12345;
  const rnd = (): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const rows = [`offer,label,${leaves.join(",")}`];
  for (let a = 0; a < m; a++) {
    const vals = leaves.map((_, j) => (j === 0 ? String(100000 + Math.floor(rnd() * 50000)) : String(Math.floor(rnd() * 11))));
    rows.push(`O${String(a + 1).padStart(2, "0")},Entreprise ${a + 1} SAS,${vals.join(",")}`);
  }
  return tenderDir(crit.join("\n") + "\n", rows.join("\n") + "\n");
}

const VOID = new Set(["meta", "br", "link", "img", "hr", "input"]);

/** Balanced tags: every opened element closed in order (void and self-closing ones aside). Returns problems. */
export function tagProblems(markup: string): string[] {
  const stack: string[] = [];
  const problems: string[] = [];
  const body = markup.replace(/<!DOCTYPE[^>]*>/i, "").replace(/<style>[\s\S]*?<\/style>/g, "<style></style>");
  for (const m of body.matchAll(/<(\/?)([A-Za-z][A-Za-z0-9-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g)) {
    const [, close, rawName, rest] = m;
    const name = rawName!.toLowerCase();
    if (close) {
      const top = stack.pop();
      if (top !== name) problems.push(`</${name}> closes <${top}>`);
    } else if (!VOID.has(name) && !rest!.trimEnd().endsWith("/")) stack.push(name);
  }
  if (stack.length > 0) problems.push(`unclosed: ${stack.join(" ")}`);
  return problems;
}

export function decimalsOf(cell: string): number {
  const m = /[.,](\d+)/.exec(cell);
  return m ? m[1]!.length : 0;
}
