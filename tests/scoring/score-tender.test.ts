// scoreTender end to end: admission, edge cases, thresholds with recomputation, ranks, rounding stages.
import { describe, expect, it } from "vitest";
import { q } from "../../src/exact/rational.js";
import { InvalidMethodError, scoreTender, UnknownValuesError } from "../../src/scoring/score-tender.js";
import { buildTender, method, priceTender } from "./builders.js";

const totals = (res: ReturnType<typeof scoreTender>): Record<string, string> =>
  Object.fromEntries(res.offers.map((o) => [o.id, o.total.toString()]));
const codes = (res: ReturnType<typeof scoreTender>): string[] => res.warnings.map((w) => w.code);

/** Price 60 (proportional) + quality 40 (direct /20), optional quality threshold. */
function mixed(offers: Array<[string, number, number, string?]>, minScore?: number) {
  return buildTender(
    [
      { id: "PRIX", weight: 60, type: "price", method: "proportional" },
      { id: "TECH", weight: 40, type: "quality", method: "direct", max: 20, ...(minScore === undefined ? {} : { minScore }) },
    ],
    offers.map(([id, price, note, status]) => ({ id, status: (status ?? "ok") as "ok", values: { PRIX: price, TECH: note } })),
  );
}

describe("edge cases", () => {
  it("single offer: full points under every price rule; mean-cubic W/2", () => {
    for (const m of ["proportional", "linear-minmax", "linear-lowest", "it-linear(base=200)", "it-concave(base=200)"]) {
      expect(totals(scoreTender(priceTender(m, [150], 10)))).toEqual({ A: "10" });
    }
    expect(totals(scoreTender(priceTender("mean-cubic", [150], 10)))).toEqual({ A: "5" });
    expect(totals(scoreTender(priceTender("it-bilinear(base=200)", [150], 10)))).toEqual({ A: "17/2" });
  });
  it("all prices equal under min–max: W for all, declared, and a tie for first", () => {
    const res = scoreTender(priceTender("linear-minmax", [120, 120, 120], 10));
    expect(totals(res)).toEqual({ A: "10", B: "10", C: "10" });
    expect(codes(res)).toEqual(expect.arrayContaining(["ALL_PRICES_EQUAL", "TIE_FOR_FIRST"]));
    expect(res.winners).toEqual(["A", "B", "C"]);
    expect(res.offers.map((o) => o.rank)).toEqual([1, 1, 1]);
  });
  it("an excluded offer is left out of Pmin, scored for display and capped at 1, never ranked", () => {
    const t = buildTender(
      [{ id: "P", weight: 10, type: "price", method: "proportional" }],
      [
        { id: "A", values: { P: 100 } },
        { id: "LOW", status: "abnormally-low", values: { P: 50 } },
        { id: "B", values: { P: 200 } },
      ],
    );
    const res = scoreTender(t);
    expect(totals(res)).toEqual({ A: "10", B: "5", LOW: "10" });
    expect(res.offers.map((o) => o.id)).toEqual(["A", "B", "LOW"]);
    const low = res.offers.find((o) => o.id === "LOW")!;
    expect([low.admitted, low.rank, low.eliminated]).toEqual([false, null, false]);
    // Its cap is by design (scored "as if"), so it raises no clamp warning: only admitted clamps do.
    expect(res.warnings.find((w) => w.code === "COEFFICIENT_CLAMPED")).toBeUndefined();
    // Readmitted, it sets Pmin and wins.
    const back = scoreTender(t, { readmit: new Set(["LOW"]) });
    expect(totals(back)).toEqual({ LOW: "10", A: "5", B: "5/2" });
    expect(back.winners).toEqual(["LOW"]);
  });
  it("withdraw: left out of every relative formula and of the ranking", () => {
    const t = priceTender("linear-minmax", [100, 150, 200], 10);
    const res = scoreTender(t, { withdraw: new Set(["C"]) });
    expect(totals(res)).toEqual({ A: "10", B: "0", C: "0" });
    expect(res.offers.find((o) => o.id === "C")).toMatchObject({ admitted: false, rank: null });
  });
  it("no admitted offer: nobody ranked, a warning, relative rules give 0", () => {
    const t = buildTender([{ id: "P", weight: 10, type: "price", method: "proportional" }], [{ id: "A", status: "irregular", values: { P: 100 } }]);
    const res = scoreTender(t);
    expect(res.winners).toEqual([]);
    expect(codes(res)).toContain("NO_ADMITTED_OFFER");
    expect(totals(res)).toEqual({ A: "0" });
  });
  it("unknown values throw UnknownValuesError unless overridden", () => {
    const t = buildTender([{ id: "P", weight: 10, type: "price" }], [{ id: "A", values: { P: 100 } }, { id: "B", values: { P: null } }]);
    expect(() => scoreTender(t)).toThrow(UnknownValuesError);
    try {
      scoreTender(t);
    } catch (e) {
      expect((e as UnknownValuesError).missing).toEqual([{ offer: "B", leaf: "P" }]);
    }
    const res = scoreTender(t, { values: new Map([["B", new Map([["P", q(200)]])]]) });
    expect(totals(res)).toEqual({ A: "10", B: "5" });
    // A withdrawn offer with unknown values is simply left out.
    expect(scoreTender(t, { withdraw: new Set(["B"]) }).offers.map((o) => o.id)).toEqual(["A"]);
  });
  it("methods override per leaf; invalid methods throw", () => {
    const t = priceTender("proportional", [100, 150, 200], 10);
    expect(totals(scoreTender(t, { methods: { P: method("linear-minmax") } }))).toEqual({ A: "10", B: "5", C: "0" });
    expect(() => scoreTender(t, { methods: { P: method("direct") } })).toThrow(InvalidMethodError);
    expect(() => scoreTender(t, { methods: { P: method("reference(ref=200; zero=100)") } })).toThrow(InvalidMethodError);
  });
  it("leaves without a method use the type's default (proportional, direct)", () => {
    const t = buildTender(
      [
        { id: "P", weight: 50, type: "price" },
        { id: "Q", weight: 50, type: "quality", max: 10 },
      ],
      [{ id: "A", values: { P: 100, Q: 5 } }, { id: "B", values: { P: 200, Q: 10 } }],
    );
    expect(totals(scoreTender(t))).toEqual({ B: "75", A: "75" });
  });
  it("direct without max: notes read as points out of the leaf weight, declared", () => {
    const t = buildTender([{ id: "Q", weight: 40, method: "direct" }], [{ id: "A", values: { Q: 30 } }]);
    const res = scoreTender(t);
    expect(totals(res)).toEqual({ A: "30" });
    expect(codes(res)).toContain("NOTE_SCALE_ASSUMED");
  });
});

describe("thresholds (two-stage evaluation)", () => {
  it("eliminates below min_score and recomputes the relative notes without the eliminated offer", () => {
    // CHEAP is cheapest but technically weak (6/20 → 12 points < 20): eliminated; Pmin becomes 120.
    const t = mixed([["CHEAP", 80, 6], ["A", 120, 16], ["B", 150, 18]], 20);
    const res = scoreTender(t);
    const cheap = res.offers.find((o) => o.id === "CHEAP")!;
    expect(cheap).toMatchObject({ admitted: true, eliminated: true, rank: null });
    expect(cheap.eliminatedBy.map((e) => [e.node, e.points.toString(), e.threshold.toString()])).toEqual([["TECH", "12", "20"]]);
    expect(res.offers.find((o) => o.id === "A")!.points.get("PRIX")!.toString()).toBe("60");
    expect(totals(res)).toEqual({ A: "92", B: "84", CHEAP: "72" }); // CHEAP shown capped at 60 + 12
    expect(res.winners).toEqual(["A"]);
    expect(res.offers.map((o) => o.id)).toEqual(["A", "B", "CHEAP"]);
    expect(codes(res)).toContain("OFFER_ELIMINATED");
  });
  it("repeats until stable: an elimination can trigger another (relative-best threshold)", () => {
    // A threshold on a min–max price leaf: the dearest always gets 0, so each exclusion exposes the next.
    const t = buildTender(
      [
        { id: "PRIX", weight: 10, type: "price", method: "linear-minmax", minScore: 2 },
        { id: "TECH", weight: 10, type: "quality", method: "direct", max: 10 },
      ],
      [
        { id: "A", values: { PRIX: 100, TECH: 5 } },
        { id: "B", values: { PRIX: 180, TECH: 5 } },
        { id: "C", values: { PRIX: 190, TECH: 5 } },
        { id: "D", values: { PRIX: 200, TECH: 5 } },
      ],
    );
    // Round 1: Pmax 200: D 0 < 2 → out. Round 2: Pmax 190: C 0 → out. Round 3: Pmax 180: B 0 → out.
    const res = scoreTender(t);
    expect(res.offers.filter((o) => o.eliminated).map((o) => o.id).sort()).toEqual(["B", "C", "D"]);
    expect(res.winners).toEqual(["A"]);
    expect(totals(res)["A"]).toBe("15");
  });
  it("every admitted offer eliminated: NO_RANKED_OFFER", () => {
    const res = scoreTender(mixed([["A", 100, 2], ["B", 120, 3]], 20));
    expect(res.winners).toEqual([]);
    expect(codes(res)).toContain("NO_RANKED_OFFER");
  });
});

describe("ranking", () => {
  it("competition ranks with ties (1, 1, 3), ranked by rank then id, exact comparison", () => {
    const t = buildTender(
      [{ id: "Q", weight: 10, method: "direct", max: 10 }],
      [
        { id: "Z", values: { Q: 8 } },
        { id: "C", values: { Q: 6 } },
        { id: "A", values: { Q: 8 } },
        { id: "X", status: "excluded", values: { Q: 9 } },
        { id: "B", values: { Q: 5 } },
      ],
    );
    const res = scoreTender(t);
    expect(res.offers.map((o) => [o.id, o.rank])).toEqual([["A", 1], ["Z", 1], ["C", 3], ["B", 4], ["X", null]]);
    expect(res.winners).toEqual(["A", "Z"]);
    const tie = res.warnings.find((w) => w.code === "TIE_FOR_FIRST")!;
    expect(tie.args).toEqual({ offers: "A, Z", count: 2, total: "8" });
  });
  it("a rounding stage can create a tie that exact scores do not have", () => {
    // 40 × 100/105 = 38.095…, 40 × 100/104.9 = 38.131…: distinct; rounded to 0 decimals both 38.
    const t = priceTender("proportional", [100, 105, "104.9"], 40);
    t.criteria.byId.get("P")!.decimals = 0;
    const exact = scoreTender(t, { rounding: false });
    expect(exact.offers.map((o) => [o.id, o.rank])).toEqual([["A", 1], ["C", 2], ["B", 3]]);
    const rounded = scoreTender(t);
    expect(rounded.offers.map((o) => [o.id, o.rank])).toEqual([["A", 1], ["B", 2], ["C", 2]]);
  });
  it("rounding stages: leaf then parent, total = sum of rounded top-level points", () => {
    const t = buildTender(
      [
        { id: "T", weight: 10, decimals: 0 },
        { id: "T1", parent: "T", weight: 5, method: "direct", max: 3, decimals: 1 },
        { id: "T2", parent: "T", weight: 5, method: "direct", max: 3, decimals: 1 },
      ],
      [{ id: "A", values: { T1: 1, T2: 1 } }],
    );
    // 5/3 = 1.666… → 1.7 each; T = 3.4 → 3.
    const a = scoreTender(t).offers[0]!;
    expect([a.points.get("T1")!.toString(), a.points.get("T")!.toString(), a.total.toString()]).toEqual(["17/10", "3", "3"]);
    const raw = scoreTender(t, { rounding: false }).offers[0]!;
    expect(raw.total.toString()).toBe("10/3");
  });
});
