import { describe, expect, it } from "vitest";
import { q } from "../../src/exact/rational.js";
import { CRITERIA, OFFERS, load, okTender } from "./helpers.js";

describe("loadTender: a valid French tender", () => {
  it("loads the tree, the offers and the hashes", () => {
    const r = load(CRITERIA, OFFERS);
    const t = okTender(r);
    expect(t.criteria.leaves).toEqual(["price", "tech.method", "tech.team", "tech.svc"]);
    expect(t.criteria.nodes.map((n) => n.id)).toEqual(["price", "tech", "tech.method", "tech.team", "tech.svc"]);
    expect(t.criteria.totalPoints.eq(q(100))).toBe(true);
    expect(t.criteria.weightReading).toBe("points");
    expect(t.criteria.byId.get("price")!.method!.id).toBe("proportional");
    expect(t.criteria.byId.get("tech.svc")!.method!.id).toBe("direct");
    expect(t.criteria.byId.get("tech.svc")!.max!.eq(q(10))).toBe(true);
    expect(t.criteria.byId.get("tech")!.type).toBe("quality");
    expect(t.offers.map((o) => o.id)).toEqual(["A", "B"]);
    expect(t.offers[0]!.values.get("price")!.eq(q("1234.56"))).toBe(true);
    expect(t.offers[0]!.values.get("tech.team")!.eq(q("7.5"))).toBe(true);
    expect(t.offers[0]!.source.line).toBe(2);
    expect(t.inputs.map((i) => i.path)).toEqual(["criteria.csv", "offers.csv"]);
    expect(t.inputs[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(r.diagnostics).toEqual([]);
  });
});
