// The analysis half of the report document: the plain-language verdict, the charts, the sensitivity
// findings, the check of published figures and the provenance. Pure; words from i18n/report.ts.
import { Rational } from "../exact/rational.js";
import type { Lang } from "../i18n/lang.js";
import { lineOf } from "../i18n/messages.js";
import { rt } from "../i18n/report.js";
import type { WeightSampler } from "../smaa/index.js";
import { heatMapSvg, sensitivityLinesSvg, stabilityBarsSvg, stackedBarsSvg } from "./charts/index.js";
import { formatDecimal } from "./format.js";
import type { Block, DocChart, DocRow, DocSection, DocTable } from "./report-doc.js";
import { formatDateTime, formatFloat, formatProbability, formatShare, formatShort, ratOf } from "./report-format.js";
import type { ExactFigure, ReportRange, StabilityRow } from "./report-analysis.js";
import type { ReportModel } from "./report-model.js";
import { colon, type Figures } from "./report-sections.js";

const rat = (x: ExactFigure): Rational => ratOf(x.value, x.exact);
/** Shares as percentages: 2 decimals, which separates any two bounds a reader would compare. */
const pct = (x: ExactFigure, lang: Lang): string => formatShare(rat(x), lang, 2);

function samplerText(s: WeightSampler, lang: Lang): string {
  if (s.kind === "simplex") return rt(lang, "sampler_simplex");
  if (s.kind === "ordinal") return rt(lang, "sampler_ordinal");
  return rt(lang, "sampler_box", { points: formatShort(Rational.fromNumber(s.points), lang), level: rt(lang, s.level === "top" ? "level_top" : "level_leaf") });
}

/** The other offer of a tying pair (the one that would overtake `winner`). */
function challengerOf(pair: [string, string] | null, winner: string): string | null {
  if (!pair) return null;
  return pair[0] === winner ? pair[1] : pair[0];
}

/** The verdict paragraph: margin in weights, the closest top-level weight bound, SMAA, what is not computed. */
export function verdictSentences(model: ReportModel, f: Figures): string[] {
  const { lang } = f;
  const s = model.summary;
  const a = model.analysis;
  if (s.ranked === 0) return [rt(lang, "v_none")];
  if (s.ranked === 1) return [rt(lang, "v_single")];
  const out: string[] = [];
  if (s.tieForFirst) out.push(rt(lang, "v_tie", { offers: s.winners.join(", ") }));
  const winner = s.winner ?? s.winners[0]!;
  const totalText = formatShort(ratOf(model.method.totalPoints), lang);
  if (a.minimalChange) {
    const m = a.minimalChange.margin;
    out.push(m ? rt(lang, "v_linf", { points: formatDecimal(rat(m.points), 2, lang), total: totalText, challenger: m.challenger }) : rt(lang, "v_linfNone"));
  }
  let closest: { row: StabilityRow; side: "lower" | "upper"; distance: number } | null = null;
  for (const row of a.stability) {
    if (row.level !== 0 || row.convention !== "local" || row.note !== null) continue;
    const r = row.winner;
    if (r.upper.value < 1 || r.upperPair) {
      const d = r.upper.value - row.weight.value;
      if (!closest || d < closest.distance) closest = { row, side: "upper", distance: d };
    }
    if (r.lower.value > 0 || r.lowerPair) {
      const d = row.weight.value - r.lower.value;
      if (!closest || d < closest.distance) closest = { row, side: "lower", distance: d };
    }
  }
  if (closest) {
    const r = closest.row.winner;
    const bound = closest.side === "upper" ? r.upper : r.lower;
    const pair = closest.side === "upper" ? r.upperPair : r.lowerPair;
    out.push(
      rt(lang, closest.side === "upper" ? "v_upper" : "v_lower", {
        criterion: f.label(closest.row.criterion),
        bound: pct(bound, lang),
        current: pct(closest.row.weight, lang),
        challenger: challengerOf(pair, winner) ?? "—",
      }),
    );
  } else if (a.stability.length > 0) out.push(rt(lang, "v_noBound"));
  if (a.smaa && !s.tieForFirst) {
    const b = a.smaa.rankAcceptability[winner]?.[0];
    const hw = a.smaa.halfWidth95[winner]?.[0];
    if (b !== undefined && hw !== undefined) {
      out.push(rt(lang, "v_smaa", { samples: formatShort(Rational.of(a.smaa.samples), lang), sampler: samplerText(a.smaa.sampler, lang), offer: winner, share: formatProbability(b, lang, 1), hw: formatProbability(hw, lang, 1) }));
    }
  }
  if (model.sensitivity.status !== "computed") out.push(rt(lang, "v_notComputed"));
  return out;
}

function chart(id: string, title: string, alt: string, svg: string, legend: string[]): DocChart {
  const w = /width="([\d.]+)"/.exec(svg);
  const h = /height="([\d.]+)"/.exec(svg);
  return { id, title, alt, svg, width: Number(w?.[1] ?? 720), height: Number(h?.[1] ?? 360), legend };
}

export function chartsSection(model: ReportModel, f: Figures, _chartsDir?: string): DocSection {
  const { lang } = f;
  const blocks: Block[] = [];
  const tops = model.method.criteria.filter((c) => c.depth === 0);
  const winners = new Set(model.summary.winners);
  const offerLegend = model.offers.filter((o) => o.label !== o.id || [...o.id].length > 18).map((o) => `${o.id}${colon(lang)}${o.label}`);
  const fmtPts = (v: number): string => formatFloat(v, Math.abs(v) >= 10 || Number.isInteger(v) ? 0 : 1, lang);
  const stacked = stackedBarsSvg({
    title: rt(lang, "c_stackedTitle"),
    series: tops.map((c) => ({ key: c.id, label: c.label })),
    rows: model.offers.map((o) => ({
      label: o.id,
      values: tops.map((c) => f.points(o, c.id).toNumber()),
      total: f.total(o).toNumber(),
      emphasis: winners.has(o.id),
      muted: o.rank === null,
    })),
    max: model.method.totalPoints,
    format: (v) => formatFloat(v, 0, lang),
    formatTotal: (v) => formatDecimal(Rational.fromNumber(v), f.totalDecimals, lang),
  });
  blocks.push({ kind: "chart", chart: chart("chart-stacked", rt(lang, "c_stackedTitle"), rt(lang, "c_stackedAlt"), stacked, [...tops.map((c) => `${c.id}${colon(lang)}${c.label}`), ...offerLegend]) });

  const a = model.analysis;
  if (a.lines.length === 0) blocks.push({ kind: "p", text: rt(lang, "c_noCharts") });
  const winner = model.summary.winner ?? model.summary.winners[0] ?? null;
  const runnerUp = a.offers.find((id) => id !== winner) ?? null;
  for (const l of a.lines) {
    const stab = a.stability.find((s) => s.criterion === l.criterion && s.convention === l.convention);
    const name = f.label(l.criterion);
    const svg = sensitivityLinesSvg({
      title: rt(lang, "c_linesTitle", { criterion: name }),
      xLabel: rt(lang, l.convention === "local" && model.method.criteria.find((c) => c.id === l.criterion)?.depth !== 0 ? "c_axisShareParent" : "c_axisShareTotal"),
      yLabel: rt(lang, "c_axisTotal"),
      lines: l.lines.map((x) => ({ label: x.offer, y0: x.at0.value, y1: x.at1.value, role: x.offer === winner ? "winner" : x.offer === runnerUp ? "challenger" : "other" })),
      current: l.weight.value,
      currentLabel: rt(lang, "c_current"),
      winnerZone: stab && stab.note === null ? { lower: stab.winner.lower.value, upper: stab.winner.upper.value, label: rt(lang, "c_winnerZone") } : null,
      crossings: l.winnerChanges.map((c) => {
        const line = l.lines.find((x) => x.offer === c.to)!;
        return { t: c.t.value, y: line.at0.value + (line.at1.value - line.at0.value) * c.t.value };
      }),
      formatX: (t) => formatShare(Rational.fromNumber(t), lang, 0),
      formatY: fmtPts,
    });
    const top = model.method.criteria.find((c) => c.id === l.criterion)?.depth === 0;
    const title = `${rt(lang, "c_linesTitle", { criterion: name })} ${rt(lang, l.convention === "global" ? "c_linesGlobal" : top ? "c_linesTop" : "c_linesLocal")}`;
    blocks.push({ kind: "chart", chart: chart(`chart-lines-${l.convention}-${l.criterion}`.replace(/[^A-Za-z0-9_.-]/g, "_"), title, rt(lang, "c_linesAlt", { criterion: name }), svg, offerLegend) });
  }

  const bars = a.stability.filter((s) => s.convention === "local" && s.note === null);
  if (bars.length > 0) {
    const svg = stabilityBarsSvg({
      title: rt(lang, "c_stabilityTitle"),
      rows: bars.map((s) => ({
        label: s.criterion,
        depth: s.level,
        current: s.weight.value,
        lower: s.winner.lower.value,
        upper: s.winner.upper.value,
        text: `${formatShare(rat(s.winner.lower), lang, 1)} – ${formatShare(rat(s.winner.upper), lang, 1)}`,
      })),
      formatX: (t) => formatShare(Rational.fromNumber(t), lang, 0),
    });
    blocks.push({ kind: "chart", chart: chart("chart-stability", rt(lang, "c_stabilityTitle"), rt(lang, "c_stabilityAlt"), svg, bars.map((s) => `${s.criterion}${colon(lang)}${f.label(s.criterion)}`)) });
  }

  if (a.smaa) {
    const sm = a.smaa;
    const svg = heatMapSvg({
      title: rt(lang, "c_heatTitle"),
      rowLabels: sm.offers,
      columnLabels: sm.offers.map((_, r) => String(r + 1)),
      columnTitle: rt(lang, "c_rankHeader"),
      values: sm.offers.map((id) => sm.rankAcceptability[id] ?? []),
      format: (p) => (p < 0.0005 ? "" : formatFloat(p * 100, p >= 0.995 || p < 0.1 ? 0 : 0, lang)),
    });
    blocks.push({ kind: "chart", chart: chart("chart-smaa", rt(lang, "c_heatTitle"), rt(lang, "c_heatAlt"), svg, offerLegend) });
  }
  return { id: "charts", title: rt(lang, "sec_charts"), blocks };
}

function rangeCell(r: ReportRange, lang: Lang): string {
  const share = rt(lang, "rangeText", { lower: pct(r.lower, lang), upper: pct(r.upper, lang) });
  const points = rt(lang, "rangeText", { lower: formatDecimal(rat(r.lowerPoints), 2, lang), upper: formatDecimal(rat(r.upperPoints), 2, lang) });
  return `${share} (${rt(lang, "pointsText", { points })})`;
}

function tiesCell(r: ReportRange, lang: Lang): string {
  const parts: string[] = [];
  if (r.lowerPair) parts.push(`${pct(r.lower, lang)}${colon(lang)}${rt(lang, "tieAt", { a: r.lowerPair[0], b: r.lowerPair[1] })}`);
  if (r.upperPair) parts.push(`${pct(r.upper, lang)}${colon(lang)}${rt(lang, "tieAt", { a: r.upperPair[0], b: r.upperPair[1] })}`);
  return parts.join(" ; ");
}

export function sensitivitySection(model: ReportModel, f: Figures): DocSection {
  const { lang } = f;
  const a = model.analysis;
  const title = rt(lang, "sec_sensitivity");
  if (model.summary.ranked < 2) return { id: "sensitivity", title, blocks: [{ kind: "notice", text: rt(lang, "tooFewOffers") }] };
  const blocks: Block[] = [{ kind: "p", text: rt(lang, "s_intro") }];
  const stability: DocTable = {
    id: "stability",
    caption: rt(lang, "s_stabilityTitle"),
    head: [rt(lang, "col_criterion"), rt(lang, "col_convention"), rt(lang, "col_current"), rt(lang, "col_winnerRange"), rt(lang, "col_rankingRange"), rt(lang, "col_ties")],
    align: ["left", "left", "right", "right", "right", "left"],
    rows: a.stability.map((s) => ({
      kind: s.level === 0 && s.convention === "local" ? "group" : "normal",
      cells: [
        { text: `${s.criterion} — ${f.label(s.criterion)}`, indent: s.level },
        { text: rt(lang, s.convention === "local" ? "conv_local" : "conv_global") },
        { text: `${pct(s.weight, lang)} (${rt(lang, "pointsText", { points: formatDecimal(rat(s.weightPoints), 2, lang) })})` },
        { text: s.note ? rt(lang, "onlyChild") : rangeCell(s.winner, lang) },
        { text: s.note ? "" : rangeCell(s.ranking, lang) },
        { text: s.note ? "" : tiesCell(s.winner, lang) },
      ],
    })),
    notes: [],
  };
  blocks.push({ kind: "table", table: stability });

  blocks.push({ kind: "h3", text: rt(lang, "s_minChangeTitle") });
  if (a.minimalChange) {
    blocks.push({ kind: "p", text: rt(lang, "s_minChangeIntro") });
    const fmt = (x: ExactFigure | null): string => (x ? formatDecimal(rat(x), 2, lang) : rt(lang, "unreachable"));
    blocks.push({
      kind: "table",
      table: {
        id: "minimal-change",
        caption: rt(lang, "s_minChangeTitle"),
        head: [rt(lang, "col_challenger"), rt(lang, "col_gap"), rt(lang, "col_l1"), rt(lang, "col_linf")],
        align: ["left", "right", "right", "right"],
        rows: a.minimalChange.pairs.map((p) => ({ kind: "normal", cells: [{ text: p.challenger, flag: "strong" }, { text: fmt(p.gapPoints) }, { text: fmt(p.l1Points) }, { text: fmt(p.linfPoints) }] })),
        notes: [],
      },
    });
  } else blocks.push({ kind: "notice", text: rt(lang, "s_minChangeSkipped") });

  blocks.push({ kind: "h3", text: rt(lang, "s_crossingsTitle") });
  const crossings = a.lines.flatMap((l) =>
    l.winnerChanges.map((c) => rt(lang, "s_crossing", { criterion: f.label(l.criterion), convention: rt(lang, l.convention === "local" ? "conv_local" : "conv_global"), share: pct(c.t, lang), from: c.from, to: c.to })),
  );
  blocks.push(crossings.length > 0 ? { kind: "list", items: crossings } : { kind: "p", text: rt(lang, "s_noCrossing") });

  blocks.push({ kind: "h3", text: rt(lang, "s_smaaTitle") });
  if (a.smaa) {
    const sm = a.smaa;
    blocks.push({ kind: "p", text: rt(lang, "s_smaaIntro", { samples: formatShort(Rational.of(sm.samples), lang), sampler: samplerText(sm.sampler, lang), seed: sm.seed, rng: sm.rng, method: sm.method }) });
    if (sm.scoreNoise > 0) blocks.push({ kind: "p", text: rt(lang, "s_smaaNoise", { k: formatShort(Rational.fromNumber(sm.scoreNoise), lang) }) });
    const k = Math.min(sm.offers.length, 6);
    const rows: DocRow[] = sm.offers.map((id) => ({
      kind: model.summary.winners.includes(id) ? "winner" : "normal",
      cells: [
        { text: id, flag: "strong" },
        ...Array.from({ length: k }, (_, r) => ({ text: `${formatProbability(sm.rankAcceptability[id]?.[r] ?? 0, lang, 1)} ± ${formatProbability(sm.halfWidth95[id]?.[r] ?? 0, lang, 1)}` })),
        { text: sm.confidence[id] === null || sm.confidence[id] === undefined ? "—" : formatProbability(sm.confidence[id]!, lang, 1) },
      ],
    }));
    const notes = k < sm.offers.length ? [rt(lang, "s_smaaRanksNote", { k })] : [];
    blocks.push({
      kind: "table",
      table: {
        id: "smaa",
        caption: rt(lang, "s_smaaTitle"),
        head: [rt(lang, "col_offer"), ...Array.from({ length: k }, (_, r) => `${rt(lang, "col_rank")} ${r + 1}`), rt(lang, "col_confidence")],
        align: ["left", ...Array.from({ length: k }, () => "right" as const), "right"],
        rows,
        notes,
      },
    });
  } else blocks.push({ kind: "notice", text: rt(lang, "s_smaaSkipped") });

  blocks.push({ kind: "h3", text: rt(lang, "s_findingsTitle") });
  blocks.push({ kind: "notice", text: rt(lang, "notComputedFindings") });
  return { id: "sensitivity", title, blocks };
}

export function checkSection(model: ReportModel, f: Figures): DocSection {
  const { lang } = f;
  const blocks: Block[] = [];
  const d = model.declared;
  if (d.length === 0) blocks.push({ kind: "p", text: rt(lang, "k_none") });
  else {
    const disagree = d.filter((x) => x.agrees === false).length;
    blocks.push({ kind: "p", text: rt(lang, "k_summary", { checked: d.length, disagree }) });
    blocks.push({
      kind: "table",
      table: {
        id: "declared",
        caption: rt(lang, "k_declaredTitle"),
        head: [rt(lang, "col_offer"), rt(lang, "col_node"), rt(lang, "col_declared"), rt(lang, "col_recomputed"), rt(lang, "col_diff"), rt(lang, "col_tolerance"), rt(lang, "col_result")],
        align: ["left", "left", "right", "right", "right", "right", "left"],
        rows: d.map((x) => ({
          kind: "normal",
          cells: [
            { text: x.offer, flag: "strong" },
            { text: x.node === "total" ? rt(lang, "totalRow") : x.node === "rank" ? rt(lang, "rankRow") : x.node },
            { text: formatShort(Rational.fromNumber(x.declared), lang) },
            { text: x.recomputed === null ? "—" : formatDecimal(ratOf(x.recomputed, x.recomputedExact), x.node === "rank" ? 0 : Math.max(2, f.pointDecimals), lang) },
            { text: x.difference === null ? "—" : formatDecimal(ratOf(x.difference, x.differenceExact), x.node === "rank" ? 0 : Math.max(2, f.pointDecimals), lang), ...(x.agrees === false ? { flag: "diff" as const } : {}) },
            { text: formatShort(Rational.fromNumber(x.tolerance), lang, 6) },
            x.agrees === null ? { text: rt(lang, "notComparable") } : x.agrees ? { text: rt(lang, "agrees") } : { text: rt(lang, "disagrees"), flag: "diff" },
          ],
        })),
        notes: [rt(lang, "diffNote")],
      },
    });
  }
  const unknowns = model.offers.some((o) => Object.values(o.raw).some((v) => v === null));
  if (d.length > 0 && model.check.status !== "computed") blocks.push({ kind: "notice", text: rt(lang, "k_detailNotComputed") });
  else if (unknowns && model.unknowns.status !== "computed") blocks.push({ kind: "notice", text: rt(lang, "k_detailNotComputed") });
  return { id: "check", title: rt(lang, "sec_check"), blocks };
}

export function provenanceSection(model: ReportModel, f: Figures): DocSection {
  const { lang } = f;
  const p = model.parameters;
  const yesNo = (b: boolean): string => rt(lang, b ? "yes" : "no");
  const rows: { key: string; value: string; mono?: boolean }[] = [
    { key: rt(lang, "p_tool"), value: `${model.tool.name} ${model.tool.version}` },
    { key: rt(lang, "p_commandLine"), value: model.commandLine.map(shellQuote).join(" "), mono: true },
    { key: rt(lang, "p_date"), value: `${formatDateTime(model.date, lang)} (${model.date})` },
    ...model.inputs.map((i) => ({ key: `${rt(lang, "p_inputs")} — ${rt(lang, i.role === "offers" ? "p_role_offers" : i.role === "criteria" ? "p_role_criteria" : "p_role_declared")}`, value: `${i.path}\n${i.sha256}`, mono: true })),
    { key: rt(lang, "p_samples"), value: formatShort(Rational.of(p.samples), lang) },
    { key: rt(lang, "p_seed"), value: String(p.seed), mono: true },
    { key: rt(lang, "p_weights"), value: `${p.smaaWeights} — ${samplerText(p.sampler, lang)}` },
    { key: rt(lang, "p_noise"), value: formatShort(Rational.fromNumber(p.scoreNoise), lang) },
    { key: rt(lang, "p_rescale"), value: yesNo(p.rescaleWeights) },
    { key: rt(lang, "p_model"), value: rt(lang, "p_modelValue") },
    { key: rt(lang, "p_conventions"), value: rt(lang, "p_conventionsValue") },
    { key: rt(lang, "p_language"), value: model.lang },
  ];
  const warnings = model.warnings.filter((w) => w.severity !== "info").map((w) => lineOf(w, lang));
  const blocks: Block[] = [
    { kind: "p", text: rt(lang, "p_intro") },
    { kind: "kv", rows },
    { kind: "h3", text: rt(lang, "p_warnings") },
    warnings.length > 0 ? { kind: "list", items: warnings } : { kind: "p", text: rt(lang, "p_noWarnings") },
  ];
  return { id: "provenance", title: rt(lang, "sec_provenance"), blocks };
}

/** Quote an argument the way a POSIX shell would need it, so the line can be pasted back. */
function shellQuote(arg: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}
