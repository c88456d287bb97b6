// Standard vocabularies (eForms BT-*, OCDS) and the alias table: every alias maps to its field.
import { describe, expect, it } from "vitest";
import { CRITERIA_ALIASES, LONG_ALIASES, OFFER_ALIASES, matchAlias, normalizeName } from "../../src/load/aliases.js";
import { WEIGHT_KIND_VALUES, readWeightKind } from "../../src/load/weight-kinds.js";
import { codes, load, okTender } from "./helpers.js";

describe("alias table", () => {
  it("every criteria and offer alias maps to its own field, and no alias is claimed twice", () => {
    for (const [field, aliases] of Object.entries(CRITERIA_ALIASES)) for (const a of aliases) expect(matchAlias(a, CRITERIA_ALIASES)).toBe(field);
    for (const [field, aliases] of Object.entries(OFFER_ALIASES)) for (const a of aliases) expect(matchAlias(a, OFFER_ALIASES)).toBe(field);
    const all = Object.values(CRITERIA_ALIASES).flat();
    expect(new Set(all).size).toBe(all.length);
    for (const list of Object.values(LONG_ALIASES)) for (const a of list) expect(normalizeName(a)).toBe(a);
  });

  it("eForms and OCDS spellings as written in exports", () => {
    expect(matchAlias("BT-539", CRITERIA_ALIASES)).toBe("type");
    expect(matchAlias("award-criterion-type", CRITERIA_ALIASES)).toBe("type");
    expect(matchAlias("BT-541", CRITERIA_ALIASES)).toBe("weight");
    expect(matchAlias("Number", CRITERIA_ALIASES)).toBe("weight");
    expect(matchAlias("BT-5421", CRITERIA_ALIASES)).toBe("weight_kind");
    expect(matchAlias("BT-734", CRITERIA_ALIASES)).toBe("label");
    expect(matchAlias("BT-5423", CRITERIA_ALIASES)).toBe("min_score");
    expect(matchAlias("Pondération (%)", CRITERIA_ALIASES)).toBe("weight");
  });

  it("every weight-kind code is recognised", () => {
    for (const code of ["per-exa", "per-mid", "dec-exa", "dec-mid", "poi-exa", "poi-mid", "ord-imp", "percentageExact", "decimalRangeMiddle", "pointsExact", "order"]) {
      expect(readWeightKind(code), code).toBeDefined();
    }
    for (const k of Object.keys(WEIGHT_KIND_VALUES)) expect(normalizeName(k)).toBe(k);
  });
});

const OFFERS = "offer,price,quality\nA,100,8\nB,120,9";

describe("weight kinds", () => {
  it("per-exa and poi-exa read as given; weightKind exact", () => {
    const r = load("id,BT-734,BT-539,BT-541,BT-5421,max\nprice,Price,price,40,per-exa,\nquality,Quality,quality,60,per-exa,10", OFFERS);
    expect(okTender(r).criteria.totalPoints.toString()).toBe("100");
    expect(r.ok && r.weightKind).toBe("exact");
  });

  it("dec-exa fractions are read as percent (× 100), exactly", () => {
    const r = load("id,type,weight,weight_kind,max\nprice,price,0.35,decimalExact,\nquality,quality,0.65,decimalExact,10", OFFERS);
    const t = okTender(r);
    expect(t.criteria.byId.get("price")!.weight.toString()).toBe("35");
    expect(codes(r.diagnostics)).toEqual(["WEIGHTS_DECIMAL"]);
  });

  it("*-mid weights are approximate (warning, weightKind mid)", () => {
    const r = load("id,type,weight,BT-5421,max\nprice,price,40,per-mid,\nquality,quality,60,per-mid,10", OFFERS);
    expect(r.ok && r.weightKind).toBe("mid");
    expect(codes(r.diagnostics)).toEqual(["WEIGHTS_APPROXIMATE"]);
  });

  it("ord-imp: ranks become rank-sum weights, the order is returned, and the output is warned", () => {
    const r = load("id,type,weight,BT-5421,max\nprice,price,1,ord-imp,\nquality,quality,2,ord-imp,10", OFFERS);
    const t = okTender(r);
    expect(r.ok && r.weightKind).toBe("order");
    expect(r.ok && [...(r.weightOrder ?? [])]).toEqual([["price", 1], ["quality", 2]]);
    expect(t.criteria.byId.get("price")!.weight.toString()).toBe("200/3");
    expect(codes(r.diagnostics)).toContain("WEIGHTS_ORDER_ONLY");
  });

  it("unknown, mixed kinds and non-integer ranks are errors", () => {
    expect(codes(load("id,weight,weight_kind,max\na,40,per-exa,10\nb,60,pourquoi,10", "offer,a,b\nA,1,2").diagnostics)).toContain("UNKNOWN_WEIGHT_KIND");
    expect(codes(load("id,weight,weight_kind,max\na,40,per-exa,10\nb,60,poi-exa,10", "offer,a,b\nA,1,2").diagnostics)).toContain("MIXED_WEIGHT_KINDS");
    expect(codes(load("id,weight,weight_kind,max\na,1.5,ord-imp,10\nb,2,ord-imp,10", "offer,a,b\nA,1,2").diagnostics)).toContain("INVALID_ORDER");
  });
});
