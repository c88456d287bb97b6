// Making text from input files inert in each output format. Offer names come from outside:
// `=HYPERLINK(...)` must not run in a spreadsheet, `<script>` must not run in a page.

/** A CSV cell a spreadsheet will not read as a formula (OWASP CSV injection guidance). */
export function csvSafeText(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** Quote a CSV field when needed (RFC 4180). */
export function csvField(text: string, delimiter: string): string {
  return text.includes(delimiter) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Escape for HTML text and attribute values. */
export function escapeHtml(text: string): string {
  return text
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
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/\\/g, "\\\\")
    .replace(/\|/g, "\\|")
    .replace(/([*_`[\]~#])/g, "\\$1")
    .replace(/\r?\n/g, " ");
}

/** Strip terminal control characters (ESC sequences in a label must not drive the terminal). */
export function terminalSafe(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g, "\uFFFD");
}
