// One scoring round: every leaf's coefficients for every shown offer, against the admissible set. Pure.
import type { Rational } from "../exact/rational.js";
import { prepareFormula, type CoefficientResult, type LeafCondition } from "./formulas/index.js";
import type { LeafPlan } from "./inputs.js";

export interface LeafRound {
  /** Per offer (input order); null for an offer not shown. */
  results: Array<CoefficientResult | null>;
  conditions: LeafCondition[];
}

/**
 * For each leaf, gather the admissible offers' raw values, prepare the formula once (its min, max,
 * mean…) and score every shown offer against it: O(offers) per leaf. Non-admissible offers are scored
 * "as if" against the admissible set, their coefficient clamped to [0, 1] by the formulas.
 */
export function scoreLeaves(
  leaves: readonly LeafPlan[],
  raw: ReadonlyArray<ReadonlyArray<Rational | null>>,
  admissible: readonly boolean[],
  shown: readonly boolean[],
): LeafRound[] {
  return leaves.map((leaf, j) => {
    const column = raw[j]!;
    const admitted: Rational[] = [];
    for (let i = 0; i < column.length; i++) if (admissible[i]) admitted.push(column[i]!);
    const prepared = prepareFormula(leaf.method, { admitted, params: leaf.method.params, max: leaf.max });
    const results = column.map((v, i) => (shown[i] && v !== null ? prepared.score(v) : null));
    return { results, conditions: prepared.conditions };
  });
}
