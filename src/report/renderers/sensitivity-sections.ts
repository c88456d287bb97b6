// The sensitivity report as neutral sections (titles, sentences, tables of strings), shared by the
// terminal and Markdown renderers. Numbers are formatted here once, per language. Pure.
import { Rational } from "../../exact/rational.js";
import type { Lang } from "../../i18n/lang.js";
import { lineOf } from "../../i18n/messages.js";
import { sensitivityMessage, ts } from "../../i18n/sensitivity.js";
import type { ScoreThreshold } from "../../sensitivity/score-threshold.js";
import type { StabilityInterval, StabilityRange } from "../../sensitivity/stability.js";
import { formatDecimal, formatPercent } from "../format.js";
import { internalsOf, type SensitivityModel } from "../sensitivity-model.js";

export interface SectionTable {
  header: string[];
  rows: string[][];
  /** Columns aligned right (numbers). */
  numeric: number[];
}

export interface Section {
  title: string;
  /** Plain sentences before the table. */
  lines: string[];
  tables: SectionTable[];
  /** Sentences to highlight (a verdict against robustness). */
  alerts: string[];
}

/** An exact value: the short decimal, or 4 decimals followed by the fraction. */
export function exactText(r: Rational, lang: Lang, decimals = 4): string {
  const short = r.toExactDecimal(decimals);
  if (short !== null) return formatDecimal(r, (short.split(".")[1] ?? "").length, lang);
  return `${formatDecimal(r, decimals, lang)} (${r.toString()})`;
}

/** A share as a percentage, with the exact fraction when the percentage is not a short decimal. */
export function shareText(r: Rational, lang: Lang): string {
  const pct = r.mul(Rational.of(100));
  const short = pct.toExactDecimal(2);
  return short !== null ? formatPercent(r, lang, (short.split(".")[1] ?? "").length) : `${formatPercent(r, lang, 2)} (${r.toString()})`;
}

const pairText = (p: readonly [string, string]): string => `${p[0]}–${p[1]}`;

function boundCell(r: StabilityRange, lang: Lang): string {
  return `[${shareText(r.lower, lang)} ; ${shareText(r.upper, lang)}]`;
}
function pairsCell(r: StabilityRange, lang: Lang): string {
  const lo = r.lowerPairs.map(pairText).join(", ") || ts(lang, "noBound");
  const hi = r.upperPairs.map(pairText).join(", ") || ts(lang, "noBound");
  return `${lo} / ${hi}`;
}

function stabilitySection(model: SensitivityModel, lang: Lang): Section {
  const { analysis, tender } = internalsOf(model);
  const label = (id: string) => tender.criteria.byId.get(id)?.label ?? id;
  const rows = analysis.stability.map((s) => [
    `${"  ".repeat(s.level)}${s.criterion}`,
    ts(lang, s.convention),
    `${shareText(s.weight, lang)} = ${exactText(s.weightPoints, lang)} pts`,
    s.note ? ts(lang, "onlyChild") : boundCell(s.winner, lang),
    s.note ? "" : pairsCell(s.winner, lang),
    s.note ? "" : boundCell(s.ranking, lang),
    s.note ? "" : pairsCell(s.ranking, lang),
  ]);
  const lines: string[] = [];
  // Sentences: the global convention for leaves, the local one for inner nodes (the table has both).
  const leaves = new Set(analysis.model.leaves);
  for (const s of analysis.stability) {
    if ((s.convention === "global") === leaves.has(s.criterion)) lines.push(...stabilitySentences(s, label(s.criterion), lang));
  }
  return {
    title: ts(lang, "s1"),
    lines,
    tables: [
      {
        header: [ts(lang, "criterion"), ts(lang, "convention"), ts(lang, "weight"), ts(lang, "winnerKept"), ts(lang, "binding"), ts(lang, "rankingKept"), ts(lang, "binding")],
        rows,
        numeric: [],
      },
    ],
    alerts: [],
  };
}

/** The lawyer's sentences of one interval: one per bound that a pair actually ties at. */
export function stabilitySentences(s: StabilityInterval, label: string, lang: Lang): string[] {
  if (s.note) return [];
  const w = s.winner;
  const convention = ts(lang, s.convention);
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

function minChangeSection(model: SensitivityModel, lang: Lang): Section {
  const { analysis } = internalsOf(model);
  const mc = analysis.minimalChange;
  const T = analysis.model.totalPoints;
  const leaves = analysis.model.leaves;
  const weightsText = (ws: Rational[]) => leaves.map((l, j) => `${l} ${exactText(ws[j]!.mul(T), lang, 2)}`).join(", ");
  const rows = mc.pairs.map((p) => [
    p.challenger,
    p.l1.status === "ok" ? exactText(p.l1.distancePoints, lang) : ts(lang, "unreachable"),
    p.linf.status === "ok" ? exactText(p.linf.distancePoints, lang) : ts(lang, "unreachable"),
    p.linf.status === "ok" ? weightsText(p.linf.weights) : "",
  ]);
  const lines = [ts(lang, "distanceNote")];
  const alerts: string[] = [];
  if (mc.margin === null) lines.push(ts(lang, "marginNone"));
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
    title: ts(lang, "s2"),
    lines,
    tables: [{ header: [ts(lang, "challenger"), ts(lang, "l1"), ts(lang, "linf"), ts(lang, "weightsAt")], rows, numeric: [1, 2] }],
    alerts,
  };
}

function thresholdCells(t: ScoreThreshold, lang: Lang): string[] {
  const v = (r: Rational) => (t.kind === "price" ? exactText(r, lang, 2) : exactText(r, lang));
  let atTie: string;
  if (t.target !== null) atTie = t.jump ? ts(lang, "jump", { value: v(t.target) }) : v(t.target);
  else if (t.bracket) atTie = ts(lang, "bracket", { lower: formatDecimal(t.bracket.lower, 6, lang), upper: formatDecimal(t.bracket.upper, 6, lang) });
  else atTie = "—";
  const change = t.delta !== null ? (t.delta.sign() > 0 ? "+" : "") + v(t.delta) : "—";
  const reason = t.reason === "above-scale" ? "reason_above" : t.reason === "below-scale" ? "reason_below" : t.reason === "non-positive-price" ? "reason_price" : "reason_none";
  return [
    t.challenger,
    t.leaf,
    ts(lang, t.direction === "raise-challenger" ? "raise" : "lower", { offer: t.mover }),
    v(t.current) + (t.scale ? ` / ${exactText(t.scale, lang)}` : ""),
    atTie,
    change,
    t.reachable ? ts(lang, "yes") : `${ts(lang, "no")} (${ts(lang, reason)})`,
  ];
}

function scoreSection(model: SensitivityModel, lang: Lang): Section {
  const { analysis, tender } = internalsOf(model);
  const ss = analysis.scoreSensitivity;
  const lines: string[] = [];
  const alerts: string[] = [];
  const nm = ss.noteMargin;
  if (nm) {
    const mover = nm.direction === "raise-challenger" ? nm.challenger : ss.winner!;
    const other = nm.direction === "raise-challenger" ? ss.winner! : nm.challenger;
    alerts.push(
      ts(lang, "noteMargin", {
        points: exactText(nm.points, lang),
        leaf: tender.criteria.byId.get(nm.leaf)?.label ?? nm.leaf,
        scale: exactText(nm.scale, lang),
        mover,
        from: exactText(nm.from, lang),
        to: exactText(nm.to, lang),
        other,
      }),
    );
  } else lines.push(ts(lang, "noteMarginNone"));
  if (ss.thresholds.some((t) => t.kind === "price")) lines.push(ts(lang, "priceNote"));
  return {
    title: ts(lang, "s3"),
    lines,
    tables: [
      {
        header: [ts(lang, "challenger"), ts(lang, "leaf"), ts(lang, "mover"), ts(lang, "current"), ts(lang, "atTie"), ts(lang, "change"), ts(lang, "reachable")],
        rows: ss.thresholds.map((t) => thresholdCells(t, lang)),
        numeric: [3, 5],
      },
    ],
    alerts,
  };
}

function methodsSection(model: SensitivityModel, lang: Lang): Section {
  const m = model.methods;
  const lines: string[] = [];
  const alerts: string[] = [];
  const rankingText = (r: { offer: string; rank: number }[]) => r.map((x) => `${x.rank}. ${x.offer}`).join("  ");
  const rows = m.variants.map((v) => [
    `${v.formula}${v.isBuyer ? ` ${ts(lang, "buyer")}` : ""}${v.derived ? ` *` : ""}`,
    v.skipped ? ts(lang, "skipped", { why: v.skipped }) : v.winners.join(", "),
    v.skipped ? "" : rankingText(v.ranking),
    v.skipped ? "" : v.sameWinner ? ts(lang, "yes") : ts(lang, "no"),
  ]);
  if (m.priceLeaves.length === 0) lines.push(ts(lang, "noPriceLeaf"));
  else {
    lines.push(`* ${ts(lang, "derivedNote")}`);
    if (m.formulaDecides) alerts.push(ts(lang, "formulaDecides"));
    else lines.push(ts(lang, "formulaKeeps"));
  }
  if (!m.rounding.applies) lines.push(ts(lang, "noRounding"));
  else if (m.roundingDecides) alerts.push(ts(lang, "roundingDecides", { rounded: m.rounding.rounded.winners.join(", "), unrounded: m.rounding.unrounded.winners.join(", ") }));
  else {
    lines.push(ts(lang, "roundingKeeps"));
    if (!m.rounding.sameRanking) alerts.push(ts(lang, "roundingRankingChanges"));
  }
  return {
    title: ts(lang, "s4"),
    lines,
    tables: m.priceLeaves.length ? [{ header: [ts(lang, "formula"), ts(lang, "winners"), ts(lang, "ranking"), ts(lang, "sameWinner")], rows, numeric: [] }] : [],
    alerts,
  };
}

function reversalSection(model: SensitivityModel, lang: Lang): Section {
  const rr = model.rankReversal;
  const lines: string[] = [];
  const alerts: string[] = [];
  if (rr.scenarios.length === 0) lines.push(ts(lang, "noScenario"));
  for (const s of rr.scenarios) {
    const head = ts(lang, s.kind === "withdraw" ? "withdraw" : "readmit", { offer: s.offer });
    if (s.skipped) {
      lines.push(`- ${head} : ${ts(lang, "skipped", { why: s.skipped })}`);
      continue;
    }
    const parts = s.flips.map((f) => ts(lang, `flip_${f.kind}` as "flip_reversed", { first: f.first, second: f.second }));
    if (s.winnerChanged) parts.push(ts(lang, "winnerChanged", { before: s.winnersBefore.join(", "), after: s.winnersAfter.join(", ") || "—" }));
    if (parts.length === 0) lines.push(`- ${head} : ${ts(lang, "noFlip")}`);
    else alerts.push(`${head} : ${parts.join(" ; ")}${s.changedLeaves.length ? ` (${ts(lang, "causedBy", { leaves: s.changedLeaves.join(", ") })})` : ""}`);
  }
  if (rr.anyReversal) lines.push(ts(lang, "reversalSummary"));
  return { title: ts(lang, "s5"), lines, tables: [], alerts };
}

function effectiveSection(model: SensitivityModel, lang: Lang): Section {
  const { analysis } = internalsOf(model);
  const rows = analysis.effectiveWeight.rows.map((r) => [
    `${"  ".repeat(r.depth)}${r.criterion}`,
    exactText(r.weight, lang),
    exactText(r.spread, lang),
    r.ratio === null ? "—" : shareText(r.ratio, lang),
  ]);
  return {
    title: ts(lang, "s6"),
    lines: [ts(lang, "neutralNote", { percent: formatPercent(Rational.of(1, 10), lang, 0) })],
    tables: [{ header: [ts(lang, "criterion"), ts(lang, "weight"), ts(lang, "spread"), ts(lang, "ratio")], rows, numeric: [1, 2, 3] }],
    alerts: [],
  };
}

function smaaSection(model: SensitivityModel, lang: Lang): Section {
  const s = model.smaa;
  if (!s) return { title: ts(lang, "s7"), lines: [ts(lang, "smaaSkipped")], tables: [], alerts: [] };
  const f = (x: number, d = 4) => formatDecimal(Rational.fromNumber(x), d, lang);
  const offers = Object.keys(s.rankAcceptability);
  const m = offers.length;
  const header = [ts(lang, "offer"), ...Array.from({ length: m }, (_, r) => ts(lang, "acceptability", { rank: r + 1 })), ts(lang, "confidence")];
  const rows = offers.map((o) => [
    o,
    ...s.rankAcceptability[o]!.map((b, r) => `${f(b)} ± ${f(s.halfWidth95[o]![r]!)}`),
    s.confidence[o] === null || s.confidence[o] === undefined ? "—" : f(s.confidence[o]!, 2),
  ]);
  const leaves = internalsOf(model).analysis.model.leaves;
  const cw = offers.map((o) => [o, ...leaves.map((l) => (s.centralWeights[o] ? f(s.centralWeights[o]![l]!, 3) : "—"))]);
  const lines = [
    ts(lang, "smaaParams", {
      samples: formatDecimal(Rational.of(s.samples), 0, lang),
      seed: s.seed,
      weights: s.weights,
      method: s.method,
      rng: s.rng,
      noise: s.scoreNoise > 0 ? ts(lang, "smaaNoise", { k: s.scoreNoise }) : "",
    }),
    ts(lang, "smaaHalfWidth", { bound: f(0.98 / Math.sqrt(s.samples)) }),
  ];
  const winner = model.winner;
  if (winner && s.rankAcceptability[winner]) lines.push(ts(lang, "winnerAcceptability", { offer: winner, b1: formatPercent(Rational.fromNumber(s.rankAcceptability[winner]![0]!), lang, 2) }));
  return {
    title: ts(lang, "s7"),
    lines,
    tables: [
      { header, rows, numeric: header.map((_, i) => i).slice(1) },
      { header: [ts(lang, "centralWeights"), ...leaves], rows: cw, numeric: leaves.map((_, i) => i + 1) },
    ],
    alerts: [],
  };
}

function failOnSection(model: SensitivityModel, lang: Lang): Section | null {
  if (model.failOn.length === 0) return null;
  const lines: string[] = [];
  const alerts: string[] = [];
  for (const f of model.failOn) {
    const args = { condition: f.condition, value: f.value ?? "n/a" };
    if (f.met) alerts.push(ts(lang, "failMet", args));
    else lines.push(ts(lang, "failNotMet", args));
  }
  return { title: ts(lang, "s8"), lines, tables: [], alerts };
}

/** The header lines: title, basis, unrounded notice. */
export function headerLines(model: SensitivityModel, lang: Lang): string[] {
  const out: string[] = [];
  if (model.winners.length > 1) out.push(ts(lang, "titleTie", { offers: model.winners.join(", ") }));
  else if (model.winner) out.push(ts(lang, "title", { winner: model.winner }));
  else out.push(ts(lang, "noOffer"));
  out.push(ts(lang, "totalPoints", { points: exactText(Rational.fromNumber(model.basis.totalPoints), lang) }));
  if (model.basis.roundingIgnored) out.push(ts(lang, "unrounded"));
  return out;
}

/** Every section, in issue order (1 → 8). */
export function buildSections(model: SensitivityModel, lang: Lang): Section[] {
  const sections = [
    stabilitySection(model, lang),
    minChangeSection(model, lang),
    scoreSection(model, lang),
    methodsSection(model, lang),
    reversalSection(model, lang),
    effectiveSection(model, lang),
    smaaSection(model, lang),
  ];
  const f = failOnSection(model, lang);
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
