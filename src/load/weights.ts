// Sibling-group weight readings, top-down, exact: children share their parent's points ("points"),
// or add up to 100 and are read as percent of the parent ("percent"), or, with --rescale-weights,
// are scaled proportionally ("rescaled"). Anything else is WEIGHTS_DO_NOT_ADD_UP. Pure.
import type { Diagnostic, WeightGroupReading } from "../domain/types.js";
import { Rational } from "../exact/rational.js";
import { fieldLocation } from "./criteria-rows.js";
import { diag, showNumber } from "./codes.js";
import type { TreeShape } from "./structure.js";

export interface WeightReading {
  /** Weight in points of the total, per key; absent when it could not be determined. */
  points: Map<string, Rational>;
  totalPoints: Rational;
  groups: WeightGroupReading[];
  rescaled: boolean;
}

const HUNDRED = Rational.of(100);

export function readWeights(shape: TreeShape, rescale: boolean, diagnostics: Diagnostic[]): WeightReading {
  const points = new Map<string, Rational>();
  const groups: WeightGroupReading[] = [];
  let rescaled = false;
  const declared = (k: string): Rational | null => shape.byKey.get(k)?.weight ?? null;

  const rootWeights = shape.roots.map(declared);
  let totalPoints = Rational.ZERO;
  if (rootWeights.every((w) => w !== null) && shape.roots.length > 0) {
    totalPoints = Rational.sum(rootWeights as Rational[]);
    groups.push({ parent: null, reading: "points", found: totalPoints, expected: totalPoints });
    if (totalPoints.isZero()) {
      const first = shape.byKey.get(shape.roots[0]!)!;
      diagnostics.push(diag("ZERO_TOTAL_WEIGHT", fieldLocation(first, "weight")));
    }
    shape.roots.forEach((k, i) => points.set(k, rootWeights[i]!));
  }

  // Breadth-first from the roots: a parent's points are known before its children are read.
  const queue = [...shape.roots];
  while (queue.length > 0) {
    const key = queue.shift()!;
    const kids = shape.children.get(key) ?? [];
    queue.push(...kids);
    const W = points.get(key);
    const ws = kids.map(declared);
    if (kids.length === 0 || W === undefined || ws.some((w) => w === null)) continue;
    const written = ws as Rational[];
    const S = Rational.sum(written);
    const row = shape.byKey.get(key)!;
    const loc = fieldLocation(row, "weight");
    const args = { parent: row.id, found: showNumber(S), expected: showNumber(W) };
    const assign = (f: (w: Rational) => Rational): void => kids.forEach((k, i) => points.set(k, f(written[i]!)));
    if (S.eq(W)) {
      groups.push({ parent: row.id, reading: "points", found: S, expected: W });
      assign((w) => w);
    } else if (S.eq(HUNDRED)) {
      groups.push({ parent: row.id, reading: "percent", found: S, expected: HUNDRED });
      diagnostics.push(diag("WEIGHTS_READ_AS_PERCENT", loc, args));
      assign((w) => W.mul(w).div(HUNDRED));
    } else if (S.isZero()) {
      diagnostics.push(diag("ZERO_CHILD_WEIGHTS", loc, args));
    } else if (rescale) {
      groups.push({ parent: row.id, reading: "rescaled", found: S, expected: W });
      diagnostics.push(diag("WEIGHTS_RESCALED", loc, args));
      rescaled = true;
      assign((w) => W.mul(w).div(S));
    } else {
      diagnostics.push(diag("WEIGHTS_DO_NOT_ADD_UP", loc, args));
    }
  }
  return { points, totalPoints, groups, rescaled };
}
