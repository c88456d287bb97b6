// Making text from input files inert in each output format. Offer names come from outside:
// `=HYPERLINK(...)` must not run in a spreadsheet, `<script>` must not run in a page, an escape
// sequence must not drive the terminal, and a bidi override must not reorder what the reader sees.

/** C0 and C1 control characters except tab and line feed (and DEL). */
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
/** Bidirectional embedding, override and isolate controls (Trojan Source, CVE-2021-42574). */
const BIDI = /[\u202A-\u202E\u2066-\u2069]/g;
const REPLACEMENT = "\uFFFD";

/** A CSV cell a spreadsheet will not read as a formula (OWASP CSV injection guidance). */
export function csvSafeText(text: string): string {
  const clean = text
    .replace(/\r\n|[\r\n\t]/g, " ")
    .replace(CONTROLS, REPLACEMENT)
    .replace(BIDI, REPLACEMENT);
  // A formula trigger counts after leading whitespace too: spreadsheets trim "  =1+1" into a formula.
  return /^\s*[=+\-@]/.test(clean) ? `'${clean}` : clean;
}

/** Quote a CSV field when needed (RFC 4180). */
export function csvField(text: string, delimiter: string): string {
  return text.includes(delimiter) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Escape for HTML text and attribute values; control and bidi characters become U+FFFD too. */
export function escapeHtml(text: string): string {
  return text
    .replace(CONTROLS, REPLACEMENT)
    .replace(BIDI, REPLACEMENT)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** Escape for a GitHub-flavoured Markdown table cell: no raw HTML, no column break, no emphasis. */
export function escapeMarkdownCell(text: string): string {
  // Only what HTML needs inside text (quotes and apostrophes are harmless there, and "&#39;" would
  // then have its "#" escaped: French text is full of apostrophes).
  return text
    .replace(/\r\n|[\r\n\t]/g, " ")
    .replace(CONTROLS, REPLACEMENT)
    .replace(BIDI, REPLACEMENT)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/\\/g, "\\\\")
    .replace(/\|/g, "\\|")
    .replace(/([*_`[\]~#])/g, "\\$1");
}

/**
 * Neutralise terminal control characters (an ESC sequence in a label must not drive the terminal)
 * and bidi controls (U+202E must not reverse a line): each becomes U+FFFD. Tab and newline stay.
 */
export function terminalSafe(text: string): string {
  return text.replace(CONTROLS, REPLACEMENT).replace(BIDI, REPLACEMENT);
}
