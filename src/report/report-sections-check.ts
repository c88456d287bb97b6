// Section 6 of the report: the check of the published figures (the `psc-audit check` model, with its
// verified explanations and, with occulted values, the joint feasibility) and the unknown-values analysis
// (intervals, possible ranks, is the winner certain). The words and blocks are those of the check
// renderers (renderers/check-blocks.ts), turned into report blocks. Pure.
import type { Lang } from "../i18n/lang.js";
import { tc } from "../i18n/check.js";
import { rt } from "../i18n/report.js";
import type { Block, DocRow, DocSection } from "./report-doc.js";
import type { ReportModel } from "./report-model.js";
import type { Figures } from "./report-sections.js";
import { checkBlocks, unknownsBody, type Block as CheckBlock } from "./renderers/check-blocks.js";
import type { CheckModel } from "./check-model.js";
import { readableFractions } from "./report-sections-sensitivity.js";

/** Figure rows shown in full up to this many; beyond, only those that do not agree. */
const MAX_FIGURE_ROWS = 60;

function isNumeric(text: string): boolean {
  return /^[\s[\]+\u2212−\d.,\u202F;–…=()/-]+$/.test(text) && /\d/.test(text);
}

/** Check-renderer blocks → report blocks: headings become h3, "bad" paragraphs notices, rows flagged. */
function convert(blocks: CheckBlock[], idPrefix: string, lang: Lang): Block[] {
  const out: Block[] = [];
  let tables = 0;
  for (const b of blocks) {
    switch (b.kind) {
      case "heading":
        out.push({ kind: "h3", text: b.text });
        break;
      case "para":
        out.push(b.tone === "bad" || b.tone === "note" ? { kind: "notice", text: readableFractions(b.text) } : { kind: "p", text: readableFractions(b.text) });
        break;
      case "list":
        out.push({ kind: "list", items: b.items.map(readableFractions) });
        break;
      case "table": {
        tables++;
        const figures = b.header.length === 8;
        let rows = b.rows;
        const notes: string[] = [];
        if (figures && rows.length > MAX_FIGURE_ROWS) {
          const bad = rows.filter((r) => r.tone !== "ok");
          notes.push(rt(lang, "k_agreeingOmitted", { shown: bad.length, total: rows.length }));
          rows = bad;
        }
        const align = b.header.map((_, i) => (b.rows.length > 0 && b.rows.every((r) => r.cells[i] === undefined || r.cells[i] === "" || r.cells[i] === "—" || isNumeric(r.cells[i]!)) ? ("right" as const) : ("left" as const)));
        out.push({
          kind: "table",
          table: {
            id: `${idPrefix}-${tables}`,
            caption: figures ? rt(lang, "k_declaredTitle") : b.header.length === 3 ? rt(lang, "k_intervalsTitle") : rt(lang, "k_rangesTitle"),
            head: b.header,
            align,
            rows: rows.map(
              (r): DocRow => ({
                kind: "normal",
                cells: r.cells.map((raw, i) => {
                  // Sources as file:line (the folder is in section 7); fractions too long to read dropped.
                  const text = figures && i === 7 ? raw.replace(/^.*[\\/]/, "") : readableFractions(raw);
                  // The figures table: difference (4) and result (6) in red when the figure does not agree.
                  if (figures && r.tone === "bad" && (i === 4 || i === 6)) return { text, flag: "diff" as const };
                  if (figures && i === 7) return { text, flag: "muted" as const };
                  if (i === 0) return { text, flag: "strong" as const };
                  return { text };
                }),
              }),
            ),
            notes,
          },
        });
        break;
      }
    }
  }
  return out;
}

/** The check model's blocks without its own title and list of inputs (section 7 has them). */
function checkReportBlocks(model: CheckModel, lang: Lang): CheckBlock[] {
  const all = checkBlocks(model, lang);
  const out: CheckBlock[] = [];
  const inputs = tc(lang, "inputs");
  const warnings = tc(lang, "warnings");
  for (let i = 0; i < all.length; i++) {
    const b = all[i]!;
    if (b.kind === "heading" && b.level === 1) continue;
    if (b.kind === "heading" && (b.text === inputs || b.text === warnings)) {
      i++; // and its list
      continue;
    }
    out.push(b);
  }
  return out;
}

export function checkSection(model: ReportModel, f: Figures): DocSection {
  const { lang } = f;
  const blocks: Block[] = [];
  const check = model.check.status === "computed" ? model.check.model : null;
  const unknowns = model.unknowns.status === "computed" ? model.unknowns.model : null;
  if (check) {
    blocks.push({ kind: "p", text: rt(lang, "k_intro") });
    blocks.push(...convert(checkReportBlocks(check, lang), "check", lang));
  } else blocks.push({ kind: "p", text: rt(lang, "k_none") });
  // The check model carries the unknowns analysis itself when it has occulted values; otherwise show it here.
  if (unknowns && !(check && check.unknowns)) {
    blocks.push({ kind: "h3", text: tc(lang, "unknownsSection") });
    blocks.push(...convert(unknownsBody(unknowns, lang), "unknowns", lang));
  }
  if (!unknowns && !(check && check.unknowns)) blocks.push({ kind: "p", text: rt(lang, "k_noUnknowns") });
  return { id: "check", title: rt(lang, "sec_check"), blocks };
}
