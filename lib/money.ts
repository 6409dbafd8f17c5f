// Money is a decimal string with its currency code; it never passes through a float.
// Amounts are formatted with an explicit code ("USD 4,900,000"), because "$" is ambiguous in en-PH.

export const CURRENCIES = ["USD", "PHP"] as const;
export type CurrencyCode = (typeof CURRENCIES)[number];

const DECIMAL_PATTERN = /^(-?)(\d+)(?:\.(\d+))?$/;

/**
 * "4900000" → "USD 4,900,000"; "3500000.50" → "USD 3,500,000.50".
 * Cents are shown only when there are any, as the sources state whole amounts.
 */
export function formatMoney(amount: string, currency: CurrencyCode): string {
  return `${currency} ${formatAmount(amount)}`;
}

/** "3500000.50" → "3,500,000.50": for a table whose currency is in its own column. */
export function formatAmount(amount: string): string {
  const match = DECIMAL_PATTERN.exec(amount.trim());
  if (!match) throw new Error(`Not a decimal amount: ${amount}`);
  const [, sign, whole = "0", fraction = ""] = match;
  const cents = fraction.padEnd(2, "0").slice(0, 2);
  const grouped = BigInt(whole).toLocaleString("en-US");
  const shown = /^0*$/.test(cents) ? grouped : `${grouped}.${cents}`;
  return `${sign}${shown}`;
}

/** "4900000" → "USD 4.9M": for headlines where the exact figure sits one click away. */
export function formatMoneyShort(amount: string, currency: CurrencyCode): string {
  const match = DECIMAL_PATTERN.exec(amount.trim());
  if (!match) throw new Error(`Not a decimal amount: ${amount}`);
  const whole = BigInt(match[2] ?? "0");
  const units: [bigint, string][] = [
    [1_000_000_000n, "B"],
    [1_000_000n, "M"],
    [1_000n, "K"],
  ];
  for (const [size, suffix] of units) {
    if (whole >= size) {
      const tenths = (whole * 10n + size / 2n) / size;
      const text = tenths % 10n === 0n ? `${tenths / 10n}` : `${tenths / 10n}.${tenths % 10n}`;
      return `${currency} ${match[1]}${text}${suffix}`;
    }
  }
  return formatMoney(amount, currency);
}
