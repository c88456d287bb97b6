// Section 5 of the report (sensitivity findings in full) and the plain-language verdict of section 1,
// both read from the `psc-audit sensitivity` model (one analysis run) and its exact internals. The
// sentences and number formats of the sensitivity renderers are reused (sensitivity-sections.ts,
// i18n/sensitivity.ts); wide or long tables keep the k most relevant rows, with a note, the JSON
// holding everything. Pure.
import { Rational } from "../exact/rational.js";
import type { Lang } from "../i18n/lang.js";
import { rt } from "../i18n/report.js";
import { sensitivityMessage, ts } from "../i18n/sensitivity.js";
import type { SensitivityAnalysis } from "../sensitivity/analyse.js";
import { compareThresholdSize, type ScoreThreshold } from "../sensitivity/score-threshold.js";
import type { StabilityInterval, StabilityRange } from "../sensitivity/stability.js";
import type { WeightSampler } from "../smaa/index.js";
import { formatDecimal, formatPercent } from "./format.js";
import type { Block, DocRow, DocSection, DocTable } from "./report-doc.js";
import { formatProbability, formatShort, ratOf } from "./report-format.js";
import type { ReportModel } from "./report-model.js";
import { colon, type Figures } from "./report-sections.js";
import { exactText as exactTextFull, shareText as shareTextFull, stabilitySentences } from "./renderers/sensitivity-sections.js";
import { internalsOf, type SensitivityModel } from "./sensitivity-model.js";

/**
 * Drop an exact fraction too long to read ("(57224845445/4529330285338)"): the rounded decimal stays,
 * the fraction is in the JSON. Short ones ("(13/18)") stay beside their decimal.
 */
export function readableFractions(text: string): string {
  return text.replace(/ \(=? ?[-−]?\d+\/\d+\)/g, (m, offset: number) => (m.length <= 13 ? m : /\d/.test(text.charAt(offset - 1)) ? "…" : ""));
}
const exactText = (r: Rational, lang: Lang, decimals = 4): string => readableFractions(exactTextFull(r, lang, decimals));
const shareText = (r: Rational, lang: Lang): string => readableFractions(shareTextFull(r, lang));

/** Plain language: the exact value when it has at most 2 decimals, else "≈" and a rounded one. */
function plain(r: Rational, lang: Lang): string {
  const short = r.toExactDecimal(2);
  if (short !== null) return formatDecimal(r, (short.split(".")[1] ?? "").length, lang);
  return `≈\u00A0${formatDecimal(r, r.abs().lt(Rational.ONE) ? 4 : 2, lang)}`;
}
function plainShare(r: Rational, lang: Lang): string {
  const short = r.mul(Rational.of(100)).toExactDecimal(2);
  if (short !== null) return formatPercent(r, lang, (short.split(".")[1] ?? "").length);
  return `≈\u00A0${formatPercent(r, lang, 2)}`;
}

/** Rows shown in a long table before "the N others are in the JSON". */
export const MAX_ROWS = 15;
/** Columns of offers or leaves in one table before splitting or aggregating. */
export const MAX_COLUMNS = 8;

export function samplerText(s: WeightSampler, lang: Lang): string {
  if (s.kind === "simplex") return rt(lang, "sampler_simplex");
  if (s.kind === "ordinal") return rt(lang, "sampler_ordinal");
  return rt(lang, "sampler_box", { points: formatShort(Rational.fromNumber(s.points), lang), level: rt(lang, s.level === "top" ? "level_top" : "level_leaf") });
}

const analysisOf = (sm: SensitivityModel): SensitivityAnalysis => internalsOf(sm).analysis;

/** The other offer of a tying pair (the one that would overtake `winner`). */
function challengerOf(pair: readonly [string, string] | null, winner: string): string | null {
  if (!pair) return null;
  return pair[0] === winner ? pair[1] : pair[0];
}

/** The top-level weight bound nearest to the current weight, in the local convention (share of the total). */
function closestTopBound(a: SensitivityAnalysis): { row: StabilityInterval; side: "lower" | "upper"; bound: Rational; pair: [string, string] } | null {
  let best: { row: StabilityInterval; side: "lower" | "upper"; bound: Rational; pair: [string, string]; d: Rational } | null = null;
  for (const row of a.stability) {
    if (row.level !== 0 || row.convention !== "local" || row.note !== null) continue;
    const r = row.winner;
    // A bound at 0 or 100 % where a pair merely ties at the end of the axis still changes nothing before it.
    if (r.upperPair && r.upper.lt(Rational.ONE)) {
      const d = r.upper.sub(row.weight);
      if (!best || d.lt(best.d)) best = { row, side: "upper", bound: r.upper, pair: r.upperPair, d };
    }
    if (r.lowerPair && r.lower.sign() > 0) {
      const d = row.weight.sub(r.lower);
      if (!best || d.lt(best.d)) best = { row, side: "lower", bound: r.lower, pair: r.lowerPair, d };
    }
  }
  return best;
}

/** The verdict paragraph of section 1, in the issue's words, one sentence per finding that applies. */
export function verdictSentences(model: ReportModel, f: Figures): string[] {
  const { lang } = f;
  const s = model.summary;
  if (model.unknowns.status === "computed") {
    const u = model.unknowns.model;
    const out = [
      u.winner.status === "certain"
        ? rt(lang, "v_unknownsCertain", { offer: u.winner.offer ?? "—", count: u.unknowns.length })
        : rt(lang, u.winner.status === "depends" ? "v_unknownsDepends" : "v_unknownsUndetermined", { offers: u.winner.possible.join(", "), count: u.unknowns.length }),
    ];
    out.push(rt(lang, "v_unknownsNoSensitivity"));
    return out;
  }
  if (s.ranked === 0) return [rt(lang, "v_none")];
  if (s.ranked === 1) return [rt(lang, "v_single")];
  const out: string[] = [];
  if (s.tieForFirst) out.push(rt(lang, "v_tie", { offers: s.winners.join(", ") }));
  if (model.sensitivity.status !== "computed") {
    out.push(rt(lang, "v_notComputed"));
    return out;
  }
  const sm = model.sensitivity.model;
  const a = analysisOf(sm);
  const winner = a.minimalChange.winner ?? s.winners[0]!;
  const label = f.label;
  const totalText = formatShort(ratOf(model.method.totalPoints), lang);

  // 1. No change of at most X points to any single weight changes the award.
  const m = a.minimalChange.margin;
  if (m === null) out.push(rt(lang, "v_linfNone"));
  else if (!m.distance.isZero()) out.push(rt(lang, "v_margin", { points: plain(m.distancePoints, lang), total: totalText, challenger: m.challenger }));

  // 2. The award changes if the weight of 'Prix' exceeds Y %.
  const bound = closestTopBound(a);
  if (bound) {
    out.push(
      rt(lang, bound.side === "upper" ? "v_upper" : "v_lower", {
        criterion: label(bound.row.criterion),
        bound: plainShare(bound.bound, lang),
        current: plainShare(bound.row.weight, lang),
        challenger: challengerOf(bound.pair, winner) ?? "—",
      }),
    );
  } else if (a.model.tree.roots.length > 1) out.push(rt(lang, "v_noBound"));

  // 3. A difference of Z note points on 'Qualité de service' decides it.
  const nm = a.scoreSensitivity.noteMargin;
  if (nm) {
    const mover = nm.direction === "raise-challenger" ? nm.challenger : (a.scoreSensitivity.winner ?? winner);
    const other = nm.direction === "raise-challenger" ? (a.scoreSensitivity.winner ?? winner) : nm.challenger;
    out.push(rt(lang, "v_note", { points: plain(nm.points, lang), criterion: label(nm.leaf), scale: plain(nm.scale, lang), mover, from: plain(nm.from, lang), to: plain(nm.to, lang), other }));
  } else if (a.scoreSensitivity.thresholds.some((t) => t.kind === "note")) out.push(rt(lang, "v_noteNone"));

  // 4. The ranking depends / does not depend on the choice of price formula.
  const ms = sm.methods;
  const computed = ms.variants.filter((v) => v.skipped === null && !v.isBuyer);
  if (ms.priceLeaves.length === 0) out.push(rt(lang, "v_formulaNone"));
  else if (ms.formulaDecides) {
    const others = computed.filter((v) => !v.sameWinner).map((v) => `${v.formula} → ${v.winners.join(", ")}`);
    out.push(rt(lang, "v_formulaDecides", { formulas: others.join(lang === "fr" ? " ; " : "; ") }));
  } else if (computed.some((v) => !v.sameRanking)) {
    out.push(rt(lang, "v_formulaRanking", { formulas: computed.filter((v) => !v.sameRanking).map((v) => v.formula).join(", ") }));
  } else out.push(rt(lang, "v_formulaKeeps", { count: computed.length }));

  // 5. Rounding.
  if (ms.rounding.applies) {
    if (ms.roundingDecides) out.push(rt(lang, "v_roundingDecides", { rounded: ms.rounding.rounded.winners.join(", "), unrounded: ms.rounding.unrounded.winners.join(", ") }));
    else if (!ms.rounding.sameRanking) out.push(rt(lang, "v_roundingRanking"));
    else out.push(rt(lang, "v_roundingKeeps"));
  }

  // 6. Rank reversal.
  const rr = sm.rankReversal;
  if (rr.anyWinnerChange) {
    const s0 = rr.scenarios.find((x) => x.winnerChanged)!;
    out.push(rt(lang, "v_reversalWinner", { action: rt(lang, s0.kind === "withdraw" ? "v_withdraw" : "v_readmit", { offer: s0.offer }), before: s0.winnersBefore.join(", "), after: s0.winnersAfter.join(", ") || "—" }));
  } else if (rr.anyReversal) out.push(rt(lang, "v_reversal"));
  else if (rr.scenarios.length > 0) out.push(rt(lang, "v_reversalNone"));

  // 7. SMAA.
  const smaa = sm.smaa;
  if (smaa && !s.tieForFirst) {
    const b = smaa.rankAcceptability[winner]?.[0];
    const hw = smaa.halfWidth95[winner]?.[0];
    if (b !== undefined && hw !== undefined) {
      out.push(rt(lang, "v_smaa", { samples: formatShort(Rational.of(smaa.samples), lang), sampler: samplerText(smaa.sampler, lang), offer: winner, share: formatProbability(b, lang, 1), hw: formatProbability(hw, lang, 1) }));
    }
  }
  if (model.method.weightKind === "order") out.push(rt(lang, "v_weightsOrder"));
  else if (model.method.weightKind === "mid") out.push(rt(lang, "v_weightsMid"));
  return out;
}

function table(id: string, caption: string, head: string[], align: ("left" | "right")[], rows: DocRow[], notes: string[] = []): Block {
  return { kind: "table", table: { id, caption, head, align, rows, notes } satisfies DocTable };
}
const cell = (text: string, flag?: "diff" | "strong" | "muted", indent?: number): DocRow["cells"][number] => ({ text, ...(flag ? { flag } : {}), ...(indent ? { indent } : {}) });
const row = (cells: DocRow["cells"], kind: DocRow["kind"] = "normal"): DocRow => ({ cells, kind });
const omitted = (lang: Lang, shown: number, total: number): string[] => (shown < total ? [rt(lang, "s_rowsOmitted", { shown, total })] : []);

function boundText(r: StabilityRange, lang: Lang): string {
  return rt(lang, "rangeText", { lower: shareText(r.lower, lang), upper: shareText(r.upper, lang) });
}
/** The pairs tying at the low and the high bound ("—" for an end of the axis without a tie). */
function pairsText(r: StabilityRange): string {
  const one = (ps: readonly (readonly [string, string])[]): string => (ps.length === 0 ? "—" : ps.map((p) => `${p[0]} = ${p[1]}`).join(", "));
  return `${one(r.lowerPairs)} / ${one(r.upperPairs)}`;
}

function stabilityBlocks(a: SensitivityAnalysis, f: Figures): Block[] {
  const { lang } = f;
  const blocks: Block[] = [{ kind: "h3", text: rt(lang, "s5_stability") }, { kind: "p", text: rt(lang, "s_intro") }];
  const rows = a.stability.map((s) =>
    row(
      [
        cell(`${s.criterion} — ${f.label(s.criterion)}`, s.level === 0 ? "strong" : undefined, s.level),
        cell(rt(lang, s.convention === "local" ? "conv_local" : "conv_global")),
        cell(`${shareText(s.weight, lang)} (${rt(lang, "pointsText", { points: exactText(s.weightPoints, lang) })})`),
        cell(s.note ? rt(lang, "onlyChild") : boundText(s.winner, lang)),
        cell(s.note ? "" : pairsText(s.winner)),
        cell(s.note ? "" : boundText(s.ranking, lang)),
      ],
      s.level === 0 && s.convention === "local" ? "group" : "normal",
    ),
  );
  blocks.push(
    table(
      "stability",
      rt(lang, "s_stabilityTitle"),
      [rt(lang, "col_criterion"), rt(lang, "col_convention"), rt(lang, "col_current"), rt(lang, "col_winnerRange"), rt(lang, "col_tiesLowHigh"), rt(lang, "col_rankingRange")],
      ["left", "left", "right", "right", "left", "right"],
      rows,
      [rt(lang, "s_stabilityNote")],
    ),
  );
  // The lawyer's sentences: top-level criteria (local) and leaves (global); the nearest bounds first.
  const leaves = new Set(a.model.leaves);
  const sentences: { d: Rational; text: string }[] = [];
  for (const s of a.stability) {
    const wanted = s.level === 0 ? s.convention === "local" : leaves.has(s.criterion) && s.convention === "global";
    if (!wanted || s.note) continue;
    const d = Rational.min(s.winner.upper.sub(s.weight), s.weight.sub(s.winner.lower));
    // Both kept conventions measure a share of the total: say so plainly, once.
    for (const text of stabilitySentences(s, f.label(s.criterion), lang, rt(lang, "conv_shareTotal"))) sentences.push({ d, text: readableFractions(text).replace(/^- /, "") });
  }
  sentences.sort((x, y) => x.d.cmp(y.d));
  if (sentences.length > 0) {
    blocks.push({ kind: "list", items: sentences.slice(0, MAX_ROWS).map((s) => capitalise(s.text) + ".") });
    if (sentences.length > MAX_ROWS) blocks.push({ kind: "p", text: rt(lang, "s_sentencesOmitted", { shown: MAX_ROWS, total: sentences.length }) });
  } else blocks.push({ kind: "p", text: rt(lang, "s_noBoundSentence") });
  return blocks;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The weights a change reaches, only those that move: "quality 30 → 40". */
function changedWeights(a: SensitivityAnalysis, reached: readonly Rational[], lang: Lang, max = 6): string {
  const parts: string[] = [];
  a.model.leaves.forEach((leaf, j) => {
    const before = a.model.weights[j]!;
    const after = reached[j]!;
    if (!before.eq(after)) parts.push(`${leaf} ${exactText(before, lang, 2)} → ${exactText(after, lang, 2)}`);
  });
  if (parts.length > max) return `${parts.slice(0, max).join(", ")}, … (+${parts.length - max})`;
  return parts.join(", ");
}

function minChangeBlocks(a: SensitivityAnalysis, f: Figures): Block[] {
  const { lang } = f;
  const mc = a.minimalChange;
  const T = a.model.totalPoints;
  const blocks: Block[] = [{ kind: "h3", text: rt(lang, "s5_minChange") }, { kind: "p", text: rt(lang, "s_minChangeIntro") }];
  if (mc.margin === null) blocks.push({ kind: "p", text: ts(lang, "marginNone") });
  else if (mc.margin.distance.isZero()) blocks.push({ kind: "notice", text: ts(lang, "marginTie") });
  else {
    const reached = mc.margin.weights.map((w) => w.mul(T));
    blocks.push({ kind: "p", text: rt(lang, "s_marginSentence", { points: exactText(mc.margin.distancePoints, lang), challenger: mc.margin.challenger, weights: changedWeights(a, reached, lang) }) });
  }
  const key = (p: (typeof mc.pairs)[number]): Rational | null => (p.linf.status === "ok" ? p.linf.distancePoints : null);
  const pairs = [...mc.pairs].sort((x, y) => {
    const kx = key(x);
    const ky = key(y);
    if (kx === null || ky === null) return kx === null ? (ky === null ? 0 : 1) : -1;
    return kx.cmp(ky);
  });
  const shown = pairs.slice(0, MAX_ROWS);
  blocks.push(
    table(
      "minimal-change",
      rt(lang, "s_minChangeTitle"),
      [rt(lang, "col_challenger"), rt(lang, "col_gap"), rt(lang, "col_l1"), rt(lang, "col_linf"), rt(lang, "col_reached")],
      ["left", "right", "right", "right", "left"],
      shown.map((p) =>
        row([
          cell(p.challenger, "strong"),
          cell(exactText(p.gapPoints, lang)),
          cell(p.l1.status === "ok" ? exactText(p.l1.distancePoints, lang) : rt(lang, "unreachable")),
          cell(p.linf.status === "ok" ? exactText(p.linf.distancePoints, lang) : rt(lang, "unreachable")),
          cell(p.linf.status === "ok" ? changedWeights(a, p.linf.weightsPoints, lang) : ""),
        ]),
      ),
      [ts(lang, "distanceNote"), ...omitted(lang, shown.length, pairs.length)],
    ),
  );
  return blocks;
}

function thresholdRow(t: ScoreThreshold, f: Figures): DocRow {
  const { lang } = f;
  const v = (r: Rational): string => (t.kind === "price" ? exactText(r, lang, 2) : exactText(r, lang));
  let atTie: string;
  if (t.target !== null) atTie = t.jump ? ts(lang, "jump", { value: v(t.target) }) : v(t.target);
  else if (t.bracket) atTie = ts(lang, "bracket", { lower: formatDecimal(t.bracket.lower, 6, lang), upper: formatDecimal(t.bracket.upper, 6, lang) });
  else atTie = "—";
  const change = t.delta !== null ? (t.delta.sign() > 0 ? "+" : "") + v(t.delta) : "—";
  const reason = t.reason === "above-scale" ? "reason_above" : t.reason === "below-scale" ? "reason_below" : t.reason === "non-positive-price" ? "reason_price" : "reason_none";
  return row([
    cell(t.challenger, "strong"),
    cell(`${t.leaf} — ${f.label(t.leaf)}`),
    cell(ts(lang, t.direction === "raise-challenger" ? "raise" : "lower", { offer: t.mover })),
    cell(v(t.current) + (t.scale ? ` / ${exactText(t.scale, lang)}` : "")),
    cell(atTie),
    cell(change),
    t.reachable ? cell(ts(lang, "yes")) : cell(`${ts(lang, "no")} (${ts(lang, reason)})`, "muted"),
  ]);
}

function scoreBlocks(a: SensitivityAnalysis, f: Figures): Block[] {
  const { lang } = f;
  const ss = a.scoreSensitivity;
  const blocks: Block[] = [{ kind: "h3", text: rt(lang, "s5_score") }];
  const nm = ss.noteMargin;
  if (nm) {
    const mover = nm.direction === "raise-challenger" ? nm.challenger : ss.winner!;
    const other = nm.direction === "raise-challenger" ? ss.winner! : nm.challenger;
    blocks.push({ kind: "notice", text: ts(lang, "noteMargin", { points: exactText(nm.points, lang), leaf: f.label(nm.leaf), scale: exactText(nm.scale, lang), mover, from: exactText(nm.from, lang), to: exactText(nm.to, lang), other }) });
  } else blocks.push({ kind: "p", text: ts(lang, "noteMarginNone") });
  const notes = [rt(lang, "s_scoreNote")];
  if (ss.thresholds.some((t) => t.kind === "price")) notes.push(ts(lang, "priceNote"));
  const all = ss.thresholds;
  // Small tenders: every challenger × leaf × direction. Large ones: the reachable thresholds that ask the least.
  const chosen = all.length <= 3 * MAX_ROWS ? all : [...all].sort((x, y) => Number(y.reachable) - Number(x.reachable) || compareThresholdSize(x, y)).slice(0, 2 * MAX_ROWS);
  if (chosen.length < all.length) notes.push(rt(lang, "s_thresholdsOmitted", { shown: chosen.length, total: all.length }));
  blocks.push(
    table(
      "score-thresholds",
      rt(lang, "s_scoreTitle"),
      [rt(lang, "col_challenger"), rt(lang, "col_criterion"), ts(lang, "mover"), ts(lang, "current"), ts(lang, "atTie"), ts(lang, "change"), ts(lang, "reachable")],
      ["left", "left", "left", "right", "right", "right", "left"],
      chosen.map((t) => thresholdRow(t, f)),
      notes,
    ),
  );
  return blocks;
}

function methodBlocks(sm: SensitivityModel, f: Figures): Block[] {
  const { lang } = f;
  const m = sm.methods;
  const blocks: Block[] = [{ kind: "h3", text: rt(lang, "s5_methods") }];
  if (m.priceLeaves.length === 0) blocks.push({ kind: "p", text: ts(lang, "noPriceLeaf") });
  else {
    if (m.formulaDecides) blocks.push({ kind: "notice", text: ts(lang, "formulaDecides") });
    else blocks.push({ kind: "p", text: ts(lang, "formulaKeeps") });
    const firsts = (r: { offer: string; rank: number }[]): string => {
      const head = r.slice(0, 4).map((x) => `${x.rank}. ${x.offer}`).join(" · ");
      return r.length > 4 ? `${head} · …` : head;
    };
    blocks.push(
      table(
        "price-formulas",
        rt(lang, "s_formulasTitle", { leaves: m.priceLeaves.join(", ") }),
        [ts(lang, "formula"), ts(lang, "winners"), ts(lang, "sameWinner"), rt(lang, "col_sameRanking"), rt(lang, "col_firstRanks")],
        ["left", "left", "left", "left", "left"],
        m.variants.map((v) =>
          row(
            [
              cell(`${v.formula}${v.isBuyer ? ` ${ts(lang, "buyer")}` : ""}${v.derived ? " *" : ""}${v.inexact ? " ≈" : ""}`, v.isBuyer ? "strong" : undefined),
              cell(v.skipped ? ts(lang, "skipped", { why: v.skipped }) : v.winners.join(", ")),
              v.skipped ? cell("") : v.sameWinner ? cell(ts(lang, "yes")) : cell(ts(lang, "no"), "diff"),
              v.skipped ? cell("") : v.sameRanking ? cell(ts(lang, "yes")) : cell(ts(lang, "no"), "diff"),
              cell(v.skipped ? "" : firsts(v.ranking)),
            ],
            v.isBuyer ? "winner" : "normal",
          ),
        ),
        [`* ${ts(lang, "derivedNote")}`, ...(m.variants.some((v) => v.inexact) ? [rt(lang, "inexactMark")] : [])],
      ),
    );
  }
  if (!m.rounding.applies) blocks.push({ kind: "p", text: ts(lang, "noRounding") });
  else if (m.roundingDecides) blocks.push({ kind: "notice", text: ts(lang, "roundingDecides", { rounded: m.rounding.rounded.winners.join(", "), unrounded: m.rounding.unrounded.winners.join(", ") }) });
  else {
    blocks.push({ kind: "p", text: ts(lang, "roundingKeeps") });
    if (!m.rounding.sameRanking) blocks.push({ kind: "notice", text: ts(lang, "roundingRankingChanges") });
  }
  return blocks;
}

function reversalBlocks(sm: SensitivityModel, f: Figures): Block[] {
  const { lang } = f;
  const rr = sm.rankReversal;
  const blocks: Block[] = [{ kind: "h3", text: rt(lang, "s5_reversal") }];
  if (rr.scenarios.length === 0) return [...blocks, { kind: "p", text: ts(lang, "noScenario") }];
  const quiet: string[] = [];
  const skipped: string[] = [];
  for (const s of rr.scenarios) {
    const head = ts(lang, s.kind === "withdraw" ? "withdraw" : "readmit", { offer: s.offer });
    if (s.skipped) {
      skipped.push(`${head}${colon(lang)}${ts(lang, "skipped", { why: s.skipped })}`);
      continue;
    }
    const parts = s.flips.map((x) => ts(lang, `flip_${x.kind}` as "flip_reversed", { first: x.first, second: x.second }));
    if (s.winnerChanged) parts.push(ts(lang, "winnerChanged", { before: s.winnersBefore.join(", "), after: s.winnersAfter.join(", ") || "—" }));
    if (parts.length === 0) quiet.push(s.offer);
    else blocks.push({ kind: "notice", text: `${head}${colon(lang)}${parts.join(" ; ")}${s.changedLeaves.length ? ` (${ts(lang, "causedBy", { leaves: s.changedLeaves.join(", ") })})` : ""}.` });
  }
  if (quiet.length > 0) blocks.push({ kind: "p", text: rt(lang, "s_reversalQuiet", { offers: quiet.join(", ") }) });
  if (skipped.length > 0) blocks.push({ kind: "list", items: skipped });
  if (rr.anyReversal) blocks.push({ kind: "p", text: ts(lang, "reversalSummary") });
  return blocks;
}

function effectiveBlocks(sm: SensitivityModel, a: SensitivityAnalysis, f: Figures): Block[] {
  const { lang } = f;
  const blocks: Block[] = [{ kind: "h3", text: rt(lang, "s5_effective") }];
  blocks.push(
    table(
      "effective-weights",
      rt(lang, "s_effectiveTitle"),
      [rt(lang, "col_criterion"), ts(lang, "weight"), ts(lang, "spread"), ts(lang, "ratio"), rt(lang, "col_neutralised")],
      ["left", "right", "right", "right", "left"],
      a.effectiveWeight.rows.map((r) =>
        row(
          [
            cell(`${r.criterion} — ${f.label(r.criterion)}`, r.depth === 0 ? "strong" : undefined, r.depth),
            cell(exactText(r.weight, lang)),
            cell(exactText(r.spread, lang)),
            cell(r.ratio === null ? "—" : shareText(r.ratio, lang)),
            r.neutralised ? cell(ts(lang, "yes"), "diff") : cell(ts(lang, "no"), "muted"),
          ],
          r.depth === 0 ? "group" : "normal",
        ),
      ),
      [ts(lang, "neutralNote", { percent: formatPercent(Rational.of(1, 10), lang, 0) })],
    ),
  );
  const court = a.effectiveWeight.warnings.map((w) => sensitivityMessage(w, lang) ?? w.code);
  blocks.push({ kind: "h3", text: rt(lang, "s5_court") });
  if (court.length === 0) blocks.push({ kind: "p", text: rt(lang, "s_courtNone") });
  else for (const text of court) blocks.push({ kind: "notice", text: capitalise(text) + "." });
  void sm;
  return blocks;
}

function smaaBlocks(sm: SensitivityModel, a: SensitivityAnalysis, model: ReportModel, f: Figures): Block[] {
  const { lang } = f;
  const blocks: Block[] = [{ kind: "h3", text: rt(lang, "s5_smaa") }];
  const s = sm.smaa;
  if (!s) return [...blocks, { kind: "notice", text: rt(lang, "s_smaaSkipped") }];
  blocks.push({ kind: "p", text: rt(lang, "s_smaaIntro", { samples: formatShort(Rational.of(s.samples), lang), sampler: samplerText(s.sampler, lang), seed: s.seed, rng: s.rng, method: s.method }) });
  if (s.scoreNoise > 0) blocks.push({ kind: "p", text: rt(lang, "s_smaaNoise", { k: formatShort(Rational.fromNumber(s.scoreNoise), lang) }) });
  if (model.method.weightKind === "order") blocks.push({ kind: "notice", text: rt(lang, "s_smaaOrder") });
  const offers = a.model.offers; // current rank order
  const m = offers.length;
  const k = Math.min(m, 6);
  const pct = (x: number): string => formatProbability(x, lang, 1);
  const winners = new Set(model.summary.winners);
  const accRows = offers.map((id) =>
    row(
      [
        cell(id, "strong"),
        ...Array.from({ length: k }, (_, r) => cell(`${pct(s.rankAcceptability[id]?.[r] ?? 0)} ± ${pct(s.halfWidth95[id]?.[r] ?? 0)}`)),
        cell(s.confidence[id] === null || s.confidence[id] === undefined ? "—" : pct(s.confidence[id]!)),
      ],
      winners.has(id) ? "winner" : "normal",
    ),
  );
  blocks.push(
    table(
      "smaa",
      rt(lang, "s_smaaTitle"),
      [rt(lang, "col_offer"), ...Array.from({ length: k }, (_, r) => `${rt(lang, "col_rank")} ${r + 1}`), rt(lang, "col_confidence")],
      ["left", ...Array.from({ length: k }, () => "right" as const), "right"],
      accRows,
      [rt(lang, "s_smaaHalfWidth"), rt(lang, "s_confidenceNote"), ...(k < m ? [rt(lang, "s_smaaRanksNote", { k })] : [])],
    ),
  );

  // Central weights: per leaf when few, else summed per top-level criterion; offers that can win only.
  const winnersAny = offers.filter((id) => s.centralWeights[id]);
  const leaves = a.model.leaves;
  const perLeaf = leaves.length <= MAX_COLUMNS;
  const columns = perLeaf ? leaves : a.model.tree.roots;
  const topOf = new Map<string, string>();
  for (const leaf of leaves) {
    let id = leaf;
    for (let node = a.model.tree.byId.get(id)!; node.parent !== null; node = a.model.tree.byId.get(node.parent)!) id = node.parent;
    topOf.set(leaf, id);
  }
  const current = (col: string): number => {
    const T = a.model.totalPoints.toNumber();
    return leaves.reduce((sum, leaf, j) => sum + (perLeaf ? (leaf === col ? 1 : 0) : topOf.get(leaf) === col ? 1 : 0) * (a.model.weights[j]!.toNumber() / T), 0);
  };
  const valueOf = (id: string, col: string): number => {
    const cw = s.centralWeights[id]!;
    return perLeaf ? (cw[col] ?? 0) : leaves.reduce((sum, leaf) => sum + (topOf.get(leaf) === col ? (cw[leaf] ?? 0) : 0), 0);
  };
  const shownCw = winnersAny.slice(0, MAX_ROWS);
  const cwChunks = chunk(columns, MAX_COLUMNS);
  cwChunks.forEach((cols, i) => {
    blocks.push(
      table(
        `central-weights${i > 0 ? `-${i + 1}` : ""}`,
        rt(lang, "s_centralTitle") + (cwChunks.length > 1 ? ` (${i + 1}/${cwChunks.length})` : ""),
        [rt(lang, "col_offer"), ...cols],
        ["left", ...cols.map(() => "right" as const)],
        [
          row([cell(rt(lang, "s_announced"), "strong"), ...cols.map((c) => cell(pct(current(c))))], "group"),
          ...shownCw.map((id) => row([cell(id, "strong"), ...cols.map((c) => cell(pct(valueOf(id, c))))], winners.has(id) ? "winner" : "normal")),
        ],
        i === cwChunks.length - 1 ? [rt(lang, perLeaf ? "s_centralNote" : "s_centralAggregated"), ...omitted(lang, shownCw.length, winnersAny.length), ...(winnersAny.length < m ? [rt(lang, "s_centralNever", { count: m - winnersAny.length })] : [])] : [],
      ),
    );
  });

  // Pairwise: P(row ahead of column), the first offers of the current ranking.
  const pw = offers.slice(0, MAX_COLUMNS);
  blocks.push(
    table(
      "pairwise",
      rt(lang, "s_pairwiseTitle"),
      [rt(lang, "s_pairwiseCorner"), ...pw],
      ["left", ...pw.map(() => "right" as const)],
      pw.map((i) => row([cell(i, "strong"), ...pw.map((j) => (i === j ? cell("—", "muted") : cell(pct(s.pairwise[i]?.[j] ?? 0))))])),
      [rt(lang, "s_pairwiseNote"), ...(pw.length < m ? [rt(lang, "s_pairwiseOmitted", { shown: pw.length, total: m })] : [])],
    ),
  );
  return blocks;
}

function chunk<T>(xs: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out.length > 0 ? out : [[]];
}

/** Section 5: every finding of the sensitivity analysis. */
export function sensitivitySection(model: ReportModel, f: Figures): DocSection {
  const { lang } = f;
  const title = rt(lang, "sec_sensitivity");
  const sens = model.sensitivity;
  if (sens.status !== "computed") {
    const reason = sens.reason === "unknown-values" ? "s_skippedUnknowns" : sens.reason === "too-few-offers" ? "tooFewOffers" : "notComputed";
    return { id: "sensitivity", title, blocks: [{ kind: "notice", text: rt(lang, reason) }] };
  }
  const sm = sens.model;
  const a = analysisOf(sm);
  const blocks: Block[] = [];
  blocks.push({ kind: "p", text: ts(lang, "totalPoints", { points: exactText(a.model.totalPoints, lang) }) });
  // The rounding comparison is section 5.4 of the report (s5_methods), not 4 as in `psc-audit sensitivity`.
  if (a.roundingIgnored) blocks.push({ kind: "notice", text: ts(lang, "unrounded", { section: rt(lang, "s5_methods").split(" ")[0]! }) });
  if (model.method.weightKind !== "exact") blocks.push({ kind: "notice", text: rt(lang, model.method.weightKind === "order" ? "m_weightsOrder" : "m_weightsMid") });
  blocks.push(...stabilityBlocks(a, f));
  blocks.push(...minChangeBlocks(a, f));
  blocks.push(...scoreBlocks(a, f));
  blocks.push(...methodBlocks(sm, f));
  blocks.push(...reversalBlocks(sm, f));
  blocks.push(...effectiveBlocks(sm, a, f));
  blocks.push(...smaaBlocks(sm, a, model, f));
  return { id: "sensitivity", title, blocks };
}
