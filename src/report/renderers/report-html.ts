// The report as one self-contained HTML file: no external resource (a CSP forbids any), responsive
// tables in horizontal scroll containers, inline SVG charts, and an A4 print stylesheet. Every text
// from the input files is escaped. Pure: document in, string out.
import type { Block, DocRow, DocTable, ReportDoc } from "../report-doc.js";
import { escapeHtml as h } from "../text-safety.js";

const CSS = `
:root{--ink:#1d1d1f;--muted:#5b5b60;--line:#d6d6dc;--band:#f4f6f9;--accent:#0b5c96;--diff:#b3261e;--win:#e8f1f8}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font-family:"DejaVu Sans",Verdana,"Segoe UI",Arial,sans-serif;color:var(--ink);line-height:1.45;font-size:15px;background:#fff}
header,main,nav{max-width:1100px;margin:0 auto;padding:0 16px}
header{padding-top:24px;border-bottom:2px solid var(--accent)}
h1{font-size:1.5em;margin:0 0 .3em}
h2{font-size:1.25em;margin:1.6em 0 .6em;padding-bottom:.2em;border-bottom:1px solid var(--line);color:var(--accent)}
h3{font-size:1.05em;margin:1.3em 0 .4em}
.sub,.date{color:var(--muted);margin:.2em 0;overflow-wrap:anywhere}
nav ul{list-style:none;padding-left:0;margin:.8em 0}
nav a{color:var(--accent)}
p,li{max-width:75ch}
.verdict{background:var(--band);border-left:4px solid var(--accent);padding:.7em 1em;max-width:none}
.notice{background:#fff6e5;border-left:4px solid #c77700;padding:.6em 1em;max-width:none}
dl.kv{display:grid;grid-template-columns:minmax(9em,max-content) 1fr;gap:.3em 1em;margin:.6em 0}
dl.kv dt{font-weight:bold;color:var(--muted)}
dl.kv dd{margin:0;overflow-wrap:anywhere}
.mono{font-family:"DejaVu Sans Mono",Menlo,Consolas,monospace;font-size:.88em;overflow-wrap:anywhere}
.scroll{overflow-x:auto;-webkit-overflow-scrolling:touch;margin:.6em 0 1.2em;border:1px solid var(--line);border-radius:4px}
table{border-collapse:collapse;width:100%;font-size:.9em}
caption{caption-side:top;text-align:left;font-weight:bold;padding:.5em .6em;background:var(--band)}
th,td{padding:.35em .6em;border-bottom:1px solid var(--line);vertical-align:top}
th{background:#eceff4;text-align:left;white-space:nowrap;position:sticky;top:0}
td.r,th.r{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
tr.group td{background:#fafbfc}
td:first-child{min-width:9em}
tr.total td{border-top:2px solid var(--ink);background:#fafbfc}
tr.winner td{background:var(--win)}
tr.unranked td{color:var(--muted)}
.strong{font-weight:bold}
.diff{font-weight:bold;color:var(--diff)}
.muted{color:var(--muted)}
.d1{padding-left:1.6em}.d2{padding-left:2.6em}.d3{padding-left:3.6em}.d4{padding-left:4.6em}.d5{padding-left:5.6em}
.notes{font-size:.85em;color:var(--muted);margin:-.8em 0 1.2em;padding-left:1.2em}
figure{margin:1em 0 1.6em}
figure svg{max-width:100%;height:auto;display:block}
figcaption{font-weight:bold;margin-bottom:.4em}
.legend{font-size:.85em;color:var(--muted);columns:2 18em;padding-left:1.2em;margin:.4em 0 0}
footer{max-width:1100px;margin:2em auto;padding:0 16px;color:var(--muted);font-size:.85em}
@media (max-width:600px){body{font-size:14px}dl.kv{grid-template-columns:1fr}dl.kv dd{margin-bottom:.4em}th,td{padding:.3em .4em}.legend{columns:1}}
@page{size:A4;margin:14mm 12mm 16mm}
@media print{
body{font-size:9.5pt}
header,main,nav,footer{max-width:none;padding:0}
section{break-before:page}
section#summary{break-before:auto}
h2,h3,caption{break-after:avoid}
.scroll{overflow:visible;border:none}
thead{display:table-header-group}
tr{break-inside:avoid}
th{position:static}
figure{break-inside:avoid}
a{color:inherit;text-decoration:none}
}`;

function cellClass(align: "left" | "right", cell: DocRow["cells"][number]): string {
  const cls: string[] = [];
  if (align === "right") cls.push("r");
  if (cell.flag) cls.push(cell.flag);
  if (cell.indent) cls.push(`d${Math.min(5, cell.indent)}`);
  return cls.length > 0 ? ` class="${cls.join(" ")}"` : "";
}

function table(t: DocTable): string {
  const head = t.head.map((c, i) => `<th scope="col"${t.align[i] === "right" ? ` class="r"` : ""}>${h(c)}</th>`).join("");
  const rows = t.rows
    .map((r) => {
      const cls = r.kind === "normal" ? "" : ` class="${r.kind}"`;
      return `<tr${cls}>${r.cells.map((c, i) => `<td${cellClass(t.align[i] ?? "left", c)}>${h(c.text)}</td>`).join("")}</tr>`;
    })
    .join("\n");
  const notes = t.notes.length > 0 ? `\n<ul class="notes">${t.notes.map((n) => `<li>${h(n)}</li>`).join("")}</ul>` : "";
  return `<div class="scroll"><table id="${h(t.id)}"><caption>${h(t.caption)}</caption>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${rows}\n</tbody></table></div>${notes}`;
}

function block(b: Block): string {
  switch (b.kind) {
    case "p":
      return `<p>${h(b.text)}</p>`;
    case "verdict":
      return `<p class="verdict">${h(b.text)}</p>`;
    case "notice":
      return `<p class="notice">${h(b.text)}</p>`;
    case "h3":
      return `<h3>${h(b.text)}</h3>`;
    case "list":
      return `<ul>${b.items.map((i) => `<li>${h(i)}</li>`).join("\n")}</ul>`;
    case "table":
      return table(b.table);
    case "kv":
      return `<dl class="kv">${b.rows.map((r) => `<dt>${h(r.key)}</dt><dd${r.mono ? ` class="mono"` : ""}>${r.value.split("\n").map(h).join("<br>")}</dd>`).join("\n")}</dl>`;
    case "chart": {
      const legend = b.chart.legend.length > 0 ? `<ul class="legend">${b.chart.legend.map((l) => `<li>${h(l)}</li>`).join("")}</ul>` : "";
      // The SVG is built by our chart code with every label escaped; it is inserted as markup.
      return `<figure id="${h(b.chart.id)}" aria-label="${h(b.chart.alt)}"><figcaption>${h(b.chart.title)}</figcaption>\n${b.chart.svg}\n${legend}</figure>`;
    }
  }
}

export function renderReportHtml(doc: ReportDoc): string {
  const nav = doc.sections.map((s) => `<li><a href="#${s.id}">${h(s.title)}</a></li>`).join("");
  const sections = doc.sections
    .map((s) => `<section id="${s.id}">\n<h2>${h(s.title)}</h2>\n${s.blocks.map(block).join("\n")}\n</section>`)
    .join("\n");
  return `<!DOCTYPE html>
<html lang="${doc.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${h(doc.title)}</title>
<style>${CSS}
</style>
</head>
<body>
<header>
<h1>${h(doc.title)}</h1>
<p class="sub">${h(doc.subtitle)}</p>
<p class="date">${h(doc.dateLine)}</p>
</header>
<nav aria-label="${h(doc.contentsTitle)}"><h2>${h(doc.contentsTitle)}</h2><ul>${nav}</ul></nav>
<main>
${sections}
</main>
<footer>${h(doc.subtitle)} · ${h(doc.dateLine)}</footer>
</body>
</html>
`;
}
