// Terminal output fits the terminal: prose wraps at spaces, tables narrow their widest columns.
import { describe, expect, it } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { wrapText } from "../../src/report/text-wrap.js";
import { fittedWidths } from "../../src/report/renderers/terminal-table.js";
import { runSensitivity } from "../../src/commands/sensitivity.js";
import { runCheck } from "../../src/commands/check.js";

// eslint-disable-next-line no-control-regex
const visible = (s: string) => [...s.replace(/\u001b\[[0-9;]*m/g, "")].length;

describe("wrapText", () => {
  it("wraps at spaces and hangs bullets", () => {
    expect(wrapText("- un deux trois quatre", 12)).toBe("- un deux\n  trois\n  quatre");
    expect(wrapText("court", 80)).toBe("court");
  });
  test.prop([fc.array(fc.stringMatching(/^[a-zé]{1,10}$/), { minLength: 1, maxLength: 40 }), fc.integer({ min: 12, max: 100 })])(
    "never loses a word and never exceeds the width with words shorter than it",
    (words, width) => {
      const out = wrapText(words.join(" "), width);
      expect(out.split(/\s+/).filter(Boolean)).toEqual(words);
      for (const line of out.split("\n")) expect([...line].length).toBeLessThanOrEqual(width);
    },
  );
});

describe("tables that fit", () => {
  it("keeps a table that fits, and narrows the widest columns of one that does not", () => {
    expect(fittedWidths(["a", "b"], [["1", "2"]], 80)).toBeNull();
    const w = fittedWidths(["id", "long text"], [["A", "x".repeat(120)]], 60)!;
    expect(w.reduce((a, b) => a + b, 0) + 3).toBeLessThanOrEqual(60);
    expect(w[0]).toBe(4); // the narrow id column is untouched
  });

  it("sensitivity and check terminal output stay within 80 columns when the width is known", async () => {
    const sens = await runSensitivity("fixtures/o3-reference", {
      format: "table", lang: "fr", color: false, rescaleWeights: false, samples: 2000, seed: 1,
      smaaWeights: "simplex", scoreNoise: 0, failOn: [], width: 80,
    });
    const check = await runCheck("fixtures/check-discrepancies", {
      declared: "fixtures/check-discrepancies/declared.csv", format: "table", lang: "fr", color: false, rescaleWeights: false, width: 80,
    });
    for (const out of [sens.output, check.output]) {
      const long = String(out).split("\n").filter((l) => visible(l) > 80 && !/sha256|[0-9a-f]{64}/.test(l));
      expect(long).toEqual([]);
    }
  });
});
