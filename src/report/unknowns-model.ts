// The unknown-values analysis as one serialisable object (JSON contract, schemaVersion 1) for `score`
// with occulted values and for the occulted section of `check`. Pure.
import { Rational } from "../exact/rational.js";
import type { Diagnostic, Tender } from "../domain/types.js";
import type { Interval } from "../check/interval.js";
import type { UnknownsResult } from "../check/unknowns.js";
import { TOOL_NAME, TOOL_VERSION } from "../version.js";
import { figure as fig, ratOf, type Figure as Fig } from "./json-figures.js";

export { fig, ratOf, type Fig };

export interface IntervalJson {
  lo: Fig & { attained: boolean };
  hi: Fig & { attained: boolean };
}

export function intervalJson(i: Interval): IntervalJson {
  return { lo: { ...fig(i.lo.value), attained: i.lo.attained }, hi: { ...fig(i.hi.value), attained: i.hi.attained } };
}

export interface UnknownsModel {
  schemaVersion: 1;
  tool: { name: string; version: string };
  command: "score-unknowns";
  inputs: { path: string; sha256: string }[];
  priceRange: { lo: Fig; hi: Fig | null; loOpen: boolean };
  unknowns: { offer: string; node: string; kind: "note" | "price"; lo: Fig; hi: Fig | null; loOpen: boolean }[];
  offers: {
    id: string;
    label: string;
    admitted: boolean;
    hasUnknowns: boolean;
    total: IntervalJson;
    points: Record<string, IntervalJson>;
    bestRank: number | null;
    worstRank: number | null;
  }[];
  exactIntervals: boolean;
  rankMethod: "exact" | "superset";
  winner: { status: "certain" | "depends" | "undetermined"; offer: string | null; possible: string[] };
  warnings: Diagnostic[];
}

export function buildUnknownsModel(tender: Tender, result: UnknownsResult, priceRange?: { lo: Rational; hi: Rational | null }): UnknownsModel {
  const range = priceRange ?? { lo: Rational.ZERO, hi: null };
  return {
    schemaVersion: 1,
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    command: "score-unknowns",
    inputs: tender.inputs.map((i) => ({ path: i.path, sha256: i.sha256 })),
    priceRange: { lo: fig(range.lo), hi: range.hi ? fig(range.hi) : null, loOpen: range.lo.sign() <= 0 },
    unknowns: result.unknowns.map((u) => ({
      offer: u.offer,
      node: u.leaf,
      kind: u.kind,
      lo: fig(u.domain.lo),
      hi: u.domain.hi ? fig(u.domain.hi) : null,
      loOpen: u.domain.loOpen,
    })),
    offers: result.offers.map((o) => ({
      id: o.id,
      label: o.label,
      admitted: o.admitted,
      hasUnknowns: o.hasUnknowns,
      total: intervalJson(o.total),
      points: Object.fromEntries([...o.points].map(([k, v]) => [k, intervalJson(v)])),
      bestRank: o.bestRank,
      worstRank: o.worstRank,
    })),
    exactIntervals: result.exactIntervals,
    rankMethod: result.rankMethod,
    winner: result.winner,
    warnings: result.warnings,
  };
}
