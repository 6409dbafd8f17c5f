import { describe, expect, it } from "vitest";
import { formatAmount, formatMoney, formatMoneyShort } from "../../lib/money";

describe("money formatting", () => {
  it("always shows the currency code and groups thousands", () => {
    expect(formatMoney("4900000", "USD")).toBe("USD 4,900,000");
    expect(formatMoney("237000000.00", "PHP")).toBe("PHP 237,000,000");
    expect(formatMoney("3500000.5", "USD")).toBe("USD 3,500,000.50");
    expect(formatMoney("921760", "USD")).toBe("USD 921,760");
  });

  it("gives the bare amount for a table whose currency has its own column", () => {
    expect(formatAmount("1964000.00")).toBe("1,964,000");
    expect(formatAmount("12865714.30")).toBe("12,865,714.30");
    expect(formatAmount("-5714285.71")).toBe("-5,714,285.71");
    expect(() => formatAmount("PHP 1,964,000")).toThrow("Not a decimal amount: PHP 1,964,000");
  });

  it("keeps amounts beyond a float's precision exact", () => {
    expect(formatMoney("9007199254740993.07", "PHP")).toBe("PHP 9,007,199,254,740,993.07");
  });

  it("shortens headline amounts with the code still on", () => {
    expect(formatMoneyShort("4900000", "USD")).toBe("USD 4.9M");
    expect(formatMoneyShort("237000000", "PHP")).toBe("PHP 237M");
    expect(formatMoneyShort("784000", "USD")).toBe("USD 784K");
    expect(formatMoneyShort("950", "USD")).toBe("USD 950");
  });

  it("refuses what is not a decimal amount", () => {
    expect(() => formatMoney("4.9e6", "USD")).toThrow("Not a decimal amount: 4.9e6");
    expect(() => formatMoneyShort("1,000", "USD")).toThrow("Not a decimal amount: 1,000");
  });

  it("reads amounts as a database or a form gives them: padded, negative, with one or more decimals", () => {
    expect(formatMoney(" 12.5 ", "USD")).toBe("USD 12.50");
    expect(formatMoney("-1500.05", "PHP")).toBe("PHP -1,500.05");
    expect(formatMoney("7.999", "USD")).toBe("USD 7.99");
    expect(formatMoney("0.00", "USD")).toBe("USD 0");
    expect(formatMoneyShort(" 2500 ", "PHP")).toBe("PHP 2.5K");
  });

  it("shortens from exactly a thousand, a million and a billion, rounding to a tenth", () => {
    expect(formatMoneyShort("999", "USD")).toBe("USD 999");
    expect(formatMoneyShort("1000", "USD")).toBe("USD 1K");
    expect(formatMoneyShort("1000000", "USD")).toBe("USD 1M");
    expect(formatMoneyShort("1000000000", "PHP")).toBe("PHP 1B");
    expect(formatMoneyShort("44600000000", "PHP")).toBe("PHP 44.6B");
    expect(formatMoneyShort("1049999", "USD")).toBe("USD 1M");
    expect(formatMoneyShort("1050000", "USD")).toBe("USD 1.1M");
    expect(formatMoneyShort("-2500000", "USD")).toBe("USD -2.5M");
  });
});
