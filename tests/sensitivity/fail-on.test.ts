// --fail-on grammar and evaluation.
import { describe, expect, it } from "vitest";
import { q } from "../../src/exact/rational.js";
import { evaluateFailOn, FAIL_ON_FORMS, parseFailOn, type FailOnFacts } from "../../src/sensitivity/fail-on.js";

const facts: FailOnFacts = {
  winnerMarginPoints: q(10),
  noteMarginPoints: q(3),
  acceptability: 0.655,
  rankReversal: false,
  formulaDecides: null,
  roundingDecides: false,
};

describe("parseFailOn", () => {
  it("accepts every documented form, decimal comma and percent for acceptability", () => {
    const p = parseFailOn(["winner-margin<2", "note-margin<0,5", "acceptability<0.9", "acceptability<90%", "rank-reversal", "formula-decides", "rounding-decides"]);
    expect(p.ok).toBe(true);
    if (!p.ok) return;
    expect(p.conditions.map((c) => ("threshold" in c ? `${c.kind}:${c.threshold}` : c.kind))).toEqual([
      "winner-margin:2",
      "note-margin:1/2",
      "acceptability:9/10",
      "acceptability:9/10",
      "rank-reversal",
      "formula-decides",
      "rounding-decides",
    ]);
  });
  it.each(["winner-margin<", "winner-margin>2", "winner-margin<=2", "margin<2", "acceptability<1.5", "winner-margin<2%", "rank-reversal<1", "winner-margin<-1", ""])(
    "rejects %j with the accepted forms",
    (bad) => {
      const p = parseFailOn([bad]);
      expect(p).toEqual({ ok: false, bad, accepted: FAIL_ON_FORMS });
    },
  );
});

describe("evaluateFailOn", () => {
  const ev = (texts: string[], f: FailOnFacts = facts) => {
    const p = parseFailOn(texts);
    if (!p.ok) throw new Error("parse");
    return evaluateFailOn(p.conditions, f).map((r) => [r.condition, r.met]);
  };
  it("strict inequalities: a margin of exactly X does not meet <X", () => {
    expect(ev(["winner-margin<10", "winner-margin<10.5", "note-margin<3", "note-margin<4"])).toEqual([
      ["winner-margin<10", false],
      ["winner-margin<10.5", true],
      ["note-margin<3", false],
      ["note-margin<4", true],
    ]);
  });
  it("acceptability and the boolean conditions; undefined facts never fail", () => {
    expect(ev(["acceptability<0.9", "acceptability<0.5", "rank-reversal", "formula-decides", "rounding-decides"])).toEqual([
      ["acceptability<0.9", true],
      ["acceptability<0.5", false],
      ["rank-reversal", false],
      ["formula-decides", false],
      ["rounding-decides", false],
    ]);
    const none: FailOnFacts = { winnerMarginPoints: null, noteMarginPoints: null, acceptability: null, rankReversal: true, formulaDecides: true, roundingDecides: null };
    expect(ev(["winner-margin<100", "note-margin<100", "acceptability<1", "rank-reversal", "formula-decides"], none)).toEqual([
      ["winner-margin<100", false],
      ["note-margin<100", false],
      ["acceptability<1", false],
      ["rank-reversal", true],
      ["formula-decides", true],
    ]);
  });
});
