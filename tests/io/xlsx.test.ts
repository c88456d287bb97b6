// Workbooks end to end: a real .xlsx written by the test suite, read by read-excel-file, loaded like CSV.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { formatDiagnostic } from "../../src/i18n/diagnostics.js";
import { readTenderFiles } from "../../src/io/read-inputs.js";
import { readWorkbook } from "../../src/io/read-workbook.js";
import { loadTender } from "../../src/load/load-tender.js";
import { exactNumberText, columnLetters } from "../../src/load/sheet-table.js";
import { Rational } from "../../src/exact/rational.js";
import { FIXTURES, PSC_WORKBOOK } from "./make-xlsx-fixtures.js";
import { writeXlsx, type XSheet } from "./xlsx-writer.js";

const dir = mkdtempSync(path.join(tmpdir(), "psc-xlsx-"));
function book(name: string, sheets: XSheet[]): string {
  const file = path.join(dir, name);
  writeFileSync(file, writeXlsx(sheets));
  return file;
}
async function loadBook(file: string, sheet?: string) {
  const read = await readTenderFiles(file, undefined, sheet === undefined ? {} : { sheet });
  if (!read.ok) return { ok: false as const, diagnostics: read.diagnostics };
  return loadTender(read.inputs.offers, read.inputs.criteria);
}
const CRIT: XSheet = {
  name: "Critères",
  rows: [
    ["id", "libellé", "poids", "nature", "barème"],
    ["prix", "Prix", 40, "prix", null],
    ["tech", "Technique", 60, "qualité", 10],
  ],
};

describe("numbers from workbooks", () => {
  it("a double becomes its shortest decimal, then an exact rational", () => {
    expect(exactNumberText(0.1)).toBe("0.1");
    expect(exactNumberText(1e-7)).toBe("0.0000001");
    expect(exactNumberText(1.5e21)).toBe("1500000000000000000000");
    expect(exactNumberText(-2.5e-3)).toBe("-0.0025");
    expect(columnLetters(0)).toBe("A");
    expect(columnLetters(27)).toBe("AB");
  });

  it("reads 0.1 as 1/10, a formula's cached value, and a French text number", async () => {
    const file = book("exact.xlsx", [
      CRIT,
      {
        name: "Offres",
        rows: [
          ["offre", "prix", "tech"],
          ["A", "1 234,56 €", 0.1],
          ["B", { formula: "1000+234.56", value: 1234.56 }, { raw: "0.10000000000000001" }],
        ],
      },
    ]);
    const r = await loadBook(file);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const [a, b] = r.tender.offers;
    expect(a!.values.get("prix")!.eq(Rational.of(123456, 100))).toBe(true);
    expect(a!.values.get("tech")!.eq(Rational.of(1, 10))).toBe(true);
    expect(b!.values.get("prix")!.eq(Rational.of(123456, 100))).toBe(true);
    expect(b!.values.get("tech")!.eq(Rational.of(1, 10))).toBe(true);
    expect(r.tender.inputs).toHaveLength(1);
  });
});

describe("errors name the sheet and the cell", () => {
  it("grid.xlsx[Offres]!C3 for a note above the scale; dates and booleans are not numbers", async () => {
    const file = book("grid.xlsx", [
      CRIT,
      {
        name: "Offres",
        rows: [
          ["offre", "prix", "tech"],
          ["A", 100, 8],
          ["B", 120, 12],
          ["C", { date: 45000 }, true],
        ],
      },
    ]);
    const r = await loadBook(file);
    expect(r.ok).toBe(false);
    const lines = r.diagnostics.map((d) => formatDiagnostic(d, "en"));
    expect(lines).toContain(`${file}[Offres]!C3: error[SCORE_ABOVE_SCALE]: offer "B" has note 12 on "tech" (scale 0–10)`);
    expect(r.diagnostics.filter((d) => d.code === "CELL_NOT_A_NUMBER").map((d) => [d.location?.cell, d.args.kind])).toEqual([
      ["B4", "date"],
      ["C4", "boolean"],
    ]);
  });

  it("a criteria error points at its cell in the criteria sheet", async () => {
    const file = book("crit.xlsx", [
      { name: "criteria", rows: [["id", "weight"], ["a", 60], ["b", "soixante"]] },
      { name: "offers", rows: [["offer", "a", "b"], ["X", 1, 2]] },
    ]);
    const r = await loadBook(file);
    expect(r.diagnostics.map((d) => formatDiagnostic(d, "en"))).toContain(`${file}[criteria]!B3: error[NOT_A_NUMBER]: "soixante" is not a number (criterion "b")`);
  });
});

describe("finding the sheets", () => {
  it("SHEET_NOT_FOUND lists the sheets there are; --sheet chooses them", async () => {
    const file = book("names.xlsx", [
      { name: "Pondération X", rows: CRIT.rows },
      { name: "Résultats", rows: [["offre", "prix", "tech"], ["A", 100, 8]] },
    ]);
    const r = await loadBook(file);
    expect(r.ok).toBe(false);
    const d = r.diagnostics.find((x) => x.code === "SHEET_NOT_FOUND")!;
    expect(d.args.sheets).toBe("Pondération X, Résultats");
    expect(formatDiagnostic(d, "fr")).toContain("feuilles présentes : Pondération X, Résultats");
    const ok = await loadBook(file, "criteria=ponderation x,offres=RÉSULTATS");
    expect(ok.ok).toBe(true);
  });

  it("a title line above the header is skipped; rows keep their sheet row numbers", async () => {
    const r = await loadBook(path.join("fixtures", "xlsx-psc", "grille.xlsx"));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.tender.criteria.byId.get("A")!.source).toMatchObject({ sheet: "Critères", line: 4 });
    expect(r.tender.offers.map((o) => o.id)).toEqual(["M1", "M2", "M3"]);
  });
});

describe("formats without a reader", () => {
  it(".ods, .xls and an old binary file renamed .xlsx give UNSUPPORTED_FORMAT", async () => {
    for (const name of ["grid.ods", "grid.xls"]) {
      const file = path.join(dir, name);
      writeFileSync(file, "x");
      const r = await readWorkbook(file);
      expect(r.ok ? [] : r.diagnostics.map((d) => d.code)).toEqual(["UNSUPPORTED_FORMAT"]);
    }
    const fake = path.join(dir, "old.xlsx");
    writeFileSync(fake, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]));
    const r = await readWorkbook(fake);
    expect(r.ok ? "" : formatDiagnostic(r.diagnostics[0]!, "en")).toContain("save it as .xlsx");
    const junk = path.join(dir, "junk.xlsx");
    writeFileSync(junk, "not a zip");
    const j = await readWorkbook(junk);
    expect(j.ok ? [] : j.diagnostics.map((d) => d.code)).toEqual(["WORKBOOK_UNREADABLE"]);
  });
});

describe("shipped workbook fixtures", () => {
  it("are exactly what the generator writes (reproducible)", () => {
    for (const [file, sheets] of FIXTURES) expect(Buffer.compare(readFileSync(file), writeXlsx(sheets))).toBe(0);
    expect(PSC_WORKBOOK[0]!.name).toBe("Critères");
  });
});
