import { describe, expect, it } from "vitest";
import { q } from "../../src/exact/rational.js";
import { formatDiagnostic } from "../../src/i18n/diagnostics.js";
import { codes, load, okTender } from "./helpers.js";

const offers = "offer;price;t1;t2\nA;1000;5;5";

describe("weight readings", () => {
  it("points: children share the parent's points", () => {
    const t = okTender(load("id;parent;weight;type;max\nprice;;30;price;\ntech;;70;;\nt1;tech;40;;10\nt2;tech;30;;10", offers));
    expect(t.criteria.groups.map((g) => [g.parent, g.reading])).toEqual([
      [null, "points"],
      ["tech", "points"],
    ]);
    expect(t.criteria.weightReading).toBe("points");
  });

  it("percent: children adding up to 100 under a parent not worth 100", () => {
    const r = load("id;parent;weight;type;max\nprice;;30;price;\ntech;;70;;\nt1;tech;60;;10\nt2;tech;40;;10", offers);
    const t = okTender(r);
    expect(t.criteria.byId.get("t1")!.weight.eq(q(42))).toBe(true);
    expect(t.criteria.byId.get("t1")!.declaredWeight.eq(q(60))).toBe(true);
    expect(t.criteria.byId.get("t2")!.weight.eq(q(28))).toBe(true);
    expect(t.criteria.weightReading).toBe("percent");
    expect(t.criteria.groups[1]).toMatchObject({ parent: "tech", reading: "percent" });
    expect(codes(r.diagnostics)).toEqual(["WEIGHTS_READ_AS_PERCENT"]);
  });

  it("a parent worth exactly 100 reads as points", () => {
    const t = okTender(load("id;parent;weight;max\ntech;;100;\nt1;tech;60;10\nt2;tech;40;10", "offer;t1;t2\nA;5;5"));
    expect(t.criteria.groups.map((g) => g.reading)).toEqual(["points", "points"]);
  });

  it("69.5 under 70 is an error naming parent, found and expected", () => {
    const criteria = "id;parent;weight;type;max\nprice;;30;price;\ntech;;70;;\nt1;tech;40;;10\nt2;tech;29,5;;10";
    const r = load(criteria, offers);
    expect(r.ok).toBe(false);
    expect(r.diagnostics.map((d) => formatDiagnostic(d, "en"))).toEqual([
      'criteria.csv:3: error[WEIGHTS_DO_NOT_ADD_UP]: the sub-criteria of "tech" add up to 69.5; expected 70 (its points) or 100 (percent)',
    ]);
    expect(r.diagnostics[0]!.args).toMatchObject({ parent: "tech", found: "69.5", expected: "70" });
  });

  it("--rescale-weights scales them proportionally, exactly, with a warning", () => {
    const criteria = "id;parent;weight;type;max\nprice;;30;price;\ntech;;70;;\nt1;tech;40;;10\nt2;tech;29,5;;10";
    const r = load(criteria, offers, { rescaleWeights: true });
    const t = okTender(r);
    const t1 = t.criteria.byId.get("t1")!.weight;
    const t2 = t.criteria.byId.get("t2")!.weight;
    expect(t1.eq(q(70).mul(q(40)).div(q("69.5")))).toBe(true);
    expect(t1.add(t2).eq(q(70))).toBe(true);
    expect(t.criteria.rescaled).toBe(true);
    expect(t.criteria.groups[1]).toMatchObject({ parent: "tech", reading: "rescaled" });
    expect(r.diagnostics.map((d) => [d.code, d.severity])).toEqual([["WEIGHTS_RESCALED", "warning"]]);
  });

  it("three levels: percent at level 2 feeds points at level 3", () => {
    const c = "id;parent;weight;max\nA;;60;\nA1;A;50;\nA2;A;50;10\nA1a;A1;20;10\nA1b;A1;10;10\nB;;40;10";
    const t = okTender(load(c, "offer;A1a;A1b;A2;B\nX;1;1;1;1"));
    expect(t.criteria.byId.get("A1")!.weight.eq(q(30))).toBe(true);
    expect(t.criteria.byId.get("A1a")!.weight.eq(q(20))).toBe(true);
    expect(t.criteria.nodes.map((n) => [n.id, n.depth])).toEqual([
      ["A", 0], ["A1", 1], ["A1a", 2], ["A1b", 2], ["A2", 1], ["B", 0],
    ]);
    expect(t.criteria.leaves).toEqual(["A1a", "A1b", "A2", "B"]);
  });

  it("weight 0 is allowed; top-level total is the sum", () => {
    const t = okTender(load("id;weight;max\na;60;10\nb;0;10\nc;20;10", "offer;a;b;c\nX;1;1;1"));
    expect(t.criteria.totalPoints.eq(q(80))).toBe(true);
  });

  it("a cycle is reported once with every node", () => {
    const r = load("id;parent;weight;max\na;;100;10\nx;z;0;\ny;x;0;\nz;y;0;", "offer;a\nA;1");
    const cyc = r.diagnostics.filter((d) => d.code === "CYCLE");
    expect(cyc).toHaveLength(1);
    expect(cyc[0]!.args.cycle).toBe("x → z → y → x");
  });
});
