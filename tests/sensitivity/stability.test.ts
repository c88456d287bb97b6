import { describe, expect, it } from "vitest";
import { q } from "../../src/exact/rational.js";
import {
  breakpointMap,
  criticalChanges,
  stabilityInterval,
  stabilityIntervals,
  weightPath,
  type StabilityRange,
} from "../../src/sensitivity/stability.js";
import { totals } from "../../src/sensitivity/model.js";
import { buildModel, buildTree, flatTree, o3, o5, str } from "./builders.js";

/** [lower, upper, lowerPairs, upperPairs] as strings. */
function view(r: StabilityRange): [string, string, string[], string[]] {
  return [r.lower.toString(), r.upper.toString(), r.lowerPairs.map((p) => p.join("–")), r.upperPairs.map((p) => p.join("–"))];
}

describe("stability intervals — O3 (flat, others proportional)", () => {
  const m = o3();
  it.each(["local", "global"] as const)("Price, Quality, Delivery (%s = global on a flat tree)", (conv) => {
    const price = stabilityInterval(m, "Price", conv);
    expect(price.weight.toString()).toBe("1/2");
    expect(price.winners).toEqual(["C"]);
    expect(view(price.winner)).toEqual(["0", "13/18", ["C–B"], ["C–A"]]);
    expect(view(price.ranking)).toEqual(["2/5", "13/23", ["A–D"], ["B–A"]]);
    const quality = stabilityInterval(m, "Quality", conv);
    expect(quality.weight.toString()).toBe("3/10");
    expect(view(quality.winner)).toEqual(["0", "11/25", [], ["C–B"]]);
    expect(quality.winner.lowerPair).toBeNull();
    expect(view(quality.ranking)).toEqual(["2/9", "17/45", ["B–A"], ["A–D"]]);
    const delivery = stabilityInterval(m, "Delivery", conv);
    expect(view(delivery.winner)).toEqual(["1/21", "1", ["C–A"], []]);
    expect(delivery.winner.upperPair).toBeNull();
    expect(view(delivery.ranking)).toEqual(["1/17", "1", ["B–A"], []]);
  });

  it("gives the bounds in points of the total", () => {
    const price = stabilityInterval(m, "Price", "global");
    expect(price.weightPoints.toString()).toBe("50");
    expect(price.winner.upperPoints.toString()).toBe("650/9"); // 13/18 × 100
    expect(price.winner.lowerPoints.toString()).toBe("0");
    expect(price.ranking.lowerPoints.toString()).toBe("40");
    expect(price.winner.upperPair).toEqual(["C", "A"]);
  });

  it("lists every node locally and every leaf globally, in tree order", () => {
    expect(stabilityIntervals(m).map((s) => `${s.criterion}/${s.convention}`)).toEqual([
      "Price/local",
      "Price/global",
      "Quality/local",
      "Quality/global",
      "Delivery/local",
      "Delivery/global",
    ]);
  });

  it("Triantaphyllou–Sánchez δ′ for every pair and leaf", () => {
    const expected: Record<string, [string, string, string]> = {
      "C–B": ["1/2", "-1/4", "1/6"],
      "C–A": ["-4/5", "4/5", "4/25"],
      "C–D": ["13/20", "-13/30", "13/60"],
      "B–A": ["-3/20", "1/10", "3/20"],
      "B–D": ["4/5", "-4/5", "4/15"],
      "A–D": ["1/6", "-1/8", "1/2"],
    };
    const notFeasible = new Set(["C–A/Quality", "C–D/Price", "C–D/Delivery", "B–D/Price", "B–D/Delivery", "A–D/Delivery"]);
    ["Price", "Quality", "Delivery"].forEach((leaf, k) => {
      const rows = criticalChanges(m, leaf);
      expect(rows.map((r) => r.pair.join("–"))).toEqual(Object.keys(expected));
      for (const row of rows) {
        const key = row.pair.join("–");
        expect(row.delta?.toString()).toBe(expected[key]![k]);
        expect(row.feasible).toBe(!notFeasible.has(`${key}/${leaf}`));
      }
    });
    const ca = criticalChanges(m, "Delivery").find((r) => r.pair.join("–") === "C–A")!;
    expect(ca.t?.toString()).toBe("1/21");
    expect(ca.percent?.toString()).toBe("80"); // 4/25 ÷ 1/5
  });
});

describe("stability intervals — O5 (tree: local vs global)", () => {
  const m = o5();
  it("root level Price (local = global for a top-level leaf)", () => {
    for (const conv of ["local", "global"] as const) {
      const s = stabilityInterval(m, "Price", conv);
      expect(s.weight.toString()).toBe("2/5");
      expect([s.winner.lower.toString(), s.winner.upper.toString()]).toEqual(["1/3", "7/13"]);
      expect([s.ranking.lower.toString(), s.ranking.upper.toString()]).toEqual(["1/3", "5/11"]);
    }
  });

  it("local: Technical share inside Quality, Price fixed", () => {
    const s = stabilityInterval(m, "Technical", "local");
    expect(s.weight.toString()).toBe("2/3");
    expect(s.scale.toString()).toBe("60");
    expect(view(s.winner)).toEqual(["0", "7/9", [], ["Y–Z"]]);
    expect(view(s.ranking)).toEqual(["1/3", "7/9", ["Z–X"], ["Y–Z"]]);
    expect(s.winner.upperPoints.toString()).toBe("140/3"); // 7/9 × 60 points of Quality
  });

  it("global: Technical with all other leaves proportional", () => {
    const s = stabilityInterval(m, "Technical", "global");
    expect(s.weight.toString()).toBe("2/5");
    expect(view(s.winner)).toEqual(["1/7", "5/11", ["Y–X"], ["Y–Z"]]);
    expect(view(s.ranking)).toEqual(["1/3", "5/11", ["Z–X"], ["Y–Z"]]);
  });

  it("global: Service [0, 1] with the three-way tie X = Y = Z = 75 at weight 0", () => {
    const s = stabilityInterval(m, "Service", "global");
    expect(view(s.winner)).toEqual(["0", "1", ["Y–Z", "Y–X"], []]);
    expect(s.winner.lowerPair).toEqual(["Y", "Z"]);
    expect(view(s.ranking)).toEqual(["0", "1", ["Y–Z", "Z–X"], []]);
    const map = breakpointMap(m, "Service", "global");
    expect(map.lines.map((l) => [l.offer, l.at0.toString(), l.at1.toString()])).toEqual([
      ["Y", "75", "90"],
      ["Z", "75", "80"],
      ["X", "75", "60"],
    ]);
    expect(map.breakpoints).toHaveLength(1);
    expect(map.breakpoints[0]!.t.toString()).toBe("0");
    expect(map.breakpoints[0]!.pairs).toHaveLength(3);
    expect(map.segments.map((g) => [g.from.toString(), g.to.toString(), g.order.join("")])).toEqual([["0", "1", "YZX"]]);
  });

  it("local and global intervals differ (the convention matters)", () => {
    const loc = stabilityInterval(m, "Technical", "local");
    const glo = stabilityInterval(m, "Technical", "global");
    expect(loc.winner.upper.eq(glo.winner.upper)).toBe(false);
  });
});

describe("breakpoint map", () => {
  it("O3 Price: sorted crossings and the ranking on every segment", () => {
    const map = breakpointMap(o3(), "Price", "global");
    const ts = map.breakpoints.map((b) => b.t.toString());
    expect(ts).toEqual([...ts].sort((a, b) => q(a).cmp(q(b))));
    expect(ts).toContain("13/18");
    expect(ts).toContain("2/5");
    expect(ts).toContain("13/23");
    const at = map.segments.find((s) => s.from.le(q(1, 2)) && s.to.ge(q(1, 2)))!;
    expect(at.order).toEqual(["C", "B", "A", "D"]);
    expect(at.ranks).toEqual([1, 2, 3, 4]);
    // Segments tile [0, 1].
    expect(map.segments[0]!.from.toString()).toBe("0");
    expect(map.segments.at(-1)!.to.toString()).toBe("1");
    map.segments.slice(1).forEach((s, i) => expect(s.from.eq(map.segments[i]!.to)).toBe(true));
    // The last segment (Price → 100 %) is ordered by price score: A 100, C 90, B 80, D 70.
    expect(map.segments.at(-1)!.order).toEqual(["A", "C", "B", "D"]);
    // Crossing orientation: [ahead before, ahead after].
    const ca = map.breakpoints.find((b) => b.t.toString() === "13/18")!;
    expect(ca.pairs).toEqual([["C", "A"]]);
    expect(ca.points.toString()).toBe("650/9");
  });
});

describe("weight paths", () => {
  it("pass through the current weights at the current share", () => {
    const m = o5();
    for (const [id, conv] of [["Technical", "local"], ["Quality", "local"], ["Service", "global"]] as const) {
      const p = weightPath(m, id, conv);
      const w = p.at0.map((x, j) => x.add(p.at1[j]!.sub(x).mul(p.weight)));
      expect(str(w)).toEqual(str(m.weights));
    }
  });

  it("rejects unknown ids and global on an inner node", () => {
    expect(() => stabilityInterval(o5(), "Nope", "local")).toThrow(RangeError);
    expect(() => stabilityInterval(o5(), "Quality", "global")).toThrow(RangeError);
  });
});

describe("edge cases", () => {
  it("a single offer: [0, 1], no pairs", () => {
    const m = buildModel(flatTree({ P: 60, Q: 40 }), { A: [50, 70] });
    for (const s of stabilityIntervals(m)) {
      expect(view(s.winner)).toEqual(["0", "1", [], []]);
      expect(view(s.ranking)).toEqual(["0", "1", [], []]);
      expect(s.winners).toEqual(["A"]);
    }
    expect(breakpointMap(m, "P", "global").segments).toHaveLength(1);
  });

  it("two offers: winner and ranking intervals coincide", () => {
    const m = buildModel(flatTree({ P: 60, Q: 40 }), { A: [100, 0], B: [0, 100] });
    const s = stabilityInterval(m, "P", "global");
    expect(view(s.winner)).toEqual(["1/2", "1", ["A–B"], []]);
    expect(view(s.ranking)).toEqual(view(s.winner));
  });

  it("all-equal scores: everyone tied, identical lines never bind", () => {
    const m = buildModel(flatTree({ P: 60, Q: 40 }), { A: [70, 70], B: [70, 70], C: [70, 70] });
    const s = stabilityInterval(m, "P", "global");
    expect(s.winners).toEqual(["A", "B", "C"]);
    expect(view(s.winner)).toEqual(["0", "1", [], []]);
    expect(view(s.ranking)).toEqual(["0", "1", [], []]);
    expect(breakpointMap(m, "P", "global").segments[0]!.ranks).toEqual([1, 1, 1]);
  });

  it("tied winners whose totals move differently: degenerate interval at the current weight", () => {
    const m = buildModel(flatTree({ P: 50, Q: 50 }), { A: [80, 60], B: [60, 80], C: [10, 10] });
    const s = stabilityInterval(m, "P", "global");
    expect(s.winners).toEqual(["A", "B"]);
    expect(view(s.winner)).toEqual(["1/2", "1/2", ["A–B"], ["A–B"]]);
    expect(view(s.ranking)).toEqual(["1/2", "1/2", ["A–B"], ["A–B"]]);
  });

  it("a node of weight 0: current share 0, the whole weight can be given to it", () => {
    const m = buildModel(flatTree({ P: 0, Q: 60, R: 40 }), { A: [0, 80, 60], B: [100, 70, 60] });
    const s = stabilityInterval(m, "P", "global");
    expect(s.weight.toString()).toBe("0");
    // A: 72 − 72t, B: 66 + 34t → tie at t = 6/106 = 3/53.
    expect(view(s.winner)).toEqual(["0", "3/53", [], ["A–B"]]);
  });

  it("a node holding the whole weight (others 0): below 1 the rest is split equally", () => {
    const m = buildModel(flatTree({ P: 100, Q: 0, R: 0 }), { A: [60, 0, 0], B: [50, 100, 0] });
    const p = weightPath(m, "P", "global");
    expect(str(p.at0)).toEqual(["0", "50", "50"]);
    const s = stabilityInterval(m, "P", "global");
    expect(s.weight.toString()).toBe("1");
    // A: 60t, B: 50t + 50(1 − t) = 50 → A first for t ≥ 5/6.
    expect(view(s.winner)).toEqual(["5/6", "1", ["A–B"], []]);
    // Local at top level: same rule.
    expect(view(stabilityInterval(m, "P", "local").winner)).toEqual(["5/6", "1", ["A–B"], []]);
  });

  it("a group of weight 0 and an only child", () => {
    const tree = buildTree([
      { id: "P", weight: 100 },
      { id: "G", weight: 0, children: [{ id: "G1", weight: 0 }, { id: "G2", weight: 0 }] },
      { id: "H", weight: 0, children: [{ id: "H1", weight: 0 }] },
    ]);
    const m = buildModel(tree, { A: [60, 0, 0, 0], B: [50, 100, 100, 100] });
    const g1 = stabilityInterval(m, "G1", "local");
    expect(g1.weight.toString()).toBe("1/2"); // share undefined in a weightless group: equal split
    expect(view(g1.winner)).toEqual(["0", "1", [], []]); // the totals do not depend on it
    const h1 = stabilityInterval(m, "H1", "local");
    expect(h1.note).toBe("only-child");
    expect(view(h1.winner)).toEqual(["0", "1", [], []]);
    // Giving the weightless G the whole weight: its leaves share it equally.
    const gp = weightPath(m, "G", "local");
    expect(str(gp.at1)).toEqual(["0", "50", "50", "0"]);
    expect(totals(m).map(String)).toEqual(["6000/100", "5000/100"].map((x) => q(x).toString()));
  });
});
