// Rank reversal under Pmin/P: a cheap, worthless offer withdrawn hands the lead to a dearer offer.
import { describe, expect, it } from "vitest";
import { comparePairs, rankReversal } from "../../src/sensitivity/rank-reversal.js";
import { q } from "../../src/exact/rational.js";
import { buildTender } from "../scoring/builders.js";

// Price 50 proportional, Quality 50 direct /10.
// With Z (20 €): X = 50·20/100 + 50 = 60; Y = 50·20/60 + 35 = 51.667; Z = 50 + 0 = 50 → X > Y > Z.
// Without Z: Pmin = 60: X = 30 + 50 = 80; Y = 50 + 35 = 85 → Y > X: the pair flips.
const tender = (zStatus: "ok" | "abnormally-low" = "ok") =>
  buildTender(
    [
      { id: "P", weight: 50, type: "price", method: "proportional" },
      { id: "Q", weight: 50, method: "direct", max: 10 },
    ],
    [
      { id: "X", values: { P: 100, Q: 10 } },
      { id: "Y", values: { P: 60, Q: 7 } },
      { id: "Z", status: zStatus, values: { P: 20, Q: 0 } },
    ],
  );

describe("rank reversal", () => {
  it("withdrawing the cheap worthless Z reverses X and Y, and the winner changes", () => {
    const rr = rankReversal(tender());
    const z = rr.scenarios.find((s) => s.kind === "withdraw" && s.offer === "Z")!;
    expect(z.flips.map((f) => [f.first, f.second, f.kind])).toEqual([["X", "Y", "reversed"]]);
    expect(z.flips[0]!.before.map(String)).toEqual(["60", "155/3"]);
    expect(z.flips[0]!.after.map(String)).toEqual(["80", "85"]);
    expect(z.winnerChanged).toBe(true);
    expect(z.changedLeaves).toEqual(["P"]);
    expect(rr.anyReversal).toBe(true);
    // Withdrawing Y leaves X and Z in the same order (Pmin stays 20).
    expect(rr.scenarios.find((s) => s.offer === "Y")!.flips).toEqual([]);
  });
  it("readmitting an excluded offer is the same test the other way round", () => {
    const rr = rankReversal(tender("abnormally-low"));
    expect(rr.scenarios.map((s) => [s.kind, s.offer])).toEqual([["withdraw", "X"], ["readmit", "Z"]]);
    const z = rr.scenarios.find((s) => s.kind === "readmit")!;
    // Before (Z out): Y 85 > X 80; readmitted: X 60 > Y 51.667.
    expect(z.flips.map((f) => [f.first, f.second, f.kind])).toEqual([["Y", "X", "reversed"]]);
  });
  it("ties created and broken are reported as such", () => {
    const a = new Map([["A", q(2)], ["B", q(1)], ["C", q(1)]]);
    const b = new Map([["A", q(1)], ["B", q(1)], ["C", q(3)]]);
    expect(comparePairs(a, b, "none").map((f) => [f.first, f.second, f.kind])).toEqual([
      ["A", "B", "tie-created"],
      ["A", "C", "reversed"],
      ["B", "C", "tie-broken"],
    ]);
  });
  it("a single offer: no scenario", () => {
    const t = buildTender([{ id: "Q", weight: 100, method: "direct", max: 10 }], [{ id: "A", values: { Q: 1 } }]);
    expect(rankReversal(t)).toEqual({ scenarios: [], anyReversal: false, anyWinnerChange: false });
  });
});
