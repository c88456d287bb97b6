import { describe, expect, it } from "vitest";
import { q } from "../../src/exact/rational.js";
import { checkTender } from "../../src/check/check-tender.js";
import { parseDeclaredFile } from "../../src/check/declared-file.js";
import type { DeclaredFigure } from "../../src/domain/types.js";
import { buildTender } from "../scoring/builders.js";
import { fixtureBytes, loadFixture } from "./helpers.js";

const fig = (offer: string, node: string, text: string): DeclaredFigure => ({
  offer,
  node,
  value: q(text.replace(",", ".")),
  text,
  source: { file: "test", line: 1 },
});

describe("published grid reproduced, rounding replicated", () => {
  const tender = loadFixture("check-published-ok");
  it("agrees on every figure, even with tolerance 0 (the buyer's rounding is replicated)", () => {
    const r = checkTender(tender, tender.declared, { tolerance: q(0) });
    expect(r.counts).toEqual({ checked: 12, agree: 12, disagree: 0, open: 0, impossible: 0 });
    expect(r.verdict).toBe("consistent");
    // B's price: 40 × 100000/115000 = 800/23 = 34.7826… → 34.78 (decimals 2); total 34.78 + 34 + 16.
    const b = r.checks.find((c) => c.offer === "B" && c.node === "total")!;
    expect(b.recomputed!.toString()).toBe("4239/50");
  });
});

describe("each kind of discrepancy is detected and explained (check-discrepancies)", () => {
  const tender = loadFixture("check-discrepancies");
  const declared = parseDeclaredFile(fixtureBytes("check-discrepancies", "declared.csv"), tender).declared;
  const r = checkTender(tender, declared);
  const at = (offer: string, node: string) => r.checks.find((c) => c.offer === offer && c.node === node)!;
  const kinds = (offer: string, node: string) => at(offer, node).explanations.map((e) => e.kind);

  it("counts", () => {
    expect(r.counts.checked).toBe(17);
    expect(r.counts.disagree).toBe(9);
    expect(r.verdict).toBe("discrepancies");
  });
  it("rounding announced but not applied: 20 × 5/6 = 50/3 published as 16,6667", () => {
    const c = at("B", "TECH.2");
    expect(c.status).toBe("disagrees");
    expect(c.difference!.toString()).toBe("-33/10000"); // 16.6667 − 16.67
    expect(c.tolerance.eq(q("0.00005"))).toBe(true);
    expect(kinds("B", "TECH.2")).toEqual(["rounding-not-applied", "rounding-unannounced"]);
  });
  it("percent-versus-points reading of TECH's sub-weights: 14/20 × 24 + 4/6 × 12 = 24.8", () => {
    const e = at("A", "TECH").explanations[0]!;
    expect(e).toMatchObject({ kind: "weights-reading", group: "TECH", announced: "points", used: "percent" });
    expect(e.kind === "weights-reading" && e.value.eq(q("24.8"))).toBe(true);
  });
  it("another price formula: linear-lowest(n=2) reproduces every published PRIX figure", () => {
    for (const o of ["B", "C", "D"]) {
      const e = at(o, "PRIX").explanations.find((x) => x.kind === "price-method");
      expect(e).toMatchObject({ kind: "price-method", leaf: "PRIX", announced: "proportional", methods: ["linear-lowest"] });
    }
    // C: 40 × (2 × 100000 − 123456)/100000 = 30.6176 → 30.62.
    const c = at("C", "PRIX").explanations[0]!;
    expect(c.kind === "price-method" && c.value.eq(q("30.62"))).toBe(true);
  });
  it("a declared node that is not the sum of its declared parts", () => {
    expect(at("C", "TECH").explanations).toEqual([{ kind: "sum-mismatch", parts: ["TECH.1", "TECH.2"], sum: q(47), difference: q(-1), partsAgree: true }]);
  });
  it("a published figure truncated instead of rounded", () => {
    expect(at("D", "total").explanations).toEqual([{ kind: "published-rounding", decimals: 1, mode: "down", value: q("60.6") }]);
  });
  it("ranks that do not follow from the declared totals", () => {
    expect(at("A", "rank").explanations).toEqual([{ kind: "rank-not-from-totals", implied: 2 }]);
    expect(at("B", "rank").explanations).toEqual([{ kind: "rank-not-from-totals", implied: 1 }]);
  });
  it("agreeing figures get no explanation", () => {
    expect(at("A", "total").status).toBe("agrees");
    expect(at("A", "total").explanations).toEqual([]);
  });
});

describe("tolerance", () => {
  // One direct leaf, weight 30, scale 7: note 5 → 150/7 = 21.428571…
  const tender = buildTender([{ id: "Q", weight: 30, max: 7, method: "direct" }], [{ id: "A", values: { Q: 5 } }]);
  it("defaults to half a unit of the last published decimal", () => {
    expect(checkTender(tender, [fig("A", "total", "21,43")]).counts.agree).toBe(1); // |21.43 − 21.4286| ≤ 0.005
    expect(checkTender(tender, [fig("A", "total", "21,4")]).counts.agree).toBe(1); // ≤ 0.05
    expect(checkTender(tender, [fig("A", "total", "21,42")]).counts.disagree).toBe(1); // 0.0086 > 0.005
  });
  it("--tolerance overrides it", () => {
    expect(checkTender(tender, [fig("A", "total", "21,42")], { tolerance: q("0.01") }).counts.agree).toBe(1);
    expect(checkTender(tender, [fig("A", "total", "21,43")], { tolerance: q(0) }).counts.disagree).toBe(1);
  });
  it("ranks compare exactly; an unranked offer disagrees", () => {
    const t = buildTender([{ id: "Q", weight: 10, max: 10, method: "direct" }], [
      { id: "A", values: { Q: 5 } },
      { id: "B", status: "excluded", values: { Q: 9 } },
    ]);
    const r = checkTender(t, [fig("A", "rank", "1"), fig("B", "rank", "1")]);
    expect(r.checks.map((c) => c.status)).toEqual(["agrees", "disagrees"]);
  });
});
