// The small plain inputs of the chart functions: floats for drawing, strings already formatted in the
// report's language. Any analysis (the report's own or a sensitivity model) can feed them.

export type Format = (value: number) => string;

/** Horizontal stacked bars: one bar per offer, one segment per series (e.g. top-level criterion). */
export interface StackedBarsInput {
  title: string;
  series: { key: string; label: string }[];
  rows: { label: string; values: number[]; total: number; emphasis: boolean; muted: boolean }[];
  /** Axis maximum (the total points available). */
  max: number;
  /** Axis ticks. */
  format: Format;
  /** The total printed at the end of each bar. */
  formatTotal: Format;
}

/**
 * One-way sensitivity lines: for each offer its total V_a(t) = y0 + (y1 − y0)·t as the weight share t
 * goes from 0 to 1; the current share, the range keeping the winner first, and where first place
 * changes hands.
 */
export interface SensitivityLinesInput {
  title: string;
  xLabel: string;
  yLabel: string;
  lines: { label: string; y0: number; y1: number; role: "winner" | "challenger" | "other" }[];
  current: number;
  currentLabel: string;
  winnerZone: { lower: number; upper: number; label: string } | null;
  crossings: { t: number; y: number }[];
  formatX: Format;
  formatY: Format;
}

/** Stability intervals as bars on [0, 1]: one row per criterion. */
export interface StabilityBarsInput {
  title: string;
  rows: { label: string; depth: number; current: number; lower: number; upper: number; text: string }[];
  formatX: Format;
}

/** A matrix of probabilities (rows: offers, columns: ranks). */
export interface HeatMapInput {
  title: string;
  rowLabels: string[];
  columnLabels: string[];
  columnTitle: string;
  values: number[][];
  /** Text inside a cell (empty to leave it blank). */
  format: Format;
}
