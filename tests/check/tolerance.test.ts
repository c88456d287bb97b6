import { describe, expect, it } from "vitest";
import { q } from "../../src/exact/rational.js";
import { defaultTolerance, publishedDecimals } from "../../src/check/tolerance.js";

describe("tolerance from the published decimals", () => {
  it("counts the decimals as written, trailing zeros included", () => {
    expect(publishedDecimals("38,10", q("38.1"))).toBe(2);
    expect(publishedDecimals("38", q(38))).toBe(0);
    expect(publishedDecimals("1 234,5 €", q("1234.5"))).toBe(1);
    expect(publishedDecimals("0,5", q("0.5"))).toBe(1);
  });
  it("is half a unit of the last published decimal", () => {
    expect(defaultTolerance("38,10", q("38.1")).eq(q("0.005"))).toBe(true);
    expect(defaultTolerance("38", q(38)).eq(q("0.5"))).toBe(true);
    expect(defaultTolerance("16,6667", q("16.6667")).eq(q("0.00005"))).toBe(true);
  });
});
