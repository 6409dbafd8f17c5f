// The sentences that explain a funding chart's quarter: where a figure was converted (and at
// which rate), where a change is only a restatement at a new rate, and why delivered can pass
// pledged. The figures come from lib/data/funding.ts; this only words them.
import type { DeliveryConversion, FundingQuarterRow, PledgeBasis } from "./data/funding";
import { formatDate } from "./format";
import { formatMoney, type CurrencyCode } from "./money";

const isZero = (amount: string) => /^-?0*(\.0*)?$/.test(amount);

/** "PHP 40,000,000", "about PHP 40,000,000", "up to PHP 174,000,000". */
function asStated(basis: PledgeBasis): string {
  const qualifier = basis.approximate ? (basis.kind === "CEILING" ? "up to " : "about ") : "";
  return `${qualifier}${formatMoney(basis.amount, basis.currency)}`;
}

/** "50.000000" → "50": a rate as stated, without its padding. */
export const trimRate = (rate: string) => (rate.includes(".") ? rate.replace(/\.?0+$/, "") : rate);

const rateText = (rate: string, rateDate: string) => `${trimRate(rate)} PHP per USD of ${formatDate(rateDate)}`;

/** How one statement made in a quarter counts in the chart's currency, and where it was published. */
export function pledgeNote(basis: PledgeBasis, currency: CurrencyCode): string {
  return basis.source ? `${pledgeFigures(basis, currency)} Source: ${basis.source}.` : pledgeFigures(basis, currency);
}

function pledgeFigures(basis: PledgeBasis, currency: CurrencyCode): string {
  const stated = `${asStated(basis)} stated on ${formatDate(basis.statedOn)}`;
  const value = formatMoney(basis.value, currency);
  const converted =
    basis.currency === currency
      ? ""
      : basis.valueAsStated
        ? ` (${value} as the source stated it)`
        : ` (${value} derived from it at ${rateText(basis.exchangeRate, basis.rateDate)}; the source stated no ${currency} amount)`;
  if (basis.previousValue === null) return `${stated}${converted}.`;
  const restated = isZero(basis.restated) ? "" : `${formatMoney(basis.restated, currency)} is the earlier figure restated at a new rate, not new money`;
  if (isZero(basis.newMoney)) {
    return restated
      ? `${stated}${converted}: the same ${basis.currency} amount as before, restated at ${rateText(basis.exchangeRate, basis.rateDate)}; ${restated}.`
      : `${stated}${converted}: the same amount as before, not new money.`;
  }
  const added = `${formatMoney(basis.newMoney, currency)} new money`;
  return `${stated}${converted}: ${added}${restated ? `; ${restated} (${rateText(basis.exchangeRate, basis.rateDate)})` : ""}.`;
}

/** Deliveries converted into the chart's currency: "Derived from PHP 1,964,000 at 50 PHP per USD of November 15, 2018." */
export function deliveryNote(conversions: DeliveryConversion[]): string {
  if (conversions.length === 0) return "";
  return `Delivered: derived from ${conversions.map((c) => `${formatMoney(c.amount, c.currency)} at ${rateText(c.exchangeRate, c.rateDate)}`).join(" and ")}.`;
}

/** Why delivered to date passes pledged to date, or nothing where it does not. */
export function exceedsNote(row: Pick<FundingQuarterRow, "deliveredExceedsPledged" | "nextStatement">, currency: CurrencyCode): string {
  if (!row.deliveredExceedsPledged) return "";
  const next = row.nextStatement;
  if (!next) return "Delivered to date is more than pledged to date: no later statement of this party's funding is on record.";
  return `Delivered to date is more than pledged to date because the next statement, "${next.label}" (${formatMoney(next.value, currency)}, ${formatDate(next.statedOn)}), counts from ${next.quarter}, when it was stated.`;
}

/** Every note on a quarter, in the order a reader needs them. */
export function quarterNotes(row: FundingQuarterRow, currency: CurrencyCode): string[] {
  return [...row.pledgeBasis.map((b) => pledgeNote(b, currency)), deliveryNote(row.deliveredConverted), exceedsNote(row, currency)].filter((n) => n !== "");
}

/**
 * The notes shown under a party's chart: each statement and each reason delivered passes pledged,
 * with the quarters it applies to (one reason for several quarters is said once). The delivered
 * conversions, one a quarter, stay in the table.
 */
export function chartNotes(rows: FundingQuarterRow[], currency: CurrencyCode): { quarters: string[]; text: string }[] {
  const notes: { quarters: string[]; text: string }[] = [];
  for (const row of rows) {
    for (const text of [...row.pledgeBasis.map((b) => pledgeNote(b, currency)), exceedsNote(row, currency)]) {
      if (text === "") continue;
      const same = notes.find((n) => n.text === text);
      if (same) same.quarters.push(row.quarter);
      else notes.push({ quarters: [row.quarter], text });
    }
  }
  return notes;
}
