// --fail-on grammar and evaluation.
import { describe, expect, it } from "vitest";
import { q } from "../../src/exact/rational.js";
import { anyUnevaluable, evaluateFailOn, failOnFacts, FAIL_ON_FORMS, parseFailOn, totalMargin, type FailOnFacts } from "../../src/sensitivity/fail-on.js";
import { analyseTender } from "../../src/sensitivity/analyse.js";
import { scoreTender } from "../../src/scoring/score-tender.js";
import { buildTender } from "../scoring/builders.js";

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

describe("review fixes: unevaluable conditions, total-margin, facts from the analysis", () => {
  it("a figure that could not be computed makes its condition unevaluable (never a silent pass)", () => {
    const p = parseFailOn(["acceptability<0.6", "winner-margin<2", "total-margin<3", "rank-reversal"]);
    if (!p.ok) throw new Error("parse");
    const r = evaluateFailOn(p.conditions, { ...facts, acceptability: null, totalMarginPoints: q(5), unevaluable: { acceptability: "smaa-disabled" } });
    expect(r.map((x) => [x.kind, x.status, x.reason])).toEqual([
      ["acceptability", "unevaluable", "smaa-disabled"],
      ["winner-margin", "not-met", null],
      ["total-margin", "not-met", null],
      ["rank-reversal", "not-met", null],
    ]);
    expect(anyUnevaluable(r)).toBe(true);
    expect(r[0]!.met).toBe(false);
  });
  it("total-margin<X is strict and parsed like the other margins", () => {
    const p = parseFailOn(["total-margin<5", "total-margin<5,5"]);
    if (!p.ok) throw new Error("parse");
    expect(evaluateFailOn(p.conditions, { ...facts, totalMarginPoints: q(5) }).map((x) => x.met)).toEqual([false, true]);
    expect(FAIL_ON_FORMS).toContain("total-margin<X");
  });
  it("failOnFacts: one offer makes the margins unevaluable; --samples 0 the acceptability", async () => {
    const t = buildTender([{ id: "Q", weight: 100, method: "direct", max: 10 }], [{ id: "A", values: { Q: 5 } }]);
    const a = await analyseTender(t, scoreTender(t), { samples: 0 });
    const f = failOnFacts(a);
    expect(f.unevaluable).toEqual({ "winner-margin": "one-offer", "note-margin": "one-offer", "total-margin": "one-offer", acceptability: "smaa-disabled" });
  });
  it("totalMargin: the winner's lead over the next ranked offer in the buyer's scoring; 0 on a tie", () => {
    const t = buildTender([{ id: "Q", weight: 100, method: "direct", max: 10 }], [
      { id: "A", values: { Q: 5 } },
      { id: "B", values: { Q: 8 } },
      { id: "C", values: { Q: 8 } },
    ]);
    expect(totalMargin(scoreTender(t))!.toString()).toBe("0");
    const u = buildTender([{ id: "Q", weight: 100, method: "direct", max: 10 }], [
      { id: "A", values: { Q: 5 } },
      { id: "B", values: { Q: 8 } },
    ]);
    expect(totalMargin(scoreTender(u))!.toString()).toBe("30");
  });
});
