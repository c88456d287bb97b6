import { describe, expect, it } from "vitest";
import { parseDeclaredFile } from "../../src/check/declared-file.js";
import { fixtureBytes, loadFixture } from "./helpers.js";

const enc = (s: string) => ({ path: "declared.csv", bytes: new TextEncoder().encode(s) });

describe("parseDeclaredFile", () => {
  const tender = loadFixture("check-discrepancies");
  it("reads French headers, total and rang rows, decimal commas", () => {
    const r = parseDeclaredFile(fixtureBytes("check-discrepancies", "declared.csv"), tender);
    expect(r.diagnostics).toEqual([]);
    expect(r.declared).toHaveLength(17);
    const a = r.declared.find((d) => d.offer === "A" && d.node === "rank")!;
    expect(a.value.toString()).toBe("1");
    const b = r.declared.find((d) => d.offer === "B" && d.node === "TECH.2")!;
    expect(b.text).toBe("16,6667");
    expect(b.source.line).toBe(6);
  });
  it("reports unknown offers, unknown nodes, bad ranks and numbers with file:line and a code", () => {
    const r = parseDeclaredFile(enc("offer,node,points\nZ,total,1\nA,NOPE,2\nA,rank,1.5\nA,total,abc\nA,TECH,?\n"), tender);
    expect(r.diagnostics.map((d) => [d.code, d.location?.line])).toEqual([
      ["DECLARED_UNKNOWN_OFFER", 2],
      ["DECLARED_UNKNOWN_NODE", 3],
      ["DECLARED_INVALID_RANK", 4],
      ["NOT_A_NUMBER", 5],
    ]);
    expect(r.declared).toEqual([]);
  });
  it("requires the three columns", () => {
    const r = parseDeclaredFile(enc("offre;points\nA;1\n"), tender);
    expect(r.diagnostics.map((d) => d.code)).toEqual(["DECLARED_MISSING_COLUMN"]);
  });
  it("flags a figure given twice", () => {
    const r = parseDeclaredFile(enc("offre;critere;note\nA;total;81,33\nA;note totale;81,33\n"), tender);
    expect(r.diagnostics.map((d) => d.code)).toEqual(["DECLARED_DUPLICATE"]);
  });
});
