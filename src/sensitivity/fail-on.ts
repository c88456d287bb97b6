// `--fail-on` for CI (issue 3 item 8): a strict grammar of conditions on the analysis, and their
// evaluation. Pure; parsing never throws (a bad condition is a usage error for the caller). A condition
// whose figure cannot be computed is `unevaluable`: an error (exit 2), never a silent pass.
import type { ScoreResult } from "../domain/types.js";
import { Rational } from "../exact/rational.js";
import type { SensitivityAnalysis } from "./analyse.js";
import type { OccultedAnalysis } from "./bounds.js";

/**
 * Accepted forms (no spaces; the number uses "." or ","):
 * - `winner-margin<X`   the smallest change of ONE weight (L∞ distance over the leaf weights) that lets a
 *                       challenger tie the winner, in points of the total;
 * - `total-margin<X`    the winner's lead over the next ranked offer, in points of the total (the
 *                       buyer's scoring, what `score` prints as "Écart avec la deuxième offre");
 * - `note-margin<X`     the jury-note margin, in note points of the deciding leaf's scale;
 * - `acceptability<P`   the winner's SMAA first-rank acceptability, P in [0, 1] or a percentage `90%`;
 * - `rank-reversal`     withdrawing or readmitting one offer reverses or ties two others;
 * - `formula-decides`   another price formula of the library alone changes the winner;
 * - `rounding-decides`  the buyer's rounding alone changes the winner.
 */
export const FAIL_ON_FORMS = [
  "winner-margin<X",
  "total-margin<X",
  "note-margin<X",
  "acceptability<P",
  "rank-reversal",
  "formula-decides",
  "rounding-decides",
] as const;

type MeasuredKind = "winner-margin" | "total-margin" | "note-margin" | "acceptability";

export type FailOnCondition =
  | { kind: MeasuredKind; threshold: Rational; text: string }
  | { kind: "rank-reversal" | "formula-decides" | "rounding-decides"; text: string };

export type FailOnParse = { ok: true; conditions: FailOnCondition[] } | { ok: false; bad: string; accepted: readonly string[] };

const NUMBER = /^(\d+(?:[.,]\d+)?)(%?)$/;

/** Parse every `--fail-on` value; the first invalid one fails the whole list (usage error, exit 2). */
export function parseFailOn(texts: readonly string[]): FailOnParse {
  const conditions: FailOnCondition[] = [];
  for (const raw of texts) {
    const text = raw.trim();
    if (text === "rank-reversal" || text === "formula-decides" || text === "rounding-decides") {
      conditions.push({ kind: text, text });
      continue;
    }
    const m = /^(winner-margin|total-margin|note-margin|acceptability)<(.+)$/.exec(text);
    const n = m ? NUMBER.exec(m[2]!) : null;
    if (!m || !n) return { ok: false, bad: raw, accepted: FAIL_ON_FORMS };
    const kind = m[1] as MeasuredKind;
    let threshold = Rational.parse(n[1]!.replace(",", "."))!;
    if (n[2] === "%") {
      if (kind !== "acceptability") return { ok: false, bad: raw, accepted: FAIL_ON_FORMS };
      threshold = threshold.div(Rational.of(100));
    }
    if (kind === "acceptability" && threshold.gt(Rational.ONE)) return { ok: false, bad: raw, accepted: FAIL_ON_FORMS };
    conditions.push({ kind, threshold, text });
  }
  return { ok: true, conditions };
}

/**
 * Why a condition's figure could not be computed: the condition is then `unevaluable`, an error the
 * command reports with exit 2 (never a silent pass).
 * - `smaa-disabled`: --samples 0; `smaa-skipped`: SMAA not run (no ranked offer or zero total weight);
 * - `one-offer`: a single ranked offer, no challenger to measure a margin against;
 * - `no-offer`: no ranked offer; `tie`: first place is already tied (no single winner to measure).
 */
export type UnevaluableReason = "smaa-disabled" | "smaa-skipped" | "one-offer" | "no-offer" | "tie";

/** What the conditions are evaluated on (null: see each field; `unevaluable` says when null means "not computed"). */
export interface FailOnFacts {
  /** min-change L∞ margin in points of the total; null when no challenger can ever tie (never met). */
  winnerMarginPoints: Rational | null;
  /** Jury-note margin in note points; null when no single note decides (never met). */
  noteMarginPoints: Rational | null;
  /** Winner's lead over the next ranked offer, points of the total (buyer's scoring). */
  totalMarginPoints?: Rational | null;
  /** Winner's first-rank acceptability (float); null without SMAA (unevaluable). */
  acceptability: number | null;
  rankReversal: boolean;
  formulaDecides: boolean | null;
  roundingDecides: boolean | null;
  /** The figures that could not be computed, and why: conditions on them are `unevaluable`. */
  unevaluable?: Partial<Record<MeasuredKind, UnevaluableReason>>;
}

export interface FailOnResult {
  condition: string;
  /** The condition's kind (`winner-margin`, …), for the renderers' "what it measures". */
  kind: FailOnCondition["kind"];
  /** "met" (exit 1), "not-met", or "unevaluable" (its figure could not be computed: exit 2). */
  status: "met" | "not-met" | "unevaluable";
  met: boolean;
  /** Why the figure could not be computed (status "unevaluable"), else null. */
  reason: UnevaluableReason | null;
  /** The measured value, machine text: exact fraction ("41365/28184"), float for acceptability, "true"/"false"; null when none. */
  value: string | null;
}

function measured(kind: MeasuredKind, condition: string, v: Rational | number | null, threshold: Rational, reason: UnevaluableReason | undefined): FailOnResult {
  if (reason !== undefined) return { condition, kind, status: "unevaluable", met: false, reason, value: null };
  if (v === null) return { condition, kind, status: "not-met", met: false, reason: null, value: null };
  const met = typeof v === "number" ? v < threshold.toNumber() : v.lt(threshold);
  return { condition, kind, status: met ? "met" : "not-met", met, reason: null, value: String(v) };
}

function flag(kind: FailOnCondition["kind"], condition: string, v: boolean | null): FailOnResult {
  const met = v === true;
  return { condition, kind, status: met ? "met" : "not-met", met, reason: null, value: v === null ? null : String(v) };
}

/**
 * Evaluate each condition: `<` is strict (a margin exactly X does not fail `winner-margin<X`). A figure
 * listed in `facts.unevaluable` makes its conditions `unevaluable` (exit 2): e.g. `acceptability<P` with
 * --samples 0, or a margin with a single offer. A null margin otherwise means "no challenger can ever
 * tie" (infinite margin: never met); a null acceptability without a reason is unevaluable too.
 */
export function evaluateFailOn(conditions: readonly FailOnCondition[], facts: FailOnFacts): FailOnResult[] {
  const why = facts.unevaluable ?? {};
  return conditions.map((c) => {
    switch (c.kind) {
      case "winner-margin":
        return measured(c.kind, c.text, facts.winnerMarginPoints, c.threshold, why[c.kind]);
      case "note-margin":
        return measured(c.kind, c.text, facts.noteMarginPoints, c.threshold, why[c.kind]);
      case "total-margin": {
        const v = facts.totalMarginPoints ?? null;
        return measured(c.kind, c.text, v, c.threshold, why[c.kind] ?? (v === null ? "one-offer" : undefined));
      }
      case "acceptability":
        return measured(c.kind, c.text, facts.acceptability, c.threshold, why[c.kind] ?? (facts.acceptability === null ? "smaa-skipped" : undefined));
      case "rank-reversal":
        return flag(c.kind, c.text, facts.rankReversal);
      case "formula-decides":
        return flag(c.kind, c.text, facts.formulaDecides);
      case "rounding-decides":
        return flag(c.kind, c.text, facts.roundingDecides);
    }
  });
}

/** Some condition could not be evaluated: the command reports it as an error (exit 2). */
export function anyUnevaluable(results: readonly FailOnResult[]): boolean {
  return results.some((r) => r.status === "unevaluable");
}

/** Why each measured figure of an analysis is missing (empty when every one was computed). */
function reasonsOf(analysis: SensitivityAnalysis): Partial<Record<MeasuredKind, UnevaluableReason>> {
  const why: Partial<Record<MeasuredKind, UnevaluableReason>> = {};
  const offers = analysis.model.offers.length;
  if (offers <= 1) {
    const r: UnevaluableReason = offers === 0 ? "no-offer" : "one-offer";
    why["winner-margin"] = r;
    why["note-margin"] = r;
    why["total-margin"] = r;
  }
  if (offers === 0) why.acceptability = "no-offer";
  else if (analysis.smaa === null) why.acceptability = analysis.settings.samples === 0 ? "smaa-disabled" : "smaa-skipped";
  else if (analysis.unrounded.winners.length > 1) why.acceptability = "tie";
  return why;
}

/**
 * The winner's lead over the next ranked offer in the buyer's scoring (rounded as its rules say), in
 * points of the total: what `score` prints as "Écart avec la deuxième offre"; 0 when first place is
 * tied; null with fewer than two ranked offers.
 */
export function totalMargin(scored: ScoreResult): Rational | null {
  const ranked = scored.offers.filter((o) => o.rank !== null);
  if (ranked.length < 2) return null;
  if (scored.winners.length > 1) return Rational.ZERO;
  return ranked[0]!.total.sub(ranked[1]!.total);
}

/** The --fail-on facts of one analysis (every value known). `runSensitivity` passes them to evaluateFailOn. */
export function failOnFacts(analysis: SensitivityAnalysis): FailOnFacts {
  const winner = analysis.minimalChange.winner;
  return {
    winnerMarginPoints: analysis.minimalChange.margin?.distancePoints ?? null,
    noteMarginPoints: analysis.scoreSensitivity.noteMargin?.points ?? null,
    totalMarginPoints: totalMargin(analysis.scored),
    acceptability: winner && analysis.smaa ? (analysis.smaa.rankAcceptability[winner]?.[0] ?? null) : null,
    rankReversal: analysis.rankReversal.anyReversal,
    formulaDecides: analysis.methods.formulaDecides,
    roundingDecides: analysis.methods.roundingDecides,
    unevaluable: reasonsOf(analysis),
  };
}

/**
 * The --fail-on facts with occulted values: the conservative end of each interval (challengers' best
 * case); margins 0 when the award itself depends on the occulted data. The total margin is the
 * presumed winner's lowest possible total minus the highest possible total of any other admitted offer
 * (0 when that is negative).
 */
export function occultedFailOnFacts(occulted: OccultedAnalysis): FailOnFacts {
  const analysis = occulted.analyses[occulted.body];
  const winner = occulted.presumedWinner;
  const f = occulted.figures;
  const depends = occulted.awardDepends;
  const admitted = occulted.unknowns.offers.filter((o) => o.admitted);
  const own = admitted.find((o) => o.id === winner);
  const others = admitted.filter((o) => o.id !== winner);
  let lead: Rational | null = null;
  if (own && others.length > 0) {
    const best = others.reduce((m, o) => (o.total.hi.value.gt(m) ? o.total.hi.value : m), others[0]!.total.hi.value);
    const d = own.total.lo.value.sub(best);
    lead = depends || d.sign() < 0 ? Rational.ZERO : d;
  }
  const why = reasonsOf(analysis);
  if (why.acceptability === "tie") delete why.acceptability;
  return {
    winnerMarginPoints: depends ? Rational.ZERO : f.winnerMargin.low,
    noteMarginPoints: depends ? Rational.ZERO : f.noteMargin.low,
    totalMarginPoints: lead,
    acceptability: depends ? (winner && analysis.smaa ? (analysis.smaa.rankAcceptability[winner]?.[0] ?? null) : null) : (f.acceptability.low?.toNumber() ?? null),
    rankReversal: analysis.rankReversal.anyReversal,
    formulaDecides: analysis.methods.formulaDecides,
    roundingDecides: analysis.methods.roundingDecides,
    unevaluable: why,
  };
}
