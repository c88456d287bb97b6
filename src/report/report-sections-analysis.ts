// The charts (section 4) and the provenance (section 7) of the report document. The verdict and the
// sensitivity findings are in report-sections-sensitivity.ts, the check in report-sections-check.ts.
// Pure; words from i18n/report.ts.
import { Rational } from "../exact/rational.js";
import { lineOf } from "../i18n/messages.js";
import { rt } from "../i18n/report.js";
import { heatMapSvg, sensitivityLinesSvg, stabilityBarsSvg, stackedBarsSvg } from "./charts/index.js";
import { formatDecimal } from "./format.js";
import type { Block, DocChart, DocSection } from "./report-doc.js";
import { formatDateTime, formatFloat, formatShare, formatShort } from "./report-format.js";
import type { ReportModel } from "./report-model.js";
import { colon, type Figures } from "./report-sections.js";
import { samplerText } from "./report-sections-sensitivity.js";

function chart(id: string, title: string, alt: string, svg: string, legend: string[]): DocChart {
  const w = /width="([\d.]+)"/.exec(svg);
  const h = /height="([\d.]+)"/.exec(svg);
  return { id, title, alt, svg, width: Number(w?.[1] ?? 720), height: Number(h?.[1] ?? 360), legend };
}

export function chartsSection(model: ReportModel, f: Figures, _chartsDir?: string): DocSection {
  const { lang } = f;
  const blocks: Block[] = [];
  if (model.unknowns.status === "computed") return { id: "charts", title: rt(lang, "sec_charts"), blocks: [{ kind: "notice", text: rt(lang, "c_unknowns") }] };
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
  const sens = model.sensitivity.status === "computed" ? model.sensitivity.model : null;
  const stability = sens?.stability ?? [];
  if (a.lines.length === 0) blocks.push({ kind: "p", text: rt(lang, "c_noCharts") });
  const winner = model.summary.winner ?? model.summary.winners[0] ?? null;
  const runnerUp = a.offers.find((id) => id !== winner) ?? null;
  for (const l of a.lines) {
    const stab = stability.find((s) => s.criterion === l.criterion && s.convention === l.convention);
    const name = f.label(l.criterion);
    const svg = sensitivityLinesSvg({
      title: rt(lang, "c_linesTitle", { criterion: name }),
      xLabel: rt(lang, l.convention === "local" && model.method.criteria.find((c) => c.id === l.criterion)?.depth !== 0 ? "c_axisShareParent" : "c_axisShareTotal"),
      yLabel: rt(lang, "c_axisTotal"),
      lines: l.lines.map((x) => ({ label: x.offer, y0: x.at0.value, y1: x.at1.value, role: x.offer === winner ? "winner" : x.offer === runnerUp ? "challenger" : "other" })),
      current: l.weight.value,
      currentLabel: rt(lang, "c_current"),
      winnerZone: stab && stab.note === null ? { lower: stab.winner.lower, upper: stab.winner.upper, label: rt(lang, "c_winnerZone") } : null,
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

  const bars = stability.filter((s) => s.convention === "local" && s.note === null);
  if (bars.length > 0) {
    const svg = stabilityBarsSvg({
      title: rt(lang, "c_stabilityTitle"),
      rows: bars.map((s) => ({
        label: s.criterion,
        depth: s.level,
        current: s.weight,
        lower: s.winner.lower,
        upper: s.winner.upper,
        text: `${formatShare(Rational.fromNumber(s.winner.lower), lang, 1)} – ${formatShare(Rational.fromNumber(s.winner.upper), lang, 1)}`,
      })),
      formatX: (t) => formatShare(Rational.fromNumber(t), lang, 0),
    });
    blocks.push({ kind: "chart", chart: chart("chart-stability", rt(lang, "c_stabilityTitle"), rt(lang, "c_stabilityAlt"), svg, bars.map((s) => `${s.criterion}${colon(lang)}${f.label(s.criterion)}`)) });
  }

  if (sens?.smaa) {
    const sm = sens.smaa;
    const svg = heatMapSvg({
      title: rt(lang, "c_heatTitle"),
      rowLabels: a.offers,
      columnLabels: a.offers.map((_, r) => String(r + 1)),
      columnTitle: rt(lang, "c_rankHeader"),
      values: a.offers.map((id) => sm.rankAcceptability[id] ?? []),
      format: (p) => (p < 0.0005 ? "" : formatFloat(p * 100, p >= 0.995 || p < 0.1 ? 0 : 0, lang)),
    });
    blocks.push({ kind: "chart", chart: chart("chart-smaa", rt(lang, "c_heatTitle"), rt(lang, "c_heatAlt"), svg, offerLegend) });
  }
  return { id: "charts", title: rt(lang, "sec_charts"), blocks };
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
