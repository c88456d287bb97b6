// The language-specific layout model of the report, shared by the HTML, PDF and Markdown renderers:
// sections of blocks (paragraphs, tables of already formatted cells, charts as SVG). Types only.
import type { Lang } from "../i18n/lang.js";

export const SECTION_IDS = ["summary", "method", "offers", "charts", "sensitivity", "check", "provenance"] as const;
export type SectionId = (typeof SECTION_IDS)[number];

export interface DocCell {
  text: string;
  /** diff: a disagreement to highlight; strong: bold; muted: secondary. */
  flag?: "diff" | "strong" | "muted";
  /** Tree depth, for indented criterion labels. */
  indent?: number;
}

export interface DocRow {
  cells: DocCell[];
  kind: "normal" | "winner" | "unranked" | "group" | "total";
}

export interface DocTable {
  id: string;
  caption: string;
  head: string[];
  align: ("left" | "right")[];
  rows: DocRow[];
  notes: string[];
}

export interface DocChart {
  id: string;
  title: string;
  alt: string;
  svg: string;
  width: number;
  height: number;
  /** Full names of the labels the chart truncates. */
  legend: string[];
}

export type Block =
  | { kind: "p"; text: string }
  | { kind: "verdict"; text: string }
  | { kind: "h3"; text: string }
  | { kind: "list"; items: string[] }
  | { kind: "table"; table: DocTable }
  | { kind: "chart"; chart: DocChart }
  | { kind: "kv"; rows: { key: string; value: string; mono?: boolean }[] }
  | { kind: "notice"; text: string };

export interface DocSection {
  id: SectionId;
  title: string;
  blocks: Block[];
}

export interface ReportDoc {
  lang: Lang;
  title: string;
  subtitle: string;
  dateLine: string;
  contentsTitle: string;
  sections: DocSection[];
  /** "page {page} / {pages}" with the placeholders left for the PDF footer. */
  pageLabel: (page: number, pages: number) => string;
}
