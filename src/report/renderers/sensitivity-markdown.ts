// GitHub-flavoured Markdown for `psc-audit sensitivity`: the shared sections, every cell escaped.
import { ts } from "../../i18n/sensitivity.js";
import type { SensitivityModel } from "../sensitivity-model.js";
import { escapeMarkdownCell as escapeCell } from "../text-safety.js";
import { buildSections, headerLines, warningLines } from "./sensitivity-sections.js";
import type { RenderOptions } from "./types.js";

/**
 * Escape for Markdown, the apostrophe written as U+2019 first: the HTML entity the escaper makes of
 * "'" gets its "#" escaped and would show as "&#39;" in French prose ("l&#39;attributaire").
 */
const escapeMarkdownCell = (text: string): string => escapeCell(text.replace(/'/g, "\u2019"));

export function renderSensitivityMarkdown(model: SensitivityModel, options: RenderOptions): string {
  const lang = options.lang;
  const [title, ...rest] = headerLines(model, lang);
  const out: string[] = [`# ${escapeMarkdownCell(title ?? "")}`, ""];
  for (const l of rest) out.push(escapeMarkdownCell(l), "");
  for (const s of buildSections(model, lang)) {
    out.push(`## ${escapeMarkdownCell(s.title)}`, "");
    for (const l of s.intro ?? []) out.push(escapeMarkdownCell(l), "");
    for (const t of s.tables) {
      if (t.rows.length === 0) continue;
      out.push(`| ${t.header.map(escapeMarkdownCell).join(" | ")} |`);
      out.push(`| ${t.header.map((_, i) => (t.numeric.includes(i) ? "---:" : ":---")).join(" | ")} |`);
      for (const r of t.rows) out.push(`| ${r.map(escapeMarkdownCell).join(" | ")} |`);
      out.push("");
    }
    for (const l of s.lines) out.push(l.startsWith("- ") ? `- ${escapeMarkdownCell(l.slice(2))}` : escapeMarkdownCell(l), "");
    for (const a of s.alerts) out.push(`> **${escapeMarkdownCell(a)}**`, "");
  }
  const warnings = warningLines(model, lang);
  if (warnings.length) {
    out.push(`## ${ts(lang, "warnings")}`, "");
    for (const w of warnings) out.push(`- ${escapeMarkdownCell(w)}`);
    out.push("");
  }
  return out.join("\n");
}
