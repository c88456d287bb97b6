import { describe, expect, it } from "vitest";
import { normalizeName } from "../../src/load/aliases.js";
import { codes, load, okTender } from "./helpers.js";

describe("French headers and values", () => {
  const criteria = [
    "Critère;Critère parent;Libellé;Pondération (%);Nature;Méthode;Barème;Seuil;Arrondi",
    "P;;Prix des prestations;40;Prix;linear-lowest(n=3);;;2",
    "T;;Valeur technique;60;;;;30;",
    "T.1;T;Méthodologie;20;QUALITÉ;;10;;",
    "T.2;T;Moyens;40;technique;;20;;",
  ].join("\r\n");
  const offers = ["Soumissionnaire;Statut;p;t.1;T.2;Note publiée;Rang publié;publié:T", "Alpha;;1 000 €;8;15;80,5;1;45", "Béta;Exclue;900;5;10;?;;"].join("\r\n");

  it("reads them, case- and accent-insensitively", () => {
    const r = load(criteria, offers);
    const t = okTender(r);
    const p = t.criteria.byId.get("P")!;
    expect(p.type).toBe("price");
    expect(p.method!.id).toBe("linear-lowest");
    expect(p.method!.params.n!.toString()).toBe("3");
    expect(p.decimals).toBe(2);
    expect(t.criteria.byId.get("T")!.minScore!.toString()).toBe("30");
    expect(t.criteria.byId.get("T.2")!.max!.toString()).toBe("20");
    expect(t.offers.map((o) => [o.id, o.status])).toEqual([
      ["Alpha", "ok"],
      ["Béta", "excluded"],
    ]);
    expect(t.offers[0]!.values.get("T.1")!.toString()).toBe("8");
    expect(t.declared.map((d) => [d.offer, d.node, d.value.toString(), d.text])).toEqual([
      ["Alpha", "total", "161/2", "80,5"],
      ["Alpha", "rank", "1", "1"],
      ["Alpha", "T", "45", "45"],
    ]);
    expect(r.diagnostics).toEqual([]);
  });

  it("normalises names", () => {
    expect(normalizeName(" Pondération (%) ")).toBe("ponderation");
    expect(normalizeName("Note éliminatoire")).toBe("note_eliminatoire");
    expect(normalizeName("N°")).toBe("no");
    expect(normalizeName("Critère-Parent")).toBe("critere_parent");
  });

  it.each([
    ["exclue", "excluded"],
    ["Irrégulière", "irregular"],
    ["inacceptable", "unacceptable"],
    ["INAPPROPRIEE", "inappropriate"],
    ["anormalement basse", "abnormally-low"],
    ["OAB", "abnormally-low"],
    ["abnormally-low", "abnormally-low"],
    ["ok", "ok"],
  ])("status %j → %s", (text, status) => {
    const c = "id;weight;max\nq;100;10";
    const t = okTender(load(c, `offre;statut;q\nA;${text};5`));
    expect(t.offers[0]!.status).toBe(status);
  });

  it("offer column with bidder as label; label column wins over bidder", () => {
    const c = "id;weight;max\nq;100;10";
    expect(okTender(load(c, "offre;soumissionnaire;q\n1;ACME;5")).offers[0]).toMatchObject({ id: "1", label: "ACME" });
    expect(okTender(load(c, "candidat;q\nACME;5")).offers[0]).toMatchObject({ id: "ACME", label: "ACME" });
  });

  it("an unknown criteria column is a warning; comment columns in offers are ignored", () => {
    const r = load("id;weight;max;commentaire du jury\nq;100;10;bien", "offer;q;Commentaire;comment:q\nA;5;x;y");
    expect(r.ok).toBe(true);
    expect(codes(r.diagnostics)).toEqual(["IGNORED_COLUMN"]);
  });

  it("a type or method on an inner node is a warning and is ignored", () => {
    const r = load("id;parent;weight;type;method;max\nT;;100;price;proportional;\nT.1;T;100;;;10", "offer;T.1\nA;5");
    expect(r.ok).toBe(true);
    expect(codes(r.diagnostics)).toEqual(["IGNORED_FIELD", "IGNORED_FIELD"]);
    if (r.ok) expect(r.tender.criteria.byId.get("T")!.method).toBeNull();
  });

  it("infers a price leaf from a price-only method", () => {
    const t = okTender(load('id;weight;method\np;100;"reference(ref=100; zero=200)"', "offer;p\nA;150"));
    const p = t.criteria.byId.get("p")!;
    expect(p.type).toBe("price");
    expect(Object.fromEntries(Object.entries(p.method!.params).map(([k, v]) => [k, v.toString()]))).toEqual({ ref: "100", zero: "200" });
  });

  it("method params: French decimal comma, defaults filled", () => {
    const t = okTender(load('id;type;weight;method\np;prix;100;"it-bilinear(base=1000, x=0,9)"', "offer;p\nA;150"));
    expect(t.criteria.byId.get("p")!.method!.params.x!.toString()).toBe("9/10");
    const t2 = okTender(load("id;type;weight;method\np;prix;100;it-bilinear(base=1000)", "offer;p\nA;150"));
    expect(t2.criteria.byId.get("p")!.method!.params.x!.toString()).toBe("17/20");
  });
});
