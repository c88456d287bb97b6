// The sensitivity report as neutral sections (titles, sentences, tables of strings), shared by the
// terminal and Markdown renderers. Numbers are formatted here once, per language. Pure.
import { Rational } from "../../exact/rational.js";
import type { Lang } from "../../i18n/lang.js";
import { lineOf } from "../../i18n/messages.js";
import { sensitivityMessage, ts, type SensitivityKey } from "../../i18n/sensitivity.js";
import type { FailOnResult } from "../../sensitivity/fail-on.js";
import { compareThresholdSize, type ScoreThreshold } from "../../sensitivity/score-threshold.js";
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
  /** Sentences before the tables (context needed to read them). */
  intro?: string[];
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

const pairText = (p: readonly [string, string]): string => `${p[0]}–${p[1]}`;

/** A section title, marked as a bound when the figures depend on occulted values. */
function titleOf(model: SensitivityModel, lang: Lang, key: "s1" | "s2" | "s3" | "s7"): string {
  const occ = internalsOf(model).occulted;
  return occ && !occ.awardDepends ? ts(lang, "sectionBound", { title: ts(lang, key) }) : ts(lang, key);
}

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

function stabilitySection(model: SensitivityModel, lang: Lang): Section {
  const { analysis, tender } = internalsOf(model);
  const label = (id: string) => tender.criteria.byId.get(id)?.label ?? id;
  const leaves = new Set(analysis.model.leaves);
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
    title: titleOf(model, lang, "s1"),
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

function minChangeSection(model: SensitivityModel, lang: Lang): Section {
  const { analysis } = internalsOf(model);
  const mc = analysis.minimalChange;
  const T = analysis.model.totalPoints;
  const leaves = analysis.model.leaves;
  const weightsText = (ws: Rational[]) => leaves.map((l, j) => `${l} ${exactText(ws[j]!.mul(T), lang, 2)}`).join(", ");
  // The cell lists only the weights that move (announced → reached), at most MOVES_SHOWN of them.
  const MOVES_SHOWN = 2;
  const movesText = (ws: Rational[]) => {
    const moved = leaves
      .map((l, j) => ({ l, from: analysis.model.weights[j]!, to: ws[j]!.mul(T) }))
      .filter((m) => !m.from.eq(m.to))
      .sort((a, b) => b.to.sub(b.from).abs().cmp(a.to.sub(a.from).abs()));
    const shown = moved.slice(0, MOVES_SHOWN).map((m) => `${m.l} ${exactCell(m.from, lang, 2)} → ${exactCell(m.to, lang, 2)}`);
    if (moved.length > MOVES_SHOWN) shown.push(ts(lang, "andMore", { count: moved.length - MOVES_SHOWN }));
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
    title: titleOf(model, lang, "s2"),
    lines,
    tables: [{ header: [ts(lang, "challenger"), ts(lang, "l1Short"), ts(lang, "linfShort"), ts(lang, "weightsAt")], rows, numeric: [1, 2] }],
    alerts,
  };
}

/** Thresholds shown per challenger in the human-facing outputs (JSON has them all). */
export const THRESHOLDS_SHOWN = 10;

function thresholdCells(t: ScoreThreshold, lang: Lang): string[] {
  const v = (r: Rational) => (t.kind === "price" ? exactCell(r, lang, 2) : exactCell(r, lang));
  let atTie: string;
  if (t.target !== null) atTie = t.jump ? ts(lang, "jump", { value: v(t.target) }) : v(t.target);
  else if (t.bracket) atTie = ts(lang, "bracket", { lower: formatDecimal(t.bracket.lower, 6, lang), upper: formatDecimal(t.bracket.upper, 6, lang) });
  else atTie = "—";
  const change = t.delta !== null ? (t.delta.sign() > 0 ? "+" : "") + v(t.delta) : "—";
  return [t.leaf, ts(lang, t.direction === "raise-challenger" ? "raise" : "lower", { offer: t.mover }), v(t.current) + (t.scale ? ` / ${exactText(t.scale, lang)}` : ""), atTie, change];
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
  } else if (analysis.model.offers.length > 1) lines.push(ts(lang, "noteMarginNone"));
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
    for (const t of sorted.slice(0, THRESHOLDS_SHOWN)) rows.push([c, ...thresholdCells(t, lang)]);
    if (sorted.length > THRESHOLDS_SHOWN) notes.push(ts(lang, "moreThresholds", { count: sorted.length - THRESHOLDS_SHOWN, offer: c }));
  }
  if (ss.thresholds.length > 0) lines.push(ts(lang, "thresholdsShown", { k: THRESHOLDS_SHOWN, hidden }));
  if (rows.some((r) => r.some((c) => c.includes("≈")))) lines.push(ts(lang, "approxNote"));
  if (none.length > 0) notes.unshift(ts(lang, "noReachable", { offer: none.join(", ") }));
  lines.push(...notes);
  if (ss.thresholds.some((t) => t.kind === "price")) lines.push(ts(lang, "priceNote"));
  return {
    title: titleOf(model, lang, "s3"),
    lines,
    tables: [
      {
        header: [ts(lang, "challenger"), ts(lang, "leaf"), ts(lang, "mover"), ts(lang, "current"), ts(lang, "atTie"), ts(lang, "change")],
        rows,
        numeric: [3, 4, 5],
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
  // The tender as announced first, so that every variant reads against it (mixed formulas included).
  const baselineRow = [ts(lang, "asAnnounced"), m.baseline.winners.join(", "), rankingText(m.baseline.ranking), "—"];
  const variantRows = m.variants.map((v) => [
    `${v.formula}${v.isBuyer ? ` ${ts(lang, "buyer")}` : ""}${v.derived ? ` *` : ""}`,
    v.skipped ? ts(lang, "skipped", { why: v.skipped }) : v.winners.join(", "),
    v.skipped ? "" : rankingText(v.ranking),
    v.skipped ? "" : v.sameWinner ? ts(lang, "yes") : ts(lang, "no"),
  ]);
  const rows = [baselineRow, ...variantRows];
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
  // Every scenario as one bullet, in the analysis' order; the verdict is the highlighted summary.
  for (const s of rr.scenarios) {
    const head = ts(lang, s.kind === "withdraw" ? "withdraw" : "readmit", { offer: s.offer });
    const colon = lang === "fr" ? " : " : ": ";
    if (s.skipped) {
      lines.push(`- ${head}${colon}${ts(lang, "skipped", { why: s.skipped })}`);
      continue;
    }
    const parts = s.flips.map((f) => ts(lang, `flip_${f.kind}` as "flip_reversed", { first: f.first, second: f.second }));
    if (s.winnerChanged) parts.push(ts(lang, "winnerChanged", { before: s.winnersBefore.join(", "), after: s.winnersAfter.join(", ") || "—" }));
    if (parts.length === 0) lines.push(`- ${head}${colon}${ts(lang, "noFlip")}`);
    else lines.push(`- ${head}${colon}${parts.join(lang === "fr" ? " ; " : "; ")}${s.changedLeaves.length ? ` — ${ts(lang, "causedBy", { leaves: s.changedLeaves.join(", ") })}` : ""}`);
  }
  if (rr.anyReversal) alerts.push(ts(lang, "reversalSummary"));
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
    title: titleOf(model, lang, "s7"),
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
  return { title: ts(lang, "s8"), lines, tables: [], alerts };
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
    return { title: ts(lang, "s0"), intro: lines, lines: [], tables, alerts };
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
  return { title: ts(lang, "s0"), intro: lines, lines: after, tables, alerts };
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

/** Every section, in issue order (1 → 8). */
export function buildSections(model: SensitivityModel, lang: Lang): Section[] {
  const occulted = occultedSection(model, lang);
  const sections = [
    ...(occulted ? [occulted] : []),
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
