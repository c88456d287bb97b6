// Text from input files stays inert in every output: terminal, Markdown, CSV.
import { describe, expect, it } from "vitest";
import { csvSafeText, escapeMarkdownCell, terminalSafe } from "../../src/report/text-safety.js";

const BIDI = ["\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069"];

describe("terminalSafe", () => {
  it("neutralises ESC sequences, C1 controls and bidi controls, keeps tab and newline", () => {
    expect(terminalSafe("12\x1b[2J")).toBe("12\uFFFD[2J");
    expect(terminalSafe("a\x9bb")).toBe("a\uFFFDb");
    for (const c of BIDI) expect(terminalSafe(`x${c}y`)).toBe("x\uFFFDy");
    expect(terminalSafe("a\tb\nc")).toBe("a\tb\nc");
  });
});

describe("escapeMarkdownCell", () => {
  it("replaces C0/C1 and bidi controls, keeps the &<> escaping and apostrophes", () => {
    expect(escapeMarkdownCell("Offre\x1b[31m")).toBe("Offre\uFFFD\\[31m");
    expect(escapeMarkdownCell("a\u202Eb")).toBe("a\uFFFDb");
    expect(escapeMarkdownCell("a\x85b\x00c")).toBe("a\uFFFDb\uFFFDc");
    expect(escapeMarkdownCell("<b>&'")).toBe("&lt;b&gt;&amp;'");
    expect(escapeMarkdownCell("a|b\nc")).toBe("a\\|b c");
    expect(escapeMarkdownCell("l'offre")).not.toContain("&#39;");
  });
});

describe("csvSafeText", () => {
  it("neutralises a formula trigger, also after leading whitespace", () => {
    expect(csvSafeText("=1+1")).toBe("'=1+1");
    expect(csvSafeText("  =1+1")).toBe("'  =1+1");
    expect(csvSafeText("\t@SUM(A1)")).toMatch(/^'/);
    expect(csvSafeText(" -2")).toMatch(/^'/);
    expect(csvSafeText("Alpha")).toBe("Alpha");
  });

  it("replaces control and bidi characters", () => {
    expect(csvSafeText("a\x1bb")).toBe("a\uFFFDb");
    expect(csvSafeText("a\u202Eb")).toBe("a\uFFFDb");
    expect(csvSafeText("a\r\nb")).toBe("a b");
  });
});
