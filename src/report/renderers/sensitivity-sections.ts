// The sensitivity report as neutral sections (titles, sentences, tables of strings), shared by the
// terminal and Markdown renderers. Numbers are formatted here once, per language. Pure.
import { Rational } from "../../exact/rational.js";
import type { Lang } from "../../i18n/lang.js";
import { rt } from "../../i18n/report.js";
import { lineOf } from "../../i18n/messages.js";
import { sensitivityMessage, ts, type SensitivityKey } from "../../i18n/sensitivity.js";
import type { FailOnResult } from "../../sensitivity/fail-on.js";
import { compareThresholdSize, type ScoreThreshold } from "../../sensitivity/score-threshold.js";
import type { StabilityInterval, StabilityRange } from "../../sensitivity/stability.js";
import { formatDecimal, formatPercent } from "../format.js";
import { internalsOf, type SensitivityModel } from "../sensitivity-model.js";

/** Emphasis of a report cell (the terminal and Markdown renderers ignore it). */
export type CellFlag = "diff" | "strong" | "muted";
/** Kind of a report row (a group heading, the winner, or a plain row). */
export type RowKind = "normal" | "group" | "winner";

export interface SectionTable {
  header: string[];
  rows: string[][];
  /** Columns aligned right (numbers). */
  numeric: number[];
  /** Report only: anchor, caption, notes under the table, and per row its kind, first-cell indent and cell flags. */
  id?: string;
  caption?: string;
  notes?: string[];
  meta?: { kind: RowKind; indent: number; flags: (CellFlag | undefined)[] }[];
}

export type SectionKey = "occulted" | "stability" | "minChange" | "score" | "methods" | "reversal" | "effective" | "smaa" | "failOn";

export interface Section {
  key: SectionKey;
  title: string;
  /** Sentences before the tables (context needed to read them). */
  intro?: string[];
  /** Highlighted sentences before the tables (report only). */
  introAlerts?: string[];
  /** Plain sentences after the tables; "- " starts a bullet. */
  lines: string[];
  tables: SectionTable[];
  /** Sentences to highlight (a verdict against robustness). */
  alerts: string[];
}

/**
 * Who reads the sections. The terminal and Markdown of `psc-audit sensitivity` (the defaults) show every
 * row with the short exact values; the report (section 5) caps long tables at `maxRows` with a note,
 * labels criteria ("id — label"), keeps the unreachable thresholds with their reason, quotes the
 * `sentenceCap` stability bounds nearest to the current weights, drops fractions too long to read and
 * numbers its titles 5.1 … 5.7.
 */
export interface SectionOptions {
  audience: "terminal" | "report";
  maxRows?: number;
  labelCells?: boolean;
  keepUnreachable?: boolean;
  sentenceCap?: number;
  readable?: boolean;
}

const TERMINAL: SectionOptions = { audience: "terminal" };

/**
 * Drop an exact fraction too long to read ("(57224845445/4529330285338)"): the rounded decimal stays,
 * the fraction is in the JSON. Short ones ("(13/18)") stay beside their decimal.
 */
export function readableFractions(text: string): string {
  return text.replace(/ \(=? ?[-−]?\d+\/\d+\)/g, (m, offset: number) => (m.length <= 13 ? m : /\d/.test(text.charAt(offset - 1)) ? "…" : ""));
}

/** An exact value: the short decimal, or 4 decimals followed by the fraction. */
export function exactText(r: Rational, lang: Lang, decimals = 4): string {
  const short = r.toExactDecimal(decimals);
  if (short !== null) return formatDecimal(r, (short.split(".")[1] ?? "").length, lang);
  return `${formatDecimal(r, decimals, lang)} (${fractionText(r)})`;
}

/** An exact fraction for display: "−50/3" with U+2212 (never the ASCII hyphen). */
export function fractionText(r: Rational): string {
  return r.toString().replace(/^-/, "\u2212");
}

/** A share as a percentage, with the exact fraction when the percentage is not a short decimal. */
export function shareText(r: Rational, lang: Lang): string {
  const pct = r.mul(Rational.of(100));
  const short = pct.toExactDecimal(2);
  return short !== null ? formatPercent(r, lang, (short.split(".")[1] ?? "").length) : `${formatPercent(r, lang, 2)} (${fractionText(r)})`;
}

/** Longest fraction shown in a table cell; longer ones are left to the sentences and to JSON. */
const CELL_FRACTION_CHARS = 9;

/** A share for a table cell: the fraction only when short ("66.67% (2/3)"), else "≈56.16%". */
export function shareCell(r: Rational, lang: Lang): string {
  const full = shareText(r, lang);
  const m = /\(([^)]*)\)$/.exec(full);
  if (!m || m[1]!.length <= CELL_FRACTION_CHARS) return full;
  return `≈${formatPercent(r, lang, 2)}`;
}

/** An exact value for a table cell: as exactText, "≈" and the decimal when the fraction is long. */
export function exactCell(r: Rational, lang: Lang, decimals = 4): string {
  const full = exactText(r, lang, decimals);
  const m = /\(([^)]*)\)$/.exec(full);
  if (!m || m[1]!.length <= CELL_FRACTION_CHARS) return full;
  return `≈${formatDecimal(r, decimals, lang)}`;
}

/** The number formats of one audience: `readable` drops long fractions, else cells say "≈". */
function formatsOf(lang: Lang, opts: SectionOptions) {
  const rd = opts.readable ? readableFractions : (t: string) => t;
  return {
    exact: (r: Rational, d = 4) => rd(exactText(r, lang, d)),
    share: (r: Rational) => rd(shareText(r, lang)),
    cell: (r: Rational, d = 4) => (opts.readable ? readableFractions(exactText(r, lang, d)) : exactCell(r, lang, d)),
  };
}

/** A table from rows of cells; per-row kind, indent and flags kept only when the report asks for them. */
type Cell = string | { text: string; flag?: CellFlag | undefined; indent?: number };
function tableOf(base: Omit<SectionTable, "rows" | "meta">, rows: { cells: Cell[]; kind?: RowKind }[], withMeta: boolean): SectionTable {
  const text = (c: Cell) => (typeof c === "string" ? c : c.text);
  const t: SectionTable = { ...base, rows: rows.map((r) => r.cells.map(text)) };
  if (withMeta) {
    t.meta = rows.map((r) => ({
      kind: r.kind ?? "normal",
      indent: typeof r.cells[0] === "object" ? (r.cells[0].indent ?? 0) : 0,
      flags: r.cells.map((c) => (typeof c === "object" ? c.flag : undefined)),
    }));
  }
  return t;
}

/** "k rows shown out of n" under a capped report table. */
const omittedNote = (lang: Lang, shown: number, total: number): string[] => (shown < total ? [rt(lang, "s_rowsOmitted", { shown, total })] : []);

const pairText = (p: readonly [string, string]): string => `${p[0]}–${p[1]}`;

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** A section title: the report's numbered one (5.1 …), or the command's, marked as a bound when the figures depend on occulted values. */
function titleOf(model: SensitivityModel, lang: Lang, opts: SectionOptions, key: "s1" | "s2" | "s3" | "s4" | "s5" | "s6" | "s7"): string {
  if (opts.audience === "report") return rt(lang, REPORT_TITLES[key]);
  const occ = internalsOf(model).occulted;
  const bound = key === "s1" || key === "s2" || key === "s3" || key === "s7";
  return bound && occ && !occ.awardDepends ? ts(lang, "sectionBound", { title: ts(lang, key) }) : ts(lang, key);
}
const REPORT_TITLES = { s1: "s5_stability", s2: "s5_minChange", s3: "s5_score", s4: "s5_methods", s5: "s5_reversal", s6: "s5_effective", s7: "s5_smaa" } as const;

/** What the weight analyses can claim when the weights are only an order or the middle of ranges. */
function weightBasisLines(model: SensitivityModel, lang: Lang): string[] {
  const b = internalsOf(model).analysis.weightBasis;
  if (b.kind === "order") {
    const order = [...b.order].sort((x, y) => x.rank - y.rank || (x.criterion < y.criterion ? -1 : 1)).map((o) => `${o.criterion} ${o.rank}`).join(", ");
    return [ts(lang, "weightsOrder", { order })];
  }
  if (b.kind === "mid") return [ts(lang, "weightsMid")];
  return [];
}

/** A share for a narrow cell: the percentage when it is a short decimal, else "≈" and 2 decimals (exact in the sentences and JSON). */
function shareNarrow(r: Rational, lang: Lang): string {
  return r.mul(Rational.of(100)).toExactDecimal(2) !== null ? shareText(r, lang) : `≈${formatPercent(r, lang, 2)}`;
}

/** An interval with the offers tying at each end beside it: "M2–M1 [≈35,10 % ; ≈55,20 %] M3–M2". */
function boundCell(r: StabilityRange, lang: Lang): string {
  const lo = r.lowerPairs.map(pairText).join(", ");
  const hi = r.upperPairs.map(pairText).join(", ");
  return `${lo ? `${lo} ` : ""}[${shareNarrow(r.lower, lang)} ; ${shareNarrow(r.upper, lang)}]${hi ? ` ${hi}` : ""}`;
}

/** The pairs tying at the low and the high bound ("—" for an end of the axis without a tie). */
function pairsText(r: StabilityRange): string {
  const one = (ps: readonly (readonly [string, string])[]): string => (ps.length === 0 ? "—" : ps.map((p) => `${p[0]} = ${p[1]}`).join(", "));
  return `${one(r.lowerPairs)} / ${one(r.upperPairs)}`;
}

/** Criterion cell: "id — label" (report) or the id indented by its depth (terminal). */
function criterionCell(id: string, depth: number, label: (id: string) => string, opts: SectionOptions): Cell {
  return opts.labelCells ? { text: `${id} — ${label(id)}`, flag: depth === 0 ? "strong" : undefined, indent: depth } : `${"  ".repeat(depth)}${id}`;
}

function stabilitySection(model: SensitivityModel, lang: Lang, opts: SectionOptions): Section {
  const { analysis, tender } = internalsOf(model);
  const label = (id: string) => tender.criteria.byId.get(id)?.label ?? id;
  const leaves = new Set(analysis.model.leaves);
  const title = titleOf(model, lang, opts, "s1");
  if (opts.audience === "report") {
    const fm = formatsOf(lang, opts);
    const range = (r: StabilityRange) => rt(lang, "rangeText", { lower: fm.share(r.lower), upper: fm.share(r.upper) });
    const table = tableOf(
      {
        id: "stability",
        caption: rt(lang, "s_stabilityTitle"),
        header: [rt(lang, "col_criterion"), rt(lang, "col_convention"), rt(lang, "col_current"), rt(lang, "col_winnerRange"), rt(lang, "col_tiesLowHigh"), rt(lang, "col_rankingRange")],
        numeric: [2, 3, 5],
        notes: [rt(lang, "s_stabilityNote")],
      },
      analysis.stability.map((s) => ({
        cells: [
          criterionCell(s.criterion, s.level, label, opts),
          rt(lang, s.convention === "local" ? "conv_local" : "conv_global"),
          `${fm.share(s.weight)} (${rt(lang, "pointsText", { points: fm.exact(s.weightPoints) })})`,
          s.note ? rt(lang, "onlyChild") : range(s.winner),
          s.note ? "" : pairsText(s.winner),
          s.note ? "" : range(s.ranking),
        ],
        kind: s.level === 0 && s.convention === "local" ? "group" : "normal",
      })),
      true,
    );
    // The lawyer's sentences: top-level criteria (local) and leaves (global); the nearest bounds first.
    const sentences: { d: Rational; text: string }[] = [];
    for (const s of analysis.stability) {
      const wanted = s.level === 0 ? s.convention === "local" : leaves.has(s.criterion) && s.convention === "global";
      if (!wanted || s.note) continue;
      const d = Rational.min(s.winner.upper.sub(s.weight), s.weight.sub(s.winner.lower));
      // Both kept conventions measure a share of the total: say so plainly, once.
      for (const text of stabilitySentences(s, label(s.criterion), lang, rt(lang, "conv_shareTotal"))) sentences.push({ d, text: readableFractions(text).replace(/^- /, "") });
    }
    sentences.sort((x, y) => x.d.cmp(y.d));
    const cap = opts.sentenceCap ?? sentences.length;
    const lines = sentences.slice(0, cap).map((s) => `- ${capitalise(s.text)}.`);
    if (sentences.length > cap) lines.push(rt(lang, "s_sentencesOmitted", { shown: cap, total: sentences.length }));
    if (sentences.length === 0) lines.push(rt(lang, "s_noBoundSentence"));
    return { key: "stability", title, intro: [rt(lang, "s_intro")], lines, tables: [table], alerts: [] };
  }
  // A top-level leaf has identical local and global rows (its parent is the whole): one row, "locale = globale".
  const merged = (s: StabilityInterval) => s.level === 0 && leaves.has(s.criterion);
  const rows = analysis.stability
    .filter((s) => !(merged(s) && s.convention === "global"))
    .map((s) => [
      `${"  ".repeat(s.level)}${s.criterion}`,
      merged(s) ? ts(lang, "sameConvention") : ts(lang, s.convention === "local" ? "localShort" : "globalShort"),
      `${shareNarrow(s.weight, lang)} = ${exactCell(s.weightPoints, lang)} pts`,
      s.note ? ts(lang, "onlyChild") : boundCell(s.winner, lang),
      s.note ? "" : boundCell(s.ranking, lang),
    ]);
  const lines: string[] = [];
  // Sentences: the global convention for leaves, the local one for inner nodes (the table has both).
  for (const s of analysis.stability) {
    if ((s.convention === "global") === leaves.has(s.criterion)) lines.push(...stabilitySentences(s, label(s.criterion), lang));
  }
  const rounded = rows.some((r) => r.some((c) => c.includes("≈")));
  return {
    key: "stability",
    title,
    lines: [...weightBasisLines(model, lang), ts(lang, "stabilityCellNote"), ...(rounded ? [ts(lang, "approxNote")] : []), ...lines],
    tables: [
      {
        header: [ts(lang, "criterion"), ts(lang, "conventionShort"), ts(lang, "weight"), ts(lang, "winnerKeptShort"), ts(lang, "rankingKeptShort")],
        rows,
        numeric: [],
      },
    ],
    alerts: [],
  };
}

/** The lawyer's sentences of one interval: one per bound that a pair actually ties at. */
export function stabilitySentences(s: StabilityInterval, label: string, lang: Lang, conventionText?: string): string[] {
  if (s.note) return [];
  const w = s.winner;
  const convention = conventionText ?? ts(lang, s.convention === "local" ? "localShare" : "globalShare");
  const out: string[] = [];
  const pts = (r: Rational) => `${shareText(r, lang)}, ${exactText(r.mul(s.scale), lang)} pts`;
  if (w.lower.eq(w.upper) && w.lowerPair) {
    return [`- ${ts(lang, "sentenceDegenerate", { criterion: label, pair: pairText(w.lowerPair) })}`];
  }
  const atEnd = (r: Rational, pair: readonly [string, string]) =>
    `- ${ts(lang, "sentenceAtEnd", { criterion: label, convention, bound: pts(r), pair: pairText(pair) })}`;
  if (w.upperPair && w.upper.eq(Rational.ONE)) out.push(atEnd(w.upper, w.upperPair));
  else if (w.upperPair) out.push(`- ${ts(lang, "sentenceUpper", { criterion: label, convention, bound: pts(w.upper), pair: pairText(w.upperPair) })}`);
  if (w.lowerPair && w.lower.isZero()) out.push(atEnd(w.lower, w.lowerPair));
  else if (w.lowerPair) out.push(`- ${ts(lang, "sentenceLower", { criterion: label, convention, bound: pts(w.lower), pair: pairText(w.lowerPair) })}`);
  return out;
}

/**
 * The leaf weights a change moves, announced → reached (in points): in leaf order, or the largest
 * moves first (`bySize`); at most `max`, with how many more.
 */
function weightMoves(model: SensitivityModel, reached: readonly Rational[], fmt: (r: Rational) => string, max: number, bySize: boolean): { shown: string[]; more: number } {
  const { analysis } = internalsOf(model);
  const moved = analysis.model.leaves.map((l, j) => ({ l, from: analysis.model.weights[j]!, to: reached[j]! })).filter((m) => !m.from.eq(m.to));
  if (bySize) moved.sort((a, b) => b.to.sub(b.from).abs().cmp(a.to.sub(a.from).abs()));
  return { shown: moved.slice(0, max).map((m) => `${m.l} ${fmt(m.from)} → ${fmt(m.to)}`), more: Math.max(0, moved.length - max) };
}

function minChangeSection(model: SensitivityModel, lang: Lang, opts: SectionOptions): Section {
  const { analysis } = internalsOf(model);
  const mc = analysis.minimalChange;
  const T = analysis.model.totalPoints;
  const leaves = analysis.model.leaves;
  const fm = formatsOf(lang, opts);
  const title = titleOf(model, lang, opts, "s2");
  if (opts.audience === "report") {
    // The reached weights, in leaf order, at most 6 (the rest counted).
    const changed = (reached: readonly Rational[]) => {
      const { shown, more } = weightMoves(model, reached, (r) => fm.exact(r, 2), 6, false);
      return more > 0 ? `${shown.join(", ")}, … (+${more})` : shown.join(", ");
    };
    const intro = [rt(lang, "s_minChangeIntro")];
    const introAlerts: string[] = [];
    if (mc.margin === null) intro.push(ts(lang, "marginNone"));
    else if (mc.margin.distance.isZero()) introAlerts.push(ts(lang, "marginTie"));
    else intro.push(rt(lang, "s_marginSentence", { points: fm.exact(mc.margin.distancePoints), challenger: mc.margin.challenger, weights: changed(mc.margin.weights.map((w) => w.mul(T))) }));
    // The challengers closest to the award (smallest L∞) first, unreachable last.
    const key = (p: (typeof mc.pairs)[number]): Rational | null => (p.linf.status === "ok" ? p.linf.distancePoints : null);
    const pairs = [...mc.pairs].sort((x, y) => {
      const kx = key(x);
      const ky = key(y);
      if (kx === null || ky === null) return kx === null ? (ky === null ? 0 : 1) : -1;
      return kx.cmp(ky);
    });
    const shown = pairs.slice(0, opts.maxRows ?? pairs.length);
    const table = tableOf(
      {
        id: "minimal-change",
        caption: rt(lang, "s_minChangeTitle"),
        header: [rt(lang, "col_challenger"), rt(lang, "col_gap"), rt(lang, "col_l1"), rt(lang, "col_linf"), rt(lang, "col_reached")],
        numeric: [1, 2, 3],
        notes: [ts(lang, "distanceNote"), ...omittedNote(lang, shown.length, pairs.length)],
      },
      shown.map((p) => ({
        cells: [
          { text: p.challenger, flag: "strong" },
          fm.exact(p.gapPoints),
          p.l1.status === "ok" ? fm.exact(p.l1.distancePoints) : rt(lang, "unreachable"),
          p.linf.status === "ok" ? fm.exact(p.linf.distancePoints) : rt(lang, "unreachable"),
          p.linf.status === "ok" ? changed(p.linf.weightsPoints) : "",
        ],
      })),
      true,
    );
    return { key: "minChange", title, intro, introAlerts, lines: [], tables: [table], alerts: [] };
  }
  const weightsText = (ws: Rational[]) => leaves.map((l, j) => `${l} ${exactText(ws[j]!.mul(T), lang, 2)}`).join(", ");
  // The cell lists only the weights that move (announced → reached), the largest MOVES_SHOWN of them.
  const MOVES_SHOWN = 2;
  const movesText = (ws: Rational[]) => {
    const { shown, more } = weightMoves(model, ws.map((w) => w.mul(T)), (r) => exactCell(r, lang, 2), MOVES_SHOWN, true);
    if (more > 0) shown.push(ts(lang, "andMore", { count: more }));
    return shown.join(", ") || "—";
  };
  const rows = mc.pairs.map((p) => [
    p.challenger,
    p.l1.status === "ok" ? exactCell(p.l1.distancePoints, lang) : ts(lang, "unreachable"),
    p.linf.status === "ok" ? exactCell(p.linf.distancePoints, lang) : ts(lang, "unreachable"),
    p.linf.status === "ok" ? movesText(p.linf.weights) : "",
  ]);
  const lines = [...weightBasisLines(model, lang), ts(lang, "distanceNote")];
  if (rows.some((r) => r.some((c) => c.includes("≈")))) lines.push(ts(lang, "approxNote"));
  const alerts: string[] = [];
  if (analysis.model.offers.length <= 1) lines.push(ts(lang, "oneOffer"));
  else if (mc.margin === null) lines.push(ts(lang, "marginNone"));
  else if (mc.margin.distance.isZero()) alerts.push(ts(lang, "marginTie"));
  else {
    lines.push(
      ts(lang, "marginSentence", {
        points: exactText(mc.margin.distancePoints, lang),
        challenger: mc.margin.challenger,
        weights: weightsText(mc.margin.weights),
      }),
    );
  }
  return {
    key: "minChange",
    title,
    lines,
    tables: [{ header: [ts(lang, "challenger"), ts(lang, "l1Short"), ts(lang, "linfShort"), ts(lang, "weightsAt")], rows, numeric: [1, 2] }],
    alerts,
  };
}

/** Thresholds shown per challenger in the human-facing outputs (JSON has them all). */
export const THRESHOLDS_SHOWN = 10;

/** One threshold: leaf, who moves, current value (/ scale), value at the tie, change; with `keepUnreachable`, whether it is reachable and why not. */
function thresholdCells(t: ScoreThreshold, lang: Lang, opts: SectionOptions, label: (id: string) => string): Cell[] {
  const fm = formatsOf(lang, opts);
  const v = (r: Rational) => (t.kind === "price" ? fm.cell(r, 2) : fm.cell(r));
  let atTie: string;
  if (t.target !== null) atTie = t.jump ? ts(lang, "jump", { value: v(t.target) }) : v(t.target);
  else if (t.bracket) atTie = ts(lang, "bracket", { lower: formatDecimal(t.bracket.lower, 6, lang), upper: formatDecimal(t.bracket.upper, 6, lang) });
  else atTie = "—";
  const change = t.delta !== null ? (t.delta.sign() > 0 ? "+" : "") + v(t.delta) : "—";
  const cells: Cell[] = [
    opts.labelCells ? `${t.leaf} — ${label(t.leaf)}` : t.leaf,
    ts(lang, t.direction === "raise-challenger" ? "raise" : "lower", { offer: t.mover }),
    v(t.current) + (t.scale ? ` / ${fm.exact(t.scale)}` : ""),
    atTie,
    change,
  ];
  if (opts.keepUnreachable) {
    const reason = t.reason === "above-scale" ? "reason_above" : t.reason === "below-scale" ? "reason_below" : t.reason === "non-positive-price" ? "reason_price" : "reason_none";
    cells.push(t.reachable ? ts(lang, "yes") : { text: `${ts(lang, "no")} (${ts(lang, reason)})`, flag: "muted" });
  }
  return cells;
}

function scoreSection(model: SensitivityModel, lang: Lang, opts: SectionOptions): Section {
  const { analysis, tender } = internalsOf(model);
  const label = (id: string) => tender.criteria.byId.get(id)?.label ?? id;
  const ss = analysis.scoreSensitivity;
  const fm = formatsOf(lang, opts);
  const report = opts.audience === "report";
  const lines: string[] = [];
  const alerts: string[] = [];
  const nm = ss.noteMargin;
  if (nm) {
    const mover = nm.direction === "raise-challenger" ? nm.challenger : ss.winner!;
    const other = nm.direction === "raise-challenger" ? ss.winner! : nm.challenger;
    alerts.push(ts(lang, "noteMargin", { points: fm.exact(nm.points), leaf: label(nm.leaf), scale: fm.exact(nm.scale), mover, from: fm.exact(nm.from), to: fm.exact(nm.to), other }));
  } else if (analysis.model.offers.length > 1 || report) lines.push(ts(lang, "noteMarginNone"));
  const header = [ts(lang, "challenger"), ts(lang, "leaf"), ts(lang, "mover"), ts(lang, "current"), ts(lang, "atTie"), ts(lang, "change")];
  if (opts.keepUnreachable) {
    // Every challenger × leaf × direction, reachable or not; a large tender: the reachable thresholds that ask the least.
    const all = ss.thresholds;
    const max = opts.maxRows ?? all.length;
    const chosen = all.length <= 3 * max ? all : [...all].sort((x, y) => Number(y.reachable) - Number(x.reachable) || compareThresholdSize(x, y)).slice(0, 2 * max);
    const notes = [rt(lang, "s_scoreNote")];
    if (all.some((t) => t.kind === "price")) notes.push(ts(lang, "priceNote"));
    if (chosen.length < all.length) notes.push(rt(lang, "s_thresholdsOmitted", { shown: chosen.length, total: all.length }));
    const table = tableOf(
      {
        id: "score-thresholds",
        caption: rt(lang, "s_scoreTitle"),
        header: [rt(lang, "col_challenger"), rt(lang, "col_criterion"), ts(lang, "mover"), ts(lang, "current"), ts(lang, "atTie"), ts(lang, "change"), ts(lang, "reachable")],
        numeric: [3, 4, 5],
        notes,
      },
      chosen.map((t) => ({ cells: [{ text: t.challenger, flag: "strong" }, ...thresholdCells(t, lang, opts, label)] })),
      report,
    );
    return { key: "score", title: titleOf(model, lang, opts, "s3"), intro: lines, introAlerts: alerts, lines: [], tables: [table], alerts: [] };
  }
  if (analysis.model.offers.length === 1) lines.push(ts(lang, "oneOffer"));
  // Per challenger (rank order), the reachable thresholds, smallest first; the rest only in JSON.
  const challengers = [...new Set(ss.thresholds.map((t) => t.challenger))];
  const rows: string[][] = [];
  const notes: string[] = [];
  const none: string[] = [];
  let hidden = 0;
  for (const c of challengers) {
    const all = ss.thresholds.filter((t) => t.challenger === c);
    const reachable = all.filter((t) => t.reachable);
    hidden += all.length - reachable.length;
    if (reachable.length === 0) {
      none.push(c);
      continue;
    }
    const sorted = [...reachable].sort(compareThresholdSize);
    for (const t of sorted.slice(0, THRESHOLDS_SHOWN)) rows.push([c, ...thresholdCells(t, lang, opts, label).map((x) => (typeof x === "string" ? x : x.text))]);
    if (sorted.length > THRESHOLDS_SHOWN) notes.push(ts(lang, "moreThresholds", { count: sorted.length - THRESHOLDS_SHOWN, offer: c }));
  }
  if (ss.thresholds.length > 0) lines.push(ts(lang, "thresholdsShown", { k: THRESHOLDS_SHOWN, hidden }));
  if (rows.some((r) => r.some((c) => c.includes("≈")))) lines.push(ts(lang, "approxNote"));
  if (none.length > 0) notes.unshift(ts(lang, "noReachable", { offer: none.join(", ") }));
  lines.push(...notes);
  if (ss.thresholds.some((t) => t.kind === "price")) lines.push(ts(lang, "priceNote"));
  return { key: "score", title: titleOf(model, lang, opts, "s3"), lines, tables: [{ header, rows, numeric: [3, 4, 5] }], alerts };
}

function methodsSection(model: SensitivityModel, lang: Lang, opts: SectionOptions): Section {
  const m = model.methods;
  const report = opts.audience === "report";
  // The formula verdict: before the table in the report, after it (with the table's footnote) in the terminal.
  const formula: string[] = [];
  const formulaAlerts: string[] = [];
  if (m.priceLeaves.length === 0) formula.push(ts(lang, "noPriceLeaf"));
  else if (m.formulaDecides) formulaAlerts.push(ts(lang, "formulaDecides"));
  else formula.push(ts(lang, "formulaKeeps"));
  const rounding: string[] = [];
  const alerts: string[] = [];
  if (!m.rounding.applies) rounding.push(ts(lang, "noRounding"));
  else if (m.roundingDecides) alerts.push(ts(lang, "roundingDecides", { rounded: m.rounding.rounded.winners.join(", "), unrounded: m.rounding.unrounded.winners.join(", ") }));
  else {
    rounding.push(ts(lang, "roundingKeeps"));
    if (!m.rounding.sameRanking) alerts.push(ts(lang, "roundingRankingChanges"));
  }
  const formulaCell = (v: (typeof m.variants)[number]) => `${v.formula}${v.isBuyer ? ` ${ts(lang, "buyer")}` : ""}${v.derived ? " *" : ""}${report && v.inexact ? " ≈" : ""}`;
  const title = titleOf(model, lang, opts, "s4");
  if (report) {
    // Variants only (the buyer's formula is the tender as announced), the first four ranks.
    const firsts = (r: { offer: string; rank: number }[]): string => {
      const head = r.slice(0, 4).map((x) => `${x.rank}. ${x.offer}`).join(" · ");
      return r.length > 4 ? `${head} · …` : head;
    };
    const yesNo = (b: boolean): Cell => (b ? ts(lang, "yes") : { text: ts(lang, "no"), flag: "diff" });
    const tables = m.priceLeaves.length
      ? [
          tableOf(
            {
              id: "price-formulas",
              caption: rt(lang, "s_formulasTitle", { leaves: m.priceLeaves.join(", ") }),
              header: [ts(lang, "formula"), ts(lang, "winners"), ts(lang, "sameWinner"), rt(lang, "col_sameRanking"), rt(lang, "col_firstRanks")],
              numeric: [],
              notes: [`* ${ts(lang, "derivedNote")}`, ...(m.variants.some((v) => v.inexact) ? [rt(lang, "inexactMark")] : [])],
            },
            m.variants.map((v) => ({
              cells: [
                { text: formulaCell(v), flag: v.isBuyer ? "strong" : undefined },
                v.skipped ? ts(lang, "skipped", { why: v.skipped }) : v.winners.join(", "),
                v.skipped ? "" : yesNo(v.sameWinner),
                v.skipped ? "" : yesNo(v.sameRanking),
                v.skipped ? "" : firsts(v.ranking),
              ],
              kind: v.isBuyer ? "winner" : "normal",
            })),
            true,
          ),
        ]
      : [];
    return { key: "methods", title, intro: formula, introAlerts: formulaAlerts, lines: rounding, tables, alerts };
  }
  const rankingText = (r: { offer: string; rank: number }[]) => r.map((x) => `${x.rank}. ${x.offer}`).join("  ");
  // The tender as announced first, so that every variant reads against it (mixed formulas included).
  const baselineRow = [ts(lang, "asAnnounced"), m.baseline.winners.join(", "), rankingText(m.baseline.ranking), "—"];
  const variantRows = m.variants.map((v) => [
    formulaCell(v),
    v.skipped ? ts(lang, "skipped", { why: v.skipped }) : v.winners.join(", "),
    v.skipped ? "" : rankingText(v.ranking),
    v.skipped ? "" : v.sameWinner ? ts(lang, "yes") : ts(lang, "no"),
  ]);
  const lines = [...(m.priceLeaves.length ? [`* ${ts(lang, "derivedNote")}`] : []), ...formula, ...rounding];
  return {
    key: "methods",
    title,
    lines,
    tables: m.priceLeaves.length ? [{ header: [ts(lang, "formula"), ts(lang, "winners"), ts(lang, "ranking"), ts(lang, "sameWinner")], rows: [baselineRow, ...variantRows], numeric: [] }] : [],
    alerts: [...formulaAlerts, ...alerts],
  };
}

function reversalSection(model: SensitivityModel, lang: Lang, opts: SectionOptions): Section {
  const rr = model.rankReversal;
  const report = opts.audience === "report";
  const title = titleOf(model, lang, opts, "s5");
  // The report's running text puts a no-break space before a French colon; the terminal a plain one.
  const colon = lang === "fr" ? (report ? "\u00A0: " : " : ") : ": ";
  if (rr.scenarios.length === 0) return { key: "reversal", title, lines: [ts(lang, "noScenario")], tables: [], alerts: [] };
  // Every scenario as one sentence, in the analysis' order. The report highlights those that change
  // something and names the quiet ones together; the verdict is the terminal's highlighted summary.
  const changes: string[] = [];
  const quiet: string[] = [];
  const skipped: string[] = [];
  const lines: string[] = [];
  for (const s of rr.scenarios) {
    const head = ts(lang, s.kind === "withdraw" ? "withdraw" : "readmit", { offer: s.offer });
    if (s.skipped) {
      (report ? skipped : lines).push(`- ${head}${colon}${ts(lang, "skipped", { why: s.skipped })}`);
      continue;
    }
    const parts = s.flips.map((f) => ts(lang, `flip_${f.kind}` as "flip_reversed", { first: f.first, second: f.second }));
    if (s.winnerChanged) parts.push(ts(lang, "winnerChanged", { before: s.winnersBefore.join(", "), after: s.winnersAfter.join(", ") || "—" }));
    const caused = s.changedLeaves.length ? ts(lang, "causedBy", { leaves: s.changedLeaves.join(", ") }) : "";
    if (report) {
      if (parts.length === 0) quiet.push(s.offer);
      else changes.push(`${head}${colon}${parts.join(" ; ")}${caused ? ` (${caused})` : ""}.`);
    } else if (parts.length === 0) lines.push(`- ${head}${colon}${ts(lang, "noFlip")}`);
    else lines.push(`- ${head}${colon}${parts.join(lang === "fr" ? " ; " : "; ")}${caused ? ` — ${caused}` : ""}`);
  }
  if (report) {
    const after = [...(quiet.length > 0 ? [rt(lang, "s_reversalQuiet", { offers: quiet.join(", ") })] : []), ...skipped, ...(rr.anyReversal ? [ts(lang, "reversalSummary")] : [])];
    return { key: "reversal", title, introAlerts: changes, lines: after, tables: [], alerts: [] };
  }
  return { key: "reversal", title, lines, tables: [], alerts: rr.anyReversal ? [ts(lang, "reversalSummary")] : [] };
}

function effectiveSection(model: SensitivityModel, lang: Lang, opts: SectionOptions): Section {
  const { analysis, tender } = internalsOf(model);
  const label = (id: string) => tender.criteria.byId.get(id)?.label ?? id;
  const fm = formatsOf(lang, opts);
  const report = opts.audience === "report";
  const neutral = ts(lang, "neutralNote", { percent: formatPercent(Rational.of(1, 10), lang, 0) });
  const table = tableOf(
    {
      header: [report ? rt(lang, "col_criterion") : ts(lang, "criterion"), ts(lang, "weight"), ts(lang, "spread"), ts(lang, "ratio"), ...(report ? [rt(lang, "col_neutralised")] : [])],
      numeric: [1, 2, 3],
      ...(report ? { id: "effective-weights", caption: rt(lang, "s_effectiveTitle"), notes: [neutral] } : {}),
    },
    analysis.effectiveWeight.rows.map((r) => ({
      cells: [
        criterionCell(r.criterion, r.depth, label, opts),
        fm.exact(r.weight),
        fm.exact(r.spread),
        r.ratio === null ? "—" : fm.share(r.ratio),
        ...(report ? [r.neutralised ? ({ text: ts(lang, "yes"), flag: "diff" } as const) : ({ text: ts(lang, "no"), flag: "muted" } as const)] : []),
      ],
      kind: report && r.depth === 0 ? "group" : "normal",
    })),
    report,
  );
  return { key: "effective", title: titleOf(model, lang, opts, "s6"), lines: report ? [] : [neutral], tables: [table], alerts: [] };
}

function smaaSection(model: SensitivityModel, lang: Lang, opts: SectionOptions): Section {
  const s = model.smaa;
  const title = titleOf(model, lang, opts, "s7");
  if (!s) return { key: "smaa", title, lines: [ts(lang, "smaaSkipped")], tables: [], alerts: [] };
  // The report draws its own tables (first ranks, central weights per top-level criterion, pairwise): report-sections-sensitivity.ts.
  if (opts.audience === "report") return { key: "smaa", title, lines: [], tables: [], alerts: [] };
  const pct = (x: number, d = 1) => formatDecimal(Rational.fromNumber(x * 100), d, lang);
  // Offers in ranking order (the model's order), never Object.keys: integer-like ids would reorder.
  const offers = internalsOf(model).analysis.model.offers.filter((o) => s.rankAcceptability[o]);
  const m = offers.length;
  const header = [ts(lang, "offer"), ...Array.from({ length: m }, (_, r) => `${ts(lang, "acceptability", { rank: r + 1 })} (%)`), `${ts(lang, "confidence")} (%)`];
  const rows = offers.map((o) => [
    o,
    ...s.rankAcceptability[o]!.map((b, r) => `${pct(b)} ± ${pct(s.halfWidth95[o]![r]!)}`),
    s.confidence[o] === null || s.confidence[o] === undefined ? "—" : pct(s.confidence[o]!),
  ]);
  const leaves = internalsOf(model).analysis.model.leaves;
  const cwCell = (o: string, l: string) => (s.centralWeights[o] ? `${pct(s.centralWeights[o]![l]!)} %` : "—");
  // Central weights: one row per offer, or per leaf when there are more leaves than offers (narrower).
  const byLeaf = leaves.length > offers.length;
  const cwTable: SectionTable = byLeaf
    ? { header: [ts(lang, "centralWeights"), ...offers], rows: leaves.map((l) => [l, ...offers.map((o) => cwCell(o, l))]), numeric: offers.map((_, i) => i + 1) }
    : { header: [ts(lang, "centralWeights"), ...leaves], rows: offers.map((o) => [o, ...leaves.map((l) => cwCell(o, l))]), numeric: leaves.map((_, i) => i + 1) };
  const lines = [
    ts(lang, "smaaParams", {
      samples: formatDecimal(Rational.of(s.samples), 0, lang),
      seed: s.seed,
      weights: s.weights,
      method: ts(lang, `method_${s.method}` as SensitivityKey),
      rng: s.rng,
      noise: s.scoreNoise > 0 ? ts(lang, "smaaNoise", { k: s.scoreNoise }) : "",
    }),
    ...(s.precision !== null
      ? [ts(lang, "smaaPrecision", { h: formatDecimal(Rational.fromNumber(s.precision), 4, lang).replace(/0+$/, ""), samples: formatDecimal(Rational.of(s.samples), 0, lang) })]
      : []),
    ts(lang, "smaaColumns", { m, bound: pct(0.98 / Math.sqrt(s.samples), 2) }),
  ];
  const basis = internalsOf(model).analysis.weightBasis;
  if (basis.kind === "order") lines.push(basis.smaaOrdinalDefault ? ts(lang, "smaaOrdinalDefault") : ts(lang, "smaaOrderExplicit", { weights: s.weights }));
  if (basis.kind === "mid" && s.sampler.kind !== "box") lines.push(ts(lang, "smaaMid"));
  const winner = model.winner;
  if (winner && s.rankAcceptability[winner]) lines.push(ts(lang, "winnerAcceptability", { offer: winner, b1: formatPercent(Rational.fromNumber(s.rankAcceptability[winner]![0]!), lang, 2) }));
  return {
    key: "smaa",
    title,
    lines,
    tables: [
      { header, rows, numeric: header.map((_, i) => i).slice(1) },
      cwTable,
    ],
    alerts: [],
  };
}

/** A --fail-on value in the output language: exact margins with their fraction, acceptability in %, oui/non. */
export function failOnValueText(f: FailOnResult, lang: Lang): string {
  if (f.value === null) return f.kind === "winner-margin" || f.kind === "note-margin" ? ts(lang, "failNone") : "—";
  if (f.value === "true" || f.value === "false") return ts(lang, f.value === "true" ? "yes" : "no");
  if (f.kind === "acceptability") return formatPercent(Rational.fromNumber(Number(f.value)), lang, 2);
  const r = Rational.parse(f.value);
  return r === null ? f.value : exactText(r, lang);
}

/**
 * One --fail-on result as a sentence in `lang`: the condition, what it measures and the value
 * ("CONDITION REMPLIE : winner-margin<2 — plus petite modification d'un seul poids (L∞)…, en points du
 * total : 1,4677 (41365/28184)"); unevaluable: "condition non évaluable (…) : SMAA désactivé (--samples 0)".
 * Also the command's stderr lines.
 */
export function failOnMessage(f: FailOnResult, lang: Lang): string {
  if (f.status === "unevaluable") return ts(lang, "failUnevaluable", { condition: f.condition, reason: ts(lang, `why_${f.reason ?? "smaa-skipped"}` as SensitivityKey) });
  const value = ts(lang, "failValue", { measure: ts(lang, `measure_${f.kind}` as SensitivityKey), value: failOnValueText(f, lang) });
  return ts(lang, f.met ? "failMet" : "failNotMet", { condition: f.condition, value });
}

function failOnSection(model: SensitivityModel, lang: Lang): Section | null {
  if (model.failOn.length === 0) return null;
  const lines: string[] = [];
  const alerts: string[] = [];
  for (const f of model.failOn) {
    if (f.status === "not-met") lines.push(failOnMessage(f, lang));
    else alerts.push(failOnMessage(f, lang));
  }
  return { key: "failOn", title: ts(lang, "s8"), lines, tables: [], alerts };
}

/** Section 0 with occulted values: the cells, the scenarios, the exact totals and the robustness intervals. */
function occultedSection(model: SensitivityModel, lang: Lang): Section | null {
  const occ = internalsOf(model).occulted;
  if (!occ) return null;
  const lines: string[] = [];
  const alerts: string[] = [];
  const byOffer = new Map<string, string[]>();
  for (const c of occ.cells) byOffer.set(c.offer, [...(byOffer.get(c.offer) ?? []), c.leaf]);
  lines.push(ts(lang, "occCells", { count: occ.cells.length, list: [...byOffer].map(([o, ls]) => `${o} (${ls.join(", ")})`).join(", ") }));
  const offer = occ.presumedWinner ?? "—";
  if (occ.presumedWinner) lines.push(ts(lang, "occPresumed", { offer, basis: ts(lang, `basis_${occ.presumedWinnerBasis}`) }));
  lines.push(ts(lang, "occScenarios", { offer }));
  if (occ.cells.some((c) => c.kind === "price")) {
    const r = occ.priceRange;
    const lo = r.lo.sign() > 0 ? `[${exactText(r.lo, lang, 2)}` : "]0";
    const hi = r.hi ? `${exactText(r.hi, lang, 2)}]` : "+∞[";
    const isDefault = r.lo.sign() <= 0 && r.hi === null;
    lines.push(ts(lang, "occPriceRange", { range: `${lo} ; ${hi}`, default: isDefault ? ts(lang, "occPriceDefault") : "" }));
  }
  if (occ.standIns) lines.push(ts(lang, "occStandIns"));
  lines.push(occ.monotone ? ts(lang, "occExact") : ts(lang, "occNotExact"));
  // One cell per offer: the exact interval, or the single value when both ends coincide.
  const totalCell = (t: { lo: { value: Rational; attained: boolean }; hi: { value: Rational; attained: boolean } }) => {
    if (t.lo.attained && t.hi.attained && t.lo.value.eq(t.hi.value)) return exactCell(t.lo.value, lang);
    return `${t.lo.attained ? "[" : "]"}${exactCell(t.lo.value, lang)} ; ${exactCell(t.hi.value, lang)}${t.hi.attained ? "]" : "["}`;
  };
  const totals: SectionTable = {
    header: [ts(lang, "offer"), ts(lang, "occTotal"), ts(lang, "occRanks")],
    rows: occ.unknowns.offers
      .filter((o) => o.admitted)
      .map((o) => [o.id, totalCell(o.total), o.bestRank === null ? "—" : o.bestRank === o.worstRank ? String(o.bestRank) : `${o.bestRank}–${o.worstRank}`]),
    numeric: [1],
  };
  const tables: SectionTable[] = [totals];
  if (occ.awardDepends) {
    alerts.push(
      ts(lang, "occDepends", {
        offer,
        worst: occ.scenarioWinners.challengersWorst.join(", ") || "—",
        best: occ.scenarioWinners.challengersBest.join(", ") || "—",
      }),
    );
    return { key: "occulted", title: ts(lang, "s0"), intro: lines, lines: [], tables, alerts };
  }
  const yesNo = (b: boolean) => ts(lang, b ? "yes" : "no");
  const end = (r: Rational | null) => (r === null ? ts(lang, "unreachable") : exactText(r, lang));
  const f = occ.figures;
  const rows: string[][] = [];
  const push = (label: string, b: { low: Rational | null; high: Rational | null; exact: boolean }) => rows.push([label, end(b.low), end(b.high), yesNo(b.exact)]);
  push(ts(lang, "occWinnerMargin"), f.winnerMargin);
  for (const m of f.minimalChange) {
    push(ts(lang, "occGap", { offer: m.challenger }), m.gap);
    push(ts(lang, "occL1", { offer: m.challenger }), m.l1);
    push(ts(lang, "occLinf", { offer: m.challenger }), m.linf);
  }
  push(ts(lang, "occNoteMargin"), f.noteMargin);
  if (f.acceptability.low !== null) {
    const pct = (r: Rational | null) => (r === null ? ts(lang, "occNone") : formatPercent(r, lang, 2));
    rows.push([ts(lang, "occAcceptability", { offer }), pct(f.acceptability.low), pct(f.acceptability.high), yesNo(f.acceptability.exact)]);
  }
  tables.push({ header: [`${ts(lang, "occFigure")} (${ts(lang, "boundLabel")})`, ts(lang, "occLow"), ts(lang, "occHigh"), ts(lang, "occExactCol")], rows, numeric: [1, 2] });
  const range = (r: { lower: Rational; upper: Rational } | null) => (r ? `[${shareText(r.lower, lang)} ; ${shareText(r.upper, lang)}]` : ts(lang, "onlyChild"));
  tables.push({
    header: [ts(lang, "criterion"), ts(lang, "convention"), ts(lang, "occStabInner"), ts(lang, "occStabOuter")],
    rows: f.stability.map((st) => [st.criterion, ts(lang, st.convention), range(st.inner), range(st.outer)]),
    numeric: [],
  });
  const after = [occ.monotone ? ts(lang, "occStabNote") : ts(lang, "occStabScenario"), ts(lang, "occBody")];
  return { key: "occulted", title: ts(lang, "s0"), intro: lines, lines: after, tables, alerts };
}

/** The header lines: title, basis, unrounded notice. */
export function headerLines(model: SensitivityModel, lang: Lang): string[] {
  const out: string[] = [];
  const occ = internalsOf(model).occulted;
  if (occ && occ.presumedWinner) out.push(ts(lang, "titleOcculted", { winner: occ.presumedWinner }));
  else if (model.winners.length > 1) out.push(ts(lang, "titleTie", { offers: model.winners.join(", ") }));
  else if (model.winner) out.push(ts(lang, "title", { winner: model.winner }));
  else out.push(ts(lang, "noOffer"));
  out.push(ts(lang, "totalPoints", { points: exactText(Rational.fromNumber(model.basis.totalPoints), lang) }));
  // The rounding comparison is section 4 of `psc-audit sensitivity` (5.4 in the report).
  if (model.basis.roundingIgnored) out.push(ts(lang, "unrounded", { section: ts(lang, "s4").split(".")[0]! }));
  return out;
}

/**
 * Every section, in issue order (1 → 8): for `psc-audit sensitivity` by default, or, with the report's
 * options, the content of the report's section 5 (5.1 … 5.7; no occulted values, no --fail-on there).
 */
export function buildSections(model: SensitivityModel, lang: Lang, opts: SectionOptions = TERMINAL): Section[] {
  const report = opts.audience === "report";
  const occulted = report ? null : occultedSection(model, lang);
  const sections = [
    ...(occulted ? [occulted] : []),
    stabilitySection(model, lang, opts),
    minChangeSection(model, lang, opts),
    scoreSection(model, lang, opts),
    methodsSection(model, lang, opts),
    reversalSection(model, lang, opts),
    effectiveSection(model, lang, opts),
    smaaSection(model, lang, opts),
  ];
  const f = report ? null : failOnSection(model, lang);
  if (f) sections.push(f);
  return sections;
}

/** Warning lines (non-info), in the language, with codes. */
export function warningLines(model: SensitivityModel, lang: Lang): string[] {
  return model.warnings
    .filter((w) => w.severity !== "info")
    .map((w) => {
      const own = sensitivityMessage(w, lang);
      if (own === null) return lineOf(w, lang);
      return `${w.severity === "error" ? (lang === "fr" ? "erreur" : "error") : lang === "fr" ? "avertissement" : "warning"}[${w.code}]: ${own}`;
    });
}
