// criteria.csv table → CriteriaTree: rows, shape, leaf methods and scales, weight readings, assembly.
// Also returns a CriteriaView (every id written, even on broken rows) so offers.csv can be checked
// against it without cascading errors. Pure.
import type { CriteriaTree, CriterionNode, CriterionType, Diagnostic, MethodSpec } from "../domain/types.js";
import type { Rational } from "../exact/rational.js";
import { diag, hasErrors, showNumber } from "./codes.js";
import { fieldLocation, readCriteriaRows, type RawCriterion } from "./criteria-rows.js";
import { defaultMethod, methodAppliesTo, readMethod } from "./method-text.js";
import type { CsvTable } from "./parse-csv.js";
import { buildShape, type TreeShape } from "./structure.js";
import { applyWeightKinds, type WeightKindReading } from "./weight-kinds.js";
import { readWeights } from "./weights.js";

export interface LeafInfo {
  id: string;
  type: CriterionType | null;
  method: MethodSpec | null;
  max: Rational | null;
}

/** What offers.csv is checked against. `known` is false when criteria.csv could not be read at all. */
export interface CriteriaView {
  known: boolean;
  leaves: Map<string, LeafInfo>;
  /** Inner node ids by lower-cased id. */
  inner: Map<string, string>;
}

export interface CriteriaLoad {
  tree: CriteriaTree | null;
  /** What the weights mean (exact, middle of a range, order of importance only). */
  weightKind: WeightKindReading;
  view: CriteriaView;
  diagnostics: Diagnostic[];
}

interface LeafRule {
  type: CriterionType;
  method: MethodSpec | null;
}

export function loadCriteria(table: CsvTable, options: { rescaleWeights?: boolean }): CriteriaLoad {
  const diagnostics: Diagnostic[] = [];
  const { rows, usable } = readCriteriaRows(table, diagnostics);
  const weightKind = applyWeightKinds(rows, diagnostics);
  const shape = buildShape(rows, diagnostics);
  const rules = new Map<string, LeafRule>();
  for (const [key, row] of shape.byKey) {
    if ((shape.children.get(key) ?? []).length > 0) warnInnerFields(row, diagnostics);
    else rules.set(key, readLeafRule(row, diagnostics));
  }
  const weights = readWeights(shape, options.rescaleWeights === true, diagnostics);
  for (const [key, row] of shape.byKey) {
    const w = weights.points.get(key);
    if (row.minScore && w && row.minScore.gt(w)) {
      diagnostics.push(diag("INVALID_THRESHOLD", fieldLocation(row, "min_score"), { node: row.id, text: showNumber(row.minScore), max: showNumber(w) }));
    }
  }
  const view = buildView(rows, rules, usable && rows.length > 0);
  if (hasErrors(diagnostics) || !usable || rows.length === 0) return { tree: null, weightKind, view, diagnostics };
  return { tree: assemble(shape, rules, weights), weightKind, view, diagnostics };
}

function warnInnerFields(row: RawCriterion, diagnostics: Diagnostic[]): void {
  // Warning, not error: the value is ignored and the tree is still well defined; an inner node's
  // points are the sum of its children's, so a method or scale there cannot mean anything.
  for (const field of ["type", "method", "max"] as const) {
    if (row.written.has(field)) diagnostics.push(diag("IGNORED_FIELD", fieldLocation(row, field), { node: row.id, field, reason: "inner" }));
  }
}

function readLeafRule(row: RawCriterion, diagnostics: Diagnostic[]): LeafRule {
  // A leaf with a price-only method and no type is a price leaf: the method says so.
  const applies = row.methodText === null ? undefined : methodAppliesTo(row.methodText);
  const inferred: CriterionType = applies && !applies.includes("quality") ? "price" : "quality";
  const type = row.type ?? inferred;
  if (row.typeInvalid) return { type, method: null };
  const loc = fieldLocation(row, "method");
  let method: MethodSpec | null = defaultMethod(type);
  if (row.methodText !== null) {
    const read = readMethod(row.methodText, type, row.id, loc);
    diagnostics.push(...read.diagnostics);
    method = read.spec;
  }
  const usesScale = method?.id === "direct" || method?.id === "relative-best";
  if (method?.id === "direct" && !row.maxWritten) diagnostics.push(diag("MISSING_MAX", fieldLocation(row, "max"), { node: row.id }));
  if (method && !usesScale && row.maxWritten) diagnostics.push(diag("IGNORED_FIELD", fieldLocation(row, "max"), { node: row.id, field: "max", reason: "method" }));
  return { type, method };
}

function buildView(rows: readonly RawCriterion[], rules: Map<string, LeafRule>, usable: boolean): CriteriaView {
  const parents = new Set(rows.map((r) => r.parentKey).filter((k): k is string => k !== null));
  const leaves = new Map<string, LeafInfo>();
  const inner = new Map<string, string>();
  for (const r of rows) {
    if (parents.has(r.key)) {
      if (!inner.has(r.key)) inner.set(r.key, r.id);
      continue;
    }
    if (leaves.has(r.key)) continue;
    const rule = rules.get(r.key);
    leaves.set(r.key, { id: r.id, type: rule?.type ?? null, method: rule?.method ?? null, max: r.max });
  }
  return { known: usable, leaves, inner };
}

function assemble(shape: TreeShape, rules: Map<string, LeafRule>, weights: ReturnType<typeof readWeights>): CriteriaTree {
  const nodes: CriterionNode[] = [];
  const byId = new Map<string, CriterionNode>();
  const leaves: string[] = [];
  const visit = (key: string, depth: number): CriterionNode => {
    const row = shape.byKey.get(key)!;
    const kids = shape.children.get(key) ?? [];
    const rule = rules.get(key);
    const node: CriterionNode = {
      id: row.id,
      parent: row.parentKey === null ? null : shape.byKey.get(row.parentKey)!.id,
      label: row.label,
      weight: weights.points.get(key)!,
      declaredWeight: row.weight!,
      type: rule?.type ?? "quality",
      method: rule?.method ?? null,
      max: kids.length === 0 && (rule?.method?.id === "direct" || rule?.method?.id === "relative-best") ? row.max : null,
      minScore: row.minScore,
      decimals: row.decimals,
      children: [],
      depth,
      source: row.source,
    };
    nodes.push(node);
    byId.set(node.id, node);
    if (kids.length === 0) leaves.push(node.id);
    const childNodes = kids.map((k) => visit(k, depth + 1));
    node.children = childNodes.map((c) => c.id);
    if (childNodes.length > 0) node.type = innerType(childNodes);
    return node;
  };
  const roots = shape.roots.map((k) => visit(k, 0).id);
  return {
    weightKind: "exact",
    nodes,
    byId,
    roots,
    leaves,
    totalPoints: weights.totalPoints,
    weightReading: weights.groups.some((g) => g.reading === "percent") ? "percent" : "points",
    groups: weights.groups,
    rescaled: weights.rescaled,
  };
}

/** "quality" unless every leaf below is price/cost; all cost → "cost", otherwise "price". */
function innerType(children: CriterionNode[]): CriterionType {
  if (children.some((c) => c.type === "quality")) return "quality";
  return children.every((c) => c.type === "cost") ? "cost" : "price";
}
