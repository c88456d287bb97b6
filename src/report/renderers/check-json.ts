// JSON for check / unknowns: the model in its versioned envelope (renderJson), with the check layer's
// own diagnostics given their words in the chosen language.
import type { Diagnostic } from "../../domain/types.js";
import { checkDiagnosticMessage } from "../../i18n/check.js";
import type { CheckModel } from "../check-model.js";
import type { UnknownsModel } from "../unknowns-model.js";
import { renderJson } from "./json.js";
import type { RenderOptions } from "./types.js";

function withWords<M extends { warnings: Diagnostic[] }>(model: M, options: RenderOptions): object {
  // Check codes are unknown to the shared catalogue: pre-render them as plain objects with a message.
  const warnings = model.warnings.map((d) => {
    const m = checkDiagnosticMessage(d.code, d.args, options.lang);
    // No `args` key: renderJson would take the object for a raw Diagnostic and re-word it.
    return m === null ? d : { code: d.code, severity: d.severity, message: m, location: d.location ?? null, details: d.args };
  });
  return { ...model, warnings };
}

export function renderCheckJson(model: CheckModel, options: RenderOptions): string {
  const m = model.unknowns ? { ...model, unknowns: withWords(model.unknowns, options) } : model;
  return renderJson(withWords(m as CheckModel, options), options);
}

export function renderUnknownsJson(model: UnknownsModel, options: RenderOptions): string {
  return renderJson(withWords(model, options), options);
}
