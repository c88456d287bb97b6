// validateMethod, withDefaults, methodText, and the French/English words of methods and warnings.
import { describe, expect, it } from "vitest";
import { q } from "../../src/exact/rational.js";
import { FORMULA_DEFS, methodText, validateMethod, withDefaults } from "../../src/scoring/formulas/index.js";
import { SCORING_WARNING_CODES } from "../../src/scoring/warnings.js";
import { describeMethod, scoringWarningMessage } from "../../src/i18n/methods.js";
import { method } from "./builders.js";

describe("validateMethod", () => {
  it("accepts valid specs, with or without defaulted parameters", () => {
    expect(validateMethod(method("linear-lowest"), "price")).toBeNull();
    expect(validateMethod(method("linear-lowest(n=3)"), "cost")).toBeNull();
    expect(validateMethod(method("reference(ref=100; zero=200)"), "price")).toBeNull();
    expect(validateMethod(method("direct"), "quality")).toBeNull();
  });
  it.each([
    ["nope", "price", { problem: "unknown-method" }],
    ["direct", "price", { problem: "not-applicable", expected: "quality" }],
    ["proportional", "quality", { problem: "not-applicable", expected: "price, cost" }],
    ["proportional(n=2)", "price", { problem: "unknown-parameter", param: "n" }],
    ["linear-lowest(m=2)", "price", { problem: "unknown-parameter", param: "m", expected: "n" }],
    ["it-linear", "price", { problem: "missing-parameter", param: "base", expected: "> 0" }],
    ["linear-lowest(n=1)", "price", { problem: "bad-parameter", param: "n", expected: "> 1" }],
    ["it-bilinear(base=100; x=1)", "price", { problem: "bad-parameter", param: "x", expected: "in ]0, 1[" }],
    ["reference(ref=200; zero=200)", "price", { problem: "bad-parameter", param: "zero", expected: "> ref" }],
    ["reference(ref=300; zero=200)", "price", { problem: "bad-parameter", param: "zero", expected: "> ref" }],
  ] as const)("%s on %s → %o", (text, type, expected) => {
    expect(validateMethod(method(text), type)).toEqual(expected);
  });
});

describe("withDefaults and methodText", () => {
  it("fills defaults without changing the canonical text", () => {
    const s = withDefaults(method("it-bilinear(base=1000)"));
    expect(Object.fromEntries(Object.entries(s.params).map(([k, v]) => [k, v.toString()]))).toEqual({ base: "1000", x: "17/20" });
    expect(s.text).toBe("it-bilinear(base=1000)");
    expect(methodText(s)).toBe(methodText(method("it-bilinear(base=1000)")));
  });
  it("spells canonically: catalogue order, non-default parameters, exact decimals or fractions", () => {
    expect(methodText(method("linear-lowest(n=3)"))).toBe("linear-lowest(n=3)");
    expect(methodText(method("linear-lowest(n=2)"))).toBe("linear-lowest");
    expect(methodText(method("reference(zero=200; ref=100)"))).toBe("reference(ref=100; zero=200)");
    expect(methodText({ id: "it-concave", params: { base: q(100), alpha: q(1, 3) }, text: "" })).toBe("it-concave(base=100; alpha=1/3)");
    expect(methodText(method("it-bilinear(base=100; x=0.9)"))).toBe("it-bilinear(base=100; x=0.9)");
  });
});

describe("describeMethod", () => {
  it("describes every catalogue method in both languages", () => {
    for (const def of FORMULA_DEFS) {
      const params = Object.fromEntries(def.params.map((p) => [p.name, p.default ?? q(100)]));
      const spec = def.id === "reference" ? method("reference(ref=100; zero=200)") : { id: def.id, params, text: def.id };
      for (const lang of ["fr", "en"] as const) {
        const d = describeMethod(spec, lang);
        expect(d.name).not.toBe(def.id);
        expect(d.formula).toMatch(/^W × /);
      }
    }
  });
  it("substitutes parameters and flags unconfirmed rules", () => {
    expect(describeMethod(method("linear-lowest(n=3)"), "en").formula).toBe("W × max(0, (3·Pmin − P) / (2·Pmin))");
    expect(describeMethod(method("it-bilinear(base=100)"), "fr").formula).toContain("0,85");
    expect(describeMethod(method("it-bilinear(base=100)"), "en").note).toContain("[U]");
    expect(describeMethod(method("proportional"), "fr").formula).toBe("W × Pmin / P");
  });
});

describe("scoringWarningMessage", () => {
  it("has prose for every code in both languages", () => {
    for (const code of SCORING_WARNING_CODES) {
      for (const lang of ["fr", "en"] as const) {
        const text = scoringWarningMessage({ code, severity: "warning", args: { leaf: "C1", method: "proportional", offers: "A, B", count: 2, total: "38.5" } }, lang);
        expect(text).not.toContain(code);
      }
    }
    expect(scoringWarningMessage({ code: "TIE_FOR_FIRST", severity: "warning", args: { offers: "A, B", count: 2, total: "38.5" } }, "fr")).toContain("38,5");
  });
});
