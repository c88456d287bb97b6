// Terminal rendering of check / unknowns blocks: cli-table3 tables, chalk colours from the CLI's policy.
import { Chalk } from "chalk";
import type { CheckModel } from "../check-model.js";
import type { UnknownsModel } from "../unknowns-model.js";
import { terminalSafe } from "../text-safety.js";
import { wrapText } from "../text-wrap.js";
import { terminalTable } from "./terminal-table.js";
import { checkBlocks, unknownsBlocks, type Block } from "./check-blocks.js";
import type { RenderOptions } from "./types.js";

function renderBlocks(blocks: Block[], options: RenderOptions): string {
  const chalk = new Chalk({ level: options.color ? 1 : 0 });
  const paint = (tone: "ok" | "bad" | "note" | undefined, s: string) =>
    tone === "ok" ? chalk.green(s) : tone === "bad" ? chalk.red.bold(s) : tone === "note" ? chalk.yellow(s) : s;
  const lines: string[] = [];
  // Prose wraps to the terminal when its width is known; colour goes on after wrapping.
  const fit = (text: string): string => (options.width ? wrapText(text, options.width) : text);
  for (const b of blocks) {
    if (b.kind === "heading") {
      const t = fit(terminalSafe(b.text));
      lines.push(b.level === 1 ? chalk.bold(t.toUpperCase()) : chalk.bold(t), "");
    } else if (b.kind === "para") {
      lines.push(paint(b.tone, fit(terminalSafe(b.text))), "");
    } else if (b.kind === "list") {
      for (const i of b.items) lines.push(fit(`  - ${terminalSafe(i)}`));
      lines.push("");
    } else {
      const table = terminalTable({
        head: b.header.map((h) => chalk.bold(terminalSafe(h))),
        plainHead: b.header.map(terminalSafe),
        rows: b.rows.map((r) => r.cells.map((c) => paint(r.tone === "ok" ? undefined : r.tone, terminalSafe(c)))),
        ...(options.width ? { width: options.width } : {}),
      });
      lines.push(table, "");
    }
  }
  return lines.join("\n");
}

export function renderCheckTable(model: CheckModel, options: RenderOptions): string {
  return renderBlocks(checkBlocks(model, options.lang, "terminal"), options);
}

export function renderUnknownsTable(model: UnknownsModel, options: RenderOptions): string {
  return renderBlocks(unknownsBlocks(model, options.lang), options);
}
