// The shape of the criteria tree from raw rows: duplicate ids, unknown parents and cycles are
// reported; rows hanging from a broken ancestor are left out (their ancestor is the one reported).
import type { Diagnostic } from "../domain/types.js";
import { diag } from "./codes.js";
import { fieldLocation, type RawCriterion } from "./criteria-rows.js";

export interface TreeShape {
  /** Rows that belong to a well-formed tree, by lower-cased id. */
  byKey: Map<string, RawCriterion>;
  /** Child keys per key, in file order. */
  children: Map<string, string[]>;
  roots: string[];
}

export function buildShape(rows: readonly RawCriterion[], diagnostics: Diagnostic[]): TreeShape {
  const all = new Map<string, RawCriterion>();
  for (const r of rows) {
    const first = all.get(r.key);
    if (first) diagnostics.push(diag("DUPLICATE_ID", fieldLocation(r, "id"), { id: r.id, firstLine: first.line }));
    else all.set(r.key, r);
  }
  for (const r of all.values()) {
    if (r.parentKey !== null && !all.has(r.parentKey)) {
      diagnostics.push(diag("UNKNOWN_PARENT", fieldLocation(r, "parent"), { node: r.id, parent: r.parentText }));
    }
  }
  const ok = findWellRooted(all, diagnostics);
  const byKey = new Map([...all].filter(([k]) => ok.has(k)));
  const children = new Map<string, string[]>();
  const roots: string[] = [];
  for (const r of byKey.values()) {
    if (r.parentKey === null) roots.push(r.key);
    else children.set(r.parentKey, [...(children.get(r.parentKey) ?? []), r.key]);
  }
  return { byKey, children, roots };
}

/** Keys whose parent chain reaches a top-level row. Each cycle is reported once, listing its nodes. */
function findWellRooted(all: Map<string, RawCriterion>, diagnostics: Diagnostic[]): Set<string> {
  const state = new Map<string, "walking" | "ok" | "broken">();
  for (const start of all.keys()) {
    const path: string[] = [];
    let cur: string | null = start;
    let outcome: "ok" | "broken" = "ok";
    while (cur !== null) {
      const s = state.get(cur);
      if (s === "ok" || s === "broken") {
        outcome = s;
        break;
      }
      if (s === "walking") {
        reportCycle(path.slice(path.indexOf(cur)), all, diagnostics);
        outcome = "broken";
        break;
      }
      const row = all.get(cur);
      if (!row) {
        outcome = "broken"; // unknown parent, already reported
        break;
      }
      state.set(cur, "walking");
      path.push(cur);
      cur = row.parentKey;
    }
    for (const k of path) state.set(k, outcome);
  }
  return new Set([...state].filter(([, s]) => s === "ok").map(([k]) => k));
}

function reportCycle(keys: string[], all: Map<string, RawCriterion>, diagnostics: Diagnostic[]): void {
  const rows = keys.map((k) => all.get(k)!);
  // Start the listing at the row that comes first in the file, so the message is stable.
  const firstIdx = rows.reduce((best, r, i) => (r.line < rows[best]!.line ? i : best), 0);
  const ordered = [...rows.slice(firstIdx), ...rows.slice(0, firstIdx)];
  const first = ordered[0]!;
  const cycle = [...ordered, first].map((r) => r.id).join(" → ");
  diagnostics.push(diag("CYCLE", fieldLocation(first, "parent"), { node: first.id, cycle, count: ordered.length }));
}
