// A leaf's `method` cell ("linear-lowest(n=3)", "reference(ref=100; zero=200)") → a MethodSpec checked
// against the formula catalogue: known id, known and valid parameters, defaults filled in. Pure.
import type { CriterionType, Diagnostic, MethodSpec, SourceLocation } from "../domain/types.js";
import { Rational } from "../exact/rational.js";
import { FORMULA_DEFS, defaultMethodId, findFormula } from "../scoring/formulas/catalog.js";
import { diag } from "./codes.js";

export interface MethodRead {
  spec: MethodSpec | null;
  diagnostics: Diagnostic[];
}

/** The default method of a leaf of this type, spelled canonically. */
export function defaultMethod(type: CriterionType): MethodSpec {
  const id = defaultMethodId(type);
  return { id, params: defaultParams(id), text: id };
}

/** Method id written without parameters: the catalogue's type it applies to, for type inference. */
export function methodAppliesTo(text: string): readonly CriterionType[] | undefined {
  const m = /^\s*([A-Za-z0-9_-]+)/.exec(text);
  return m ? findFormula(normalizeId(m[1]!))?.appliesTo : undefined;
}

export function readMethod(text: string, type: CriterionType, node: string, loc: SourceLocation): MethodRead {
  const diagnostics: Diagnostic[] = [];
  const m = /^\s*([A-Za-z0-9_-]+)\s*(?:\((.*)\))?\s*$/s.exec(text);
  if (!m) return { spec: null, diagnostics: [diag("METHOD_SYNTAX", loc, { node, text })] };
  const id = normalizeId(m[1]!);
  const def = findFormula(id);
  if (!def) {
    const known = FORMULA_DEFS.map((f) => f.id).join(", ");
    return { spec: null, diagnostics: [diag("UNKNOWN_METHOD", loc, { node, method: id, expected: known })] };
  }
  if (!def.appliesTo.includes(type)) {
    diagnostics.push(diag("METHOD_NOT_APPLICABLE", loc, { node, method: id, type, expected: def.appliesTo.join(", ") }));
  }
  const params: Record<string, Rational> = {};
  const written = splitParams(m[2] ?? "");
  if (written === null) return { spec: null, diagnostics: [...diagnostics, diag("METHOD_SYNTAX", loc, { node, text })] };
  for (const { name, value } of written) {
    const p = def.params.find((x) => x.name === name);
    if (!p) {
      const expected = def.params.map((x) => x.name).join(", ") || "—";
      diagnostics.push(diag("UNKNOWN_PARAMETER", loc, { node, method: id, param: name, expected }));
      continue;
    }
    if (name in params) {
      diagnostics.push(diag("METHOD_SYNTAX", loc, { node, text }));
      continue;
    }
    const v = readParamValue(value);
    if (v === null || !p.check(v)) {
      diagnostics.push(diag("INVALID_PARAMETER", loc, { node, method: id, param: name, value, expected: v === null ? "number" : p.expected }));
      continue;
    }
    params[name] = v;
  }
  for (const p of def.params) {
    if (!(p.name in params)) {
      if (p.default) params[p.name] = p.default;
      else if (!written.some((w) => w.name === p.name)) diagnostics.push(diag("MISSING_PARAMETER", loc, { node, method: id, param: p.name }));
    }
  }
  if (diagnostics.some((d) => d.severity === "error")) return { spec: null, diagnostics };
  return { spec: { id, params, text: text.trim() }, diagnostics };
}

function normalizeId(id: string): string {
  return id.toLowerCase().replace(/_/g, "-");
}

function defaultParams(id: string): Record<string, Rational> {
  const out: Record<string, Rational> = {};
  for (const p of findFormula(id)?.params ?? []) if (p.default) out[p.name] = p.default;
  return out;
}

/**
 * "n=3", "ref=100, zero=200", "base=1000; x=0,85". Parameters are split on `,` or `;` only before a
 * `name=`, so a French decimal comma inside a value ("x=0,85") survives. Null on bad syntax.
 */
function splitParams(inner: string): { name: string; value: string }[] | null {
  if (inner.trim() === "") return [];
  const pieces = inner.split(/[,;](?=\s*[A-Za-z_][A-Za-z0-9_]*\s*=)/);
  const out: { name: string; value: string }[] = [];
  for (const piece of pieces) {
    const kv = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.+?)\s*$/.exec(piece);
    if (!kv) return null;
    out.push({ name: kv[1]!.toLowerCase(), value: kv[2]! });
  }
  return out;
}

/** Canonical decimal or fraction ("0.85", "3/4"); one decimal comma is accepted ("0,85"). */
function readParamValue(text: string): Rational | null {
  const t = /^[^,.]*,[^,.]*$/.test(text) ? text.replace(",", ".") : text;
  return Rational.parse(t);
}
