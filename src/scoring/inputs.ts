// Resolve what scoring needs from a tender and options: each leaf's method and scale, each offer's
// admission and raw values. Throws on unknown values and invalid method overrides. Pure.
import type { Rational } from "../exact/rational.js";
import type { CriterionNode, MethodSpec, ScoreOptions, Tender } from "../domain/types.js";
import { defaultMethodId, validateMethod, withDefaults, type MethodProblem } from "./formulas/index.js";

/** Raw values the scorer needs are unknown (occulted): use the interval analysis, or options.values. */
export class UnknownValuesError extends Error {
  readonly missing: ReadonlyArray<{ offer: string; leaf: string }>;
  constructor(missing: ReadonlyArray<{ offer: string; leaf: string }>) {
    const first = missing.slice(0, 5).map((m) => `${m.offer}/${m.leaf}`).join(", ");
    super(`unknown values needed for scoring: ${first}${missing.length > 5 ? ", …" : ""} (${missing.length} in all)`);
    this.name = "UnknownValuesError";
    this.missing = missing;
  }
}

/** A leaf's method (from the tree or options.methods) is not valid for the leaf: a caller error. */
export class InvalidMethodError extends Error {
  readonly leaf: string;
  readonly method: string;
  readonly problem: MethodProblem;
  constructor(leaf: string, method: string, problem: MethodProblem) {
    super(`invalid method ${method} on leaf ${leaf}: ${problem.problem}${problem.param ? ` (${problem.param})` : ""}`);
    this.name = "InvalidMethodError";
    this.leaf = leaf;
    this.method = method;
    this.problem = problem;
  }
}

export interface LeafPlan {
  node: CriterionNode;
  /** Defaults filled in; canonical text. */
  method: MethodSpec;
  /** Note scale passed to the formula (`direct`): the leaf's max, or its weight when max is absent. */
  max: Rational | null;
  /** True when `max` was absent and the weight was used as the scale (NOTE_SCALE_ASSUMED). */
  scaleAssumed: boolean;
}

export function planLeaves(tender: Tender, options: ScoreOptions): LeafPlan[] {
  return tender.criteria.leaves.map((id) => {
    const node = tender.criteria.byId.get(id);
    if (!node) throw new Error(`criteria tree: unknown leaf ${id}`);
    const spec = options.methods?.[id] ?? node.method ?? { id: defaultMethodId(node.type), params: {}, text: "" };
    const problem = validateMethod(spec, node.type);
    if (problem) throw new InvalidMethodError(id, spec.text || spec.id, problem);
    const method = withDefaults(spec);
    const scaleAssumed = method.id === "direct" && node.max === null;
    return { node, method, max: node.max ?? (method.id === "direct" ? node.weight : null), scaleAssumed };
  });
}

/** Per offer: admitted (status ok or readmitted, and not withdrawn) and withdrawn flags. */
export function admission(tender: Tender, options: ScoreOptions): { admitted: boolean[]; withdrawn: boolean[] } {
  const withdrawn = tender.offers.map((o) => options.withdraw?.has(o.id) ?? false);
  const admitted = tender.offers.map(
    (o, i) => !withdrawn[i] && (o.status === "ok" || (options.readmit?.has(o.id) ?? false)),
  );
  return { admitted, withdrawn };
}

/**
 * Raw values as columns: `raw[leaf][offer]`, options.values overriding the tender. Every offer that is
 * not withdrawn needs a value on every leaf (admitted ones feed the relative formulas, the others are
 * scored for display): a null or absent value throws UnknownValuesError listing them all. A withdrawn
 * offer is scored for display only when all its values are known; otherwise `shown` is false for it
 * and it is left out of the result (its slots stay null and are never read).
 */
export function rawColumns(
  tender: Tender,
  leaves: readonly LeafPlan[],
  withdrawn: readonly boolean[],
  options: ScoreOptions,
): { raw: Array<Array<Rational | null>>; shown: boolean[] } {
  const missing: Array<{ offer: string; leaf: string }> = [];
  const raw = leaves.map(() => new Array<Rational | null>(tender.offers.length).fill(null));
  const shown = tender.offers.map(() => true);
  tender.offers.forEach((offer, i) => {
    const overrides = options.values?.get(offer.id);
    leaves.forEach((leaf, j) => {
      const v = overrides?.get(leaf.node.id) ?? offer.values.get(leaf.node.id) ?? null;
      if (v === null) {
        if (withdrawn[i]) shown[i] = false;
        else missing.push({ offer: offer.id, leaf: leaf.node.id });
      }
      raw[j]![i] = v;
    });
  });
  if (missing.length > 0) throw new UnknownValuesError(missing);
  return { raw, shown };
}
