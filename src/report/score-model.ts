// The result of `psc-audit score` as one serialisable object: the JSON contract (schemaVersion 1)
// and the single source every score renderer reads. Pure.
import type { Diagnostic, MethodSpec, ScoreResult, Tender } from "../domain/types.js";
import { Rational } from "../exact/rational.js";
import { TOOL_NAME, TOOL_VERSION } from "../version.js";
import { exact, figureMaps, num } from "./json-figures.js";

export interface CriterionRow {
  id: string;
  parent: string | null;
  label: string;
  /** Points of the total. */
  weight: number;
  weightExact?: string;
  /** Share of the parent's weight (of the total for top-level criteria), as a fraction. */
  shareOfParent: number;
  /** The weight as written in the file. */
  declaredWeight: number;
  type: string;
  method: string | null;
  leaf: boolean;
  depth: number;
  max: number | null;
  minScore: number | null;
  decimals: number | null;
}

export interface OfferRow {
  id: string;
  label: string;
  status: string;
  admitted: boolean;
  eliminated: boolean;
  eliminatedBy: { node: string; points: number; threshold: number }[];
  rank: number | null;
  total: number;
  totalExact?: string;
  /** Every node, points of the total. */
  points: Record<string, number>;
  pointsExact: Record<string, string>;
  /** Raw leaf values (note or amount); null = unknown. */
  raw: Record<string, number | null>;
  inexact: boolean;
}

export interface ScoreModel {
  schemaVersion: 1;
  tool: { name: string; version: string };
  command: "score";
  inputs: { path: string; sha256: string }[];
  totalPoints: number;
  weightReading: "points" | "percent";
  weightGroups: { parent: string | null; reading: string; found: number; expected: number }[];
  rescaled: boolean;
  criteria: CriterionRow[];
  offers: OfferRow[];
  /** The single winner, or null when nobody is ranked or a tie decides the award. */
  winner: string | null;
  winners: string[];
  tieForFirst: boolean;
  /** Winner's lead over the next ranked offer, in points (null with fewer than two ranked offers). */
  margin: number | null;
  marginExact?: string;
  warnings: Diagnostic[];
  /** Internal: exact figures for renderers (dropped by the JSON renderer). */
  exactTotals: Map<string, Rational>;
  exactPoints: Map<string, Map<string, Rational>>;
  exactWeights: Map<string, Rational>;
  totalPointsExact: Rational;
  exactMargin: Rational | null;
  /** Internal: each leaf's parsed method, for its name in the legend. */
  methodSpecs: Map<string, MethodSpec>;
}

export function buildScoreModel(tender: Tender, result: ScoreResult, diagnostics: Diagnostic[]): ScoreModel {
  const tree = tender.criteria;
  const criteria: CriterionRow[] = tree.nodes.map((n) => {
    const parentWeight = n.parent === null ? tree.totalPoints : tree.byId.get(n.parent)!.weight;
    const share = parentWeight.isZero() ? Rational.ZERO : n.weight.div(parentWeight);
    const row: CriterionRow = {
      id: n.id,
      parent: n.parent,
      label: n.label,
      weight: num(n.weight),
      shareOfParent: num(share),
      declaredWeight: num(n.declaredWeight),
      type: n.type,
      method: n.method ? n.method.text : null,
      leaf: n.children.length === 0,
      depth: n.depth,
      max: n.max ? num(n.max) : null,
      minScore: n.minScore ? num(n.minScore) : null,
      decimals: n.decimals,
    };
    const we = exact(n.weight);
    if (we !== undefined) row.weightExact = we;
    return row;
  });

  const rawById = new Map(tender.offers.map((o) => [o.id, o]));
  const offers: OfferRow[] = result.offers.map((o) => {
    const { numbers, exact: pointsExact } = figureMaps(tree.nodes.map((n) => [n.id, o.points.get(n.id) ?? Rational.ZERO]));
    const raw: Record<string, number | null> = {};
    const source = rawById.get(o.id);
    for (const leaf of tree.leaves) {
      const v = source?.values.get(leaf);
      raw[leaf] = v ? num(v) : null;
    }
    const row: OfferRow = {
      id: o.id,
      label: o.label,
      status: o.status,
      admitted: o.admitted,
      eliminated: o.eliminated,
      eliminatedBy: o.eliminatedBy.map((e) => ({ node: e.node, points: num(e.points), threshold: num(e.threshold) })),
      rank: o.rank,
      total: num(o.total),
      points: numbers,
      pointsExact,
      raw,
      inexact: o.inexact,
    };
    const te = exact(o.total);
    if (te !== undefined) row.totalExact = te;
    return row;
  });

  const ranked = result.offers.filter((o) => o.rank !== null);
  const first = ranked[0];
  const second = ranked.find((o) => o.rank !== 1);
  const marginExact = first && second ? first.total.sub(second.total) : null;
  const tie = result.winners.length > 1;

  const model: ScoreModel = {
    schemaVersion: 1,
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    command: "score",
    inputs: tender.inputs.map((i) => ({ path: i.path, sha256: i.sha256 })),
    totalPoints: num(tree.totalPoints),
    weightReading: tree.weightReading,
    weightGroups: tree.groups.map((g) => ({ parent: g.parent, reading: g.reading, found: num(g.found), expected: num(g.expected) })),
    rescaled: tree.rescaled,
    criteria,
    offers,
    winner: result.winners.length === 1 ? result.winners[0]! : null,
    winners: result.winners,
    tieForFirst: tie,
    margin: tie ? 0 : marginExact ? num(marginExact) : null,
    warnings: [...diagnostics, ...result.warnings],
    exactTotals: new Map(result.offers.map((o) => [o.id, o.total])),
    exactPoints: new Map(result.offers.map((o) => [o.id, o.points])),
    totalPointsExact: tree.totalPoints,
    exactWeights: new Map(tree.nodes.map((n) => [n.id, n.weight])),
    exactMargin: tie ? Rational.ZERO : marginExact,
    methodSpecs: new Map(tree.nodes.flatMap((n) => (n.method ? [[n.id, n.method] as const] : []))),
  };
  if (marginExact && !tie) {
    const me = exact(marginExact);
    if (me !== undefined) model.marginExact = me;
  }
  return model;
}
