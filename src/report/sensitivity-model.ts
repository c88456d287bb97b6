// The result of `psc-audit sensitivity` as one serialisable object: the JSON contract (schemaVersion 1)
// read by every sensitivity renderer. Numbers for machines, exact fractions as strings. Pure.
import type { Diagnostic, Tender } from "../domain/types.js";
import type { Rational } from "../exact/rational.js";
import type { SensitivityAnalysis } from "../sensitivity/analyse.js";
import type { FigureBounds, OccultedAnalysis, ScenarioName } from "../sensitivity/bounds.js";
import { NEUTRALISED_SHARE } from "../sensitivity/effective-weight.js";
import type { FailOnResult } from "../sensitivity/fail-on.js";
import type { ChangeResult, NotComputed } from "../sensitivity/min-change.js";
import type { StabilityRange } from "../sensitivity/stability.js";
import type { WeightSampler } from "../smaa/index.js";
import { TOOL_NAME, TOOL_VERSION } from "../version.js";
import { exact, figure, num, type Figure } from "./json-figures.js";

export { figure, type Figure };
const fig = (r: Rational | null): Figure | null => (r === null ? null : figure(r));

export interface BoundJson {
  /** Share (fraction of the parent for `local`, of the total for `global`). */
  lower: number;
  upper: number;
  lowerExact?: string;
  upperExact?: string;
  /** The bounds in points. */
  lowerPoints: number;
  upperPoints: number;
  /** Offer pairs tying at each bound ([] when the bound is the end of the range). */
  lowerPairs: [string, string][];
  upperPairs: [string, string][];
}

export interface SensitivityModel {
  schemaVersion: 1;
  tool: { name: string; version: string };
  command: "sensitivity";
  inputs: { path: string; sha256: string }[];
  /** The model the weight / score analyses use. */
  basis: {
    unrounded: boolean;
    roundingIgnored: boolean;
    totalPoints: number;
    weightsAs: "fraction";
    /**
     * How the weights are known: "exact"; "mid" (middle of published ranges); "order" (only the order of
     * importance: the point weights are a rank-sum stand-in, `order` gives the published ranks).
     */
    weights: { kind: "exact" | "mid" | "order"; order?: Array<{ criterion: string; rank: number }>; smaaOrdinalDefault: boolean };
    /** Present when some values are occulted: the analysis runs on two completed scenarios (bounds). */
    occulted?: OccultedJson;
  };
  winner: string | null;
  winners: string[];
  stability: Array<{
    criterion: string;
    label: string;
    convention: "local" | "global";
    level: number;
    weight: number;
    weightExact?: string;
    weightPoints: number;
    /** Points of a share of 1: the parent's points (local) or the total (global). */
    scale: number;
    winner: BoundJson;
    ranking: BoundJson;
    note: string | null;
  }>;
  minimalChange: Array<{
    challenger: string;
    /** Gap to the winner, share of the total and points. */
    gap: Figure;
    gapPoints: number;
    /** Distances as shares of the total (null: unreachable); `…Points` in points. */
    l1: Figure | null;
    l1Points: number | null;
    linf: Figure | null;
    linfPoints: number | null;
    /** Leaf weights (fractions of the total) at the L1 optimum, and at the L∞ optimum. */
    weights: Record<string, number> | null;
    weightsExact: Record<string, string> | null;
    linfWeights: Record<string, number> | null;
    /** Null when unreachable; `{lowerBound, reason}` when not computed (large tenders). */
    soleWinner: { l1: SoleDistance; linf: SoleDistance };
  }>;
  /** min over challengers of the L∞ distance (points of the total), with the challenger. */
  winnerMargin: { points: Figure; share: Figure; challenger: string } | null;
  scoreSensitivity: {
    winner: string | null;
    noteMargin: { points: Figure; scale: number; leaf: string; challenger: string; direction: string; from: Figure; to: Figure } | null;
    thresholds: Array<{
      challenger: string;
      winner: string;
      leaf: string;
      direction: string;
      mover: string;
      kind: string;
      current: Figure;
      target: Figure | null;
      delta: Figure | null;
      bracket: { lower: Figure; upper: Figure } | null;
      jump: boolean;
      reachable: boolean;
      reason: string | null;
      method: string;
      scale: number | null;
    }>;
  };
  methods: {
    priceLeaves: string[];
    baseline: { winners: string[]; ranking: RankJson[] };
    variants: Array<{
      formula: string;
      methods: Record<string, string>;
      derived: boolean;
      isBuyer: boolean;
      winners: string[];
      ranking: RankJson[];
      sameWinner: boolean;
      sameRanking: boolean;
      inexact: boolean;
      skipped: string | null;
    }>;
    rounding: { applies: boolean; rounded: { winners: string[]; ranking: RankJson[] }; unrounded: { winners: string[]; ranking: RankJson[] }; sameWinner: boolean; sameRanking: boolean };
    formulaDecides: boolean | null;
    roundingDecides: boolean | null;
  };
  rankReversal: {
    anyReversal: boolean;
    anyWinnerChange: boolean;
    scenarios: Array<{
      kind: string;
      offer: string;
      flips: Array<{ first: string; second: string; kind: string; before: [number, number]; after: [number, number] }>;
      winnersBefore: string[];
      winnersAfter: string[];
      winnerChanged: boolean;
      changedLeaves: string[];
      skipped: string | null;
    }>;
  };
  effectiveWeight: {
    neutralisedBelow: number;
    rows: Array<{ criterion: string; depth: number; weight: Figure; spread: Figure; min: Figure; max: Figure; ratio: Figure | null; neutralised: boolean }>;
  };
  smaa: {
    samples: number;
    seed: number;
    weights: string;
    sampler: WeightSampler;
    method: string;
    rng: string;
    scoreNoise: number;
    /** --precision: the 95 % half-width asked for (the draws stopped when every one was at most it). */
    precision: number | null;
    rankAcceptability: Record<string, number[]>;
    halfWidth95: Record<string, number[]>;
    centralWeights: Record<string, Record<string, number> | null>;
    confidence: Record<string, number | null>;
    pairwise: Record<string, Record<string, number>>;
    entropy: { winner: number };
  } | null;
  failOn: FailOnResult[];
  /** Any --fail-on condition met (exit code 1). */
  failed: boolean;
  /** Some --fail-on condition could not be evaluated (its figure was not computed): an error, exit 2. */
  failOnUnevaluable: boolean;
  warnings: Diagnostic[];
}

/** A figure as an interval over the two occulted-value scenarios. */
export interface BoundsJson {
  bounds: true;
  low: Figure | null;
  high: Figure | null;
  lowFrom: ScenarioName | null;
  highFrom: ScenarioName | null;
  /** Proven bounds over every admissible value (else: just the two scenarios' values). */
  exact: boolean;
}

export interface OccultedJson {
  cells: Array<{
    offer: string;
    leaf: string;
    kind: "note" | "price";
    admissible: { lo: number; loOpen: boolean; hi: number | null };
    ofPresumedWinner: boolean;
    challengersBest: { value: number; exact?: string; standIn: "zero" | "infinity" | null };
    challengersWorst: { value: number; exact?: string; standIn: "zero" | "infinity" | null };
  }>;
  priceRange: { lo: number; hi: number | null };
  presumedWinner: string | null;
  presumedWinnerBasis: string;
  /** scoreWithUnknowns: "certain" | "depends" | "undetermined". */
  winnerStatus: string;
  possibleWinners: string[];
  /** The presumed winner does not win both scenarios: the award itself depends on occulted data. */
  awardDepends: boolean;
  scenarioWinners: Record<ScenarioName, string[]>;
  /** The scenario whose analysis fills the other sections of this document. */
  body: ScenarioName;
  /** Every unknown on an absolute leaf: the figures with `exact: true` are proven bounds. */
  monotone: boolean;
  standIns: boolean;
  limitsApplied: Array<{ scenario: ScenarioName; offer: string; leaf: string }>;
  /** Exact total intervals (scoreWithUnknowns, buyer's rounding applied). */
  totals: Array<{ offer: string; low: Figure; high: Figure; lowAttained: boolean; highAttained: boolean }>;
  figures: {
    winnerMargin: BoundsJson;
    minimalChange: Array<{ challenger: string; gap: BoundsJson; l1: BoundsJson; linf: BoundsJson }>;
    noteMargin: BoundsJson;
    acceptability: BoundsJson;
    stability: Array<{ criterion: string; convention: "local" | "global"; bounds: true; inner: { lower: number; upper: number } | null; outer: { lower: number; upper: number } | null; exact: boolean }>;
  };
}

function boundsJson(b: FigureBounds): BoundsJson {
  return { bounds: true, low: fig(b.low), high: fig(b.high), lowFrom: b.lowFrom, highFrom: b.highFrom, exact: b.exact };
}

function occultedJson(o: OccultedAnalysis): OccultedJson {
  const v = (x: { value: Rational; standIn: "zero" | "infinity" | null }) => ({ ...figure(x.value), standIn: x.standIn });
  const range = (r: { lower: Rational; upper: Rational } | null) => (r ? { lower: num(r.lower), upper: num(r.upper) } : null);
  return {
    cells: o.cells.map((c) => ({
      offer: c.offer,
      leaf: c.leaf,
      kind: c.kind,
      admissible: { lo: num(c.lo), loOpen: c.loOpen, hi: c.hi === null ? null : num(c.hi) },
      ofPresumedWinner: c.ofWinner,
      challengersBest: v(c.challengersBest),
      challengersWorst: v(c.challengersWorst),
    })),
    priceRange: { lo: num(o.priceRange.lo), hi: o.priceRange.hi === null ? null : num(o.priceRange.hi) },
    presumedWinner: o.presumedWinner,
    presumedWinnerBasis: o.presumedWinnerBasis,
    winnerStatus: o.unknowns.winner.status,
    possibleWinners: o.unknowns.winner.possible,
    awardDepends: o.awardDepends,
    scenarioWinners: o.scenarioWinners,
    body: o.body,
    monotone: o.monotone,
    standIns: o.standIns,
    limitsApplied: o.limitsApplied,
    totals: o.unknowns.offers.map((x) => ({ offer: x.id, low: figure(x.total.lo.value), high: figure(x.total.hi.value), lowAttained: x.total.lo.attained, highAttained: x.total.hi.attained })),
    figures: {
      winnerMargin: boundsJson(o.figures.winnerMargin),
      minimalChange: o.figures.minimalChange.map((m) => ({ challenger: m.challenger, gap: boundsJson(m.gap), l1: boundsJson(m.l1), linf: boundsJson(m.linf) })),
      noteMargin: boundsJson(o.figures.noteMargin),
      acceptability: boundsJson(o.figures.acceptability),
      stability: o.figures.stability.map((s) => ({ criterion: s.criterion, convention: s.convention, bounds: true as const, inner: range(s.inner), outer: range(s.outer), exact: s.exact })),
    },
  };
}

export interface RankJson {
  offer: string;
  rank: number;
  total: number;
  totalExact?: string;
}

function bound(r: StabilityRange): BoundJson {
  const out: BoundJson = {
    lower: num(r.lower),
    upper: num(r.upper),
    lowerPoints: num(r.lowerPoints),
    upperPoints: num(r.upperPoints),
    lowerPairs: r.lowerPairs.map((p) => [p[0], p[1]]),
    upperPairs: r.upperPairs.map((p) => [p[0], p[1]]),
  };
  const le = exact(r.lower);
  const ue = exact(r.upper);
  if (le !== undefined) out.lowerExact = le;
  if (ue !== undefined) out.upperExact = ue;
  return out;
}

function ranks(rs: ReadonlyArray<{ offer: string; rank: number; total: Rational }>): RankJson[] {
  return rs.map((r) => {
    const e = exact(r.total);
    return e === undefined ? { offer: r.offer, rank: r.rank, total: num(r.total) } : { offer: r.offer, rank: r.rank, total: num(r.total), totalExact: e };
  });
}

const distance = (c: ChangeResult): Figure | null => (c.status === "ok" ? figure(c.distance) : null);
type SoleDistance = Figure | { lowerBound: Figure; reason: string } | null;
/** A sole-winner distance; when not computed (large tenders), the pair distance is a lower bound. */
const soleDistance = (c: ChangeResult | NotComputed): SoleDistance =>
  c.status === "not-computed" ? { lowerBound: figure(c.lowerBound), reason: c.reason } : distance(c);

/** Internal, non-enumerable (absent from JSON): the exact analysis, for the human-facing renderers. */
export interface SensitivityModelInternals {
  analysis: SensitivityAnalysis;
  tender: Tender;
  /** Present when some values are occulted (the analysis is then `occulted.analyses[occulted.body]`). */
  occulted?: OccultedAnalysis;
}

/** The exact analysis behind a model (renderers only). */
export function internalsOf(model: SensitivityModel): SensitivityModelInternals {
  return (model as unknown as { internals: SensitivityModelInternals }).internals;
}

/**
 * Build the plain JSON model. Weights and distances are FRACTIONS of the total (local stability: of
 * the parent), with the points beside them; every figure that a double does not carry exactly has its
 * fraction as a string. The exact analysis rides along as a non-enumerable `internals` property.
 */
export function buildSensitivityModel(
  tender: Tender,
  analysis: SensitivityAnalysis,
  failOn: FailOnResult[],
  diagnostics: Diagnostic[],
  occulted?: OccultedAnalysis,
): SensitivityModel {
  const tree = tender.criteria;
  const leaves = analysis.model.leaves;
  const T = analysis.model.totalPoints;
  const mc = analysis.minimalChange;
  const weightsRecord = (ws: Rational[]) => Object.fromEntries(leaves.map((l, j) => [l, num(ws[j]!)]));
  const weightsExactRecord = (ws: Rational[]) => Object.fromEntries(leaves.flatMap((l, j) => (exact(ws[j]!) ? [[l, ws[j]!.toString()]] : [])));
  const ss = analysis.scoreSensitivity;
  const ms = analysis.methods;
  const smaa = analysis.smaa;

  const model: SensitivityModel = {
    schemaVersion: 1,
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    command: "sensitivity",
    inputs: tender.inputs.map((i) => ({ path: i.path, sha256: i.sha256 })),
    basis: {
      unrounded: true,
      roundingIgnored: analysis.roundingIgnored,
      totalPoints: num(T),
      weightsAs: "fraction",
      weights: {
        kind: analysis.weightBasis.kind,
        ...(analysis.weightBasis.kind === "order" ? { order: analysis.weightBasis.order } : {}),
        smaaOrdinalDefault: analysis.weightBasis.smaaOrdinalDefault,
      },
      ...(occulted ? { occulted: occultedJson(occulted) } : {}),
    },
    winner: analysis.unrounded.winners.length === 1 ? analysis.unrounded.winners[0]! : null,
    winners: analysis.unrounded.winners,
    stability: analysis.stability.map((s) => {
      const row: SensitivityModel["stability"][number] = {
        criterion: s.criterion,
        label: tree.byId.get(s.criterion)?.label ?? s.criterion,
        convention: s.convention,
        level: s.level,
        weight: num(s.weight),
        weightPoints: num(s.weightPoints),
        scale: num(s.scale),
        winner: bound(s.winner),
        ranking: bound(s.ranking),
        note: s.note,
      };
      const we = exact(s.weight);
      if (we !== undefined) row.weightExact = we;
      return row;
    }),
    minimalChange: mc.pairs.map((p) => ({
      challenger: p.challenger,
      gap: figure(p.gap),
      gapPoints: num(p.gapPoints),
      l1: distance(p.l1),
      l1Points: p.l1.status === "ok" ? num(p.l1.distancePoints) : null,
      linf: distance(p.linf),
      linfPoints: p.linf.status === "ok" ? num(p.linf.distancePoints) : null,
      weights: p.l1.status === "ok" ? weightsRecord(p.l1.weights) : null,
      weightsExact: p.l1.status === "ok" ? weightsExactRecord(p.l1.weights) : null,
      linfWeights: p.linf.status === "ok" ? weightsRecord(p.linf.weights) : null,
      soleWinner: { l1: soleDistance(p.soleWinner.l1), linf: soleDistance(p.soleWinner.linf) },
    })),
    winnerMargin: mc.margin ? { points: figure(mc.margin.distancePoints), share: figure(mc.margin.distance), challenger: mc.margin.challenger } : null,
    scoreSensitivity: {
      winner: ss.winner,
      noteMargin: ss.noteMargin
        ? {
            points: figure(ss.noteMargin.points),
            scale: num(ss.noteMargin.scale),
            leaf: ss.noteMargin.leaf,
            challenger: ss.noteMargin.challenger,
            direction: ss.noteMargin.direction,
            from: figure(ss.noteMargin.from),
            to: figure(ss.noteMargin.to),
          }
        : null,
      thresholds: ss.thresholds.map((t) => ({
        challenger: t.challenger,
        winner: t.winner,
        leaf: t.leaf,
        direction: t.direction,
        mover: t.mover,
        kind: t.kind,
        current: figure(t.current),
        target: fig(t.target),
        delta: fig(t.delta),
        bracket: t.bracket ? { lower: figure(t.bracket.lower), upper: figure(t.bracket.upper) } : null,
        jump: t.jump,
        reachable: t.reachable,
        reason: t.reason,
        method: t.method,
        scale: t.scale ? num(t.scale) : null,
      })),
    },
    methods: {
      priceLeaves: ms.priceLeaves,
      baseline: { winners: ms.baseline.winners, ranking: ranks(ms.baseline.ranking) },
      variants: ms.variants.map((v) => ({
        formula: v.formula,
        methods: v.methods,
        derived: v.derived,
        isBuyer: v.isBuyer,
        winners: v.winners,
        ranking: ranks(v.ranking),
        sameWinner: v.sameWinner,
        sameRanking: v.sameRanking,
        inexact: v.inexact,
        skipped: v.skipped,
      })),
      rounding: {
        applies: ms.rounding.applies,
        rounded: { winners: ms.rounding.rounded.winners, ranking: ranks(ms.rounding.rounded.ranking) },
        unrounded: { winners: ms.rounding.unrounded.winners, ranking: ranks(ms.rounding.unrounded.ranking) },
        sameWinner: ms.rounding.sameWinner,
        sameRanking: ms.rounding.sameRanking,
      },
      formulaDecides: ms.formulaDecides,
      roundingDecides: ms.roundingDecides,
    },
    rankReversal: {
      anyReversal: analysis.rankReversal.anyReversal,
      anyWinnerChange: analysis.rankReversal.anyWinnerChange,
      scenarios: analysis.rankReversal.scenarios.map((s) => ({
        kind: s.kind,
        offer: s.offer,
        flips: s.flips.map((f) => ({ first: f.first, second: f.second, kind: f.kind, before: [num(f.before[0]), num(f.before[1])], after: [num(f.after[0]), num(f.after[1])] })),
        winnersBefore: s.winnersBefore,
        winnersAfter: s.winnersAfter,
        winnerChanged: s.winnerChanged,
        changedLeaves: s.changedLeaves,
        skipped: s.skipped,
      })),
    },
    effectiveWeight: {
      neutralisedBelow: num(NEUTRALISED_SHARE),
      rows: analysis.effectiveWeight.rows.map((r) => ({
        criterion: r.criterion,
        depth: r.depth,
        weight: figure(r.weight),
        spread: figure(r.spread),
        min: figure(r.min),
        max: figure(r.max),
        ratio: fig(r.ratio),
        neutralised: r.neutralised,
      })),
    },
    smaa: smaa
      ? {
          samples: smaa.samples,
          seed: smaa.seed,
          weights: analysis.settings.smaaWeights,
          sampler: smaa.sampler,
          method: smaa.method,
          rng: smaa.rng,
          scoreNoise: analysis.settings.scoreNoise,
          precision: analysis.settings.precision,
          rankAcceptability: smaa.rankAcceptability,
          halfWidth95: smaa.halfWidth95,
          centralWeights: smaa.centralWeights,
          confidence: smaa.confidence,
          pairwise: smaa.pairwise,
          entropy: smaa.entropy,
        }
      : null,
    failOn,
    failed: failOn.some((f) => f.met),
    failOnUnevaluable: failOn.some((f) => f.status === "unevaluable"),
    warnings: [...diagnostics, ...analysis.warnings],
  };
  if (occulted) {
    // Every figure below is one scenario's value: flag the ones reported as intervals in basis.occulted.
    for (const r of model.stability) (r as typeof r & { bounds?: true }).bounds = true;
    for (const r of model.minimalChange) (r as typeof r & { bounds?: true }).bounds = true;
    if (model.winnerMargin) (model.winnerMargin as typeof model.winnerMargin & { bounds?: true }).bounds = true;
    if (model.scoreSensitivity.noteMargin) (model.scoreSensitivity.noteMargin as typeof model.scoreSensitivity.noteMargin & { bounds?: true }).bounds = true;
    if (model.smaa) (model.smaa as typeof model.smaa & { bounds?: true }).bounds = true;
  }
  const internals: SensitivityModelInternals = occulted ? { analysis, tender, occulted } : { analysis, tender };
  Object.defineProperty(model, "internals", { value: internals, enumerable: false });
  return model;
}
