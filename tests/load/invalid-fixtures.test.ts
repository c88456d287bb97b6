// Every fixtures/invalid/<CODE>/ folder is loaded and must report <CODE> at the expected file and line.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DIAGNOSTIC_CODES, formatDiagnostic } from "../../src/i18n/diagnostics.js";
import { LOAD_CODES } from "../../src/load/codes.js";
import { loadTender } from "../../src/load/load-tender.js";

const ROOT = join(import.meta.dirname, "../../fixtures/invalid");
/** Raised by the CLI when reading files, not by loadTender. */
const CLI_ONLY = new Set(["FILE_NOT_FOUND", "FILE_UNREADABLE", "OUTPUT_IS_INPUT", "OUTPUT_UNWRITABLE"]);
/**
 * Workbook-only codes (tests/io/xlsx.test.ts), and long-format / weight-kind codes (tests/load/
 * long-format.test.ts, vocabularies.test.ts), which are tested on inline data rather than folders.
 */
const TESTED_ELSEWHERE = new Set([
  "UNSUPPORTED_FORMAT",
  "WORKBOOK_UNREADABLE",
  "SHEET_NOT_FOUND",
  "SHEET_OPTION_INVALID",
  "CELL_NOT_A_NUMBER",
  "UNKNOWN_CRITERION",
  "DUPLICATE_PAIR",
  "CONFLICTING_VALUE",
  "UNKNOWN_WEIGHT_KIND",
  "MIXED_WEIGHT_KINDS",
  "INVALID_ORDER",
]);

function loadFolder(name: string) {
  const read = (f: string) => ({ path: f, bytes: new Uint8Array(readFileSync(join(ROOT, name, f))) });
  return loadTender(read("offers.csv"), read("criteria.csv"));
}

const folders = readdirSync(ROOT).filter((f) => !f.startsWith("_"));

describe("fixtures/invalid", () => {
  it("has one folder per error code", () => {
    const errors = Object.entries(LOAD_CODES)
      .filter(([c, s]) => s === "error" && !CLI_ONLY.has(c) && !TESTED_ELSEWHERE.has(c))
      .map(([c]) => c);
    expect(folders.sort()).toEqual(errors.sort());
  });

  it.each(folders)("%s", (name) => {
    const expected = JSON.parse(readFileSync(join(ROOT, name, "expected.json"), "utf8")) as { code: string; file: string; line: number | null };
    const r = loadFolder(name);
    expect(r.ok).toBe(false);
    const found = r.diagnostics.filter((d) => d.code === expected.code);
    const text = r.diagnostics.map((d) => formatDiagnostic(d, "en")).join("\n");
    expect(found.length, text).toBeGreaterThan(0);
    expect(found[0]!.location?.file).toBe(expected.file);
    expect(found[0]!.location?.line ?? null).toBe(expected.line);
    // Only the intended problem: a fixture must not hide cascading errors.
    expect(r.diagnostics.filter((d) => d.severity === "error").map((d) => d.code), text).toEqual(found.map(() => expected.code));
  });

  it("reports every problem of a file with many, in one run", () => {
    const expected = JSON.parse(readFileSync(join(ROOT, "_MANY", "expected.json"), "utf8")) as { all: [string, number, string][] };
    const r = loadFolder("_MANY");
    expect(r.ok).toBe(false);
    const got = r.diagnostics.map((d) => [d.location?.file, d.location?.line, d.code]);
    for (const e of expected.all) expect(got).toContainEqual(e);
  });

  it("every code has words in both languages", () => {
    for (const code of DIAGNOSTIC_CODES) {
      const d = { code, severity: "error" as const, args: {} };
      expect(formatDiagnostic(d, "fr")).toContain(`erreur[${code}]`);
      expect(formatDiagnostic(d, "en")).toContain(`error[${code}]`);
    }
  });
});
