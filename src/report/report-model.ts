// The full transparency report as one serialisable object: the JSON contract of `psc-audit report`
// (schemaVersion 1) and the single source of the HTML, PDF and Markdown renderers. Pure; no IO.
// Language-neutral: numbers as JSON numbers with exact strings beside them; words come later.
import type { Diagnostic, ScoreResult, Tender } from "../domain/types.js";
import { Rational } from "../exact/rational.js";
import type { Lang } from "../i18n/lang.js";
import { defaultTolerance } from "../check/tolerance.js";
import type { WeightSampler } from "../smaa/index.js";
import { TOOL_NAME, TOOL_VERSION } from "../version.js";
import { exact, num } from "./json-figures.js";
import type { ReportAnalysis } from "./report-analysis.js";
import type { CriterionRow, OfferRow, ScoreModel } from "./score-model.js";

export interface ReportInputFile {
  role: "offers" | "criteria" | "declared";
  path: string;
  sha256: string;
}

export interface ReportParameters {
  rescaleWeights: boolean;
  samples: number;
  seed: number;
  smaaWeights: string;
  sampler: WeightSampler;
  scoreNoise: number;
  /** Conventions stated in the report: unrounded model for sensitivity, weight conventions, rng. */
  sensitivityModel: "unrounded-additive";
  stabilityConventions: ["local", "global"];
}

export interface MethodCriterion extends CriterionRow {
  /** The leaf's method as data: id, parameters as exact strings, as written. */
  methodSpec: { id: string; params: Record<string, string>; text: string } | null;
}

/** A figure the buyer published next to the recomputed one. */
export interface DeclaredComparison {
  offer: string;
  /** Node id, "total" or "rank". */
  node: string;
  declared: number;
  declaredText: string;
  recomputed: number | null;
  recomputedExact?: string;
  /** recomputed − declared (null when nothing to compare, e.g. an unranked offer's rank). */
  difference: number | null;
  differenceExact?: string;
  /** Default tolerance: half a unit of the last published decimal. */
  tolerance: number;
  agrees: boolean | null;
}

/** A section filled by another analysis (sensitivity findings, check): its model, or why it is absent. */
export type PluggedSection<T> = { status: "computed"; model: T } | { status: "not-computed"; reason: "not-requested" | "not-available" | "too-few-offers" };

export interface ReportModel {
  schemaVersion: 1;
  tool: { name: string; version: string };
  command: "report";
  lang: Lang;
  /** ISO 8601 UTC, from SOURCE_DATE_EPOCH when set: the only time in the report. */
  date: string;
  commandLine: string[];
  inputs: ReportInputFile[];
  parameters: ReportParameters;
  summary: {
    winner: string | null;
    winners: string[];
    tieForFirst: boolean;
    margin: number | null;
    marginExact?: string;
    offers: number;
    ranked: number;
  };
  method: {
    totalPoints: number;
    weightReading: ScoreModel["weightReading"];
    weightGroups: ScoreModel["weightGroups"];
    rescaled: boolean;
    criteria: MethodCriterion[];
  };
  offers: OfferRow[];
  declared: DeclaredComparison[];
  analysis: ReportAnalysis;
  /** Full sensitivity findings (src/sensitivity analyses) when available. */
  sensitivity: PluggedSection<unknown>;
  check: PluggedSection<unknown>;
  unknowns: PluggedSection<unknown>;
  warnings: Diagnostic[];
}

export interface ReportModelInput {
  tender: Tender;
  result: ScoreResult;
  score: ScoreModel;
  analysis: ReportAnalysis;
  lang: Lang;
  date: Date;
  commandLine: string[];
  inputs: ReportInputFile[];
  parameters: ReportParameters;
  sensitivity?: PluggedSection<unknown>;
  check?: PluggedSection<unknown>;
  unknowns?: PluggedSection<unknown>;
}

export function buildReportModel(input: ReportModelInput): ReportModel {
  const { tender, score } = input;
  const criteria: MethodCriterion[] = score.criteria.map((c) => {
    const spec = tender.criteria.byId.get(c.id)?.method ?? null;
    const params: Record<string, string> = {};
    if (spec) for (const k of Object.keys(spec.params).sort()) params[k] = spec.params[k]!.toString();
    return { ...c, methodSpec: spec ? { id: spec.id, params, text: spec.text } : null };
  });
  const summary: ReportModel["summary"] = {
    winner: score.winner,
    winners: score.winners,
    tieForFirst: score.tieForFirst,
    margin: score.margin,
    offers: score.offers.length,
    ranked: score.offers.filter((o) => o.rank !== null).length,
  };
  if (score.marginExact !== undefined) summary.marginExact = score.marginExact;
  return {
    schemaVersion: 1,
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    command: "report",
    lang: input.lang,
    date: input.date.toISOString(),
    commandLine: input.commandLine,
    inputs: input.inputs,
    parameters: input.parameters,
    summary,
    method: {
      totalPoints: score.totalPoints,
      weightReading: score.weightReading,
      weightGroups: score.weightGroups,
      rescaled: score.rescaled,
      criteria,
    },
    offers: score.offers,
    declared: compareDeclared(input),
    analysis: input.analysis,
    sensitivity: input.sensitivity ?? { status: "not-computed", reason: "not-available" },
    check: input.check ?? { status: "not-computed", reason: tender.declared.length > 0 ? "not-available" : "not-requested" },
    unknowns: input.unknowns ?? { status: "not-computed", reason: "not-requested" },
    warnings: score.warnings,
  };
}

/** Declared versus recomputed, per figure, in the declared file's order. */
function compareDeclared(input: ReportModelInput): DeclaredComparison[] {
  const { tender, score } = input;
  return tender.declared.map((d) => {
    let recomputed: Rational | null = null;
    const offer = score.offers.find((o) => o.id === d.offer);
    if (offer) {
      if (d.node === "total") recomputed = score.exactTotals.get(d.offer) ?? null;
      else if (d.node === "rank") recomputed = offer.rank === null ? null : Rational.of(offer.rank);
      else recomputed = score.exactPoints.get(d.offer)?.get(d.node) ?? null;
    }
    const tolerance = d.node === "rank" ? Rational.ZERO : defaultTolerance(d.text, d.value);
    const diff = recomputed ? recomputed.sub(d.value) : null;
    const row: DeclaredComparison = {
      offer: d.offer,
      node: d.node,
      declared: num(d.value),
      declaredText: d.text,
      recomputed: recomputed ? num(recomputed) : null,
      difference: diff ? num(diff) : null,
      tolerance: num(tolerance),
      agrees: diff ? diff.abs().le(tolerance) : null,
    };
    const re = recomputed ? exact(recomputed) : undefined;
    if (re !== undefined) row.recomputedExact = re;
    const de = diff ? exact(diff) : undefined;
    if (de !== undefined) row.differenceExact = de;
    return row;
  });
}
