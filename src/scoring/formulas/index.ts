// The formula registry: validate a method spec, fill its defaults, spell it, prepare and apply it.
// Pure; dispatches to one module per formula.
import { Rational } from "../../exact/rational.js";
import type { CriterionType, MethodSpec } from "../../domain/types.js";
import { findFormula } from "./catalog.js";
import { constant, type CoefficientResult, type FormulaContext, type PreparedFormula } from "./types.js";
import { prepareProportional } from "./proportional.js";
import { prepareLinearMinmax } from "./linear-minmax.js";
import { prepareLinearLowest } from "./linear-lowest.js";
import { prepareMeanCubic } from "./mean-cubic.js";
import { prepareReference } from "./reference.js";
import { prepareItLinear } from "./it-linear.js";
import { prepareItBilinear } from "./it-bilinear.js";
import { prepareItConcave } from "./it-concave.js";
import { prepareDirect } from "./direct.js";
import { prepareRelativeBest } from "./relative-best.js";

export type { CoefficientResult, FormulaContext, LeafCondition, PreparedFormula } from "./types.js";
export { FORMULA_DEFS, findFormula, defaultMethodId } from "./catalog.js";
export type { FormulaDef, FormulaStatus, ParamDef } from "./catalog.js";

const PREPARE: Record<string, (ctx: FormulaContext) => PreparedFormula> = {
  proportional: prepareProportional,
  "linear-minmax": prepareLinearMinmax,
  "linear-lowest": prepareLinearLowest,
  "mean-cubic": prepareMeanCubic,
  reference: prepareReference,
  "it-linear": prepareItLinear,
  "it-bilinear": prepareItBilinear,
  "it-concave": prepareItConcave,
  direct: prepareDirect,
  "relative-best": prepareRelativeBest,
};

export interface MethodProblem {
  problem: "unknown-method" | "not-applicable" | "unknown-parameter" | "missing-parameter" | "bad-parameter";
  param?: string;
  expected?: string;
}

/**
 * Check a method against the catalogue for a leaf of this type: known id, applicable to the type, no
 * unknown parameter, every required parameter present, each value accepted, and for `reference`
 * zero > ref. Returns the first problem, or null. Pure: fills nothing (see withDefaults).
 */
export function validateMethod(spec: MethodSpec, type: CriterionType): MethodProblem | null {
  const def = findFormula(spec.id);
  if (!def) return { problem: "unknown-method" };
  if (!def.appliesTo.includes(type)) return { problem: "not-applicable", expected: def.appliesTo.join(", ") };
  const known = new Set(def.params.map((p) => p.name));
  for (const name of Object.keys(spec.params)) {
    if (!known.has(name)) {
      const expected = def.params.map((p) => p.name).join(", ");
      return expected === "" ? { problem: "unknown-parameter", param: name } : { problem: "unknown-parameter", param: name, expected };
    }
  }
  for (const p of def.params) {
    const v = spec.params[p.name];
    if (v === undefined) {
      if (p.default === undefined) return { problem: "missing-parameter", param: p.name, expected: p.expected };
      continue;
    }
    if (!p.check(v)) return { problem: "bad-parameter", param: p.name, expected: p.expected };
  }
  if (spec.id === "reference") {
    const ref = spec.params["ref"]!;
    const zero = spec.params["zero"]!;
    if (zero.le(ref)) return { problem: "bad-parameter", param: "zero", expected: "> ref" };
  }
  return null;
}

/** The spec with every defaulted parameter filled in; `text` is re-spelt canonically. Unknown ids pass through. */
export function withDefaults(spec: MethodSpec): MethodSpec {
  const def = findFormula(spec.id);
  if (!def) return spec;
  const params: Record<string, Rational> = {};
  for (const p of def.params) {
    const v = spec.params[p.name] ?? p.default;
    if (v !== undefined) params[p.name] = v;
  }
  for (const [k, v] of Object.entries(spec.params)) if (!(k in params)) params[k] = v;
  const filled = { id: spec.id, params, text: "" };
  return { ...filled, text: methodText(filled) };
}

function paramText(v: Rational): string {
  return v.toExactDecimal(12) ?? v.toString();
}

/**
 * Canonical spelling: `id(name=value; …)` in catalogue order, omitting parameters equal to their
 * default, so `methodText(withDefaults(s)) === methodText(s)`; `linear-lowest(n=3)`, `proportional`,
 * `it-bilinear(base=100; x=0.9)`. Values are exact decimals ("." point), or fractions `a/b`. The `;`
 * separator survives unquoted in a CSV cell and reads back through the loader.
 */
export function methodText(spec: MethodSpec): string {
  const def = findFormula(spec.id);
  const order = def ? def.params.map((p) => p.name) : [];
  for (const k of Object.keys(spec.params).sort()) if (!order.includes(k)) order.push(k);
  const parts: string[] = [];
  for (const name of order) {
    const v = spec.params[name];
    if (v === undefined) continue;
    const dflt = def?.params.find((p) => p.name === name)?.default;
    if (dflt !== undefined && dflt.eq(v)) continue;
    parts.push(`${name}=${paramText(v)}`);
  }
  return parts.length === 0 ? spec.id : `${spec.id}(${parts.join("; ")})`;
}

/**
 * Compute a leaf's statistics once (Pmin, Pmax, mean, Rmax, best note…) and return a scorer that is
 * O(1) per offer. The spec must be valid (validateMethod); missing defaulted parameters are filled.
 * A relative rule with no admissible offer gives 0 to everybody (condition `no-admitted`).
 * Throws Error on an unknown method id (a programming error: validate first).
 */
export function prepareFormula(spec: MethodSpec, ctx: FormulaContext): PreparedFormula {
  const def = findFormula(spec.id);
  const prepare = PREPARE[spec.id];
  if (!def || !prepare) throw new Error(`unknown scoring method: ${spec.id}`);
  if (def.relative && ctx.admitted.length === 0) return constant(Rational.ZERO, ["no-admitted"]);
  return prepare({ ...ctx, params: withDefaults(spec).params });
}

/**
 * The coefficient in [0, 1] of one raw value (amount or note) under a method, against the admissible
 * values in `ctx`. Convenience for single values; the scorer uses prepareFormula to stay linear.
 */
export function coefficient(method: MethodSpec, raw: Rational, ctx: FormulaContext): CoefficientResult {
  return prepareFormula(method, ctx).score(raw);
}
