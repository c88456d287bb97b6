// One entry point for the words of any diagnostic, whichever layer raised it (loading, scoring,
// analysis). Renderers and the CLI call this, never a catalogue directly.
import type { Diagnostic } from "../domain/types.js";
import type { Lang } from "./lang.js";
import { DIAGNOSTIC_CODES, diagnosticHint, diagnosticMessage, formatLocation, severityWord } from "./diagnostics.js";
import { scoringWarningMessage } from "./methods.js";
import { checkDiagnosticMessage, tc } from "./check.js";
import { sensitivityMessage } from "./sensitivity.js";

export { severityWord } from "./diagnostics.js";

const LOAD_CODES = new Set(DIAGNOSTIC_CODES);

/** The message of a diagnostic, without location or code. */
export function messageOf(d: Diagnostic, lang: Lang): string {
  if (LOAD_CODES.has(d.code)) return diagnosticMessage(d, lang);
  return checkDiagnosticMessage(d.code, d.args, lang) ?? sensitivityMessage(d, lang) ?? scoringWarningMessage(d, lang);
}

/**
 * A full line, every layer alike: `offers.csv:7: error[CODE]: message` (French: `erreur[CODE]`), a
 * workbook cell as `grid.xlsx[Offres]!D7`, no location at all for line 0 without a file.
 */
export function lineOf(d: Diagnostic, lang: Lang): string {
  const at = d.location ? formatLocation(d.location) : "";
  return `${at === "" ? "" : `${at}: `}${severityWord(d.severity, lang)}[${d.code}]: ${messageOf(d, lang)}`;
}

/** What the user can do about a diagnostic, when the catalogue knows (one short sentence). */
export function hintOf(d: Diagnostic, lang: Lang): string | undefined {
  if (d.code === "NOTHING_TO_CHECK") return tc(lang, "nothingToCheck").replace(/^[^:]*:\s*/, "");
  return diagnosticHint(d, lang);
}

/**
 * The terminal form: the line, and under an error or a warning its hint as an indented second line
 * (`  aide : …` / `  hint: …`). JSON never carries the hint in `message`.
 */
export function terminalLinesOf(d: Diagnostic, lang: Lang): string {
  const line = lineOf(d, lang);
  const hint = d.severity === "info" ? undefined : hintOf(d, lang);
  return hint === undefined ? line : `${line}\n  ${lang === "fr" ? "aide :" : "hint:"} ${hint}`;
}

/** The stderr lines of a command: every error and warning, with hints (infos are left out). */
export function messagesOf(diagnostics: readonly Diagnostic[], lang: Lang): string[] {
  return diagnostics.filter((d) => d.severity !== "info").map((d) => terminalLinesOf(d, lang));
}
