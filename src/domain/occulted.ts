// One answer to "does this tender have occulted values?", for every command (score, sensitivity,
// report) and for the occulted-value analyses: the same rule as the scorer (src/scoring/inputs.ts
// rawColumns), which throws UnknownValuesError on exactly these tenders.
import type { Tender } from "./types.js";

/**
 * Some offer lacks a value on some leaf: null (marked unknown / occulted) or absent. Every offer of the
 * tender as given counts (offers are withdrawn only by an analysis, never in the input), so the scorer
 * cannot give single figures exactly when this is true. Values on inner nodes are not read.
 */
export function hasOccultedValues(tender: Tender): boolean {
  const leaves = tender.criteria.leaves;
  return tender.offers.some((o) => leaves.some((l) => (o.values.get(l) ?? null) === null));
}
