// The catalogue of scoring methods: ids, what they apply to, and their parameters. Pure metadata,
// shared by the loader (to validate `method` cells) and the scorer (to compute). The formulas
// themselves live one per file beside this one.
import { Rational, q } from "../../exact/rational.js";
import type { CriterionType } from "../../domain/types.js";

export interface ParamDef {
  name: string;
  /** Absent: the parameter is required. */
  default?: Rational;
  /** Accepts a value; `expected` says what was expected, for the diagnostic. */
  check: (v: Rational) => boolean;
  expected: string;
}

export interface FormulaDef {
  id: string;
  appliesTo: readonly CriterionType[];
  /** Relative formulas depend on the other admitted offers (min, max, mean, best). */
  relative: boolean;
  /** False when the result can be irrational (computed in floating point and flagged). */
  exact: boolean;
  params: readonly ParamDef[];
  /**
   * How well the rule is sourced (procurement-scoring.md tags): "sourced" [S], "partly-sourced" [P],
   * "unconfirmed" [U] (never present it as official). Optional so older literals stay valid.
   */
  status?: FormulaStatus;
}

export type FormulaStatus = "sourced" | "partly-sourced" | "unconfirmed";

const positive: Pick<ParamDef, "check" | "expected"> = { check: (v) => v.sign() > 0, expected: "> 0" };
const PRICE: readonly CriterionType[] = ["price", "cost"];
const QUALITY: readonly CriterionType[] = ["quality"];

export const FORMULA_DEFS: readonly FormulaDef[] = [
  { id: "proportional", status: "sourced", appliesTo: PRICE, relative: true, exact: true, params: [] },
  { id: "linear-minmax", status: "sourced", appliesTo: PRICE, relative: true, exact: true, params: [] },
  {
    id: "linear-lowest",
    status: "partly-sourced",
    appliesTo: PRICE,
    relative: true,
    exact: true,
    params: [{ name: "n", default: q(2), check: (v) => v.gt(Rational.ONE), expected: "> 1" }],
  },
  { id: "mean-cubic", status: "sourced", appliesTo: PRICE, relative: true, exact: true, params: [] },
  {
    id: "reference",
    status: "unconfirmed",
    appliesTo: PRICE,
    relative: false,
    exact: true,
    params: [
      { name: "ref", ...positive },
      { name: "zero", ...positive },
    ],
  },
  { id: "it-linear", status: "sourced", appliesTo: PRICE, relative: true, exact: true, params: [{ name: "base", ...positive }] },
  {
    id: "it-bilinear",
    status: "unconfirmed",
    appliesTo: PRICE,
    relative: true,
    exact: true,
    params: [
      { name: "base", ...positive },
      { name: "x", default: q("0.85"), check: (v) => v.sign() > 0 && v.lt(Rational.ONE), expected: "in ]0, 1[" },
    ],
  },
  {
    id: "it-concave",
    status: "sourced",
    appliesTo: PRICE,
    relative: true,
    exact: false,
    params: [
      { name: "base", ...positive },
      { name: "alpha", default: q("0.5"), ...positive },
    ],
  },
  { id: "direct", status: "sourced", appliesTo: QUALITY, relative: false, exact: true, params: [] },
  { id: "relative-best", status: "sourced", appliesTo: QUALITY, relative: true, exact: true, params: [] },
];

export function findFormula(id: string): FormulaDef | undefined {
  return FORMULA_DEFS.find((f) => f.id === id);
}

/** The default method of a leaf of this type. */
export function defaultMethodId(type: CriterionType): string {
  return type === "quality" ? "direct" : "proportional";
}
