// O3 of sensitivity-methods.md §9 as an in-memory tender (the fixtures/o3-reference data), for the
// score-sensitivity and orchestrator tests.
import { buildTender } from "../scoring/builders.js";

/** O3 as the fixture has it: three `direct` leaves out of 100, weights 50 / 30 / 20. */
export function o3Tender() {
  return buildTender(
    [
      { id: "price", weight: 50, method: "direct", max: 100 },
      { id: "quality", weight: 30, method: "direct", max: 100 },
      { id: "delivery", weight: 20, method: "direct", max: 100 },
    ],
    [
      { id: "A", values: { price: 100, quality: 60, delivery: 50 } },
      { id: "B", values: { price: 80, quality: 90, delivery: 70 } },
      { id: "C", values: { price: 90, quality: 70, delivery: 100 } },
      { id: "D", values: { price: 70, quality: 100, delivery: 40 } },
    ],
  );
}

