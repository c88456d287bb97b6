// Terminal table for `psc-audit score`. The only renderer that knows about colour (chalk), and it
// gets its colour level from the CLI's policy: cli-table3's own border colours are switched off.
import { Chalk } from "chalk";
import Table from "cli-table3";
import { buildScoreTable } from "../score-table.js";
import type { ScoreModel } from "../score-model.js";
import { terminalSafe } from "../text-safety.js";
import type { RenderOptions } from "./types.js";

export function renderScoreTerminal(model: ScoreModel, options: RenderOptions): string {
  const chalk = new Chalk({ level: options.color ? 1 : 0 });
  const table = buildScoreTable(model, options.lang, options.detail);
  const hasLabels = table.rows.some((r) => r.cells[2] !== "");
  const keep = (cells: string[]) => (hasLabels ? cells : cells.filter((_, i) => i !== 2));
  const numericFrom = hasLabels ? 3 : 2;

  const out = new Table({
    head: keep(table.header).map((h) => chalk.bold(terminalSafe(h))),
    style: { head: [], border: [], compact: true },
    colAligns: keep(table.header).map((_, i) => (i === 0 || i >= numericFrom ? "right" : "left")),
  });
  for (const row of table.rows) {
    const paint = row.kind === "winner" ? chalk.green.bold : row.kind === "unranked" ? chalk.dim : (s: string) => s;
    out.push(keep(row.cells).map((c) => paint(terminalSafe(c))));
  }

  const lines: string[] = [out.toString(), ""];
  const idWidth = Math.max(...table.legend.map((l) => l.id.length + 2 * l.depth));
  for (const l of table.legend) {
    if (!options.detail && l.depth > 0 && !table.columns.includes(l.id)) continue;
    const id = ("  ".repeat(l.depth) + l.id).padEnd(idWidth);
    const method = l.method ? chalk.dim(`  [${l.method}]`) : "";
    lines.push(`  ${chalk.cyan(terminalSafe(id))}  ${terminalSafe(l.label)} (${l.weight} pts)${method}`);
  }
  lines.push("");
  for (const n of table.notes) lines.push(terminalSafe(n));
  for (const w of table.warnings) lines.push(chalk.yellow(terminalSafe(w)));
  return lines.join("\n") + "\n";
}
