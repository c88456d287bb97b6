// The full transparency report as one serialisable object: the JSON contract of `psc-audit report`
// (schemaVersion 1) and the single source of the HTML, PDF and Markdown renderers. Pure; no IO.
// Language-neutral: numbers as JSON numbers with exact strings beside them; words come later.
import type { Diagnostic, Tender } from "../domain/types.js";
import type { Lang } from "../i18n/lang.js";
import type { WeightSampler } from "../smaa/index.js";
import { TOOL_NAME, TOOL_VERSION } from "../version.js";
import type { CheckModel } from "./check-model.js";
import type { ReportAnalysis } from "./report-analysis.js";
import type { SensitivityModel } from "./sensitivity-model.js";
import type { UnknownsModel } from "./unknowns-model.js";
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

/** A section filled by another analysis (sensitivity findings, check, unknowns): its model, or why it is absent. */
export type PluggedSection<T> =
  | { status: "computed"; model: T }
  | { status: "not-computed"; reason: "not-requested" | "not-available" | "too-few-offers" | "unknown-values" };

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
    /** With occulted values: is the winner certain whatever they are (null without occulted values)? */
    winnerStatus: "certain" | "depends" | "undetermined" | null;
    /** With occulted values: the offers that can come first. */
    possibleWinners: string[];
  };
  method: {
    totalPoints: number;
    weightReading: ScoreModel["weightReading"];
    weightGroups: ScoreModel["weightGroups"];
    rescaled: boolean;
    /** How exactly the weights are known: as published, the middle of a published range, or an order only. */
    weightKind: "exact" | "mid" | "order";
    /** weightKind "order": criterion id → published rank (1 = most important). */
    weightOrder: Record<string, number> | null;
    criteria: MethodCriterion[];
  };
  /** Exact per-offer figures; empty with occulted values (then see `unknowns`). */
  offers: OfferRow[];
  /** With occulted values only: the raw leaf values as given (null = occulted), offer → leaf → value. */
  tenderValues?: Record<string, Record<string, number | null>>;
  /** Chart data the sensitivity model does not carry (one-way sensitivity lines). */
  analysis: ReportAnalysis;
  /** Full sensitivity findings: the JSON model of `psc-audit sensitivity`. */
  sensitivity: PluggedSection<SensitivityModel>;
  /** Declared figures checked: the JSON model of `psc-audit check`. */
  check: PluggedSection<CheckModel>;
  /** Occulted values: intervals and possible ranks (`psc-audit score` with unknowns). */
  unknowns: PluggedSection<UnknownsModel>;
  warnings: Diagnostic[];
}

export interface ReportModelInput {
  tender: Tender;
  score: ScoreModel;
  analysis: ReportAnalysis;
  lang: Lang;
  date: Date;
  commandLine: string[];
  inputs: ReportInputFile[];
  parameters: ReportParameters;
  sensitivity: PluggedSection<SensitivityModel>;
  check: PluggedSection<CheckModel>;
  unknowns: PluggedSection<UnknownsModel>;
}

export function buildReportModel(input: ReportModelInput): ReportModel {
  const { tender, score } = input;
  const criteria: MethodCriterion[] = score.criteria.map((c) => {
    const spec = tender.criteria.byId.get(c.id)?.method ?? null;
    const params: Record<string, string> = {};
    if (spec) for (const k of Object.keys(spec.params).sort()) params[k] = spec.params[k]!.toString();
    return { ...c, methodSpec: spec ? { id: spec.id, params, text: spec.text } : null };
  });
  const unknowns = input.unknowns.status === "computed" ? input.unknowns.model : null;
  const summary: ReportModel["summary"] = unknowns
    ? {
        winner: unknowns.winner.status === "certain" ? unknowns.winner.offer : null,
        winners: unknowns.winner.status === "certain" && unknowns.winner.offer !== null ? [unknowns.winner.offer] : [],
        tieForFirst: false,
        margin: null,
        offers: unknowns.offers.length,
        ranked: unknowns.offers.filter((o) => o.bestRank !== null).length,
        winnerStatus: unknowns.winner.status,
        possibleWinners: unknowns.winner.possible,
      }
    : {
        winner: score.winner,
        winners: score.winners,
        tieForFirst: score.tieForFirst,
        margin: score.margin,
        offers: score.offers.length,
        ranked: score.offers.filter((o) => o.rank !== null).length,
        winnerStatus: null,
        possibleWinners: score.winners,
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
      weightKind: tender.criteria.weightKind ?? "exact",
      weightOrder: tender.criteria.weightOrder ? Object.fromEntries([...tender.criteria.weightOrder].sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1))) : null,
      criteria,
    },
    offers: score.offers,
    ...(unknowns ? { tenderValues: rawValues(tender) } : {}),
    analysis: input.analysis,
    sensitivity: input.sensitivity,
    check: input.check,
    unknowns: input.unknowns,
    warnings: score.warnings,
  };
}

function rawValues(tender: Tender): Record<string, Record<string, number | null>> {
  const out: Record<string, Record<string, number | null>> = {};
  for (const o of tender.offers) {
    const row: Record<string, number | null> = {};
    for (const leaf of tender.criteria.leaves) {
      const v = o.values.get(leaf) ?? null;
      row[leaf] = v === null ? null : v.toNumber();
    }
    out[o.id] = row;
  }
  return out;
}
