// From the report model to the laid-out document in one language: summary, method and per-offer
// sections here; charts, sensitivity, check and provenance in report-sections-analysis.ts. Every
// number is formatted here (through format.ts), once, so that the three renderers agree.
import type { MethodSpec } from "../domain/types.js";
import { Rational } from "../exact/rational.js";
import type { Lang } from "../i18n/lang.js";
import { describeMethod } from "../i18n/methods.js";
import { rt } from "../i18n/report.js";
import { t, type UiKey } from "../i18n/ui.js";
import { TOOL_NAME, TOOL_VERSION } from "../version.js";
import { distinguishingDecimals, formatDecimal, formatPercent } from "./format.js";
import type { Block, DocRow, DocSection, DocTable, ReportDoc } from "./report-doc.js";
import { formatDate, formatRaw, formatShort, ratOf } from "./report-format.js";
import type { ReportModel } from "./report-model.js";
import { chartsSection, provenanceSection } from "./report-sections-analysis.js";
import { checkSection } from "./report-sections-check.js";
import { sensitivitySection, verdictSentences } from "./report-sections-sensitivity.js";
import type { FigureRow } from "./check-model.js";
import { ratOf as figRat, type IntervalJson, type UnknownsModel } from "./unknowns-model.js";
import type { OfferRow } from "./score-model.js";

/** Decimals and exact figures shared by every section. */
export interface Figures {
  lang: Lang;
  totalDecimals: number;
  pointDecimals: number;
  points: (offer: OfferRow, node: string) => Rational;
  total: (offer: OfferRow) => Rational;
  label: (node: string) => string;
  offerName: (id: string) => string;
}

export function figuresOf(model: ReportModel, lang: Lang): Figures {
  const total = (o: OfferRow): Rational => ratOf(o.total, o.totalExact);
  const points = (o: OfferRow, node: string): Rational => ratOf(o.points[node] ?? 0, o.pointsExact[node]);
  const totalDecimals = distinguishingDecimals(model.offers.map(total));
  const pointDecimals = Math.max(2, Math.min(totalDecimals, 3));
  const labels = new Map(model.method.criteria.map((c) => [c.id, c.label]));
  const names = new Map(model.offers.map((o) => [o.id, o.label]));
  return {
    lang,
    totalDecimals,
    pointDecimals,
    points,
    total,
    label: (id) => labels.get(id) ?? id,
    offerName: (id) => {
      const name = names.get(id);
      return name && name !== id ? `${id} (${name})` : id;
    },
  };
}

export function buildReportDoc(model: ReportModel, lang: Lang, options: { chartsDir?: string } = {}): ReportDoc {
  const f = figuresOf(model, lang);
  const files = model.inputs.map((i) => i.path.split(/[\\/]/).pop() ?? i.path).join(", ");
  return {
    lang,
    title: rt(lang, "title"),
    subtitle: rt(lang, "subtitle", { tool: TOOL_NAME, version: TOOL_VERSION, files }),
    dateLine: rt(lang, "generatedOn", { date: formatDate(model.date, lang) }),
    contentsTitle: rt(lang, "contents"),
    sections: [
      summarySection(model, f),
      methodSection(model, f),
      offersSection(model, f),
      chartsSection(model, f, options.chartsDir),
      sensitivitySection(model, f),
      checkSection(model, f),
      provenanceSection(model, f),
    ],
    pageLabel: (page, pages) => rt(lang, "page", { page, pages }),
  };
}

function summarySection(model: ReportModel, f: Figures): DocSection {
  const { lang } = f;
  const s = model.summary;
  const total = ratOf(model.method.totalPoints);
  const winnerRow = model.offers.find((o) => o.id === s.winner);
  const rows: { key: string; value: string }[] = [];
  const winnerValue =
    s.winnerStatus !== null && s.winnerStatus !== "certain"
      ? rt(lang, "winnerPossibleValue", { offers: s.possibleWinners.map(f.offerName).join(", ") })
      : s.tieForFirst
        ? rt(lang, "winnerTieValue", { offers: s.winners.map(f.offerName).join(", ") })
        : s.winner !== null
          ? f.offerName(s.winner) + (s.winnerStatus === "certain" ? ` (${rt(lang, "winnerCertainValue")})` : "")
          : rt(lang, "noWinnerValue");
  rows.push({ key: rt(lang, "winnerLabel"), value: winnerValue });
  if (winnerRow) {
    rows.push({ key: rt(lang, "totalLabel"), value: rt(lang, "outOf", { points: formatDecimal(f.total(winnerRow), f.totalDecimals, lang), total: formatShort(total, lang) }) });
  }
  const second = model.offers.find((o) => o.rank !== null && o.rank > 1);
  if (s.margin !== null && !s.tieForFirst && second) {
    rows.push({ key: rt(lang, "marginLabel"), value: rt(lang, "marginValue", { points: formatDecimal(ratOf(s.margin, s.marginExact), f.totalDecimals, lang), offer: second.id }) });
  }
  rows.push({ key: rt(lang, "offersLabel"), value: rt(lang, "offersValue", { offers: s.offers, ranked: s.ranked }) });
  const blocks: Block[] = [{ kind: "kv", rows }, { kind: "h3", text: rt(lang, "verdictTitle") }, { kind: "verdict", text: verdictSentences(model, f).join(" ") }];
  return { id: "summary", title: rt(lang, "sec_summary"), blocks };
}

function specOf(c: ReportModel["method"]["criteria"][number]): MethodSpec | null {
  if (!c.methodSpec) return null;
  const params: Record<string, Rational> = {};
  for (const [k, v] of Object.entries(c.methodSpec.params)) params[k] = Rational.parse(v) ?? Rational.ZERO;
  return { id: c.methodSpec.id, params, text: c.methodSpec.text };
}

function methodSection(model: ReportModel, f: Figures): DocSection {
  const { lang } = f;
  const m = model.method;
  const blocks: Block[] = [{ kind: "p", text: rt(lang, "m_intro", { points: formatShort(ratOf(m.totalPoints), lang) }) }];
  const percent = m.weightGroups.filter((g) => g.reading === "percent").map((g) => (g.parent === null ? "—" : `« ${f.label(g.parent)} »`));
  const rescaled = m.weightGroups.filter((g) => g.reading === "rescaled").map((g) => (g.parent === null ? "—" : `« ${f.label(g.parent)} »`));
  blocks.push({ kind: "p", text: percent.length > 0 ? rt(lang, "m_readingPercent", { groups: percent.join(", ") }) : rt(lang, "m_readingPoints") });
  if (m.rescaled) blocks.push({ kind: "notice", text: rt(lang, "m_rescaled", { groups: rescaled.join(", ") }) });
  if (m.weightKind === "mid") blocks.push({ kind: "notice", text: rt(lang, "m_weightsMid") });
  else if (m.weightKind === "order") {
    const order = m.weightOrder ? Object.entries(m.weightOrder).map(([id, r]) => `${r}. ${f.label(id)}`).join(" ; ") : "";
    blocks.push({ kind: "notice", text: rt(lang, "m_weightsOrder") + (order ? ` ${rt(lang, "m_weightsOrderList", { order })}` : "") });
  } else blocks.push({ kind: "p", text: rt(lang, "m_weightsExact") });

  const tree: DocTable = {
    id: "criteria-tree",
    caption: rt(lang, "m_treeTitle"),
    head: [rt(lang, "col_criterion"), rt(lang, "col_points"), rt(lang, "col_shareParent"), rt(lang, "col_method"), rt(lang, "col_scale")],
    align: ["left", "right", "right", "left", "left"],
    rows: m.criteria.map((c) => {
      const spec = specOf(c);
      const extras: string[] = [];
      if (c.max !== null) extras.push(rt(lang, "scaleMax", { max: formatShort(ratOf(c.max), lang) }));
      if (c.minScore !== null) extras.push(rt(lang, "thresholdShort", { points: formatShort(ratOf(c.minScore), lang) }));
      if (c.decimals !== null) extras.push(rt(lang, "roundingShort", { decimals: c.decimals }));
      return {
        kind: c.leaf ? "normal" : "group",
        cells: [
          { text: `${c.id} — ${c.label}`, indent: c.depth, ...(c.leaf ? {} : { flag: "strong" as const }) },
          { text: formatShort(ratOf(c.weight, c.weightExact), lang) },
          { text: formatPercent(Rational.fromNumber(c.shareOfParent), lang, 2) },
          { text: spec ? describeMethod(spec, lang).name : c.leaf ? "—" : rt(lang, "subtotal") },
          { text: extras.join(" · ") },
        ],
      } satisfies DocRow;
    }),
    notes: [rt(lang, "m_exactNote")],
  };
  blocks.push({ kind: "table", table: tree });

  blocks.push({ kind: "h3", text: rt(lang, "m_formulasTitle") });
  const notes = new Map<string, string>();
  const formulas: string[] = [];
  for (const c of m.criteria) {
    const spec = specOf(c);
    if (!spec) continue;
    const d = describeMethod(spec, lang);
    formulas.push(`${c.id} — ${c.label}${colon(lang)}${d.name}. ${d.formula}, W = ${formatShort(ratOf(c.weight, c.weightExact), lang)}`);
    if (d.note) notes.set(d.name, d.note);
  }
  blocks.push({ kind: "list", items: formulas });
  if (notes.size > 0) {
    blocks.push({ kind: "h3", text: rt(lang, "m_notesTitle") });
    blocks.push({ kind: "list", items: [...notes].map(([name, note]) => `${name}${colon(lang)}${note}`) });
  }

  blocks.push({ kind: "h3", text: rt(lang, "m_thresholdsTitle") });
  const items: string[] = [];
  const thresholds = m.criteria.filter((c) => c.minScore !== null);
  for (const c of thresholds) items.push(rt(lang, "m_threshold", { criterion: c.label, points: formatShort(ratOf(c.minScore!), lang) }));
  if (thresholds.length === 0) items.push(rt(lang, "m_noThreshold"));
  const rounded = m.criteria.filter((c) => c.decimals !== null);
  const byDecimals = new Map<number, string[]>();
  for (const c of rounded) byDecimals.set(c.decimals!, [...(byDecimals.get(c.decimals!) ?? []), c.id]);
  for (const [decimals, ids] of [...byDecimals].sort((x, y) => x[0] - y[0])) items.push(rt(lang, "m_rounding", { decimals, criteria: ids.join(", ") }));
  if (rounded.length === 0) items.push(rt(lang, "m_noRounding"));
  let setAside = 0;
  for (const o of model.offers) {
    if (!o.admitted) {
      items.push(rt(lang, "m_excluded", { offer: f.offerName(o.id), status: t(lang, `status_${o.status}` as UiKey) }));
      setAside++;
    }
    for (const e of o.eliminatedBy) {
      items.push(rt(lang, "m_eliminated", { offer: f.offerName(o.id), criterion: f.label(e.node), points: formatShort(Rational.fromNumber(e.points), lang), threshold: formatShort(Rational.fromNumber(e.threshold), lang) }));
      setAside++;
    }
  }
  if (setAside === 0) items.push(rt(lang, "m_noExcluded"));
  blocks.push({ kind: "list", items });
  return { id: "method", title: rt(lang, "sec_method"), blocks };
}

function offersSection(model: ReportModel, f: Figures): DocSection {
  const { lang } = f;
  if (model.unknowns.status === "computed") return unknownOffersSection(model, model.unknowns.model, f);
  const tops = model.method.criteria.filter((c) => c.depth === 0);
  const winners = new Set(model.summary.winners);
  const ranking: DocTable = {
    id: "ranking",
    caption: rt(lang, "o_rankingTitle"),
    head: [rt(lang, "col_rank"), rt(lang, "col_offer"), rt(lang, "col_name"), ...tops.map((c) => `${c.id} (${formatShort(ratOf(c.weight, c.weightExact), lang)})`), rt(lang, "col_total")],
    align: ["right", "left", "left", ...tops.map(() => "right" as const), "right"],
    rows: model.offers.map((o) => ({
      kind: o.rank === null ? "unranked" : winners.has(o.id) ? "winner" : "normal",
      cells: [
        { text: o.rank === null ? "—" : String(o.rank) },
        { text: o.id, flag: "strong" },
        { text: o.label === o.id ? "" : o.label },
        ...tops.map((c) => ({ text: pts(f, o, c.id, o.inexact) })),
        { text: formatDecimal(f.total(o), f.totalDecimals, lang), flag: "strong" as const },
      ],
    })),
    notes: [rt(lang, "o_rankingNote"), ...tops.map((c) => `${c.id}${colon(lang)}${c.label}`)],
  };
  if (model.offers.some((o) => o.inexact)) ranking.notes.push(rt(lang, "inexactMark"));
  const blocks: Block[] = [{ kind: "table", table: ranking }];
  for (const o of model.offers) blocks.push({ kind: "table", table: offerTable(model, f, o) });
  return { id: "offers", title: rt(lang, "sec_offers"), blocks };
}

function pts(f: Figures, o: OfferRow, node: string, inexact: boolean): string {
  return formatDecimal(f.points(o, node), f.pointDecimals, f.lang) + (inexact ? "≈" : "");
}

/** The published figures of one offer (check model), by node id, "total" and "rank". */
function declaredOf(model: ReportModel, offer: string): Map<string, FigureRow> {
  if (model.check.status !== "computed") return new Map();
  return new Map(model.check.model.figures.filter((d) => d.offer === offer).map((d) => [d.node, d]));
}

/** Published and difference cells: the difference in red when the figure does not agree. */
function declaredCellsOf(declared: Map<string, FigureRow>, f: Figures): (node: string) => DocRow["cells"] {
  const { lang } = f;
  return (node) => {
    if (declared.size === 0) return [];
    const d = declared.get(node);
    if (!d) return [{ text: "" }, { text: "" }];
    const bad = d.status === "disagrees" || d.status === "impossible";
    let diff: string;
    if (d.status === "impossible") diff = rt(lang, "impossibleShort");
    else if (d.status === "open" || d.difference === null) diff = d.status === "open" ? rt(lang, "openShort") : "—";
    else {
      // Enough decimals that a difference beyond the tolerance never shows as 0,00.
      const r = figRat(d.difference);
      const short = r.toExactDecimal(4);
      const decimals = d.kind === "rank" ? 0 : short === null ? 4 : Math.max(2, (short.split(".")[1] ?? "").length);
      diff = (r.sign() > 0 ? "+" : "") + formatDecimal(r, decimals, lang) + (short === null && d.kind !== "rank" ? "…" : "");
    }
    return [{ text: d.declaredText, ...(bad ? { flag: "diff" as const } : {}) }, bad ? { text: diff, flag: "diff" } : { text: diff, flag: "muted" }];
  };
}

/** The UK-style per-bidder table: every node with weight, raw value, points, sub-totals, total, rank. */
function offerTable(model: ReportModel, f: Figures, o: OfferRow): DocTable {
  const { lang } = f;
  const declared = declaredOf(model, o.id);
  const withDeclared = declared.size > 0;
  const head = [rt(lang, "col_criterion"), rt(lang, "col_weight"), rt(lang, "col_raw"), rt(lang, "col_points"), rt(lang, "col_share")];
  if (withDeclared) head.push(rt(lang, "col_declared"), rt(lang, "col_diff"));
  const declaredCells = declaredCellsOf(declared, f);
  const rows: DocRow[] = model.method.criteria.map((c) => {
    const weight = ratOf(c.weight, c.weightExact);
    const p = f.points(o, c.id);
    const raw = c.leaf ? o.raw[c.id] : undefined;
    const rawText = raw === undefined ? "" : raw === null ? rt(lang, "unknownValue") : formatRaw(Rational.fromNumber(raw), c.type === "quality" ? "quality" : (c.type as "price" | "cost"), lang) + (c.max !== null && c.type === "quality" ? ` / ${formatShort(ratOf(c.max), lang)}` : "");
    const share = weight.isZero() ? "—" : formatPercent(p.div(weight), lang, 1);
    return {
      kind: c.leaf ? "normal" : "group",
      cells: [
        { text: `${c.id} — ${c.label}`, indent: c.depth, ...(c.leaf ? {} : { flag: "strong" as const }) },
        { text: formatShort(weight, lang) },
        { text: rawText },
        { text: pts(f, o, c.id, o.inexact), ...(c.leaf ? {} : { flag: "strong" as const }) },
        { text: share },
        ...declaredCells(c.id),
      ],
    };
  });
  const totalPoints = ratOf(model.method.totalPoints);
  rows.push({
    kind: "total",
    cells: [
      { text: rt(lang, "totalRow"), flag: "strong" },
      { text: formatShort(totalPoints, lang) },
      { text: "" },
      { text: formatDecimal(f.total(o), f.totalDecimals, lang), flag: "strong" },
      { text: totalPoints.isZero() ? "—" : formatPercent(f.total(o).div(totalPoints), lang, 1) },
      ...declaredCells("total"),
    ],
  });
  rows.push({
    kind: "total",
    cells: [{ text: rt(lang, "rankRow"), flag: "strong" }, { text: "" }, { text: "" }, { text: o.rank === null ? "—" : String(o.rank), flag: "strong" }, { text: "" }, ...declaredCells("rank")],
  });
  const status = o.rank === null
    ? rt(lang, "o_offerStatusUnranked", { status: o.admitted && o.eliminated ? t(lang, "status_eliminated") : t(lang, `status_${o.status}` as UiKey), total: formatDecimal(f.total(o), f.totalDecimals, lang) })
    : rt(lang, "o_offerStatusRanked", { rank: o.rank, total: formatDecimal(f.total(o), f.totalDecimals, lang) });
  const caption = `${rt(lang, "o_offerTitle", { offer: f.offerName(o.id) })} · ${status}`;
  const notes: string[] = [];
  if (withDeclared) notes.push(rt(lang, "diffNote"));
  if (o.inexact) notes.push(rt(lang, "inexactMark"));
  return { id: `offer-${slug(o.id)}`, caption, head, align: ["left", "right", "right", "right", "right", ...(withDeclared ? (["right", "right"] as const) : [])], rows, notes };
}

/**
 * An interval of points as the tables show points (2 decimals): a single value when both ends are
 * equal, else "[lo ; hi]" rounded outwards (the shown interval always contains the exact one; "]" / "["
 * mark ends not reached). Exact ends are in section 6 and the JSON.
 */
function intervalText(i: IntervalJson, lang: Lang, decimals = 2): string {
  const lo = figRat(i.lo);
  const hi = figRat(i.hi);
  if (lo.eq(hi) && i.lo.attained && i.hi.attained) return formatDecimal(lo, decimals, lang);
  return `${i.lo.attained ? "[" : "]"}${formatDecimal(lo.round(decimals, "floor"), decimals, lang)} ; ${formatDecimal(hi.round(decimals, "ceil"), decimals, lang)}${i.hi.attained ? "]" : "["}`;
}

/** Section 3 with occulted values: every figure an exact interval, ranks as the possible range. */
function unknownOffersSection(model: ReportModel, u: UnknownsModel, f: Figures): DocSection {
  const { lang } = f;
  const tops = model.method.criteria.filter((c) => c.depth === 0);
  const ranks = (o: UnknownsModel["offers"][number]): string => (o.bestRank === null ? "—" : o.bestRank === o.worstRank ? String(o.bestRank) : `${o.bestRank}–${o.worstRank}`);
  const blocks: Block[] = [{ kind: "notice", text: rt(lang, "o_unknownsIntro", { count: u.unknowns.length }) }];
  blocks.push({
    kind: "table",
    table: {
      id: "ranking",
      caption: rt(lang, "o_rankingUnknownsTitle"),
      head: [rt(lang, "col_possibleRanks"), rt(lang, "col_offer"), rt(lang, "col_name"), ...tops.map((c) => `${c.id} (${formatShort(ratOf(c.weight, c.weightExact), lang)})`), rt(lang, "col_total")],
      align: ["right", "left", "left", ...tops.map(() => "right" as const), "right"],
      rows: u.offers.map((o) => ({
        kind: o.bestRank === null ? "unranked" : o.hasUnknowns ? "normal" : "normal",
        cells: [
          { text: ranks(o) },
          { text: o.id, flag: "strong" },
          { text: o.label === o.id ? "" : o.label },
          ...tops.map((c) => ({ text: o.points[c.id] ? intervalText(o.points[c.id]!, lang) : "—" })),
          { text: intervalText(o.total, lang), flag: "strong" as const },
        ],
      })),
      notes: [rt(lang, "o_intervalNote"), ...tops.map((c) => `${c.id}${colon(lang)}${c.label}`)],
    },
  });
  const rawOf = new Map(u.unknowns.map((x) => [`${x.offer}\u0000${x.node}`, x]));
  for (const o of u.offers) {
    const declared = declaredOf(model, o.id);
    const declaredCells = declaredCellsOf(declared, f);
    const head = [rt(lang, "col_criterion"), rt(lang, "col_weight"), rt(lang, "col_raw"), rt(lang, "col_points")];
    if (declared.size > 0) head.push(rt(lang, "col_declared"), rt(lang, "col_diff"));
    const offer = model.tenderValues?.[o.id] ?? {};
    const rows: DocRow[] = model.method.criteria.map((c) => {
      const unknown = c.leaf ? rawOf.get(`${o.id}\u0000${c.id}`) : undefined;
      const raw = c.leaf ? offer[c.id] : undefined;
      const scale = c.max !== null && c.type === "quality" ? ` / ${formatShort(ratOf(c.max), lang)}` : "";
      const rawText = unknown ? rt(lang, "unknownValue") + scale : raw === undefined || raw === null ? "" : formatRaw(Rational.fromNumber(raw), c.type === "quality" ? "quality" : (c.type as "price" | "cost"), lang) + scale;
      const p = o.points[c.id];
      return {
        kind: c.leaf ? "normal" : "group",
        cells: [
          { text: `${c.id} — ${c.label}`, indent: c.depth, ...(c.leaf ? {} : { flag: "strong" as const }) },
          { text: formatShort(ratOf(c.weight, c.weightExact), lang) },
          unknown ? { text: rawText, flag: "muted" as const } : { text: rawText },
          { text: p ? intervalText(p, lang) : "—", ...(c.leaf ? {} : { flag: "strong" as const }) },
          ...declaredCells(c.id),
        ],
      };
    });
    rows.push({ kind: "total", cells: [{ text: rt(lang, "totalRow"), flag: "strong" }, { text: formatShort(ratOf(model.method.totalPoints), lang) }, { text: "" }, { text: intervalText(o.total, lang), flag: "strong" }, ...declaredCells("total")] });
    rows.push({ kind: "total", cells: [{ text: rt(lang, "rankRow"), flag: "strong" }, { text: "" }, { text: "" }, { text: ranks(o), flag: "strong" }, ...declaredCells("rank")] });
    const notes = [rt(lang, "o_intervalNote")];
    if (declared.size > 0) notes.push(rt(lang, "diffNote"));
    blocks.push({
      kind: "table",
      table: {
        id: `offer-${slug(o.id)}`,
        caption: `${rt(lang, "o_offerTitle", { offer: f.offerName(o.id) })} · ${o.bestRank === null ? rt(lang, "o_notRanked") : rt(lang, "o_possibleRanks", { ranks: ranks(o) })}`,
        head,
        align: ["left", "right", "right", "right", ...(declared.size > 0 ? (["right", "right"] as const) : [])],
        rows,
        notes,
      },
    });
  }
  return { id: "offers", title: rt(lang, "sec_offers"), blocks };
}

/** The colon of running text: French puts a (no-break) space before it. */
export function colon(lang: Lang): string {
  return lang === "fr" ? "\u00A0: " : ": ";
}

/** A stable, ASCII-only anchor from an offer id (ids are unique; the index keeps slugs unique too). */
export function slug(id: string): string {
  const s = id.normalize("NFKD").replace(/[^A-Za-z0-9_-]+/g, "-").replace(/^-+|-+$/g, "");
  let h = 0;
  for (const ch of id) h = (h * 31 + ch.codePointAt(0)!) >>> 0;
  return `${s || "x"}-${h.toString(36)}`;
}
