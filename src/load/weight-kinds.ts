// What the weights mean, from a weight-kind column (eForms BT-5421, OCDS numbers[].weight): percent,
// decimal fractions (×100), points, the middle of a range (approximate), or an order of importance only
// (ranks, turned into rank-sum weights as a stand-in and flagged). Rewrites the rows' weights. Pure.
import type { Diagnostic } from "../domain/types.js";
import { Rational } from "../exact/rational.js";
import { normalizeName } from "./aliases.js";
import { diag } from "./codes.js";
import { fieldLocation, type RawCriterion } from "./criteria-rows.js";

/** exact: the weights are known; mid: each is the middle of a published range; order: only ranks are known. */
export type WeightKind = "exact" | "mid" | "order";
type Family = "percent" | "decimal" | "points" | "order";

export interface WeightKindReading {
  kind: WeightKind;
  /** For `order`: criterion id → rank as written (1 = most important). */
  order?: Map<string, number>;
}

/** Normalised spelling → (family, middle of a range?). eForms BT-5421 codes and OCDS codes. */
export const WEIGHT_KIND_VALUES: Record<string, { family: Family; mid: boolean }> = {
  per_exa: { family: "percent", mid: false },
  per_mid: { family: "percent", mid: true },
  dec_exa: { family: "decimal", mid: false },
  dec_mid: { family: "decimal", mid: true },
  poi_exa: { family: "points", mid: false },
  poi_mid: { family: "points", mid: true },
  ord_imp: { family: "order", mid: false },
  percentageexact: { family: "percent", mid: false },
  percentagerangemiddle: { family: "percent", mid: true },
  decimalexact: { family: "decimal", mid: false },
  decimalrangemiddle: { family: "decimal", mid: true },
  pointsexact: { family: "points", mid: false },
  pointsrangemiddle: { family: "points", mid: true },
  order: { family: "order", mid: false },
  percent: { family: "percent", mid: false },
  pourcentage: { family: "percent", mid: false },
  decimal: { family: "decimal", mid: false },
  fraction: { family: "decimal", mid: false },
  points: { family: "points", mid: false },
  ordre: { family: "order", mid: false },
  ordre_d_importance: { family: "order", mid: false },
  ordre_importance: { family: "order", mid: false },
};
export const WEIGHT_KIND_EXPECTED = "per-exa, dec-exa, poi-exa, per-mid, dec-mid, poi-mid, ord-imp (OCDS: percentageExact, decimalExact, pointsExact, …RangeMiddle, order)";

export function readWeightKind(text: string): { family: Family; mid: boolean } | undefined {
  return WEIGHT_KIND_VALUES[normalizeName(text)];
}

const HUNDRED = Rational.of(100);

export function applyWeightKinds(rows: RawCriterion[], diagnostics: Diagnostic[]): WeightKindReading {
  let family: Family | null = null;
  let firstRow: RawCriterion | null = null;
  const mids: string[] = [];
  for (const row of rows) {
    if (row.weightKindText === "") continue;
    const read = readWeightKind(row.weightKindText);
    if (!read) {
      diagnostics.push(diag("UNKNOWN_WEIGHT_KIND", fieldLocation(row, "weight_kind"), { node: row.id, text: row.weightKindText, expected: WEIGHT_KIND_EXPECTED }));
      continue;
    }
    if (read.mid) mids.push(row.id);
    if (family === null) {
      family = read.family;
      firstRow = row;
    } else if (family !== read.family) {
      diagnostics.push(
        diag("MIXED_WEIGHT_KINDS", fieldLocation(row, "weight_kind"), { node: row.id, text: row.weightKindText, first: firstRow!.weightKindText, firstLine: firstRow!.line }),
      );
    }
  }
  if (family === "decimal") {
    for (const row of rows) if (row.weight) row.weight = row.weight.mul(HUNDRED);
    if (firstRow) diagnostics.push(diag("WEIGHTS_DECIMAL", fieldLocation(firstRow, "weight_kind"), {}));
  }
  if (family === "order") return { kind: "order", order: rankWeights(rows, firstRow!, diagnostics) };
  if (mids.length > 0) {
    diagnostics.push(diag("WEIGHTS_APPROXIMATE", fieldLocation(firstRow!, "weight_kind"), { nodes: mids.join(", "), count: mids.length }));
    return { kind: "mid" };
  }
  return { kind: "exact" };
}

/**
 * Ranks → rank-sum weights within each sibling group: the criterion ranked r among n gets
 * 100·(n + 1 − r) / Σ(n + 1 − r_j) percent of its parent (ties allowed). A stand-in so that scores can
 * be shown; every output must say that only the order is known.
 */
function rankWeights(rows: RawCriterion[], first: RawCriterion, diagnostics: Diagnostic[]): Map<string, number> {
  const order = new Map<string, number>();
  const groups = new Map<string | null, RawCriterion[]>();
  for (const row of rows) {
    if (!row.weight) continue;
    if (!row.weight.isInteger() || row.weight.sign() <= 0) {
      diagnostics.push(diag("INVALID_ORDER", fieldLocation(row, "weight"), { node: row.id, text: row.weight.toString() }));
      row.weight = null;
      continue;
    }
    order.set(row.id, Number(row.weight.toString()));
    const list = groups.get(row.parentKey) ?? [];
    list.push(row);
    groups.set(row.parentKey, list);
  }
  for (const list of groups.values()) {
    const n = BigInt(list.length);
    const raw = list.map((r) => Rational.of(n + 1n).sub(r.weight!));
    const sum = Rational.sum(raw.map((w) => (w.sign() > 0 ? w : Rational.ZERO)));
    list.forEach((r, i) => {
      const w = raw[i]!.sign() > 0 ? raw[i]! : Rational.ZERO;
      r.weight = sum.isZero() ? Rational.ZERO : HUNDRED.mul(w).div(sum);
    });
  }
  diagnostics.push(diag("WEIGHTS_ORDER_ONLY", fieldLocation(first, "weight_kind"), { count: order.size }));
  return order;
}
