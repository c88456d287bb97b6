import { describe, expect, it } from "vitest";
import { CRITERIA, OFFERS, codes, load, okTender } from "./helpers.js";
import { formatDiagnostic } from "../../src/i18n/diagnostics.js";

describe("offers.csv", () => {
  it("unknown cells are null, with one info per file", () => {
    const offers = OFFERS + "\nC;Gamma;;?;occulté;N/C;\nD;Delta;;SECRET;Occulte;n/c;5";
    const r = load(CRITERIA, offers);
    const t = okTender(r);
    expect(t.offers[2]!.values.get("price")).toBeNull();
    expect(t.offers[2]!.values.get("tech.svc")).toBeNull();
    expect(t.offers[3]!.values.get("tech.svc")!.toString()).toBe("5");
    const info = r.diagnostics.filter((d) => d.code === "UNKNOWN_VALUE");
    expect(info).toHaveLength(1);
    expect(info[0]!.severity).toBe("info");
    expect(info[0]!.args.count).toBe(7);
  });

  it("leaf columns match case-insensitively and keep the criteria spelling", () => {
    const t = okTender(load(CRITERIA, OFFERS.replace("tech.svc", "TECH.SVC")));
    expect([...t.offers[0]!.values.keys()]).toContain("tech.svc");
  });

  it("declared columns of every spelling", () => {
    const offers = [
      "offer;price;tech.method;tech.team;tech.svc;declared_total;classement_publie;declared:tech;publie:tech.svc",
      "A;1000;8;7;6;85,25;2;42;6",
      "B;900;9;8;10;;1;;",
    ].join("\n");
    const t = okTender(load(CRITERIA, offers));
    expect(t.declared.map((d) => `${d.offer}:${d.node}=${d.value.toString()}`)).toEqual([
      "A:total=341/4",
      "A:rank=2",
      "A:tech=42",
      "A:tech.svc=6",
      "B:rank=1",
    ]);
    expect(t.declared[0]!.source).toEqual({ file: "offers.csv", line: 2, column: "declared_total" });
  });

  it("the scale message reads as documented", () => {
    const r = load(CRITERIA, OFFERS.replace("9;8;10", "9;8;12"));
    expect(r.diagnostics.map((d) => formatDiagnostic(d, "en"))).toEqual([
      'offers.csv:3: error[SCORE_ABOVE_SCALE]: offer "B" has note 12 on "tech.svc" (scale 0–10)',
    ]);
    expect(formatDiagnostic(r.diagnostics[0]!, "fr")).toBe(
      "offers.csv:3: erreur[SCORE_ABOVE_SCALE]: l’offre « B » a la note 12 sur « tech.svc » (barème 0–10)",
    );
  });

  it("both files' problems come together", () => {
    const r = load(CRITERIA.replace("tech.svc;tech;Service;15;;;10", "tech.svc;tech;Service;15;;;"), OFFERS.replace("B;", "A;"));
    expect(codes(r.diagnostics)).toEqual(["DUPLICATE_OFFER", "MISSING_MAX"]);
  });

  it("an unreadable criteria file still lets offers be checked for numbers", () => {
    const r = load("foo;bar\n1;2", OFFERS.replace("8;7,5", "8;sept"));
    expect(codes(r.diagnostics)).toEqual(["IGNORED_COLUMN", "IGNORED_COLUMN", "MISSING_COLUMN", "MISSING_COLUMN", "NOT_A_NUMBER"]);
  });
});
