// Long offers tables (offer, criterion, value) read like the wide form.
import { describe, expect, it } from "vitest";
import { codes, lines, load, okTender } from "./helpers.js";

const CRIT = "id;libelle;poids;nature;bareme\nprix;Prix;40;prix;\ntech;Technique;60;qualité;10";

describe("long format", () => {
  it("pivots offre;critere;valeur, with label given once or repeated", () => {
    const t = okTender(load(CRIT, "offre;libelle;critere;valeur\nA;Alpha;prix;1 000\nA;;tech;7,5\nB;Beta;prix;1 250\nB;Beta;tech;9"));
    expect(t.offers.map((o) => [o.id, o.label, o.values.get("prix")?.toString(), o.values.get("tech")?.toString()])).toEqual([
      ["A", "Alpha", "1000", "15/2"],
      ["B", "Beta", "1250", "9"],
    ]);
    expect(t.offers[0]!.source.line).toBe(2);
  });

  it("English headers, ids matched case-insensitively, a status column", () => {
    const t = okTender(load(CRIT, "offer,criterion,value,status\nA,PRIX,100,\nA,tech,5,\nB,prix,90,excluded\nB,tech,6,excluded"));
    expect(t.offers.map((o) => o.status)).toEqual(["ok", "excluded"]);
  });

  it("a duplicated pair is an error naming both lines", () => {
    const r = load(CRIT, "offre;critere;valeur\nA;prix;100\nA;tech;5\nA;prix;110");
    expect(r.ok).toBe(false);
    expect(lines(r.diagnostics)).toContain('offers.csv:4: error[DUPLICATE_PAIR]: offer "A" already has a value for "prix" on line 2');
  });

  it("a missing pair is unknown with a warning; an unknown criterion and conflicting labels are errors", () => {
    const ok = load(CRIT, "offre;critere;valeur\nA;prix;100\nA;tech;5\nB;prix;90");
    expect(ok.ok).toBe(true);
    expect(codes(ok.diagnostics)).toEqual(["MISSING_PAIR", "UNKNOWN_VALUE"]);
    expect(okTender(ok).offers[1]!.values.get("tech")).toBeNull();
    const bad = load(CRIT, "offre;libelle;critere;valeur\nA;Alpha;prix;100\nA;Alfa;tech;5\nA;Alpha;delai;3");
    expect(codes(bad.diagnostics)).toEqual(["CONFLICTING_VALUE", "UNKNOWN_CRITERION"]);
  });

  it("values are checked as in the wide form, at the value's line", () => {
    const r = load(CRIT, "offre;critere;valeur\nA;prix;100\nA;tech;12");
    expect(lines(r.diagnostics)).toEqual(['offers.csv:3: error[SCORE_ABOVE_SCALE]: offer "A" has note 12 on "tech" (scale 0–10)']);
  });

  it("a wide table with a column named after a leaf is not taken for a long one", () => {
    const crit = "id;poids;bareme\ncritere;50;10\nnote;50;10";
    const t = okTender(load(crit, "offre;critere;note\nA;5;6"));
    expect(t.offers[0]!.values.get("note")?.toString()).toBe("6");
  });
});
