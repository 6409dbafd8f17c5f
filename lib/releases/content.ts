import type { CurrencyCode } from "../money";

// What a release holds: every figure the public pages and downloads show, after disclosure
// control, with its sources. Built once, when the release is published (lib/data/releases.ts),
// then only read. Plain data: no ids, no names of people, no notes.

export interface PublicSource {
  title: string;
  publisher: string;
  publishedOn: string | null;
  url: string | null;
}

export interface PublicFundingStatement {
  figureKey: string;
  party: string;
  kind: string;
  label: string;
  amount: string;
  currency: CurrencyCode;
  approximate: boolean;
  /** PHP per USD, the rate the statement converts at; its date and where it comes from. */
  exchangeRate: string;
  rateDate: string;
  rateSource: string;
  /** The other currency's amount as the source stated it, if it did. */
  statedEquivalent: string | null;
  statedEquivalentCurrency: CurrencyCode | null;
  statedOn: string;
  /** The statement of its figure that counts in the totals. */
  latest: boolean;
  countsInTotals: boolean;
  note: string | null;
  source: PublicSource | null;
}

export interface PublicResultSeries {
  code: string;
  name: string;
  unit: "COUNT" | "PERCENT" | "CURRENCY";
  responsible: string;
  /** A count of child victims or survivors: published as a rounded total only (docs/OPEN-DATA.md). */
  sensitive: boolean;
  /** The total to date as published: exact, or rounded to the nearest 10 for a sensitive count; null when not published. */
  total: string | null;
  totalRounded: boolean;
  /** Why the total is not published, when it is not. */
  totalWithheld: string | null;
  totalIllustrative: boolean;
  /** Sensitive counts: the approved quarters the total counts (a quarter approved again gets a new key). */
  counted: string[];
  /** Every quarter of the partnership; value null where no approved figure is published. */
  quarters: { quarter: string; value: string | null; illustrative: boolean }[];
  /**
   * Releases published since the IATI file (issue 18) also say which objective the indicator
   * serves, the direction that counts, how its quarters add up, and its annual targets as they
   * stood at the release; earlier releases leave these out.
   */
  objective?: string;
  direction?: "INCREASE" | "DECREASE" | "MAINTAIN";
  aggregation?: "SUM" | "LATEST" | "MAX";
  targets?: { year: number; value: string; illustrative: boolean }[];
}

export interface ReleaseContent {
  /** The date the figures describe: the release's own date. */
  asOf: string;
  partnership: {
    slug: string;
    name: string;
    formalTitle: string | null;
    country: string;
    /** As of the release's date. */
    status: "PLANNED" | "ACTIVE" | "CONCLUDED";
    summary: string;
    signedOn: string;
    endsOn: string | null;
    termNote: string | null;
    usFundingStatement: string | null;
    regions: string[];
    usLeadOffice: string;
    partnerLeadBody: string | null;
    firstQuarter: string;
    lastQuarter: string;
    /** Where the headline facts (dates, funding as stated, partners) come from. */
    sources: PublicSource[];
  };
  parties: { name: string; shortName: string; role: string }[];
  objectives: { code: string; title: string; description: string | null }[];
  milestones: { on: string; precision: string; title: string; source: PublicSource | null }[];
  headlineResults: {
    label: string;
    value: string;
    qualifier: string;
    organization: string | null;
    statedOn: string;
    note: string | null;
    source: PublicSource;
  }[];
  funding: {
    statements: PublicFundingStatement[];
    totals: Record<CurrencyCode, { party: string; committed: string; delivered: string; deliveredIllustrative: boolean }[]>;
    quarters: {
      quarter: string;
      party: string;
      pledged: string;
      delivered: string;
      cumulativePledged: string;
      cumulativeDelivered: string;
      illustrative: boolean;
    }[];
  };
  results: PublicResultSeries[];
  illustrativeNote: string;
  disclosure: { method: string; version: string; rule: string };
}

/** What a release says about itself; public. */
export interface ReleaseMeta {
  number: number;
  publishedAt: string;
  dateIllustrative: boolean;
  trigger: string;
  event: string;
  reason: string | null;
  method: string;
  methodVersion: string;
  /** SHA-256 of the canonical JSON of `summary` (keys sorted, no spaces), hex. */
  digest: string;
  /** The next release's date, or null for the latest. */
  supersededAt: string | null;
}

export interface PublicRelease {
  release: ReleaseMeta;
  summary: ReleaseContent;
}

export interface FigureChange {
  figure: string;
  from: string | null;
  to: string | null;
}

/** JSON with object keys sorted at every level and no spaces: the text a digest is taken of. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1))) : v,
  );
}

/** A sensitive total as read: "about 310", "fewer than 5" or the reason it is withheld. */
export function shownTotal(series: Pick<PublicResultSeries, "total" | "totalRounded" | "totalWithheld" | "unit">): string | null {
  if (series.total === null) return series.totalWithheld ? "withheld" : null;
  if (series.totalRounded) return series.total === "0" ? "fewer than 5" : `about ${series.total}`;
  return series.unit === "PERCENT" ? `${series.total}%` : series.total;
}

const money = (amount: string, currency: string) => `${currency} ${amount}`;

/**
 * Every published figure of a release by a stable name, as it reads: what the revisions page
 * compares between one release and the next.
 */
export function publishedFigures(content: ReleaseContent): Map<string, string> {
  const figures = new Map<string, string>();
  for (const r of content.headlineResults)
    figures.set(`${r.label} (${r.source.publisher}, ${r.statedOn})`, `${r.qualifier === "exact" ? "" : `${r.qualifier} `}${r.value}`);
  for (const s of content.funding.statements) {
    figures.set(`${s.party}: ${s.label} (stated ${s.statedOn})`, `${s.approximate ? "about or up to " : ""}${money(s.amount, s.currency)}`);
  }
  for (const currency of ["USD", "PHP"] as const) {
    for (const t of content.funding.totals[currency]) {
      figures.set(`${t.party}: committed (${currency})`, money(t.committed, currency));
      figures.set(`${t.party}: delivered (${currency})`, money(t.delivered, currency));
    }
  }
  for (const r of content.results) {
    const total = shownTotal(r);
    if (total !== null) figures.set(`${r.code} ${r.name}: to date`, total);
    for (const q of r.quarters) if (q.value !== null) figures.set(`${r.code} ${r.name}: ${q.quarter}`, r.unit === "PERCENT" ? `${q.value}%` : q.value);
  }
  for (const m of content.milestones) figures.set(`Timeline: ${m.title}`, m.on);
  return figures;
}

/** The published figures that differ between two releases (the first release: every figure). */
export function figureChanges(before: ReleaseContent | null, after: ReleaseContent): FigureChange[] {
  const old = before ? publishedFigures(before) : new Map<string, string>();
  const now = publishedFigures(after);
  const changes: FigureChange[] = [];
  for (const [figure, to] of now) if (old.get(figure) !== to) changes.push({ figure, from: old.get(figure) ?? null, to });
  for (const [figure, from] of old) if (!now.has(figure)) changes.push({ figure, from, to: null });
  return changes;
}
