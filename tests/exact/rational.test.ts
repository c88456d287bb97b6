import { describe, expect, it } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { Rational, q } from "../../src/exact/rational.js";

const arbQ = fc
  .tuple(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), fc.bigInt({ min: 1n, max: 10n ** 9n }))
  .map(([n, d]) => Rational.of(n, d));

describe("Rational", () => {
  it("reduces and normalises the sign", () => {
    expect(q(6, -8).toString()).toBe("-3/4");
    expect(q(0, 5).toString()).toBe("0");
    expect(q("0.125").toString()).toBe("1/8");
    expect(q("13/18").eq(q(26, 36))).toBe(true);
  });

  it("rounds explicitly", () => {
    expect(q("38.095").round(2).toString()).toBe(q("38.1").toString());
    expect(q("2.5").round(0, "half-even").toString()).toBe("2");
    expect(q("-2.5").round(0, "half-up").toString()).toBe("-3");
    expect(q(40 * 100, 105).toFixed(3)).toBe("38.095");
    expect(q(-1, 3).toFixed(2)).toBe("-0.33");
    expect(q(1, 3).floor()).toBe(0n);
    expect(q(-1, 3).floor()).toBe(-1n);
  });

  it("converts doubles exactly", () => {
    expect(Rational.fromNumber(0.5).toString()).toBe("1/2");
    expect(Rational.fromNumber(0.1).toNumber()).toBe(0.1);
  });

  it("finds short decimals", () => {
    expect(q("12.50").toExactDecimal()).toBe("12.5");
    expect(q(1, 3).toExactDecimal()).toBeNull();
  });

  test.prop([arbQ, arbQ, arbQ])("field laws hold exactly", (a, b, c) => {
    expect(a.add(b).add(c).eq(a.add(b.add(c)))).toBe(true);
    expect(a.mul(b.add(c)).eq(a.mul(b).add(a.mul(c)))).toBe(true);
    if (!b.isZero()) expect(a.div(b).mul(b).eq(a)).toBe(true);
    expect(Rational.parse(a.toString())!.eq(a)).toBe(true);
  });

  test.prop([arbQ])("toNumber is within one ulp of the value", (a) => {
    const x = a.toNumber();
    expect(Math.abs(x - Number(a.num) / Number(a.den))).toBeLessThanOrEqual(Math.abs(x) * 1e-15 + 1e-300);
  });
});
