// `--fail-on` for CI (issue 3 item 8): a strict grammar of conditions on the analysis, and their
// evaluation. Pure; parsing never throws (a bad condition is a usage error for the caller).
import { Rational } from "../exact/rational.js";

/**
 * Accepted forms (no spaces; the number uses "." or ","):
 * - `winner-margin<X`   the minimal L∞ weight change that lets a challenger tie, in points of the total;
 * - `note-margin<X`     the jury-note margin, in note points of the deciding leaf's scale;
 * - `acceptability<P`   the winner's SMAA first-rank acceptability, P in [0, 1] or a percentage `90%`;
 * - `rank-reversal`     withdrawing or readmitting one offer reverses or ties two others;
 * - `formula-decides`   another price formula of the library alone changes the winner;
 * - `rounding-decides`  the buyer's rounding alone changes the winner.
 */
export const FAIL_ON_FORMS = [
  "winner-margin<X",
  "note-margin<X",
  "acceptability<P",
  "rank-reversal",
  "formula-decides",
  "rounding-decides",
] as const;

export type FailOnCondition =
  | { kind: "winner-margin" | "note-margin" | "acceptability"; threshold: Rational; text: string }
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
    const m = /^(winner-margin|note-margin|acceptability)<(.+)$/.exec(text);
    const n = m ? NUMBER.exec(m[2]!) : null;
    if (!m || !n) return { ok: false, bad: raw, accepted: FAIL_ON_FORMS };
    const kind = m[1] as "winner-margin" | "note-margin" | "acceptability";
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

/** What the conditions are evaluated on (null: not computed or not defined for this tender). */
export interface FailOnFacts {
  /** min-change margin in points of the total; null when no challenger can ever tie (never met). */
  winnerMarginPoints: Rational | null;
  /** Jury-note margin in note points; null when no single note decides (never met). */
  noteMarginPoints: Rational | null;
  /** Winner's first-rank acceptability (float); null without SMAA. */
  acceptability: number | null;
  rankReversal: boolean;
  formulaDecides: boolean | null;
  roundingDecides: boolean | null;
}

export interface FailOnResult {
  condition: string;
  met: boolean;
  /** The measured value as text ("0.1", "n/a"); for the report. */
  value: string | null;
}

/**
 * Evaluate each condition: `<` is strict (a margin exactly X does not fail `winner-margin<X`). An
 * undefined fact (null) never meets a condition: e.g. a single offer has no margin to fail on.
 */
export function evaluateFailOn(conditions: readonly FailOnCondition[], facts: FailOnFacts): FailOnResult[] {
  return conditions.map((c) => {
    switch (c.kind) {
      case "winner-margin":
      case "note-margin": {
        const v = c.kind === "winner-margin" ? facts.winnerMarginPoints : facts.noteMarginPoints;
        return { condition: c.text, met: v !== null && v.lt(c.threshold), value: v === null ? null : v.toString() };
      }
      case "acceptability": {
        const v = facts.acceptability;
        return { condition: c.text, met: v !== null && v < c.threshold.toNumber(), value: v === null ? null : String(v) };
      }
      case "rank-reversal":
        return { condition: c.text, met: facts.rankReversal, value: String(facts.rankReversal) };
      case "formula-decides":
        return { condition: c.text, met: facts.formulaDecides === true, value: facts.formulaDecides === null ? null : String(facts.formulaDecides) };
      case "rounding-decides":
        return { condition: c.text, met: facts.roundingDecides === true, value: facts.roundingDecides === null ? null : String(facts.roundingDecides) };
    }
  });
}
