// A 1,000 offers × 200 leaves grid scores completely and consistently. Its speed is measured by
// `npm run bench`, never by a timed test.
import { expect, it } from "vitest";
import { scoreTender } from "../../src/scoring/score-tender.js";
import { buildTender, type NodeSpec } from "./builders.js";

it("scores 1,000 offers × 200 leaves, every offer ranked once", () => {
  const methods = ["proportional", "linear-minmax", "mean-cubic", "linear-lowest(n=3)", "it-bilinear(base=2000)"];
  const nodes: NodeSpec[] = [];
  for (let g = 0; g < 10; g++) {
    nodes.push({ id: `G${g}`, weight: 10, decimals: 2 });
    for (let k = 0; k < 20; k++) {
      const price = k % 2 === 0;
      nodes.push({
        id: `G${g}.${k}`,
        parent: `G${g}`,
        weight: "0.5",
        type: price ? "price" : "quality",
        method: price ? methods[(g + k) % methods.length]! : k % 4 === 1 ? "direct" : "relative-best",
        max: 20,
        decimals: 3,
      });
    }
  }
  const leaves = nodes.filter((n) => n.parent);
  const offers = Array.from({ length: 1000 }, (_, i) => ({
    id: `O${String(i).padStart(4, "0")}`,
    values: Object.fromEntries(leaves.map((l, j) => [l.id, l.type === "price" ? `${1000 + ((i * 37 + j * 11) % 900)}.${i % 100}` : (i * 7 + j) % 21])),
  }));
  const tender = buildTender(nodes, offers);
  const res = scoreTender(tender);
  expect(res.offers).toHaveLength(1000);
  const ranks = res.offers.map((o) => o.rank!);
  expect(ranks[0]).toBe(1);
  for (let i = 1; i < ranks.length; i++) expect(ranks[i]!).toBeGreaterThanOrEqual(ranks[i - 1]!);
  for (const o of res.offers) expect(o.total.le(tender.criteria.totalPoints)).toBe(true);
});
