// Word-wrapping plain text for a terminal of known width (help texts, the prose of the terminal
// reports). Pure. Continuation lines keep the line's indentation, and a bullet ("- ") hangs.

/** Wrap every line of `text` to `width` columns (by code points), breaking only at spaces. */
export function wrapText(text: string, width: number): string {
  return text
    .split("\n")
    .map((line) => {
      if ([...line].length <= width) return line;
      const lead = /^\s*(?:[-•*] )?/.exec(line)![0];
      const hang = " ".repeat(lead.length);
      const out: string[] = [];
      let current = "";
      let prefix = lead;
      for (const word of line.slice(lead.length).split(/ +/)) {
        if (current !== "" && [...prefix].length + [...current].length + 1 + [...word].length > width) {
          out.push(prefix + current);
          prefix = hang;
          current = word;
        } else current = current === "" ? word : `${current} ${word}`;
      }
      if (current !== "") out.push(prefix + current);
      return out.join("\n");
    })
    .join("\n");
}
