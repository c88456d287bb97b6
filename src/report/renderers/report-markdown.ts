// The report as GitHub-flavoured Markdown: headings, GFM tables, and each chart as an SVG file beside
// the .md (returned, not written) linked as an image; or omitted with a note when no folder is given.
import type { Block, DocTable, ReportDoc } from "../report-doc.js";
import { escapeMarkdownCell } from "../text-safety.js";

export interface MarkdownReport {
  markdown: string;
  /** Chart files, relative to the Markdown file's folder ("report-charts/chart-stacked.svg"). */
  files: { path: string; content: string }[];
}

/** Escape running text (not a table cell): no raw HTML, no accidental emphasis or links. */
function md(text: string): string {
  return escapeMarkdownCell(text).replace(/\\\|/g, "|");
}

function table(t: DocTable): string {
  const head = `| ${t.head.map(escapeMarkdownCell).join(" | ")} |`;
  const rule = `| ${t.align.map((a) => (a === "right" ? "---:" : ":---")).join(" | ")} |`;
  const rows = t.rows.map((r) => {
    const cells = r.cells.map((c) => {
      const indent = c.indent ? "\u00A0\u00A0".repeat(c.indent) : "";
      const body = escapeMarkdownCell(c.text);
      if (body === "") return "";
      return indent + (c.flag === "strong" || c.flag === "diff" || r.kind === "total" ? `**${body}**` : body);
    });
    return `| ${cells.join(" | ")} |`;
  });
  const notes = t.notes.map((n) => `- ${md(n)}`);
  return [`**${md(t.caption)}**`, "", head, rule, ...rows, ...(notes.length > 0 ? ["", ...notes] : [])].join("\n");
}

export function renderReportMarkdown(doc: ReportDoc, options: { chartsDir: string | null; omittedNote: string; savedNote: string }): MarkdownReport {
  const files: MarkdownReport["files"] = [];
  const out: string[] = [`# ${md(doc.title)}`, "", md(doc.subtitle), "", md(doc.dateLine), ""];
  const block = (b: Block): string => {
    switch (b.kind) {
      case "p":
        return md(b.text);
      case "verdict":
        return `> ${md(b.text)}`;
      case "notice":
        return `> **${md(b.text)}**`;
      case "h3":
        return `### ${md(b.text)}`;
      case "list":
        return b.items.map((i) => `- ${md(i)}`).join("\n");
      case "table":
        return table(b.table);
      case "kv":
        return b.rows.map((r) => `- **${md(r.key)}**: ${r.mono ? r.value.split("\n").map((v) => `\`${v.replace(/`/g, "'")}\``).join(" ") : md(r.value)}`).join("\n");
      case "chart": {
        if (options.chartsDir === null) {
          return `*${md(b.chart.title)}*`;
        }
        const path = `${options.chartsDir}/${b.chart.id}.svg`;
        files.push({ path, content: b.chart.svg + "\n" });
        const legend = b.chart.legend.map((l) => `- ${md(l)}`).join("\n");
        return [`![${md(b.chart.alt)}](${encodeURI(path)})`, "", `*${md(b.chart.title)}*`, ...(legend ? ["", legend] : [])].join("\n");
      }
    }
  };
  for (const s of doc.sections) {
    out.push(`## ${md(s.title)}`, "");
    if (s.id === "charts") out.push(options.chartsDir === null ? `> ${md(options.omittedNote)}` : md(options.savedNote), "");
    for (const b of s.blocks) out.push(block(b), "");
  }
  return { markdown: out.join("\n").replace(/\n{3,}/g, "\n\n").trimEnd() + "\n", files };
}
