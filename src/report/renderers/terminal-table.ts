// A cli-table3 table that fits the terminal: when its natural width exceeds the terminal's, the widest
// columns are narrowed (never below a floor) and their cells word-wrap. Without a known width (a pipe,
// a file) the table keeps its natural layout. Colour stays the caller's business (styles off here).
import Table from "cli-table3";

/** Visible width of a cell: code points, without ANSI colour sequences. */
function visible(text: string): number {
  // eslint-disable-next-line no-control-regex
  return Math.max(...text.replace(/\u001b\[[0-9;]*m/g, "").split("\n").map((l) => [...l].length));
}

const MIN_COLUMN = 8;

/**
 * Column widths (content + 2 padding) so that the whole table, borders included, fits `width`;
 * null when it already fits or cannot be made to (too many columns for the floor).
 */
export function fittedWidths(header: readonly string[], rows: readonly (readonly string[])[], width: number): number[] | null {
  const natural = header.map((h, c) => Math.max(visible(h), ...rows.map((r) => visible(r[c] ?? ""))) + 2);
  const borders = header.length + 1;
  const total = () => natural.reduce((a, b) => a + b, 0) + borders;
  if (total() <= width) return null;
  if (header.length * (MIN_COLUMN + 2) + borders > width) return null;
  // Shave the widest column one character at a time: keeps narrow columns (ids, numbers) intact.
  while (total() > width) {
    let widest = 0;
    for (let c = 1; c < natural.length; c++) if (natural[c]! > natural[widest]!) widest = c;
    if (natural[widest]! <= MIN_COLUMN + 2) break;
    natural[widest]!--;
  }
  return natural;
}

export interface TerminalTableOptions {
  head: string[];
  rows: string[][];
  /** Terminal width; undefined = natural layout. */
  width?: number;
  colAligns?: ("left" | "right" | "center")[];
  /** The header texts before colouring (for measuring); defaults to `head`. */
  plainHead?: string[];
}

export function terminalTable(o: TerminalTableOptions): string {
  const widths = o.width !== undefined ? fittedWidths(o.plainHead ?? o.head, o.rows, o.width) : null;
  const table = new Table({
    head: o.head,
    style: { head: [], border: [], compact: true },
    ...(o.colAligns ? { colAligns: o.colAligns } : {}),
    ...(widths ? { colWidths: widths, wordWrap: true, wrapOnWordBoundary: true } : {}),
  });
  for (const r of o.rows) table.push(r);
  return table.toString();
}
