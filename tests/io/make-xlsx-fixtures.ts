// Writes the shipped workbook fixtures (fixtures/xlsx-*/) with the test suite's own .xlsx writer.
// Reproducible: same bytes on every run (fixed zip dates). Run: npx tsx tests/io/make-xlsx-fixtures.ts
// (tests/io/xlsx-fixtures.test.ts checks the committed files are exactly what this writes).
import { writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { writeXlsx, type XSheet } from "./xlsx-writer.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** PSC-like grid (synthetic), French sheet names, a title line, a formula, text numbers. */
export const PSC_WORKBOOK: XSheet[] = [
  {
    name: "Critères",
    rows: [
      ["Grille de notation (DONNÉES SYNTHÉTIQUES)"],
      [],
      ["id", "parent", "libellé", "pondération", "nature", "méthode", "barème", "arrondi"],
      ["A", null, "Rapport qualité des garanties / tarif", 45, null, null, null, null],
      ["A.tarif", "A", "Tarif (cotisation mensuelle TTC)", 25, "prix", "proportional", null, 2],
      ["A.garanties", "A", "Niveau des garanties", { formula: "D4-D5", value: 20 }, "qualité", "direct", 20, 2],
      ["B", null, "Qualité de gestion et des services", 55, null, null, null, null],
      ["B.agents", "B", "Services aux agents", 36.4, "qualité", "direct", 20, 2],
      ["B.rh", "B", "Services aux gestionnaires RH", 63.6, "qualité", "direct", 10, 2],
    ],
  },
  {
    name: "Offres",
    rows: [
      ["offre", "libellé", "statut", "A.tarif", "A.garanties", "B.agents", "B.rh"],
      ["M1", "Mutuelle Alpha (fictive)", null, 61.4, 16, 17, 8],
      ["M2", "Assureur Beta (fictif)", "ok", "54,90 €", 14, { formula: "ROUND(29/2,1)", value: 14.5 }, 7],
      ["M3", "Groupement Gamma (fictif)", null, { raw: "58.750000000000007" }, 17, 16, 9],
    ],
  },
];

/** Long format in a workbook: one row per offer and criterion, English sheet names. */
export const LONG_WORKBOOK: XSheet[] = [
  {
    name: "criteria",
    rows: [
      ["id", "label", "weight", "type", "max"],
      ["price", "Price", 40, "price", null],
      ["quality", "Technical value", 60, "quality", 10],
    ],
  },
  {
    name: "offers",
    rows: [
      ["offer", "label", "criterion", "value"],
      ["A", "Alpha", "price", 1000],
      ["A", null, "quality", 7.5],
      ["B", "Beta", "price", 1250],
      ["B", "Beta", "quality", 9],
    ],
  },
];

export const FIXTURES: [string, XSheet[]][] = [
  ["fixtures/xlsx-psc/grille.xlsx", PSC_WORKBOOK],
  ["fixtures/xlsx-long/notes.xlsx", LONG_WORKBOOK],
];

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  for (const [file, sheets] of FIXTURES) writeFileSync(path.join(ROOT, file), writeXlsx(sheets));
}
