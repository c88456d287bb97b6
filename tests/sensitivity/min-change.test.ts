import { describe, expect, it } from "vitest";
import { q } from "../../src/exact/rational.js";
import { minimalWeightChanges, minL1Tie, minLinfTie, minChangeLp, type ChangeResult, type NotComputed } from "../../src/sensitivity/min-change.js";
import { buildModel, flatTree, o3, o5, str } from "./builders.js";

// A sole-winner result can also be "not computed" on large tenders; these small models compute them all.
const dist = (r: ChangeResult | NotComputed): string => (r.status === "ok" ? r.distance.toString() : r.status === "infeasible" ? "infeasible" : "not-computed");
const weights = (r: ChangeResult): string[] | null => (r.status === "ok" ? str(r.weights) : null);

describe("minimal weight change — O3", () => {
  const report = minimalWeightChanges(o3());
  const byId = new Map(report.pairs.map((p) => [p.challenger, p]));

  it("challengers in rank order against the winner C", () => {
    expect(report.winner).toBe("C");
    expect(report.winners).toEqual(["C"]);
    expect(report.pairs.map((p) => p.challenger)).toEqual(["B", "A", "D"]);
    expect(byId.get("B")!.gapPoints.toString()).toBe("5");
  });

  it.each([
    ["B", "1/5", ["1/2", "2/5", "1/10"], "1/10", "3/152", "1/5", "1/10"],
    ["A", "4/15", ["19/30", "3/10", "1/15"], "2/15", "6/175", "4/15", "2/15"],
    ["D", "13/45", ["1/2", "4/9", "1/18"], "13/90", "507/12200", "2/5", "1/5"],
  ])("%s: L1 %s at %j, L∞ %s, L2² %s, beat all L1 %s / L∞ %s", (id, l1, w1, linf, l2sq, allL1, allLinf) => {
    const p = byId.get(id)!;
    expect(dist(p.l1)).toBe(l1);
    expect(weights(p.l1)).toEqual(w1);
    expect(dist(p.linf)).toBe(linf);
    expect(p.l2?.status).toBe("ok");
    if (p.l2?.status === "ok") expect(p.l2.distanceSquared.toString()).toBe(l2sq);
    expect(dist(p.soleWinner.l1)).toBe(allL1);
    expect(dist(p.soleWinner.linf)).toBe(allLinf);
  });

  it("L2 distances match the reference decimals", () => {
    const l2 = (id: string): number => {
      const r = byId.get(id)!.l2;
      return r?.status === "ok" ? r.distance : NaN;
    };
    expect(l2("B")).toBeCloseTo(3 / (2 * Math.sqrt(114)), 12);
    expect(l2("A")).toBeCloseTo(6 / (5 * Math.sqrt(42)), 12);
    expect(l2("D")).toBeCloseTo(39 / (10 * Math.sqrt(366)), 12);
  });

  it("the award margin: no weight moves less than 10 points can change it (Quality 30→40, Delivery 20→10)", () => {
    expect(report.margin?.challenger).toBe("B");
    expect(report.margin?.distance.toString()).toBe("1/10");
    expect(report.margin?.distancePoints.toString()).toBe("10");
    expect(str(report.margin!.weights)).toEqual(["1/2", "2/5", "1/10"]);
    const b = byId.get("B")!.linf;
    expect(b.status === "ok" && str(b.weightsPoints)).toEqual(["50", "40", "10"]);
  });
});

describe("minimal weight change — O5 (global leaves)", () => {
  const report = minimalWeightChanges(o5());
  const byId = new Map(report.pairs.map((p) => [p.challenger, p]));
  it("Z and X against Y", () => {
    expect(report.winner).toBe("Y");
    const z = byId.get("Z")!;
    expect(dist(z.l1)).toBe("1/10");
    expect(weights(z.l1)).toEqual(["7/20", "9/20", "1/5"]);
    expect(dist(z.linf)).toBe("1/20");
    const x = byId.get("X")!;
    expect(dist(x.l1)).toBe("6/25");
    expect(weights(x.l1)).toEqual(["13/25", "2/5", "2/25"]);
    expect(dist(x.linf)).toBe("3/25");
    expect(report.margin?.distancePoints.toString()).toBe("5");
  });
});

describe("edge cases", () => {
  it("no offers and a single offer", () => {
    const empty = buildModel(flatTree({ P: 1, Q: 1 }), {});
    expect(minimalWeightChanges(empty)).toEqual({ winner: null, winners: [], pairs: [], margin: null });
    const one = minimalWeightChanges(buildModel(flatTree({ P: 1, Q: 1 }), { A: [1, 2] }));
    expect(one.winner).toBe("A");
    expect(one.pairs).toEqual([]);
    expect(one.margin).toBeNull();
  });

  it("a dominated challenger is infeasible in every norm", () => {
    const r = minimalWeightChanges(buildModel(flatTree({ P: 1, Q: 1 }), { A: [90, 80], B: [50, 70] }));
    const p = r.pairs[0]!;
    expect([dist(p.l1), dist(p.linf), p.l2?.status, dist(p.soleWinner.l1), dist(p.soleWinner.linf)]).toEqual(
      Array(5).fill("infeasible"),
    );
    expect(r.margin).toBeNull();
  });

  it("weakly dominated (equal on one leaf): reachable by moving all weight there", () => {
    const r = minimalWeightChanges(buildModel(flatTree({ P: 1, Q: 1 }), { A: [90, 70], B: [50, 70] }));
    expect(dist(r.pairs[0]!.l1)).toBe("1");
    expect(weights(r.pairs[0]!.l1)).toEqual(["0", "1"]);
    expect(dist(r.pairs[0]!.linf)).toBe("1/2");
  });

  it("co-winners: distance 0; all-equal scores: distance 0 everywhere", () => {
    const r = minimalWeightChanges(buildModel(flatTree({ P: 1, Q: 1 }), { A: [80, 60], B: [60, 80], C: [0, 0] }));
    expect(r.winners).toEqual(["A", "B"]);
    expect(dist(r.pairs[0]!.l1)).toBe("0");
    expect(dist(r.pairs[0]!.linf)).toBe("0");
    expect(r.margin?.distance.toString()).toBe("0");
    const eq = minimalWeightChanges(buildModel(flatTree({ P: 1, Q: 1 }), { A: [5, 5], B: [5, 5] }));
    expect(dist(eq.pairs[0]!.l1)).toBe("0");
    expect(dist(eq.pairs[0]!.soleWinner.linf)).toBe("0");
  });

  it("L∞ uses the exact parametric greedy when non-negativity binds (the LP agrees)", () => {
    // d = (1, 1, −1, −1), w = (0, 3/4, 1/8, 1/8), gap 1/2: the closed form (t = 1/8) would lower w₁ = 0.
    const d = [q(1), q(1), q(-1), q(-1)];
    const w = [q(0), q(3, 4), q(1, 8), q(1, 8)];
    const r = minLinfTie(d, w);
    expect(r.status === "ok" && r.method).toBe("parametric");
    expect(dist(r)).toBe("1/4"); // lower w₂ by 1/4, raise w₃, w₄ by 1/8
    expect(r.status === "ok" && r.weights.reduce((a, b) => a.add(b), q(0)).toString()).toBe("1");
    expect(dist(minChangeLp([d], w, "linf"))).toBe("1/4");
    expect(dist(minL1Tie(d, w))).toBe("1/2");
  });
});
