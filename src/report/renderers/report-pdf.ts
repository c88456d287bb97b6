// The report as an A4 PDF, built in-process by pdfmake with embedded DejaVu Sans (given as bytes, so
// no file or network access: both are denied to pdfmake). Page numbers "page X / Y", table headers
// repeated on every page, charts as vector SVG. pdfmake is imported lazily: only this path pays for it.
import type { Block, DocTable, ReportDoc } from "../report-doc.js";

export interface PdfRenderOptions {
  fonts: { normal: Uint8Array; bold: Uint8Array; mono: Uint8Array };
  /** Creation and modification date written in the PDF (SOURCE_DATE_EPOCH): the file depends on nothing else. */
  date: Date;
  /** Uncompressed streams make the text greppable (tests); default true. */
  compress?: boolean;
  author?: string;
}

type Node = Record<string, unknown> | string;

interface PdfMakeApi {
  virtualfs: { writeFileSync(name: string, content: Buffer): void };
  setFonts(fonts: Record<string, Record<string, string>>): void;
  setUrlAccessPolicy(cb: (url: string) => boolean): void;
  setLocalAccessPolicy(cb: (path: string) => boolean): void;
  createPdf(doc: Record<string, unknown>): { getBuffer(): Promise<Buffer> };
}

const CONTENT_WIDTH = 515; // A4 (595 pt) minus 2 × 40 pt margins.
const FAMILY = "DejaVuSans";

function tableNode(t: DocTable): Node[] {
  const wide = t.head.length > 6;
  const fontSize = t.head.length > 9 ? 6.5 : wide ? 7.5 : 8.5;
  const header = t.head.map((c, i) => ({ text: c, bold: true, fillColor: "#ECEFF4", alignment: t.align[i] === "right" ? "right" : "left" }));
  const body = t.rows.map((r) =>
    r.cells.map((c, i) => {
      const node: Record<string, unknown> = { text: c.text, alignment: t.align[i] === "right" ? "right" : "left" };
      if (c.flag === "strong" || r.kind === "total") node.bold = true;
      if (c.flag === "diff") Object.assign(node, { bold: true, color: "#B3261E" });
      if (c.flag === "muted" || r.kind === "unranked") node.color = "#5B5B60";
      if (c.indent) node.margin = [c.indent * 8, 0, 0, 0];
      if (r.kind === "winner") node.fillColor = "#E8F1F8";
      else if (r.kind === "group" || r.kind === "total") node.fillColor = "#FAFBFC";
      return node;
    }),
  );
  const widths = t.head.map((_, i) => (i === 0 && !wide ? "*" : "auto"));
  if (wide) widths[0] = "auto";
  const out: Node[] = [
    { text: t.caption, bold: true, margin: [0, 8, 0, 3], fontSize: 9.5, keepWithNext: true },
    {
      table: { headerRows: 1, dontBreakRows: true, widths, body: [header, ...body] },
      layout: { hLineWidth: () => 0.5, vLineWidth: () => 0, hLineColor: () => "#D6D6DC", paddingLeft: () => 3, paddingRight: () => 3, paddingTop: () => 2, paddingBottom: () => 2 },
      fontSize,
    },
  ];
  if (t.notes.length > 0) out.push({ ul: t.notes, fontSize: 7.5, color: "#5B5B60", margin: [0, 3, 0, 6] });
  return out;
}

function blockNodes(b: Block): Node[] {
  switch (b.kind) {
    case "p":
      return [{ text: b.text, margin: [0, 2, 0, 5] }];
    case "verdict":
      return [{ table: { widths: ["*"], body: [[{ text: b.text, margin: [6, 5, 6, 5] }]] }, layout: { hLineWidth: () => 0, vLineWidth: (i: number) => (i === 0 ? 3 : 0), vLineColor: () => "#0B5C96", fillColor: () => "#F4F6F9" }, margin: [0, 2, 0, 8] }];
    case "notice":
      return [{ table: { widths: ["*"], body: [[{ text: b.text, margin: [6, 4, 6, 4] }]] }, layout: { hLineWidth: () => 0, vLineWidth: (i: number) => (i === 0 ? 3 : 0), vLineColor: () => "#C77700", fillColor: () => "#FFF6E5" }, margin: [0, 2, 0, 8] }];
    case "h3":
      return [{ text: b.text, style: "h3", keepWithNext: true }];
    case "list":
      return [{ ul: b.items, margin: [0, 0, 0, 6] }];
    case "table":
      return tableNode(b.table);
    case "kv":
      return [
        {
          table: {
            widths: [130, "*"],
            body: b.rows.map((r) => [{ text: r.key, bold: true, color: "#5B5B60" }, r.mono ? { text: r.value, font: "DejaVuSansMono", fontSize: 7.5 } : { text: r.value }]),
          },
          layout: "noBorders",
          margin: [0, 2, 0, 8],
        },
      ];
    case "chart": {
      const scale = Math.min(1, CONTENT_WIDTH / b.chart.width);
      // One unbreakable stack, so a chart never lands on a page without its title.
      const stack: Node[] = [
        { text: b.chart.title, bold: true, margin: [0, 8, 0, 3] },
        { svg: b.chart.svg, width: b.chart.width * scale, height: b.chart.height * scale, font: FAMILY },
      ];
      if (b.chart.legend.length > 0) stack.push({ ul: b.chart.legend, fontSize: 7.5, color: "#5B5B60", margin: [0, 3, 0, 8] });
      const nodes: Node[] = [{ stack, unbreakable: b.chart.height * scale < 700 }];
      return nodes;
    }
  }
}

export async function renderReportPdf(doc: ReportDoc, options: PdfRenderOptions): Promise<Uint8Array> {
  const pdfmake = ((await import("pdfmake")) as unknown as { default: PdfMakeApi }).default;
  // Fonts come from memory, under their PostScript names: pdfmake reads them from its virtual fs, and
  // its SVG text path asks PDFKit for the same name, which PDFKit then finds among the fonts already
  // embedded (it indexes them by PostScript name) instead of trying to open a file.
  pdfmake.virtualfs.writeFileSync("DejaVuSans", Buffer.from(options.fonts.normal));
  pdfmake.virtualfs.writeFileSync("DejaVuSans-Bold", Buffer.from(options.fonts.bold));
  pdfmake.virtualfs.writeFileSync("DejaVuSansMono", Buffer.from(options.fonts.mono));
  pdfmake.setFonts({
    [FAMILY]: { normal: "DejaVuSans", bold: "DejaVuSans-Bold", italics: "DejaVuSans", bolditalics: "DejaVuSans-Bold" },
    DejaVuSansMono: { normal: "DejaVuSansMono", bold: "DejaVuSansMono", italics: "DejaVuSansMono", bolditalics: "DejaVuSansMono" },
  });
  // pdfmake may open no URL and no local file.
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);

  const content: Node[] = [
    { text: doc.title, style: "h1" },
    { text: doc.subtitle, color: "#5B5B60", margin: [0, 0, 0, 2] },
    { text: doc.dateLine, color: "#5B5B60", margin: [0, 0, 0, 12] },
    { toc: { title: { text: doc.contentsTitle, style: "h2" } } },
  ];
  doc.sections.forEach((s) => {
    content.push({ text: s.title, style: "h2", tocItem: true, pageBreak: "before", id: s.id });
    for (const b of s.blocks) content.push(...blockNodes(b));
  });
  const definition: Record<string, unknown> = {
    pageSize: "A4",
    pageMargins: [40, 46, 40, 46],
    compress: options.compress ?? true,
    info: {
      title: doc.title,
      author: options.author ?? "psc-audit",
      subject: doc.subtitle,
      creator: "psc-audit",
      producer: "psc-audit (pdfmake)",
      creationDate: options.date,
      modDate: options.date,
    },
    defaultStyle: { font: FAMILY, fontSize: 9, lineHeight: 1.2 },
    styles: {
      h1: { fontSize: 16, bold: true, margin: [0, 0, 0, 6] },
      h2: { fontSize: 13, bold: true, color: "#0B5C96", margin: [0, 0, 0, 8] },
      h3: { fontSize: 10.5, bold: true, margin: [0, 8, 0, 4] },
    },
    header: (page: number) => (page === 1 ? "" : { text: doc.title, fontSize: 7, color: "#888888", margin: [40, 20, 40, 0] }),
    footer: (page: number, pages: number) => ({ text: doc.pageLabel(page, pages), alignment: "center", fontSize: 8, color: "#5B5B60", margin: [0, 16, 0, 0] }),
    content,
  };
  const buffer = await pdfmake.createPdf(definition).getBuffer();
  return new Uint8Array(buffer);
}
