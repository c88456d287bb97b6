// The score table shared by the terminal and Markdown renderers: which columns, which cells, which
// notes. Numbers are formatted here once, per language; renderers only lay the cells out.
import type { MethodSpec } from "../domain/types.js";
import type { Lang } from "../i18n/lang.js";
import { lineOf } from "../i18n/messages.js";
import { t, type UiKey } from "../i18n/ui.js";
import { Rational } from "../exact/rational.js";
import { distinguishingDecimals, formatDecimal } from "./format.js";
import type { ScoreModel } from "./score-model.js";

export interface ScoreTable {
  header: string[];
  /** Node ids of the criterion columns, in order. */
  columns: string[];
  rows: { cells: string[]; kind: "winner" | "ranked" | "unranked" }[];
  /** Criterion legend lines: id, label, weight. */
  legend: { id: string; label: string; weight: string; method: string | null; spec: MethodSpec | null; depth: number }[];
  notes: string[];
  warnings: string[];
}

export function buildScoreTable(model: ScoreModel, lang: Lang, detail: boolean): ScoreTable {
  const columns = model.criteria.filter((c) => detail || c.depth === 0).map((c) => c.id);
  const allFigures: Rational[] = [];
  for (const [, pts] of model.exactPoints) for (const id of columns) allFigures.push(pts.get(id) ?? Rational.ZERO);
  const totals = [...model.exactTotals.values()];
  // Totals get as many decimals as needed for distinct totals to look distinct.
  const totalDecimals = distinguishingDecimals(totals);
  const pointDecimals = Math.max(2, Math.min(totalDecimals, distinguishingDecimals(allFigures, 2, 3)));
  const byId = new Map(model.criteria.map((c) => [c.id, c]));

  const header = [t(lang, "rank"), t(lang, "offer"), t(lang, "label"), ...columns, t(lang, "total")];
  const winners = new Set(model.winners);
  const rows = model.offers.map((o) => {
    const pts = model.exactPoints.get(o.id)!;
    const cells = [
      o.rank === null ? "—" : String(o.rank),
      o.id,
      o.label === o.id ? "" : o.label,
      ...columns.map((id) => formatDecimal(pts.get(id) ?? Rational.ZERO, pointDecimals, lang) + (o.inexact ? "≈" : "")),
      o.rank === null
        ? `(${formatDecimal(model.exactTotals.get(o.id)!, totalDecimals, lang)}) ${statusWord(o, lang)}`
        : formatDecimal(model.exactTotals.get(o.id)!, totalDecimals, lang),
    ];
    const kind: ScoreTable["rows"][number]["kind"] = o.rank === null ? "unranked" : winners.has(o.id) ? "winner" : "ranked";
    return { cells, kind };
  });

  const legend = model.criteria.map((c) => ({
      id: c.id,
      label: c.label,
      weight: formatPoints(model.exactWeights.get(c.id)!, lang),
      method: c.leaf ? c.method : null,
      spec: c.leaf ? (model.methodSpecs.get(c.id) ?? null) : null,
      depth: c.depth,
    }));

  const notes: string[] = [];
  notes.push(t(lang, "scale", { points: formatPoints(model.totalPointsExact, lang) }));
  if (model.tieForFirst) notes.push(t(lang, "winnerTie", { offers: model.winners.join(", ") }));
  else if (model.winner !== null) {
    notes.push(t(lang, "winner", { offer: model.winner }));
    if (model.exactMargin !== null) {
      notes.push(t(lang, "margin", { points: formatDecimal(model.exactMargin, totalDecimals, lang) }));
    }
  } else notes.push(t(lang, "noWinner"));
  for (const o of model.offers) {
    for (const e of o.eliminatedBy) {
      notes.push(
        t(lang, "eliminated", {
          offer: o.id,
          node: byId.get(e.node)?.label ?? e.node,
          points: formatDecimal(Rational.fromNumber(e.points), 2, lang),
          threshold: formatDecimal(Rational.fromNumber(e.threshold), 2, lang),
        }),
      );
    }
    if (!o.admitted) notes.push(t(lang, "statusNote", { offer: o.id, status: t(lang, `status_${o.status}` as UiKey) }));
  }
  const percentGroups = model.weightGroups.filter((g) => g.reading === "percent").map((g) => g.parent ?? "—");
  if (percentGroups.length > 0) notes.push(t(lang, "weightsPercent", { groups: percentGroups.join(", ") }));
  const rescaled = model.weightGroups.filter((g) => g.reading === "rescaled").map((g) => g.parent ?? "—");
  if (model.rescaled) notes.push(t(lang, "weightsRescaled", { groups: rescaled.join(", ") }));
  if (model.offers.some((o) => o.inexact)) notes.push(t(lang, "inexact"));
  if (model.criteria.some((c) => c.decimals !== null)) notes.push(t(lang, "roundingNote"));

  const warnings = model.warnings.filter((w) => w.severity !== "info").map((w) => lineOf(w, lang));
  return { header, columns, rows, legend, notes, warnings };
}

/** Weights and scales: exact short decimals as written ("60", "12,5"), else 4 decimals. */
export function formatPoints(value: Rational, lang: Lang): string {
  const exact = value.toExactDecimal(4);
  const decimals = exact === null ? 4 : (exact.split(".")[1] ?? "").length;
  return formatDecimal(value, decimals, lang);
}

function statusWord(o: ScoreModel["offers"][number], lang: Lang): string {
  if (o.admitted && o.eliminated) return t(lang, "status_eliminated");
  return t(lang, `status_${o.status}` as UiKey);
}
