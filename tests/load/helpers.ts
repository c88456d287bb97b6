// Test helpers: build InputBytes from text and load a tender in one call.
import { formatDiagnostic } from "../../src/i18n/diagnostics.js";
import type { Diagnostic } from "../../src/domain/types.js";
import { loadTender, type InputBytes, type LoadOptions, type LoadResult } from "../../src/load/load-tender.js";

export function utf8(path: string, text: string): InputBytes {
  return { path, bytes: new TextEncoder().encode(text) };
}

export function load(criteria: string, offers: string, options?: LoadOptions): LoadResult {
  return loadTender(utf8("offers.csv", offers), utf8("criteria.csv", criteria), options);
}

export function codes(ds: readonly Diagnostic[]): string[] {
  return ds.map((d) => d.code).sort();
}

export function lines(ds: readonly Diagnostic[]): string[] {
  return ds.map((d) => formatDiagnostic(d, "en"));
}

/** The tender of a result that must be ok; fails the test with the diagnostics otherwise. */
export function okTender(r: LoadResult) {
  if (!r.ok) throw new Error("expected ok, got:\n" + lines(r.diagnostics).join("\n"));
  return r.tender;
}

export const CRITERIA = [
  "id;parent;label;weight;type;method;max",
  "price;;Prix;40;price;;",
  "tech;;Valeur technique;60;;;",
  "tech.method;tech;Méthodologie;20;;;10",
  "tech.team;tech;Équipe;25;;;10",
  "tech.svc;tech;Service;15;;;10",
].join("\n");

export const OFFERS = [
  "offer;label;status;price;tech.method;tech.team;tech.svc",
  "A;Alpha;;1 234,56;8;7,5;6",
  "B;Beta;ok;1 100;9;8;10",
].join("\n");
