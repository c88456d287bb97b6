// Terminal report for `psc-audit sensitivity`: the shared sections laid out with cli-table3, colours
// from the CLI's policy only (chalk at the given level; cli-table3's own colours off).
import { Chalk } from "chalk";
import type { SensitivityModel } from "../sensitivity-model.js";
import { terminalSafe } from "../text-safety.js";
import { wrapText } from "../text-wrap.js";
import { terminalTable } from "./terminal-table.js";
import { ts } from "../../i18n/sensitivity.js";
import { buildSections, headerLines, warningLines } from "./sensitivity-sections.js";
import type { RenderOptions } from "./types.js";

export function renderSensitivityTerminal(model: SensitivityModel, options: RenderOptions): string {
  const chalk = new Chalk({ level: options.color ? 1 : 0 });
  const lang = options.lang;
  // Prose wraps to the terminal (tables keep their own layout); colour goes on after wrapping.
  const prose = (text: string): string => (options.width ? wrapText(terminalSafe(text), options.width) : terminalSafe(text));
  const out: string[] = [];
  const [title, ...rest] = headerLines(model, lang);
  out.push(chalk.bold(terminalSafe(title ?? "")));
  for (const l of rest) out.push(prose(l));
  for (const s of buildSections(model, lang)) {
    out.push("", chalk.bold.cyan(prose(s.title)));
    for (const l of s.intro ?? []) out.push(prose(l));
    for (const t of s.tables) {
      if (t.rows.length === 0) continue;
      out.push(
        terminalTable({
          head: t.header.map((h) => chalk.bold(terminalSafe(h))),
          plainHead: t.header.map(terminalSafe),
          rows: t.rows.map((r) => r.map(terminalSafe)),
          colAligns: t.header.map((_, i) => (t.numeric.includes(i) ? "right" : "left")),
          ...(options.width ? { width: options.width } : {}),
        }),
      );
    }
    for (const l of s.lines) out.push(prose(l));
    for (const a of s.alerts) out.push(chalk.yellow.bold(prose(a)));
  }
  const warnings = warningLines(model, lang);
  if (warnings.length) {
    out.push("", chalk.bold(ts(lang, "warnings")));
    for (const w of warnings) out.push(chalk.yellow(prose(w)));
  }
  return out.join("\n") + "\n";
}
