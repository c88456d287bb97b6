// Test helpers for the check layer: load a fixture folder in memory, show exact values.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Tender } from "../../src/domain/types.js";
import { loadTender } from "../../src/load/load-tender.js";

export const FIXTURES = path.resolve(import.meta.dirname, "../../fixtures");

export function loadFixture(name: string): Tender {
  const dir = path.join(FIXTURES, name);
  const r = loadTender(
    { path: "offers.csv", bytes: readFileSync(path.join(dir, "offers.csv")) },
    { path: "criteria.csv", bytes: readFileSync(path.join(dir, "criteria.csv")) },
  );
  if (!r.ok) throw new Error(`fixture ${name} does not load: ${JSON.stringify(r.diagnostics)}`);
  return r.tender;
}

export function fixtureBytes(name: string, file: string): { path: string; bytes: Uint8Array } {
  return { path: file, bytes: new Uint8Array(readFileSync(path.join(FIXTURES, name, file))) };
}
