// Terminal report for `psc-audit sensitivity`: the shared sections laid out with cli-table3, colours
// from the CLI's policy only (chalk at the given level; cli-table3's own colours off).
import { Chalk } from "chalk";
import Table from "cli-table3";
import type { SensitivityModel } from "../sensitivity-model.js";
import { terminalSafe } from "../text-safety.js";
import { ts } from "../../i18n/sensitivity.js";
import { buildSections, headerLines, warningLines } from "./sensitivity-sections.js";
import type { RenderOptions } from "./types.js";

export function renderSensitivityTerminal(model: SensitivityModel, options: RenderOptions): string {
  const chalk = new Chalk({ level: options.color ? 1 : 0 });
  const lang = options.lang;
  const out: string[] = [];
  const [title, ...rest] = headerLines(model, lang);
  out.push(chalk.bold(terminalSafe(title ?? "")));
  for (const l of rest) out.push(terminalSafe(l));
  for (const s of buildSections(model, lang)) {
    out.push("", chalk.bold.cyan(terminalSafe(s.title)));
    for (const l of s.intro ?? []) out.push(terminalSafe(l));
    for (const t of s.tables) {
      if (t.rows.length === 0) continue;
      const table = new Table({
        head: t.header.map((h) => chalk.bold(terminalSafe(h))),
        style: { head: [], border: [], compact: true },
        colAligns: t.header.map((_, i) => (t.numeric.includes(i) ? "right" : "left")),
      });
      for (const r of t.rows) table.push(r.map(terminalSafe));
      out.push(table.toString());
    }
    for (const l of s.lines) out.push(terminalSafe(l));
    for (const a of s.alerts) out.push(chalk.yellow.bold(terminalSafe(a)));
  }
  const warnings = warningLines(model, lang);
  if (warnings.length) {
    out.push("", chalk.bold(ts(lang, "warnings")));
    for (const w of warnings) out.push(chalk.yellow(terminalSafe(w)));
  }
  return out.join("\n") + "\n";
}
