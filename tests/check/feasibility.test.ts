import { describe, expect, it } from "vitest";
import { q } from "../../src/exact/rational.js";
import { checkTender } from "../../src/check/check-tender.js";
import { decideFeasibility } from "../../src/check/feasibility.js";
import type { DeclaredFigure } from "../../src/domain/types.js";
import { buildTender } from "../scoring/builders.js";
import { loadFixture } from "./helpers.js";

describe("occulted losers' notes, declared totals and ranks: feasible, with exact ranges", () => {
  // PRIX = 40 × 100000 / P; TECH.1 points = 2 × note (/20); TECH.2 points = 2 × note (/10). No rounding.
  // W (known) = 40 + 32 + 16 = 88. Tolerance 0.005 on "xx,00".
  // L1: 100/3 + 2x + 2y = 80 ± 0.005 → x + y ∈ [70/3 − 1/400, 70/3 + 1/400]
  //     → x ≥ 70/3 − 1/400 − 10 = 15997/1200, y ≥ 70/3 − 1/400 − 20 = 3997/1200; upper ends: the scales.
  // L2: 32 + 2x + 2y = 70 ± 0.005 → x + y ∈ [19 − 1/400, 19 + 1/400] → x ∈ [3599/400, 7601/400], y ∈ [0, 10].
  // L3 (rank 4, no total): 400/11 + 2x + 2y < T(L2) ≤ 70.005 → x ≤ (14001/200 − 400/11)/2 = 74011/4400.
  const tender = loadFixture("check-occulted-feasible");
  const r = checkTender(tender, tender.declared);
  it("is proven feasible (a witness recomputed exactly) and exit-0 worthy", () => {
    expect(r.verdict).toBe("consistent");
    expect(r.feasibility.status).toBe("feasible");
  });
  it("gives the exact range of each occulted note", () => {
    if (r.feasibility.status !== "feasible") throw new Error("not feasible");
    const ranges = r.feasibility.ranges.map((x) => `${x.offer}/${x.leaf} ${x.min.toString()}..${x.max.toString()}`);
    expect(ranges).toEqual([
      "L1/TECH.1 15997/1200..20",
      "L1/TECH.2 3997/1200..10",
      "L2/TECH.1 3599/400..7601/400",
      "L2/TECH.2 0..10",
      "L3/TECH.1 0..74011/4400",
      "L3/TECH.2 0..10",
    ]);
  });
});

describe("declared figures that no occulted values can reproduce: proven", () => {
  const tender = loadFixture("check-occulted-inconsistent");
  it("names the minimal conflicting set: L1's total 90 and the order W (88) before L1", () => {
    const r = checkTender(tender, tender.declared);
    expect(r.verdict).toBe("inconsistent");
    // Each figure alone is possible: L1 ∈ [100/3, 280/3] contains 90.
    expect(r.checks.every((c) => c.status === "agrees" || c.status === "open")).toBe(true);
    if (r.feasibility.status !== "inconsistent") throw new Error("expected inconsistent");
    expect(r.feasibility.conflict.map((c) => (c.kind === "figure" ? `${c.figure.offer}/${c.figure.node}` : c.kind === "rank-order" ? `${c.above.offer}>${c.below.offer}` : c.kind))).toEqual([
      "L1/total",
      "W>L1",
    ]);
  });
});

describe("strict rank orders", () => {
  // One leaf weight 10, scale 10: A known 6; B unknown. Declared: A rank 1, B rank 2, B total 6.
  // B's total must be 6 ± 0.5 and strictly below 6: feasible (e.g. 5.5). With tolerance 0: B = 6 = A,
  // a tie, not rank 2 → proven inconsistent (max margin t = 0).
  const t = buildTender([{ id: "Q", weight: 10, max: 10, method: "direct" }], [
    { id: "A", values: { Q: 6 } },
    { id: "B", values: { Q: null } },
  ]);
  const d = (offer: string, node: string, text: string): DeclaredFigure => ({ offer, node, value: q(text), text, source: { file: "t" } });
  const declared = [d("A", "rank", "1"), d("B", "rank", "2"), d("B", "total", "6")];
  it("feasible with the default tolerance", () => {
    expect(decideFeasibility(t, declared).status).toBe("feasible");
  });
  it("inconsistent when the order must be strict and the tolerance is 0", () => {
    expect(decideFeasibility(t, declared, q(0)).status).toBe("inconsistent");
  });
});

describe("unknown prices under a relative rule are not decided, never called inconsistent", () => {
  const t = buildTender([{ id: "P", weight: 10, type: "price", method: "proportional" }], [
    { id: "A", values: { P: 100 } },
    { id: "B", values: { P: null } },
  ]);
  it("says not decided", () => {
    const d: DeclaredFigure = { offer: "B", node: "total", value: q(5), text: "5", source: { file: "t" } };
    const r = checkTender(t, [d]);
    expect(r.feasibility).toEqual({ status: "not-decided", reason: "relative-unknowns", ranges: [] });
    expect(r.verdict).toBe("undecided");
  });
  it("but a figure outside every possible value is proven impossible", () => {
    const d: DeclaredFigure = { offer: "A", node: "total", value: q(11), text: "11", source: { file: "t" } };
    expect(checkTender(t, [d]).checks[0]!.status).toBe("impossible");
  });
});
