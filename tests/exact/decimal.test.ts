import { describe, expect, it } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { parseDecimal } from "../../src/exact/decimal.js";
import { Rational, q } from "../../src/exact/rational.js";

const value = (text: string, sep: "," | "."): string | null => {
  const r = parseDecimal(text, sep);
  return r.ok ? r.value.toString() : null;
};

describe("parseDecimal: accepted", () => {
  it.each([
    ["12,5", ",", "25/2"],
    ["1 234,56", ",", q("1234.56").toString()],
    ["1\u00A0234,56", ",", q("1234.56").toString()],
    ["1\u202F234\u202F567,89", ",", q("1234567.89").toString()],
    ["1\u2009234", ",", "1234"],
    ["1\u2007234", ",", "1234"],
    ["1.234.567,8", ",", q("1234567.8").toString()],
    ["1,234,567.8", ".", q("1234567.8").toString()],
    ["1 234.5", ".", q("1234.5").toString()],
    ["1234", ",", "1234"],
    ["0,125", ",", "1/8"],
    [",5", ",", "1/2"],
    ["-3,5", ",", "-7/2"],
    ["\u22123,5", ",", "-7/2"],
    ["+3", ",", "3"],
    ["(1 234,50)", ",", q("-1234.5").toString()],
    ["1 234,56 €", ",", q("1234.56").toString()],
    ["1 234,56€", ",", q("1234.56").toString()],
    ["€ 12", ",", "12"],
    ["1 234 EUR", ",", "1234"],
    ["85 %", ",", "85"],
    ["  7,25  ", ",", "29/4"],
    ["007", ",", "7"],
    ["1.234", ",", "1234"],
    ["1,234", ".", "1234"],
  ] as const)("%j with %j → %s", (text, sep, expected) => {
    expect(value(text, sep)).toBe(expected);
  });
});

describe("parseDecimal: rejected", () => {
  it.each([
    ["", ","],
    ["   ", ","],
    ["12,5,3", ","],
    ["1 23,5", ","],
    ["12 34", ","],
    ["1 2345", ","],
    ["1,5e3", ","],
    ["1e3", "."],
    ["1.234 567,8", ","],
    ["1 234.567,8", ","],
    ["1.234,5", "."],
    ["12,", ","],
    ["-", ","],
    ["€", ","],
    ["abc", ","],
    ["12a", ","],
    ["--3", ","],
    ["(-3)", ","],
    ["0x10", "."],
    ["١٢", "."],
    ["1 234,56 € €", ","],
    ["Infinity", "."],
    ["NaN", "."],
    ["12,50.3", ","],
  ] as const)("%j with %j", (text, sep) => {
    expect(parseDecimal(text, sep).ok).toBe(false);
  });

  it("never takes a prefix like parseFloat does", () => {
    expect(parseFloat("1 234,56")).toBe(1);
    expect(value("1 234,56", ",")).not.toBe("1");
  });
});

describe("parseDecimal: round trip through Intl.NumberFormat", () => {
  const arbDecimal = fc
    .tuple(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), fc.integer({ min: 0, max: 6 }))
    .map(([n, k]) => ({ value: Rational.of(n, 10n ** BigInt(k)), digits: k }));

  test.prop([arbDecimal, fc.constantFrom("fr-FR", "en-US", "de-DE", "fr-BE"), fc.boolean()])(
    "format then parse gives the same rational",
    ({ value: v, digits }, locale, currency) => {
      const fmt = new Intl.NumberFormat(locale, {
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
        ...(currency ? { style: "currency", currency: "EUR" } : {}),
      });
      // Intl takes a string, so no double rounding is involved.
      const text = fmt.format(v.toFixed(digits) as unknown as number);
      const style = currency ? ({ style: "currency", currency: "EUR" } as const) : {};
      const sep = new Intl.NumberFormat(locale, { ...style, minimumFractionDigits: 1 }).formatToParts(1.5).find((p) => p.type === "decimal")!.value as "," | ".";
      const r = parseDecimal(text, sep);
      expect(r.ok, text).toBe(true);
      if (r.ok) expect(r.value.toString(), text).toBe(v.toString());
    },
  );
});
