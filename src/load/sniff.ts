// Choose the CSV delimiter of a file from its header line (or an Excel `sep=` line). Pure.
// Counting happens outside quotes so a quoted "Prix; HT" header does not vote.

export type Delimiter = ";" | "," | "\t";

export interface Sniffed {
  delimiter: Delimiter;
  /** Physical lines to skip before the header (1 when an Excel `sep=` line is present). */
  skipLines: number;
}

/**
 * Rule: an Excel `sep=X` first line wins. Otherwise the header line's `;`, TAB and `,` outside quotes
 * are counted and the most frequent wins; ties go to `;` then TAB then `,` (French Excel's order of
 * likelihood). A header with none of them (a single column) reads as `;`.
 */
export function sniffDelimiter(text: string): Sniffed {
  const firstLine = text.split("\n", 1)[0] ?? "";
  const sep = /^"?sep=(.)"?\s*$/i.exec(firstLine);
  if (sep && (sep[1] === ";" || sep[1] === "," || sep[1] === "\t")) {
    return { delimiter: sep[1], skipLines: 1 };
  }
  const counts = countOutsideQuotes(headerRecord(text));
  let best: Delimiter = ";";
  for (const d of [";", "\t", ","] as const) if (counts[d] > counts[best]) best = d;
  return { delimiter: best, skipLines: 0 };
}

/** The first record, which may span lines when a quoted header holds a newline. */
function headerRecord(text: string): string {
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') inQuotes = !inQuotes;
    else if (c === "\n" && !inQuotes) return text.slice(0, i);
  }
  return text;
}

function countOutsideQuotes(line: string): Record<Delimiter, number> {
  const counts: Record<Delimiter, number> = { ";": 0, ",": 0, "\t": 0 };
  let inQuotes = false;
  for (const c of line) {
    if (c === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (c === ";" || c === "," || c === "\t")) counts[c]++;
  }
  return counts;
}
