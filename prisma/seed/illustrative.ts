// Illustrative demo data for the Philippines partnership: quarterly breakdowns that add up to the
// published totals, demo targets and deliveries. None of it is published; every row made from
// it is stored with illustrative = true and labelled so on screen.
import { quarterRange, type Quarter } from "../../lib/periods";
import type { OrganizationRef } from "./facts";

export const firstQuarter: Quarter = { year: 2017, quarter: 2 };
export const lastQuarter: Quarter = { year: 2021, quarter: 2 };
// Activities began when the awards were announced on 19 October 2017 (S1).
const activitiesBegin: Quarter = { year: 2017, quarter: 4 };

export interface IndicatorSpec {
  objective: string;
  code: string;
  name: string;
  unit: "COUNT" | "PERCENT";
  aggregation: "SUM" | "LATEST";
  responsible: OrganizationRef;
  dimensions: string[];
  sensitive: boolean;
  /** What the illustrative quarters add up to; published totals where there are any. */
  illustrativeTotal: number;
  /** Illustrative targets per year (and for the life of the partnership), or none. */
  yearTargets?: Record<number, number>;
  lifeTarget?: number;
}

export const indicators: IndicatorSpec[] = [
  {
    objective: "O1",
    code: "O1.1",
    name: "Child victims of online sexual exploitation identified",
    unit: "COUNT",
    aggregation: "SUM",
    responsible: "ijm",
    dimensions: ["SEX"],
    sensitive: true,
    illustrativeTotal: 312,
  },
  {
    objective: "O1",
    code: "O1.2",
    name: "Perpetrators of trafficking crimes arrested",
    unit: "COUNT",
    aggregation: "SUM",
    responsible: "ijm",
    dimensions: [],
    sensitive: false,
    illustrativeTotal: 97,
  },
  {
    objective: "O1",
    code: "O1.3",
    name: "Law enforcement operations supported",
    unit: "COUNT",
    aggregation: "SUM",
    responsible: "ijm",
    dimensions: [],
    sensitive: false,
    illustrativeTotal: 82,
  },
  {
    objective: "O2",
    code: "O2.1",
    name: "Suspected child labor trafficking cases referred for case build-up",
    unit: "COUNT",
    aggregation: "SUM",
    responsible: "iacat",
    dimensions: [],
    sensitive: false,
    illustrativeTotal: 64,
    yearTargets: { 2018: 12, 2019: 16, 2020: 18, 2021: 8 },
    lifeTarget: 60,
  },
  // "More than 355" was published; the illustrative quarters add up to 356.
  {
    objective: "O3",
    code: "O3.1",
    name: "Social workers trained on victim-centered care",
    unit: "COUNT",
    aggregation: "SUM",
    responsible: "tsa",
    dimensions: ["SEX"],
    sensitive: false,
    illustrativeTotal: 356,
  },
  {
    objective: "O3",
    code: "O3.2",
    name: "Survivors newly supported in aftercare facilities",
    unit: "COUNT",
    aggregation: "SUM",
    responsible: "tsa",
    dimensions: ["SEX"],
    sensitive: true,
    illustrativeTotal: 44,
  },
  {
    objective: "O4",
    code: "O4.1",
    name: "Community prevention sessions held",
    unit: "COUNT",
    aggregation: "SUM",
    responsible: "iacat",
    dimensions: [],
    sensitive: false,
    illustrativeTotal: 138,
    yearTargets: { 2018: 30, 2019: 40, 2020: 40, 2021: 20 },
    lifeTarget: 130,
  },
  {
    objective: "O5",
    code: "O5.1",
    name: "Case conferences held among duty bearers",
    unit: "COUNT",
    aggregation: "SUM",
    responsible: "iacat",
    dimensions: [],
    sensitive: false,
    illustrativeTotal: 51,
    yearTargets: { 2018: 12, 2019: 16, 2020: 16, 2021: 8 },
    lifeTarget: 52,
  },
  {
    objective: "O5",
    code: "O5.2",
    name: "OSEC cases filed in court within 90 days of rescue",
    unit: "PERCENT",
    aggregation: "LATEST",
    responsible: "iacat",
    dimensions: [],
    sensitive: false,
    illustrativeTotal: 0,
    lifeTarget: 80,
  },
];

export const reportingQuarters = (): Quarter[] => quarterRange(firstQuarter, lastQuarter);

/** A small deterministic generator, so that seeding twice yields the same figures. */
function seededRandom(seed: string): () => number {
  let state = 2166136261;
  for (const char of seed) state = Math.imul(state ^ char.charCodeAt(0), 16777619) >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/**
 * Splits a whole number over weights so that the parts are whole and add up to it exactly
 * (largest remainder method).
 */
export function splitWhole(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum === 0) return weights.map(() => 0);
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((value, index) => ({ index, rest: value - Math.floor(value) })).sort((a, b) => b.rest - a.rest || a.index - b.index);
  for (const { index } of byRemainder) {
    if (left === 0) break;
    parts[index] = (parts[index] ?? 0) + 1;
    left -= 1;
  }
  return parts;
}

function activeWeights(seed: string): number[] {
  const random = seededRandom(seed);
  return reportingQuarters().map((q) => (quarterIndex(q) < quarterIndex(activitiesBegin) ? 0 : 0.5 + random()));
}

const quarterIndex = (q: Quarter) => q.year * 4 + q.quarter - 1;

/** One quarter's values of one indicator: the total and, where disaggregated, its cells. */
export interface QuarterValue {
  total: number;
  cells: Record<string, number>;
}

export function quarterlyValues(spec: IndicatorSpec): QuarterValue[] {
  if (spec.unit === "PERCENT") {
    const random = seededRandom(spec.code);
    return activeWeights(spec.code).map((w, i) => ({ total: w === 0 ? 0 : Math.min(100, 55 + i * 2 + Math.round(random() * 6)), cells: {} }));
  }
  const totals = splitWhole(spec.illustrativeTotal, activeWeights(spec.code));
  const random = seededRandom(`${spec.code}/cells`);
  return totals.map((total): QuarterValue => {
    if (!spec.dimensions.includes("SEX")) return { total, cells: {} };
    const female = Math.round(total * (0.6 + random() * 0.2));
    return { total, cells: { "SEX=F": female, "SEX=M": total - female } };
  });
}

/** Illustrative deliveries per quarter: how much of a commitment each party delivered. */
export interface DeliverySpec {
  from: OrganizationRef;
  to?: OrganizationRef;
  kind: "DISBURSED" | "IN_KIND";
  currency: "USD" | "PHP";
  total: number;
  againstFigure: string;
}

export const deliveries: DeliverySpec[] = [
  { from: "tip", to: "ijm", kind: "DISBURSED", currency: "USD", total: 3_100_000, againstFigure: "us-funding" },
  { from: "tip", to: "tsa", kind: "DISBURSED", currency: "USD", total: 1_650_000, againstFigure: "us-funding" },
  { from: "iacat", kind: "IN_KIND", currency: "PHP", total: 41_800_000, againstFigure: "ph-funding" },
];

/** Whole thousands per quarter that add up to the delivery's total. */
export function quarterlyDeliveries(spec: DeliverySpec): number[] {
  return splitWhole(spec.total / 1000, activeWeights(`${spec.from}-${spec.to ?? ""}`)).map((k) => k * 1000);
}

/**
 * The annual high-level dialogues, one for each year of the partnership. The dates of 2018, 2019
 * and 2021 are those the record gives (U.S. Embassy Manila, 15 November 2018; Manila Bulletin,
 * 20 November 2019; IACAT on the final dialogue of 29 April 2021); the 2020 date, the places,
 * the participants and the key indicators are illustrative.
 */
export const dialogues: { year: number; heldOn: string; place: string; participants: string; indicators: string[] }[] = [
  { year: 2018, heldOn: "2018-11-06", place: "Manila", participants: "TIP Office; IACAT; IJM; The Salvation Army", indicators: ["O1.2", "O2.1", "O4.1"] },
  {
    year: 2019,
    heldOn: "2019-11-19",
    place: "Manila and Cebu",
    participants: "TIP Office; IACAT; IJM; The Salvation Army",
    indicators: ["O1.2", "O2.1", "O4.1", "O5.1"],
  },
  { year: 2020, heldOn: "2020-11-17", place: "Online", participants: "TIP Office; IACAT; IJM; The Salvation Army", indicators: ["O2.1", "O4.1", "O5.1"] },
  { year: 2021, heldOn: "2021-04-29", place: "Online", participants: "TIP Office; IACAT; IJM; The Salvation Army", indicators: ["O2.1", "O4.1", "O5.1"] },
];

/** What continues of each objective after the partnership (illustrative: the record has no plan). */
export const sustainabilityPlans: { objective: string; continues: string; carriedBy: string; indicatorsKept: string[] }[] = [
  {
    objective: "O1",
    continues: "OSEC case build-up by the specialised police and prosecutor units.",
    carriedBy: "PNP Women and Children Protection Center; DOJ",
    indicatorsKept: ["O1.2", "O1.3"],
  },
  { objective: "O2", continues: "Referral of suspected child labor trafficking cases for case build-up.", carriedBy: "IACAT; DOLE", indicatorsKept: ["O2.1"] },
  { objective: "O3", continues: "Trauma-informed care in government and partner shelters.", carriedBy: "DSWD", indicatorsKept: [] },
  {
    objective: "O4",
    continues: "Community prevention sessions in the partnership's regions.",
    carriedBy: "Local councils against trafficking",
    indicatorsKept: ["O4.1"],
  },
  { objective: "O5", continues: "Quarterly case conferences among duty bearers.", carriedBy: "IACAT secretariat", indicatorsKept: ["O5.1", "O5.2"] },
];

const narrativeThemes: Record<string, [string, string, string]> = {
  O1: [
    "OSEC operations and case build-up continued with the specialised units",
    "digital evidence takes long to process",
    "train more prosecutors on digital evidence",
  ],
  O2: [
    "cases of suspected child labor trafficking were referred for case build-up",
    "referrals from provinces arrive late",
    "agree a referral form with the regional offices",
  ],
  O3: ["survivors received trauma-informed care and case management", "shelter places are short in Central Visayas", "open the second transition home"],
  O4: [
    "community sessions reached parents, teachers and barangay officials",
    "turnout is lower in the rainy season",
    "schedule sessions with the school calendar",
  ],
  O5: ["duty bearers met in case conferences on shared cases", "agencies' case records do not match", "adopt one case number across agencies"],
};

/** An objective's narrative for a quarter (illustrative: the record has none). */
export function illustrativeNarrative(objective: string, quarter: string) {
  const [progress, challenge, next] = narrativeThemes[objective] ?? ["work continued", "none reported", "continue"];
  return {
    progress: `Illustrative: in ${quarter}, ${progress}.`,
    challenges: `Illustrative: ${challenge}.`,
    nextSteps: `Illustrative: ${next}.`,
  };
}
