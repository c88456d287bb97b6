// The result of `psc-audit check` as one serialisable object: the JSON contract (schemaVersion 1) and
// the single source of every check renderer. Numbers plus exact fractions; no Rational objects. Pure.
import type { Rational } from "../exact/rational.js";
import type { DeclaredFigure, Diagnostic, Tender } from "../domain/types.js";
import type { CheckResult } from "../check/check-tender.js";
import type { Explanation } from "../check/explain.js";
import type { ConflictItem } from "../check/feasibility.js";
import { publishedDecimals } from "../check/tolerance.js";
import { TOOL_NAME, TOOL_VERSION } from "../version.js";
import { buildUnknownsModel, fig, intervalJson, type Fig, type IntervalJson, type UnknownsModel } from "./unknowns-model.js";

export type ExplanationJson =
  | { kind: "rounding-not-applied"; value: Fig }
  | { kind: "rounding-unannounced"; decimals: number; value: Fig }
  | { kind: "published-rounding"; decimals: number; mode: "half-up" | "down"; value: Fig }
  | { kind: "weights-reading"; group: string; announced: string; used: string; value: Fig }
  | { kind: "price-method"; leaf: string; announced: string; methods: string[]; value: Fig }
  | { kind: "sum-mismatch"; parts: string[]; sum: Fig; difference: Fig; partsAgree: boolean }
  | { kind: "rank-not-from-totals"; implied: number }
  | { kind: "rank-from-declared-totals"; implied: number };

export interface FigureRow {
  offer: string;
  node: string;
  kind: "points" | "total" | "rank";
  declared: Fig;
  declaredText: string;
  source: string;
  /** The source split for compact display: the file, and where in it ("12 [points]", "Feuil1!C4"). */
  sourceFile: string;
  sourceAt: string;
  /** Decimals the figure was published with (from its text); null for ranks and unreadable texts. */
  decimals: number | null;
  tolerance: Fig;
  recomputed: Fig | null;
  range: IntervalJson | null;
  rankRange: { best: number; worst: number } | null;
  difference: Fig | null;
  status: "agrees" | "disagrees" | "open" | "impossible";
  explanations: ExplanationJson[];
}

export interface FigureRef {
  offer: string;
  node: string;
  text: string;
  /** The published value, and the decimals it was written with (null when unreadable). */
  declared: Fig;
  decimals: number | null;
  source: string;
}

export type ConflictJson =
  | { kind: "figure"; figure: FigureRef }
  | { kind: "rank-order"; above: FigureRef; below: FigureRef }
  | { kind: "rank-tie"; a: FigureRef; b: FigureRef }
  | { kind: "rank-first"; first: FigureRef; other: string };

export interface RangeJson {
  offer: string;
  node: string;
  scale: Fig;
  min: Fig;
  max: Fig;
}

export interface CheckModel {
  schemaVersion: 1;
  tool: { name: string; version: string };
  command: "check";
  inputs: { path: string; sha256: string }[];
  tolerance: { mode: "published-decimals" } | { mode: "fixed"; value: Fig };
  verdict: CheckResult["verdict"];
  counts: CheckResult["counts"];
  figures: FigureRow[];
  feasibility:
    | { status: "not-needed" }
    | { status: "feasible"; ranges: RangeJson[]; witness: RangeJson[]; relaxedRounding: boolean }
    | { status: "inconsistent"; conflict: ConflictJson[] }
    | { status: "not-decided"; reason: string; ranges: RangeJson[] };
  unknowns: UnknownsModel | null;
  warnings: Diagnostic[];
}

export function sourceText(s: { file: string; line?: number; column?: string }): string {
  return `${s.file}${s.line !== undefined ? `:${s.line}` : ""}${s.column ? ` [${s.column}]` : ""}`;
}

/** Where in its file a figure was read, without the file: "12 [points]", "Feuil1!C4 [B]". */
export function sourceAtText(s: { line?: number; column?: string; sheet?: string; cell?: string }): string {
  const where = s.sheet !== undefined || s.cell !== undefined ? `${s.sheet ? `${s.sheet}!` : ""}${s.cell ?? ""}` : s.line !== undefined ? String(s.line) : "";
  return [where, s.column ? `[${s.column}]` : ""].filter((x) => x !== "").join(" ");
}

export function buildCheckModel(
  tender: Tender,
  result: CheckResult,
  options: { tolerance?: Rational; inputs: { path: string; sha256: string }[]; warnings: Diagnostic[]; priceRange?: { lo: Rational; hi: Rational | null } },
): CheckModel {
  const figures: FigureRow[] = result.checks.map((c) => ({
    offer: c.offer,
    node: c.node,
    kind: c.kind,
    declared: fig(c.declared),
    declaredText: c.text,
    source: sourceText(c.source),
    sourceFile: c.source.file,
    sourceAt: sourceAtText(c.source),
    decimals: c.decimals,
    tolerance: fig(c.tolerance),
    recomputed: c.recomputed ? fig(c.recomputed) : null,
    range: c.range ? intervalJson(c.range) : null,
    rankRange: c.rankRange,
    difference: c.difference ? fig(c.difference) : null,
    status: c.status,
    explanations: c.explanations.map(explanationJson),
  }));
  const f = result.feasibility;
  const ranges = (rs: { offer: string; leaf: string; scale: Rational; min: Rational; max: Rational }[]): RangeJson[] =>
    rs.map((r) => ({ offer: r.offer, node: r.leaf, scale: fig(r.scale), min: fig(r.min), max: fig(r.max) }));
  const feasibility: CheckModel["feasibility"] =
    f.status === "feasible"
      ? { status: "feasible", ranges: ranges(f.ranges), witness: ranges(f.witness), relaxedRounding: f.relaxedRounding }
      : f.status === "inconsistent"
        ? { status: "inconsistent", conflict: f.conflict.map(conflictJson) }
        : f.status === "not-decided"
          ? { status: "not-decided", reason: f.reason, ranges: ranges(f.ranges) }
          : { status: "not-needed" };
  return {
    schemaVersion: 1,
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    command: "check",
    inputs: options.inputs,
    tolerance: options.tolerance ? { mode: "fixed", value: fig(options.tolerance) } : { mode: "published-decimals" },
    verdict: result.verdict,
    counts: result.counts,
    figures,
    feasibility,
    unknowns: result.bounds ? buildUnknownsModel(tender, result.bounds, options.priceRange) : null,
    warnings: [...options.warnings, ...result.warnings],
  };
}

function explanationJson(e: Explanation): ExplanationJson {
  switch (e.kind) {
    case "sum-mismatch":
      return { kind: e.kind, parts: e.parts, sum: fig(e.sum), difference: fig(e.difference), partsAgree: e.partsAgree };
    case "rank-not-from-totals":
    case "rank-from-declared-totals":
      return { kind: e.kind, implied: e.implied };
    default:
      return { ...e, value: fig(e.value) } as ExplanationJson;
  }
}

function ref(d: DeclaredFigure): FigureRef {
  const decimals = d.node === "rank" ? 0 : publishedDecimals(d.text, d.value);
  return { offer: d.offer, node: d.node, text: d.text, declared: fig(d.value), decimals, source: sourceText(d.source) };
}

function conflictJson(c: ConflictItem): ConflictJson {
  switch (c.kind) {
    case "figure":
      return { kind: "figure", figure: ref(c.figure) };
    case "rank-order":
      return { kind: "rank-order", above: ref(c.above), below: ref(c.below) };
    case "rank-tie":
      return { kind: "rank-tie", a: ref(c.a), b: ref(c.b) };
    case "rank-first":
      return { kind: "rank-first", first: ref(c.first), other: c.other };
  }
}
