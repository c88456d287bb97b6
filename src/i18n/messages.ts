// One entry point for the words of any diagnostic, whichever layer raised it (loading, scoring,
// analysis). Renderers and the CLI call this, never a catalogue directly.
import type { Diagnostic } from "../domain/types.js";
import type { Lang } from "./lang.js";
import { DIAGNOSTIC_CODES, diagnosticMessage, formatDiagnostic } from "./diagnostics.js";
import { scoringWarningMessage } from "./methods.js";
import { checkDiagnosticMessage } from "./check.js";
import { sensitivityMessage } from "./sensitivity.js";

const LOAD_CODES = new Set(DIAGNOSTIC_CODES);

/** The message of a diagnostic, without location or code. */
export function messageOf(d: Diagnostic, lang: Lang): string {
  if (LOAD_CODES.has(d.code)) return diagnosticMessage(d, lang);
  return checkDiagnosticMessage(d.code, d.args, lang) ?? sensitivityMessage(d, lang) ?? scoringWarningMessage(d, lang);
}

/** A full line: `offers.csv:7: error[CODE]: message` (French: `erreur[CODE]`). */
export function lineOf(d: Diagnostic, lang: Lang): string {
  if (LOAD_CODES.has(d.code)) return formatDiagnostic(d, lang);
  const where = d.location ? `${d.location.file}${d.location.line ? `:${d.location.line}` : ""}: ` : "";
  const sev = severityWord(d.severity, lang);
  return `${where}${sev}[${d.code}]: ${messageOf(d, lang)}`;
}

export function severityWord(s: Diagnostic["severity"], lang: Lang): string {
  if (lang === "fr") return s === "error" ? "erreur" : s === "warning" ? "avertissement" : "info";
  return s;
}
