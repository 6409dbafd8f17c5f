import { describe, expect, it } from "vitest";
import { formatMoney, formatMoneyShort } from "../../lib/money";

describe("money formatting", () => {
  it("always shows the currency code and groups thousands", () => {
    expect(formatMoney("4900000", "USD")).toBe("USD 4,900,000");
    expect(formatMoney("237000000.00", "PHP")).toBe("PHP 237,000,000");
    expect(formatMoney("3500000.5", "USD")).toBe("USD 3,500,000.50");
    expect(formatMoney("921760", "USD")).toBe("USD 921,760");
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
    expect(() => formatMoney("4.9e6", "USD")).toThrow(/Not a decimal amount/);
  });
});
