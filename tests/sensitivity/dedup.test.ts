// The helpers the review merged: one gcd/lcm, one ranking, one threshold size, one occulted test,
// one --smaa-weights parser, one JSON figure convention, the SMAA defaults.
import { describe, expect, it } from "vitest";
import { gcd, lcm, q, Rational } from "../../src/exact/rational.js";
import { hasOccultedValues } from "../../src/domain/occulted.js";
import { rankByTotal, rankIndices } from "../../src/scoring/rank.js";
import { canonicalSmaaWeights, DEFAULT_SAMPLES, DEFAULT_SEED, parseSmaaWeights } from "../../src/sensitivity/analyse.js";
import * as defaults from "../../src/sensitivity/defaults.js";
import { rankValues } from "../../src/sensitivity/model.js";
import { compareThresholdSize, thresholdSize, type ScoreThreshold } from "../../src/sensitivity/score-threshold.js";
import { figure } from "../../src/report/json-figures.js";
import { analyseForReport } from "../../src/report/report-analysis.js";
import { scoreTender } from "../../src/scoring/score-tender.js";
import { buildTender } from "../scoring/builders.js";

describe("merged helpers", () => {
  it("gcd / lcm on BigInt", () => {
    expect(gcd(-12n, 18n)).toBe(6n);
    expect(gcd(0n, 0n)).toBe(0n);
    expect(lcm([4n, 6n, 1n])).toBe(12n);
    expect(lcm([])).toBe(1n);
  });
  it("rankValues is rankIndices; rankByTotal agrees (competition ranks, ties by id)", () => {
    const ids = ["b", "a", "c", "10", "2"];
    const vals = [q(5), q(5), q(7), q(1), q(1)];
    expect(rankValues(ids, vals)).toEqual(rankIndices(ids, vals));
    expect(rankByTotal(ids.map((id, i) => ({ id, total: vals[i]! }))).map((e) => `${e.id}:${e.rank}`)).toEqual(["c:1", "a:2", "b:2", "10:4", "2:4"]);
  });
  it("thresholdSize: exact, relative to the scale (notes) or the current price; none last", () => {
    const base: ScoreThreshold = { challenger: "B", winner: "A", leaf: "Q", direction: "raise-challenger", mover: "B", kind: "note", current: q(5), target: q(7), delta: q(2), bracket: null, jump: false, reachable: true, reason: null, method: "exact", scale: q(10) };
    const price: ScoreThreshold = { ...base, kind: "price", current: q(100), target: q(90), delta: q(-10), scale: null };
    const none: ScoreThreshold = { ...base, target: null, delta: null };
    expect(thresholdSize(base)!.toString()).toBe("1/5");
    expect(thresholdSize(price)!.toString()).toBe("1/10");
    expect(thresholdSize(none)).toBeNull();
    expect([none, base, price].sort(compareThresholdSize)).toEqual([price, base, none]);
  });
  it("hasOccultedValues: a null or absent leaf value", () => {
    const t = buildTender([{ id: "Q", weight: 100, method: "direct", max: 10 }], [{ id: "A", values: { Q: 5 } }]);
    expect(hasOccultedValues(t)).toBe(false);
    t.offers[0]!.values.set("Q", null);
    expect(hasOccultedValues(t)).toBe(true);
    t.offers[0]!.values.delete("Q");
    expect(hasOccultedValues(t)).toBe(true);
  });
  it("parseSmaaWeights reads box-top:P as box:P:top", () => {
    expect(parseSmaaWeights("box-top:5")).toEqual(parseSmaaWeights("box:5:top"));
    expect(canonicalSmaaWeights("box-top:2,5")).toBe("box:2,5:top");
    expect(parseSmaaWeights("box-top:x")).toBeNull();
  });
  it("figure: exact only when not a short decimal", () => {
    expect(figure(q(77, 2))).toEqual({ value: 38.5 });
    expect(figure(Rational.of(800, 21))).toEqual({ value: 800 / 21, exact: "800/21" });
  });
  it("one copy of the SMAA defaults", () => {
    expect(defaults.DEFAULT_SEED).toBe(DEFAULT_SEED);
    expect(defaults.DEFAULT_SAMPLES).toBe(DEFAULT_SAMPLES);
  });
});

describe("analyseForReport", () => {
  const t = buildTender(
    [
      { id: "P", weight: 60, type: "price", method: "proportional" },
      { id: "Q", weight: 40, method: "direct", max: 10 },
    ],
    [
      { id: "A", values: { P: 100, Q: 5 } },
      { id: "B", values: { P: 120, Q: 9 } },
    ],
  );
  it("records the analysis' own settings; labelled progress", async () => {
    const labels = new Set<string>();
    const run = await analyseForReport(t, scoreTender(t), { samples: 200, seed: 7, smaaWeights: "box-top:5", scoreNoise: 0, lang: "fr", progress: (_d, _t, label) => labels.add(label) });
    expect(run.parameters).toMatchObject({ samples: 200, seed: 7, smaaWeights: "box:5:top", sampler: { kind: "box", points: 5, level: "top" } });
    expect([...labels].sort()).toEqual(["SMAA", "analyses exactes"]);
  });
  it("charts figures follow the JSON convention (no exact on short decimals)", async () => {
    const run = await analyseForReport(t, scoreTender(t), { samples: 0, seed: 1, smaaWeights: "simplex", scoreNoise: 0 });
    expect(run.charts.lines[0]!.weight).toEqual({ value: 0.6 });
  });
});
