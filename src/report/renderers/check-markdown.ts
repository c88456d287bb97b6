// GitHub-flavoured Markdown for check / unknowns: an appendix to file, every cell escaped.
import type { CheckModel } from "../check-model.js";
import type { UnknownsModel } from "../unknowns-model.js";
import { escapeMarkdownCell } from "../text-safety.js";
import { checkBlocks, unknownsBlocks, type Block } from "./check-blocks.js";
import type { RenderOptions } from "./types.js";

function renderBlocks(blocks: Block[]): string {
  const e = escapeMarkdownCell;
  const lines: string[] = [];
  for (const b of blocks) {
    if (b.kind === "heading") lines.push(`${"#".repeat(b.level)} ${e(b.text)}`, "");
    else if (b.kind === "para") lines.push(b.tone === "bad" ? `**${e(b.text)}**` : e(b.text), "");
    else if (b.kind === "list") lines.push(...b.items.map((i) => `- ${e(i)}`), "");
    else {
      lines.push(`| ${b.header.map(e).join(" | ")} |`, `| ${b.header.map(() => "---").join(" | ")} |`);
      for (const r of b.rows) lines.push(`| ${r.cells.map(e).join(" | ")} |`);
      lines.push("");
    }
  }
  return lines.join("\n");
}

export function renderCheckMarkdown(model: CheckModel, options: RenderOptions): string {
  return renderBlocks(checkBlocks(model, options.lang, "markdown"));
}

export function renderUnknownsMarkdown(model: UnknownsModel, options: RenderOptions): string {
  return renderBlocks(unknownsBlocks(model, options.lang));
}
