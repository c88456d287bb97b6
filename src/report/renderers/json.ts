// JSON for any command: the report model in its versioned envelope, stable key order, trailing
// newline. Internal exact maps are dropped; diagnostics carry their message in the chosen language.
import type { Diagnostic } from "../../domain/types.js";
import { messageOf } from "../../i18n/messages.js";
import type { Lang } from "../../i18n/lang.js";
import type { RenderOptions } from "./types.js";

const INTERNAL_KEYS = new Set(["exactTotals", "exactPoints", "exactWeights", "exactMargin", "totalPointsExact", "methodSpecs"]);

export function diagnosticJson(d: Diagnostic, lang: Lang): Record<string, unknown> {
  return { code: d.code, severity: d.severity, message: messageOf(d, lang), location: d.location ?? null, args: d.args };
}

export function renderJson(model: object, options: RenderOptions): string {
  const replacer = (key: string, value: unknown): unknown => {
    if (INTERNAL_KEYS.has(key) || value instanceof Map) return undefined;
    if (typeof value === "bigint") return value.toString();
    if ((key === "warnings" || key === "diagnostics") && Array.isArray(value)) {
      return value.map((d) => (isDiagnostic(d) ? diagnosticJson(d, options.lang) : d));
    }
    return value;
  };
  return JSON.stringify(model, replacer, 2) + "\n";
}

function isDiagnostic(x: unknown): x is Diagnostic {
  return typeof x === "object" && x !== null && "code" in x && "severity" in x && "args" in x;
}
