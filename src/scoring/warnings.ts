// Scoring diagnostics as data (codes + args); the prose lives in src/i18n/methods.ts. Pure.
import type { Rational } from "../exact/rational.js";
import type { Diagnostic, Elimination } from "../domain/types.js";
import type { LeafCondition } from "./formulas/index.js";
import type { LeafPlan } from "./inputs.js";
import type { LeafRound } from "./score-leaves.js";

/** Every code this module emits. Severity "warning" unless noted. */
export const SCORING_WARNING_CODES = [
  "NO_ADMITTED_OFFER",
  "NO_RANKED_OFFER",
  "TIE_FOR_FIRST",
  "ALL_PRICES_EQUAL",
  "NO_POSITIVE_DISCOUNT",
  "BEST_NOTE_ZERO",
  "MAX_SCORE_NOT_POSITIVE",
  "NON_POSITIVE_PRICE",
  "NOTE_SCALE_ASSUMED",
  "INEXACT_FORMULA",
  "PRICE_ABOVE_BASE",
  "COEFFICIENT_CLAMPED",
  /** Severity "info": an admitted offer fell below a `min_score` threshold. */
  "OFFER_ELIMINATED",
] as const;
export type ScoringWarningCode = (typeof SCORING_WARNING_CODES)[number];

const CONDITION_CODE: Record<LeafCondition, ScoringWarningCode | null> = {
  "all-equal": "ALL_PRICES_EQUAL",
  "no-admitted": null, // reported once for the tender as NO_ADMITTED_OFFER / NO_RANKED_OFFER
  "no-positive-discount": "NO_POSITIVE_DISCOUNT",
  "best-zero": "BEST_NOTE_ZERO",
  "max-not-positive": "MAX_SCORE_NOT_POSITIVE",
  "non-positive-price": "NON_POSITIVE_PRICE",
};

/** Exact short decimal when there is one ("38.5"), else the exact fraction ("800/21"). */
export function exactText(r: Rational): string {
  return r.toExactDecimal(6) ?? r.toString();
}

function idList(ids: readonly string[], cap = 20): string {
  return ids.length <= cap ? ids.join(", ") : `${ids.slice(0, cap).join(", ")}, …`;
}

function warning(code: ScoringWarningCode, args: Diagnostic["args"], leaf?: LeafPlan): Diagnostic {
  return leaf ? { code, severity: "warning", location: leaf.node.source, args } : { code, severity: "warning", args };
}

/** One diagnostic per leaf and kind: conditions, assumed scales, inexact results, clamps, prices above base. */
export function leafWarnings(
  leaves: readonly LeafPlan[],
  rounds: readonly LeafRound[],
  offerIds: readonly string[],
  admissible: readonly boolean[],
): Diagnostic[] {
  const out: Diagnostic[] = [];
  leaves.forEach((leaf, j) => {
    const round = rounds[j]!;
    const base = { leaf: leaf.node.id, method: leaf.method.text };
    for (const c of round.conditions) {
      const code = CONDITION_CODE[c];
      if (code === "MAX_SCORE_NOT_POSITIVE") out.push(warning(code, { ...base, max: leaf.max ? exactText(leaf.max) : "" }, leaf));
      else if (code) out.push(warning(code, base, leaf));
    }
    if (leaf.scaleAssumed) out.push(warning("NOTE_SCALE_ASSUMED", { ...base, scale: exactText(leaf.node.weight) }, leaf));
    const inexact: string[] = [];
    const clamped: string[] = [];
    const above: string[] = [];
    round.results.forEach((r, i) => {
      if (!r) return;
      if (r.inexact) inexact.push(offerIds[i]!);
      if (r.aboveBase) above.push(offerIds[i]!);
      // A non-admitted offer is scored "as if" and capped by design: only admitted clamps matter.
      else if (r.clamped && admissible[i]) clamped.push(offerIds[i]!);
    });
    if (inexact.length > 0) out.push(warning("INEXACT_FORMULA", { ...base, count: inexact.length, offers: idList(inexact) }, leaf));
    if (above.length > 0) out.push(warning("PRICE_ABOVE_BASE", { ...base, count: above.length, offers: idList(above) }, leaf));
    if (clamped.length > 0) out.push(warning("COEFFICIENT_CLAMPED", { ...base, count: clamped.length, offers: idList(clamped) }, leaf));
  });
  return out;
}

/** Tender-level diagnostics: nobody admitted, nobody ranked, a tie for first place, eliminations. */
export function rankingWarnings(input: {
  admittedCount: number;
  eliminated: ReadonlyArray<{ offer: string; by: readonly Elimination[] }>;
  winners: readonly string[];
  winningTotal: Rational | null;
}): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const e of input.eliminated) {
    for (const b of e.by) {
      out.push({
        code: "OFFER_ELIMINATED",
        severity: "info",
        args: { offer: e.offer, node: b.node, points: exactText(b.points), threshold: exactText(b.threshold) },
      });
    }
  }
  if (input.admittedCount === 0) out.push(warning("NO_ADMITTED_OFFER", {}));
  else if (input.winners.length === 0) out.push(warning("NO_RANKED_OFFER", { eliminated: input.eliminated.length }));
  if (input.winners.length > 1 && input.winningTotal) {
    out.push(
      warning("TIE_FOR_FIRST", { offers: idList(input.winners), count: input.winners.length, total: exactText(input.winningTotal) }),
    );
  }
  return out;
}
