import { describe, expect, it } from "vitest";
import iconv from "iconv-lite";
import { decodeBytes } from "../../src/load/decode.js";
import { loadTender } from "../../src/load/load-tender.js";
import { sniffDelimiter } from "../../src/load/sniff.js";
import { CRITERIA, OFFERS, codes, load, okTender, utf8 } from "./helpers.js";

describe("sniffDelimiter", () => {
  it.each([
    ["a;b;c\n1;2;3", ";"],
    ["a,b,c\n1,2,3", ","],
    ["a\tb\tc\n1\t2\t3", "\t"],
    ['"x;y",b,c\n', ","],
    ['"Prix, HT";Note;Offre\n', ";"],
    ["a;b,c\n", ";"],
  ])("%j → %j", (text, d) => {
    expect(sniffDelimiter(text)).toEqual({ delimiter: d, skipLines: 0 });
  });

  it("honours an Excel sep= line", () => {
    expect(sniffDelimiter("sep=,\na;b;c")).toEqual({ delimiter: ",", skipLines: 1 });
  });
});

describe("delimiters and decimals", () => {
  it("reads a comma file with decimal points and quoted thousands", () => {
    const crit = CRITERIA.replace(/;/g, ",");
    const offers = ["offer,label,status,price,tech.method,tech.team,tech.svc", 'A,Alpha,,"1,234.56",8,7.5,6', "B,Beta,ok,1100,9,8,10"].join("\n");
    const t = okTender(load(crit, offers));
    expect(t.offers[0]!.values.get("price")!.toString()).toBe("30864/25");
  });

  it("reads a TAB file", () => {
    const t = okTender(load(CRITERIA.replace(/;/g, "\t"), OFFERS.replace(/;/g, "\t")));
    expect(t.offers).toHaveLength(2);
  });

  it("accepts '.' decimals in a ';' file when unambiguous, refuses 1.234", () => {
    const offers = OFFERS.replace("7,5", "7.5");
    expect(okTender(load(CRITERIA, offers)).offers[0]!.values.get("tech.team")!.toString()).toBe("15/2");
    const r = load(CRITERIA, OFFERS.replace("1 234,56", "1.234"));
    expect(codes(r.diagnostics)).toEqual(["AMBIGUOUS_NUMBER"]);
  });

  it("skips a sep= line and counts it in line numbers", () => {
    const r = load(CRITERIA, "sep=;\n" + OFFERS.replace("9;8;10", "9;8;12"));
    expect(r.ok).toBe(false);
    const d = r.diagnostics.find((x) => x.code === "SCORE_ABOVE_SCALE")!;
    expect(d.location).toMatchObject({ file: "offers.csv", line: 4, column: "tech.svc" });
  });
});

describe("encodings", () => {
  const crit = CRITERIA.replace("Équipe", "Équipe ’Œ€ é");
  it("decodes Windows-1252 with iconv-lite (€ ’ Œ é survive) and says so", () => {
    const bytes = new Uint8Array(iconv.encode(crit, "win1252"));
    expect(decodeBytes(bytes)).toEqual({ text: crit, encoding: "cp1252" });
    const r = loadTender(utf8("offers.csv", OFFERS), { path: "criteria.csv", bytes });
    const t = okTender(r);
    expect(t.criteria.byId.get("tech.team")!.label).toBe("Équipe ’Œ€ é");
    expect(codes(r.diagnostics)).toEqual(["ENCODING_CP1252"]);
  });

  it("strips a UTF-8 BOM (first header still recognised)", () => {
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(OFFERS)]);
    const r = loadTender({ path: "offers.csv", bytes: bom }, utf8("criteria.csv", CRITERIA));
    expect(okTender(r).offers[0]!.id).toBe("A");
    expect(r.diagnostics).toEqual([]);
  });

  it("reads UTF-16LE with BOM (Excel Unicode text)", () => {
    const text = OFFERS.replace(/;/g, "\t");
    const bytes = new Uint8Array([0xff, 0xfe, ...iconv.encode(text, "utf16le")]);
    const r = loadTender({ path: "offers.csv", bytes }, utf8("criteria.csv", CRITERIA));
    expect(okTender(r).offers).toHaveLength(2);
  });
});

describe("line numbers", () => {
  it("CRLF and quoted newlines keep physical lines", () => {
    const offers = [
      "offer;label;status;price;tech.method;tech.team;tech.svc",
      'A;"Alpha\r\nGroupement\r\nSARL";;1 234,56;8;7,5;6',
      "",
      'B;"Beta; ""SA""";ok;1 100;11;8;10',
    ].join("\r\n");
    const r = load(CRITERIA, offers);
    expect(r.ok).toBe(false);
    expect(r.diagnostics.map((d) => [d.code, d.location?.line])).toEqual([["SCORE_ABOVE_SCALE", 6]]);
  });

  it("labels keep their inner newline and quotes", () => {
    const offers = OFFERS.replace("Alpha", '"Alpha\nGroupement"').replace("Beta", '"Beta ""SA"""');
    const t = okTender(load(CRITERIA, offers));
    expect(t.offers.map((o) => [o.label, o.source.line])).toEqual([
      ["Alpha\nGroupement", 2],
      ['Beta "SA"', 4],
    ]);
  });

  it("ignores Excel's empty ';;;' lines and trailing empty header cells", () => {
    const offers = OFFERS.split("\n").map((l, i) => (i === 0 ? l + ";;" : l + ";;")).join("\n") + "\n;;;;;;;;\n";
    expect(okTender(load(CRITERIA, offers)).offers).toHaveLength(2);
  });

  it("a syntax error is reported with its line and the rest of the file is still checked", () => {
    const offers = OFFERS + '\nC;Gamma;;1 000;5;"5"x;5\nD;Delta;;-3;5;5;5';
    const r = load(CRITERIA, offers);
    expect(r.diagnostics.map((d) => [d.code, d.location?.line])).toEqual([
      ["CSV_SYNTAX", 4],
      ["NON_POSITIVE_PRICE", 5],
    ]);
  });
});
