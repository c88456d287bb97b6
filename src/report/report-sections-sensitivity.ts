// Section 5 of the report (sensitivity findings in full) and the plain-language verdict of section 1,
// both read from the `psc-audit sensitivity` model (one analysis run) and its exact internals. The
// content of 5.1 … 5.6 (rows, sentences, alerts) is that of `psc-audit sensitivity`, built by
// renderers/sensitivity-sections.ts with the report's options (rows capped with a note, "id — label"
// cells, unreachable thresholds kept, nearest bounds quoted, long fractions dropped); this file turns it
// into report blocks and adds what only the report has: the verdict, the case-law signals and the SMAA
// tables (first ranks, central weights, pairwise). Pure.
import { Rational } from "../exact/rational.js";
import type { Lang } from "../i18n/lang.js";
import { rt } from "../i18n/report.js";
import { sensitivityMessage, ts } from "../i18n/sensitivity.js";
import type { SensitivityAnalysis } from "../sensitivity/analyse.js";
import type { StabilityInterval } from "../sensitivity/stability.js";
import type { WeightSampler } from "../smaa/index.js";
import { formatDecimal, formatPercent } from "./format.js";
import type { Block, DocRow, DocSection, DocTable } from "./report-doc.js";
import { formatProbability, formatShort, ratOf } from "./report-format.js";
import type { ReportModel } from "./report-model.js";
import type { Figures } from "./report-sections.js";
import { buildSections, exactText, readableFractions, type Section, type SectionOptions } from "./renderers/sensitivity-sections.js";
import { internalsOf, type SensitivityModel } from "./sensitivity-model.js";

export { readableFractions };

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

/** The report's reading of the shared sensitivity sections. */
const REPORT: SectionOptions = { audience: "report", maxRows: MAX_ROWS, labelCells: true, keepUnreachable: true, sentenceCap: MAX_ROWS, readable: true };

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
const cell = (text: string, flag?: "diff" | "strong" | "muted"): DocRow["cells"][number] => ({ text, ...(flag ? { flag } : {}) });
const row = (cells: DocRow["cells"], kind: DocRow["kind"] = "normal"): DocRow => ({ cells, kind });
const omitted = (lang: Lang, shown: number, total: number): string[] => (shown < total ? [rt(lang, "s_rowsOmitted", { shown, total })] : []);

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * One shared section → report blocks: the numbered title (h3), the intro as paragraphs, its alerts as
 * notices, the tables (numbers right-aligned, row kinds, indents and flags), then the sentences
 * (consecutive "- " lines as one list) and the alerts as notices.
 */
function convert(s: Section): Block[] {
  const blocks: Block[] = [{ kind: "h3", text: s.title }];
  for (const text of s.intro ?? []) blocks.push({ kind: "p", text });
  for (const text of s.introAlerts ?? []) blocks.push({ kind: "notice", text });
  for (const t of s.tables) {
    const rows = t.rows.map((cells, i): DocRow => {
      const m = t.meta?.[i];
      return {
        kind: m?.kind ?? "normal",
        cells: cells.map((text, j) => {
          const flag = m?.flags[j];
          const indent = j === 0 ? (m?.indent ?? 0) : 0;
          return { text, ...(flag ? { flag } : {}), ...(indent ? { indent } : {}) };
        }),
      };
    });
    blocks.push(table(t.id ?? "", t.caption ?? "", t.header, t.header.map((_, i) => (t.numeric.includes(i) ? "right" : "left")), rows, t.notes ?? []));
  }
  let list: string[] | null = null;
  for (const line of s.lines) {
    if (line.startsWith("- ")) {
      if (!list) blocks.push({ kind: "list", items: (list = []) });
      list.push(line.slice(2));
    } else {
      list = null;
      blocks.push({ kind: "p", text: line });
    }
  }
  for (const text of s.alerts) blocks.push({ kind: "notice", text });
  return blocks;
}

/** Report only: the case-law signals that the effective weights raise (after 5.6). */
function courtBlocks(a: SensitivityAnalysis, lang: Lang): Block[] {
  const court = a.effectiveWeight.warnings.map((w) => sensitivityMessage(w, lang) ?? w.code);
  const blocks: Block[] = [{ kind: "h3", text: rt(lang, "s5_court") }];
  if (court.length === 0) blocks.push({ kind: "p", text: rt(lang, "s_courtNone") });
  else for (const text of court) blocks.push({ kind: "notice", text: capitalise(text) + "." });
  return blocks;
}

/** Report only: 5.7 with the first ranks, the central weights (summed per top-level criterion when many) and the pairwise matrix. */
function smaaBlocks(title: string, sm: SensitivityModel, a: SensitivityAnalysis, model: ReportModel, f: Figures): Block[] {
  const { lang } = f;
  const blocks: Block[] = [{ kind: "h3", text: title }];
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
  blocks.push({ kind: "p", text: ts(lang, "totalPoints", { points: readableFractions(exactText(a.model.totalPoints, lang)) }) });
  // The rounding comparison is section 5.4 of the report (s5_methods), not 4 as in `psc-audit sensitivity`.
  if (a.roundingIgnored) blocks.push({ kind: "notice", text: ts(lang, "unrounded", { section: rt(lang, "s5_methods").split(" ")[0]! }) });
  if (model.method.weightKind !== "exact") blocks.push({ kind: "notice", text: rt(lang, model.method.weightKind === "order" ? "m_weightsOrder" : "m_weightsMid") });
  for (const sec of buildSections(sm, lang, REPORT)) {
    if (sec.key === "smaa") blocks.push(...smaaBlocks(sec.title, sm, a, model, f));
    else blocks.push(...convert(sec));
    if (sec.key === "effective") blocks.push(...courtBlocks(a, lang));
  }
  return { id: "sensitivity", title, blocks };
}
