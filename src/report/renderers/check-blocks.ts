// Document blocks shared by the check and unknowns renderers (terminal and Markdown): what to say, in
// which order, with every figure formatted exactly. Pure; no colour, no escaping (the renderers do it).
import { Rational } from "../../exact/rational.js";
import type { Lang } from "../../i18n/lang.js";
import { checkDiagnosticMessage, tc } from "../../i18n/check.js";
import { lineOf } from "../../i18n/messages.js";
import type { Diagnostic } from "../../domain/types.js";
import { formatDecimal } from "../format.js";
import type { CheckModel, ConflictJson, ExplanationJson, FigureRef, FigureRow, RangeJson } from "../check-model.js";
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

/**
 * Which table layout: "report" (the 8 columns section 6 of the report reads by position: offer, item,
 * published, recomputed, difference, tolerance, result, source), "terminal" (about 100 columns: offer
 * and item in one cell, no tolerance column — the prose states it —, the source file named once below
 * the table and only line [column] per row, occulted intervals at the published decimals), "markdown"
 * (separate offer and item, full source, exact intervals, no tolerance column).
 */
export type CheckLayout = "report" | "terminal" | "markdown";

export function checkBlocks(model: CheckModel, lang: Lang, layout: CheckLayout = "report"): Block[] {
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
  blocks.push(...figuresTable(model, lang, layout));
  const bad = model.figures.filter((f) => f.status === "disagrees" || f.status === "impossible");
  if (bad.length > 0) {
    blocks.push({ kind: "heading", level: 2, text: tc(lang, "discrepancies") });
    for (const f of bad) {
      blocks.push({ kind: "para", text: discrepancyText(f, lang), tone: "bad" });
      if (f.status === "disagrees") {
        const items = f.explanations.map((e) => explanationText(e, lang, f.decimals ?? 0));
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

/** Decimals of a short exact decimal string ("34.5" → 1). */
function decimalsOf(short: string): number {
  return short.includes(".") ? short.split(".")[1]!.length : 0;
}

/**
 * An exact value with at least `min` decimals, never rounded: "34.00", "−0.07" (min 1), and beyond 6
 * decimals the first six and the exact fraction, "16.666667… (= 50/3)".
 */
export function showExact(r: Rational, min: number, lang: Lang): string {
  const short = r.toExactDecimal(Math.max(6, min));
  if (short !== null) return formatDecimal(r, Math.max(decimalsOf(short), min), lang);
  return `${formatDecimal(r, Math.max(6, min), lang)}… (= ${r.toString().replace("-", "\u2212")})`;
}

function signed(r: Rational, text: string): string {
  return r.sign() > 0 ? `+${text}` : text;
}

/** Whether `r` is written exactly with `k` decimals. */
function exactAt(r: Rational, k: number): boolean {
  return r.round(k, "down").eq(r);
}

/** A published figure in the output language, with the decimals it was published with. */
function publishedText(value: Fig, decimals: number | null, lang: Lang): string {
  const r = ratOf(value);
  return decimals === null ? showExact(r, 0, lang) : formatDecimal(r, decimals, lang);
}

/** The figures table, and the notes it needs (rounded values, source file). */
function figuresTable(model: CheckModel, lang: Lang, layout: CheckLayout): Block[] {
  let rounded = false;
  let roundedInterval = false;
  const cellsOf = (f: FigureRow): string[] => {
    const c = figureCells(f, lang, layout === "terminal");
    if (c.rounded === "value") rounded = true;
    if (c.rounded === "interval") roundedInterval = true;
    return c.cells;
  };
  const header =
    layout === "report"
      ? [tc(lang, "colOffer"), tc(lang, "colNode"), tc(lang, "colDeclared"), tc(lang, "colRecomputed"), tc(lang, "colDifference"), tc(lang, "colTolerance"), tc(lang, "colStatus"), tc(lang, "colSource")]
      : [];
  const files = [...new Set(model.figures.map((f) => f.sourceFile))];
  const oneFile = files.length === 1;
  if (layout === "markdown") {
    header.push(tc(lang, "colOffer"), tc(lang, "colNode"), tc(lang, "colDeclared"), tc(lang, "colRecomputed"), tc(lang, "colDifference"), tc(lang, "colStatus"), tc(lang, oneFile ? "colLine" : "colSource"));
  }
  if (layout === "terminal") {
    header.push(tc(lang, "colOfferNode"), tc(lang, "colDeclared"), tc(lang, "colRecomputed"), tc(lang, "colDifference"), tc(lang, "colStatus"), tc(lang, oneFile ? "colLine" : "colSource"));
  }
  const rows = model.figures.map((f) => {
    const [offer, node, declared, recomputed, difference, tolerance, status] = cellsOf(f) as [string, string, string, string, string, string, string];
    const cells =
      layout === "report"
        ? [offer, node, declared, recomputed, difference, tolerance, status, f.source]
        : layout === "markdown"
          ? [offer, node, declared, recomputed, difference, status, oneFile ? f.sourceAt : f.source]
          : [`${offer} · ${node}`, declared, recomputed, difference, status, oneFile ? f.sourceAt : `${basename(f.sourceFile)}:${f.sourceAt}`];
    return { cells, tone: f.status === "agrees" ? ("ok" as const) : f.status === "open" ? ("note" as const) : ("bad" as const) };
  });
  const out: Block[] = [{ kind: "table", header, rows }];
  if (rounded) out.push({ kind: "para", text: tc(lang, "roundedNote") });
  if (roundedInterval) out.push({ kind: "para", text: tc(lang, "roundedIntervalNote") });
  if (layout !== "report" && oneFile && files[0] !== undefined) out.push({ kind: "para", text: tc(lang, "sourceNote", { file: files[0] }) });
  return out;
}

function basename(file: string): string {
  return file.replace(/^.*[\\/]/, "");
}

/**
 * The cells offer, item, published, recomputed, difference, tolerance, result of one figure. Published
 * and recomputed use the published decimals; a recomputed value not exact at those decimals is marked
 * "≈" — or, when it would then read the same as a published figure it contradicts, followed by its exact
 * value. The difference is exact, with at least the published decimals. `compact`: occulted intervals
 * rounded outward to the published decimals.
 */
function figureCells(f: FigureRow, lang: Lang, compact: boolean): { cells: string[]; rounded: "value" | "interval" | null } {
  let rounded: "value" | "interval" | null = null;
  const k = f.decimals;
  const published = publishedText(f.declared, f.kind === "rank" ? 0 : k, lang);
  let recomputed: string;
  if (f.kind === "rank") {
    recomputed = f.recomputed ? showFig(f.recomputed, lang) : f.rankRange ? (f.rankRange.best === f.rankRange.worst ? String(f.rankRange.best) : `${f.rankRange.best}–${f.rankRange.worst}`) : tc(lang, "notRanked");
  } else if (f.recomputed) {
    const r = ratOf(f.recomputed);
    if (k === null) recomputed = showExact(r, 0, lang);
    else {
      const shown = formatDecimal(r, k, lang);
      if (exactAt(r, k)) recomputed = shown;
      else if (shown === published && f.status !== "agrees") recomputed = `${shown} (= ${r.isShortDecimal(6) ? showExact(r, k, lang) : r.toString().replace("-", "\u2212")})`;
      else {
        recomputed = `≈${shown}`;
        rounded = "value";
      }
    }
  } else if (f.range) {
    const r = intervalAt(f.range, k, lang, compact);
    recomputed = r.text;
    if (r.widened) rounded = "interval";
  } else recomputed = "—";
  const difference =
    f.difference && f.status !== "open" ? signed(ratOf(f.difference), showExact(ratOf(f.difference), k ?? 0, lang)) : "—";
  const tolerance = f.kind === "rank" ? "0" : showFig(f.tolerance, lang);
  return { cells: [f.offer, nodeName(f.node, lang), published, recomputed, difference, tolerance, tc(lang, `status_${f.status}`)], rounded };
}

/**
 * An occulted interval with the published decimals `k`: as is when both ends are written exactly with
 * `k` decimals; else, `compact`, widened outward to `k` decimals and marked "≈" (it contains the exact
 * interval); else exact, with at least `k` decimals.
 */
function intervalAt(i: IntervalJson, k: number | null, lang: Lang, compact: boolean): { text: string; widened: boolean } {
  const lo = ratOf(i.lo);
  const hi = ratOf(i.hi);
  const min = k ?? 0;
  if (lo.eq(hi) && i.lo.attained && i.hi.attained) return { text: showExact(lo, min, lang), widened: false };
  const open = (a: boolean) => (a ? "[" : "]");
  const close = (a: boolean) => (a ? "]" : "[");
  if (k !== null && exactAt(lo, k) && exactAt(hi, k)) {
    return { text: `${open(i.lo.attained)}${formatDecimal(lo, k, lang)} ; ${formatDecimal(hi, k, lang)}${close(i.hi.attained)}`, widened: false };
  }
  if (compact && k !== null) {
    return { text: `≈[${formatDecimal(lo.round(k, "floor"), k, lang)} ; ${formatDecimal(hi.round(k, "ceil"), k, lang)}]`, widened: true };
  }
  return { text: `${open(i.lo.attained)}${showExact(lo, min, lang)} ; ${showExact(hi, min, lang)}${close(i.hi.attained)}`, widened: false };
}

function discrepancyText(f: FigureRow, lang: Lang): string {
  const k = f.decimals ?? 0;
  const declared = publishedText(f.declared, f.kind === "rank" ? 0 : f.decimals, lang);
  const args = { offer: f.offer, node: nodeName(f.node, lang), declared };
  if (f.status === "impossible") {
    const range = f.range ? showInterval(f.range, lang) : f.rankRange ? `${f.rankRange.best}–${f.rankRange.worst}` : "—";
    return tc(lang, "impossibleLine", { ...args, range });
  }
  return tc(lang, "discrepancy", {
    ...args,
    recomputed: f.recomputed ? showExact(ratOf(f.recomputed), k, lang) : tc(lang, "notRanked"),
    difference: f.difference ? signed(ratOf(f.difference), showExact(ratOf(f.difference), k, lang)) : "—",
  });
}

/** An explanation in words; its values shown exactly with at least `k` decimals (those of the figure). */
export function explanationText(e: ExplanationJson, lang: Lang, k = 0): string {
  const v = (x: Fig) => showExact(ratOf(x), k, lang);
  switch (e.kind) {
    case "rounding-not-applied":
      return tc(lang, "ex_roundingNotApplied", { value: v(e.value) });
    case "rounding-unannounced":
      return tc(lang, "ex_roundingUnannounced", { decimals: e.decimals, value: v(e.value) });
    case "published-rounding":
      return tc(lang, "ex_publishedRounding", { decimals: e.decimals, mode: e.mode, value: v(e.value) });
    case "weights-reading":
      return tc(lang, "ex_weightsReading", { group: e.group, announced: e.announced, used: e.used, value: v(e.value) });
    case "price-method":
      return tc(lang, "ex_priceMethod", { leaf: e.leaf, announced: e.announced, methods: e.methods.join(", "), value: v(e.value) });
    case "sum-mismatch":
      return tc(lang, "ex_sumMismatch", { parts: e.parts.join(" + "), sum: v(e.sum), difference: signed(ratOf(e.difference), v(e.difference)), partsAgree: e.partsAgree ? "yes" : "no" });
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

/** A published figure of a conflict, in the output language with its published decimals. */
function refText(r: FigureRef, lang: Lang): string {
  return publishedText(r.declared, r.decimals, lang);
}

function conflictText(c: ConflictJson, lang: Lang): string {
  switch (c.kind) {
    case "figure":
      return tc(lang, "conflict_figure", { offer: c.figure.offer, node: nodeName(c.figure.node, lang), text: refText(c.figure, lang), source: c.figure.source });
    case "rank-order":
      return tc(lang, "conflict_rankOrder", { above: c.above.offer, aboveRank: refText(c.above, lang), below: c.below.offer, belowRank: refText(c.below, lang) });
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
