// The domain model shared by every layer: a tender (criteria tree + offers), diagnostics, and the
// scored result. Types only; no behaviour. All figures are exact Rationals.
import type { Rational } from "../exact/rational.js";

export type CriterionType = "price" | "cost" | "quality";

export const OFFER_STATUSES = [
  "ok",
  "excluded",
  "irregular",
  "unacceptable",
  "inappropriate",
  "abnormally-low",
] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];

/** Where something came from, for diagnostics: `offers.csv:7`, or `grid.xlsx[Offres]!D7`. */
export interface SourceLocation {
  file: string;
  line?: number;
  /** Column name as written in the header (for CSV), or the cell's column letter (spreadsheets). */
  column?: string;
  sheet?: string;
  cell?: string;
}

/** A leaf's scoring rule, e.g. `linear-lowest(n=3)` → { id: "linear-lowest", params: { n: 3 } }. */
export interface MethodSpec {
  id: string;
  params: Record<string, Rational>;
  /** The method as written by the user (or the canonical spelling of a default). */
  text: string;
}

export interface CriterionNode {
  id: string;
  parent: string | null;
  label: string;
  /** Weight in points of the total score, after the weight reading (and any rescaling) was applied. */
  weight: Rational;
  /** The weight exactly as written in the file (points, or percent of the parent). */
  declaredWeight: Rational;
  /** For leaves; inner nodes carry "quality" unless every leaf below is price/cost. */
  type: CriterionType;
  /** Leaves only. */
  method: MethodSpec | null;
  /** Top of the note scale for `direct` leaves. */
  max: Rational | null;
  /** Elimination threshold in this node's points (two-stage evaluation). */
  minScore: Rational | null;
  /** The buyer rounds this node's points to this many decimals. */
  decimals: number | null;
  /** Child ids, in file order. Empty for a leaf. */
  children: string[];
  /** 0 for a top-level criterion. */
  depth: number;
  source: SourceLocation;
}

/** How one sibling group's weights were read. */
export interface WeightGroupReading {
  /** Parent id; null for the top level. */
  parent: string | null;
  reading: "points" | "percent" | "rescaled";
  /** Sum of the children's weights as written. */
  found: Rational;
  /** What they should add up to (the parent's weight in points, or 100 for percent). */
  expected: Rational;
}

export interface CriteriaTree {
  /** Depth-first, children in file order. */
  nodes: CriterionNode[];
  byId: Map<string, CriterionNode>;
  roots: string[];
  /** Leaf ids, depth-first. */
  leaves: string[];
  /** Sum of the top-level weights (usually 100). */
  totalPoints: Rational;
  /** "points" when every group was in points; "percent" when at least one group was read as percent. */
  weightReading: "points" | "percent";
  /** One entry per sibling group with children. */
  groups: WeightGroupReading[];
  /** True when --rescale-weights changed at least one group. */
  rescaled: boolean;
  /**
   * How exactly the weights are known (eForms BT-5421 / OCDS): "exact"; "mid" (middle of a published
   * range); "order" (order of importance only: the weights are a rank-sum stand-in, and the weight
   * analysis must say so and sample ordinal weights).
   */
  weightKind: "exact" | "mid" | "order";
  /** For weightKind "order": criterion id → published rank (1 = most important). */
  weightOrder?: Map<string, number>;
}

export interface Offer {
  id: string;
  label: string;
  status: OfferStatus;
  /** Leaf id → raw value (note on the leaf's scale, or amount); null = unknown / occulted. */
  values: Map<string, Rational | null>;
  source: SourceLocation;
}

/** A figure the buyer published, to check against the recomputation (issue: check). */
export interface DeclaredFigure {
  offer: string;
  /** A node id, or "total", or "rank". */
  node: string;
  value: Rational;
  /** As written, to know how many decimals were published. */
  text: string;
  source: SourceLocation;
}

export interface InputFile {
  path: string;
  sha256: string;
}

export interface Tender {
  criteria: CriteriaTree;
  offers: Offer[];
  declared: DeclaredFigure[];
  inputs: InputFile[];
}

// ---------------------------------------------------------------------------------------------
// Diagnostics: data, never prose. The words live in src/i18n.

export type Severity = "error" | "warning" | "info";

export interface Diagnostic {
  code: string;
  severity: Severity;
  location?: SourceLocation;
  /** Values interpolated into the message; strings and numbers only (already display-safe text). */
  args: Record<string, string | number>;
}

// ---------------------------------------------------------------------------------------------
// Scoring results.

export interface ScoreOptions {
  /** Apply the buyer's `decimals` rounding (default true). */
  rounding?: boolean;
  /** Replace the method of some leaves (method sensitivity). */
  methods?: Record<string, MethodSpec>;
  /** Offers to leave out entirely, as if they had not bid (rank reversal). */
  withdraw?: ReadonlySet<string>;
  /** Offers whose non-ok status is ignored (an excluded offer put back). */
  readmit?: ReadonlySet<string>;
  /** Override raw values: offer id → leaf id → value (score sensitivity, unknown scenarios). */
  values?: ReadonlyMap<string, ReadonlyMap<string, Rational>>;
}

export interface Elimination {
  node: string;
  points: Rational;
  threshold: Rational;
}

export interface ScoredOffer {
  id: string;
  label: string;
  status: OfferStatus;
  /** Status ok (or readmitted): takes part in relative formulas and in the ranking. */
  admitted: boolean;
  /** Admitted but below a `min_score` threshold. */
  eliminated: boolean;
  eliminatedBy: Elimination[];
  /** Leaf id → coefficient in [0, 1] (points / weight before rounding). */
  coefficients: Map<string, Rational>;
  /** Every node id → points of the total (after the buyer's rounding where `decimals` is set). */
  points: Map<string, Rational>;
  total: Rational;
  /** 1-based competition rank (1, 1, 3); null when not ranked. */
  rank: number | null;
  /** Some figure came from a formula with an irrational result (computed in floating point). */
  inexact: boolean;
}

export interface ScoreResult {
  /** Ranked offers by rank then id, then the non-ranked ones in file order. */
  offers: ScoredOffer[];
  /** Ids at rank 1; more than one means a tie decides the award. */
  winners: string[];
  warnings: Diagnostic[];
}
