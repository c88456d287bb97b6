// Document blocks shared by the check and unknowns renderers (terminal and Markdown): what to say, in
// which order, with every figure formatted exactly. Pure; no colour, no escaping (the renderers do it).
import { Rational } from "../../exact/rational.js";
import type { Lang } from "../../i18n/lang.js";
import { checkDiagnosticMessage, tc } from "../../i18n/check.js";
import { lineOf } from "../../i18n/messages.js";
import type { Diagnostic } from "../../domain/types.js";
import { formatDecimal } from "../format.js";
import type { CheckModel, ConflictJson, ExplanationJson, FigureRow, RangeJson } from "../check-model.js";
import { ratOf, type Fig, type IntervalJson, type UnknownsModel } from "../unknowns-model.js";

export type Block =
  | { kind: "heading"; level: 1 | 2; text: string }
  | { kind: "para"; text: string; tone?: "ok" | "bad" | "note" }
  | { kind: "list"; items: string[] }
  | { kind: "table"; header: string[]; rows: { cells: string[]; tone?: "ok" | "bad" | "note" }[] };

/** An exact figure for reading: the short decimal itself, else 6 decimals and the exact fraction. */
export function showFig(f: Fig, lang: Lang): string {
  return showRat(ratOf(f), lang);
}

export function showRat(r: Rational, lang: Lang): string {
  const short = r.toExactDecimal(6);
  if (short !== null) return formatDecimal(r, short.includes(".") ? short.split(".")[1]!.length : 0, lang);
  return `${formatDecimal(r, 6, lang)}… (= ${r.toString()})`;
}

function showSigned(f: Fig, lang: Lang): string {
  const r = ratOf(f);
  return r.sign() > 0 ? `+${showRat(r, lang)}` : showRat(r, lang);
}

/** An exact interval "[lo ; hi]" ("]" / "[" for ends not reached); a single value when both ends are equal and reached. */
export function showInterval(i: IntervalJson, lang: Lang): string {
  if (i.lo.attained && i.hi.attained && ratOf(i.lo).eq(ratOf(i.hi))) return showFig(i.lo, lang);
  const lo = `${i.lo.attained ? "[" : "]"}${showFig(i.lo, lang)}`;
  const hi = `${showFig(i.hi, lang)}${i.hi.attained ? "]" : "["}`;
  return `${lo} ; ${hi}`;
}

function nodeName(node: string, lang: Lang): string {
  return node === "total" ? tc(lang, "node_total") : node === "rank" ? tc(lang, "node_rank") : node;
}

export function warningLine(d: Diagnostic, lang: Lang): string {
  const own = checkDiagnosticMessage(d.code, d.args, lang);
  if (own === null) return lineOf(d, lang);
  const where = d.location ? `${d.location.file}${d.location.line ? `:${d.location.line}` : ""}: ` : "";
  return `${where}[${d.code}] ${own}`;
}

export function checkBlocks(model: CheckModel, lang: Lang): Block[] {
  const blocks: Block[] = [{ kind: "heading", level: 1, text: tc(lang, "title") }];
  blocks.push({ kind: "heading", level: 2, text: tc(lang, "inputs") });
  blocks.push({ kind: "list", items: model.inputs.map((i) => `${i.path} — sha256 ${i.sha256}`) });
  blocks.push({ kind: "heading", level: 2, text: tc(lang, "method") });
  blocks.push({ kind: "para", text: tc(lang, "methodText") });
  blocks.push({
    kind: "para",
    text: model.tolerance.mode === "fixed" ? tc(lang, "toleranceFixed", { value: showFig(model.tolerance.value, lang) }) : tc(lang, "toleranceDefault"),
  });
  const tone = model.verdict === "consistent" ? "ok" : model.verdict === "undecided" ? "note" : "bad";
  blocks.push({ kind: "para", text: tc(lang, "summary", { ...model.counts }), tone });
  blocks.push({ kind: "para", text: tc(lang, `verdict_${model.verdict}`), tone });
  blocks.push({
    kind: "table",
    header: [tc(lang, "colOffer"), tc(lang, "colNode"), tc(lang, "colDeclared"), tc(lang, "colRecomputed"), tc(lang, "colDifference"), tc(lang, "colTolerance"), tc(lang, "colStatus"), tc(lang, "colSource")],
    rows: model.figures.map((f) => ({ cells: figureCells(f, lang), tone: f.status === "agrees" ? "ok" : f.status === "open" ? "note" : "bad" })),
  });
  const bad = model.figures.filter((f) => f.status === "disagrees" || f.status === "impossible");
  if (bad.length > 0) {
    blocks.push({ kind: "heading", level: 2, text: tc(lang, "discrepancies") });
    for (const f of bad) {
      blocks.push({ kind: "para", text: discrepancyText(f, lang), tone: "bad" });
      if (f.status === "disagrees") {
        const items = f.explanations.map((e) => explanationText(e, lang));
        blocks.push({ kind: "list", items: items.length > 0 ? items : [tc(lang, "noExplanation")] });
      }
    }
  }
  if (model.unknowns) {
    blocks.push({ kind: "heading", level: 2, text: tc(lang, "unknownsSection") });
    blocks.push(...feasibilityBlocks(model, lang));
    blocks.push(...unknownsBody(model.unknowns, lang));
  }
  if (model.warnings.length > 0) {
    blocks.push({ kind: "heading", level: 2, text: tc(lang, "warnings") });
    blocks.push({ kind: "list", items: model.warnings.map((w) => warningLine(w, lang)) });
  }
  return blocks;
}

function figureCells(f: FigureRow, lang: Lang): string[] {
  const recomputed =
    f.kind === "rank"
      ? f.recomputed ? showFig(f.recomputed, lang) : f.rankRange ? `${f.rankRange.best}–${f.rankRange.worst}` : tc(lang, "notRanked")
      : f.recomputed ? showFig(f.recomputed, lang) : f.range ? showInterval(f.range, lang) : "—";
  return [
    f.offer,
    nodeName(f.node, lang),
    f.declaredText,
    recomputed,
    f.difference && f.status !== "open" ? showSigned(f.difference, lang) : "—",
    f.kind === "rank" ? "0" : showFig(f.tolerance, lang),
    tc(lang, `status_${f.status}`),
    f.source,
  ];
}

function discrepancyText(f: FigureRow, lang: Lang): string {
  const args = { offer: f.offer, node: nodeName(f.node, lang), declared: f.declaredText };
  if (f.status === "impossible") {
    const range = f.range ? showInterval(f.range, lang) : f.rankRange ? `${f.rankRange.best}–${f.rankRange.worst}` : "—";
    return tc(lang, "impossibleLine", { ...args, range });
  }
  return tc(lang, "discrepancy", {
    ...args,
    recomputed: f.recomputed ? showFig(f.recomputed, lang) : tc(lang, "notRanked"),
    difference: f.difference ? showSigned(f.difference, lang) : "—",
  });
}

export function explanationText(e: ExplanationJson, lang: Lang): string {
  switch (e.kind) {
    case "rounding-not-applied":
      return tc(lang, "ex_roundingNotApplied", { value: showFig(e.value, lang) });
    case "rounding-unannounced":
      return tc(lang, "ex_roundingUnannounced", { decimals: e.decimals, value: showFig(e.value, lang) });
    case "published-rounding":
      return tc(lang, "ex_publishedRounding", { decimals: e.decimals, mode: e.mode, value: showFig(e.value, lang) });
    case "weights-reading":
      return tc(lang, "ex_weightsReading", { group: e.group, announced: e.announced, used: e.used, value: showFig(e.value, lang) });
    case "price-method":
      return tc(lang, "ex_priceMethod", { leaf: e.leaf, announced: e.announced, methods: e.methods.join(", "), value: showFig(e.value, lang) });
    case "sum-mismatch":
      return tc(lang, "ex_sumMismatch", { parts: e.parts.join(" + "), sum: showFig(e.sum, lang), difference: showSigned(e.difference, lang), partsAgree: e.partsAgree ? "yes" : "no" });
    case "rank-not-from-totals":
      return tc(lang, "ex_rankNotFromTotals", { implied: e.implied });
    case "rank-from-declared-totals":
      return tc(lang, "ex_rankFromDeclaredTotals", { implied: e.implied });
  }
}

function feasibilityBlocks(model: CheckModel, lang: Lang): Block[] {
  const f = model.feasibility;
  const out: Block[] = [];
  const rangeTable = (ranges: RangeJson[], witness?: RangeJson[]): Block => ({
    kind: "table",
    header: [tc(lang, "colOffer"), tc(lang, "colUnknown"), tc(lang, "colScale"), tc(lang, "colRange"), ...(witness ? [tc(lang, "colWitness")] : [])],
    rows: ranges.map((r, i) => ({
      cells: [r.offer, r.node, `[0 ; ${showFig(r.scale, lang)}]`, `[${showFig(r.min, lang)} ; ${showFig(r.max, lang)}]`, ...(witness ? [showFig(witness[i]!.min, lang)] : [])],
    })),
  });
  switch (f.status) {
    case "not-needed":
      out.push({ kind: "para", text: tc(lang, "feas_notNeeded") });
      break;
    case "feasible":
      out.push({ kind: "para", text: tc(lang, "feas_feasible"), tone: "ok" });
      if (f.relaxedRounding) out.push({ kind: "para", text: tc(lang, "feas_feasibleRelaxed") });
      out.push(rangeTable(f.ranges, f.witness));
      break;
    case "inconsistent":
      out.push({ kind: "para", text: tc(lang, "feas_inconsistent"), tone: "bad" });
      out.push({ kind: "list", items: f.conflict.map((c) => conflictText(c, lang)) });
      break;
    case "not-decided":
      out.push({ kind: "para", text: tc(lang, f.reason === "relative-unknowns" ? "feas_notDecided_relative" : "feas_notDecided_noWitness"), tone: "note" });
      if (f.ranges.length > 0) out.push(rangeTable(f.ranges));
      break;
  }
  return out;
}

function conflictText(c: ConflictJson, lang: Lang): string {
  switch (c.kind) {
    case "figure":
      return tc(lang, "conflict_figure", { offer: c.figure.offer, node: nodeName(c.figure.node, lang), text: c.figure.text, source: c.figure.source });
    case "rank-order":
      return tc(lang, "conflict_rankOrder", { above: c.above.offer, aboveRank: c.above.text, below: c.below.offer, belowRank: c.below.text });
    case "rank-tie":
      return tc(lang, "conflict_rankTie", { a: c.a.offer, b: c.b.offer });
    case "rank-first":
      return tc(lang, "conflict_rankFirst", { first: c.first.offer, other: c.other });
  }
}

/** The interval table, rank method and winner statement (shared by `check` and `score`). */
export function unknownsBody(model: UnknownsModel, lang: Lang): Block[] {
  const pr = model.priceRange;
  const priceRange = pr.hi === null && pr.loOpen ? tc(lang, "priceRangeDefault") : `[${showFig(pr.lo, lang)} ; ${pr.hi ? showFig(pr.hi, lang) : "+∞"}${pr.hi ? "]" : "["}`;
  const out: Block[] = [{ kind: "para", text: tc(lang, "unknownsIntro", { count: model.unknowns.length, priceRange }) }];
  out.push({
    kind: "table",
    header: [tc(lang, "colOffer"), tc(lang, "colTotalRange"), tc(lang, "colRanks")],
    rows: model.offers.map((o) => ({
      cells: [o.id, showInterval(o.total, lang), o.bestRank === null ? tc(lang, "notRanked") : o.bestRank === o.worstRank ? String(o.bestRank) : `${o.bestRank}–${o.worstRank}`],
      tone: o.hasUnknowns ? "note" : undefined,
    })),
  });
  if (model.offers.some((o) => !o.total.lo.attained || !o.total.hi.attained)) out.push({ kind: "para", text: `] [ : ${tc(lang, "notAttained")}` });
  out.push({ kind: "para", text: tc(lang, model.rankMethod === "exact" ? "rankExact" : "rankSuperset") });
  const w = model.winner;
  const text =
    w.status === "certain"
      ? tc(lang, "winnerCertain", { offer: w.offer ?? "" })
      : tc(lang, w.status === "depends" ? "winnerDepends" : "winnerUndetermined", { offers: w.possible.join(", ") });
  out.push({ kind: "para", text, tone: w.status === "certain" ? "ok" : "note" });
  return out;
}

/** Blocks of the `score` output when values are unknown. */
export function unknownsBlocks(model: UnknownsModel, lang: Lang): Block[] {
  const blocks: Block[] = [{ kind: "heading", level: 1, text: tc(lang, "titleUnknowns") }];
  blocks.push({ kind: "heading", level: 2, text: tc(lang, "inputs") });
  blocks.push({ kind: "list", items: model.inputs.map((i) => `${i.path} — sha256 ${i.sha256}`) });
  blocks.push(...unknownsBody(model, lang));
  if (model.warnings.length > 0) {
    blocks.push({ kind: "heading", level: 2, text: tc(lang, "warnings") });
    blocks.push({ kind: "list", items: model.warnings.map((w) => warningLine(w, lang)) });
  }
  return blocks;
}
