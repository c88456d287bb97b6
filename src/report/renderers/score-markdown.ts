// GitHub-flavoured Markdown for `psc-audit score`: the same table as the terminal, every cell escaped.
import { buildScoreTable } from "../score-table.js";
import type { ScoreModel } from "../score-model.js";
import { escapeMarkdownCell } from "../text-safety.js";
import type { RenderOptions } from "./types.js";

export function renderScoreMarkdown(model: ScoreModel, options: RenderOptions): string {
  const table = buildScoreTable(model, options.lang, options.detail);
  const row = (cells: string[]) => `| ${cells.map(escapeMarkdownCell).join(" | ")} |`;
  const align = table.header.map((_, i) => (i === 1 || i === 2 ? ":---" : "---:"));
  const lines = [row(table.header), `| ${align.join(" | ")} |`];
  for (const r of table.rows) {
    const cells = r.kind === "winner" ? r.cells.map((c, i) => (i === 1 ? `**${escapeMarkdownCell(c)}**` : escapeMarkdownCell(c))) : r.cells.map(escapeMarkdownCell);
    lines.push(`| ${cells.join(" | ")} |`);
  }
  lines.push("");
  for (const l of table.legend) {
    if (!options.detail && l.depth > 0) continue;
    const method = l.method ? ` — \`${l.method}\`` : "";
    lines.push(`${"  ".repeat(l.depth)}- \`${escapeMarkdownCell(l.id)}\`: ${escapeMarkdownCell(l.label)} (${l.weight} pts)${method}`);
  }
  lines.push("");
  for (const n of [...table.notes, ...table.warnings]) lines.push(`- ${escapeMarkdownCell(n)}`);
  return lines.join("\n") + "\n";
}
