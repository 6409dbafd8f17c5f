// One partnership's release as an IATI 2.03 activity file (docs/OPEN-DATA.md, "IATI").
// Pure: everything comes from one release (its content, and figures the data layer computed in
// SQL from that same content: each indicator's actual per year by its rule, the U.S. commitments
// per year). Nothing is read from the live tables, so the file says exactly what the release said.
import type { PublicRelease, PublicResultSeries } from "../releases/content";
import { el, xmlDocument, type XmlNode } from "./xml";

/** The U.S. Department of State's IATI organisation identifier (the TIP Office is a part of it). */
export const STATE_DEPARTMENT_REF = "US-GOV-11";

/** ISO 3166-1 alpha-2 codes of the partnerships' countries (IATI's Country codelist). */
export const COUNTRY_CODES: Record<string, string> = {
  Philippines: "PH",
  Ghana: "GH",
  Peru: "PE",
  Jamaica: "JM",
  Mongolia: "MN",
  Colombia: "CO",
  "Côte d'Ivoire": "CI",
};

/**
 * IATI organisation types (OrganisationType codelist) of the implementing partners; the U.S. and
 * partner governments are 10 (Government), any other implementer 21 (International NGO).
 */
export const ORGANISATION_TYPES: Record<string, string> = {
  IOM: "40",
  ILO: "40",
  "NORC at the University of Chicago": "80",
  "The Warnath Group": "70",
  "The Asia Foundation": "60",
  "Centro Yanapanakusun": "24",
  "Fundación Renacer": "24",
};

/**
 * The DAC 5-digit sectors (vocabulary 1) every CPC partnership is classified under, by this
 * project (not by the State Department): prosecution and the courts, and the protection of child
 * victims of trafficking. Their percentages add up to 100.
 */
export const SECTORS = [
  { code: "15130", percentage: 50, name: "Legal and judicial development" },
  { code: "15160", percentage: 50, name: "Human rights" },
] as const;

export interface IndicatorYear {
  code: string;
  year: number;
  /** By the indicator's rule over the year's published quarters; null when none was published. */
  actual: string | null;
  illustrative: boolean;
}

export interface BudgetYear {
  year: number;
  /** USD the U.S. committed in that year: new money and any restatement, so the years add up to the total committed. */
  amount: string;
}

/** A party's quarter with money in it (USD): new money, restatement of earlier pledges at a new rate, delivered. */
export interface FundingQuarter {
  party: string;
  quarter: string;
  pledged: string;
  restated: string;
  delivered: string;
  illustrative: boolean;
}

export interface IatiInput {
  release: PublicRelease;
  years: IndicatorYear[];
  budgets: BudgetYear[];
  funding: FundingQuarter[];
  /** The app's public address, for the links back to the release. */
  publicUrl: string;
}

const WITHHELD = "Withheld to protect children: published, it could narrow a count of fewer than 10 children when set beside earlier releases.";
const ILLUSTRATIVE = "Illustrative: generated for this demonstration, not a reported figure.";

const narrative = (text: string) => el("narrative", {}, text);
const textOf = (name: string, text: string, attributes = {}) => el(name, attributes, narrative(text));
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
const quarterStart = (q: string) => `${q.slice(0, 4)}-${String((Number(q.slice(5)) - 1) * 3 + 1).padStart(2, "0")}-01`;
const quarterEnd = (q: string) => lastDay(Number(q.slice(0, 4)), Number(q.slice(5)) * 3);
const earlier = (a: string, b: string) => (a < b ? a : b);
const ascending = { INCREASE: true, DECREASE: false, MAINTAIN: undefined } as const;
const later = (a: string, b: string) => (a > b ? a : b);

function organisationType(shortName: string, role: string): string {
  if (role === "DONOR" || role === "HOST") return "10";
  return ORGANISATION_TYPES[shortName] ?? "21";
}

const statusCode = { PLANNED: "1", ACTIVE: "2", CONCLUDED: "4" } as const;
const measureCode = { COUNT: "1", CURRENCY: "1", PERCENT: "2" } as const;

/** The objective of an indicator: the release says (from release 1 of this format), or its code does ("O2.1" → "O2"). */
const objectiveOf = (series: PublicResultSeries) => series.objective ?? series.code.split(".")[0]!;

export function iatiActivities(input: IatiInput): string {
  const { release, summary } = input.release;
  const p = summary.partnership;
  const asOf = summary.asOf;
  const firstDay = later(p.signedOn, quarterStart(p.firstQuarter));
  const endDay = p.endsOn ?? quarterEnd(p.lastQuarter);
  const party = (shortName: string) => summary.parties.find((x) => x.shortName === shortName);
  const orgRef = (shortName: string) => (party(shortName)?.role === "DONOR" ? STATE_DEPARTMENT_REF : undefined);
  const releaseUrl = `${input.publicUrl.replace(/\/$/, "")}/partnerships/${p.slug}/releases/${release.number}`;
  const hasIllustrative =
    input.funding.some((q) => q.illustrative && q.delivered !== "0.00") ||
    summary.results.some((r) => r.totalIllustrative || r.quarters.some((q) => q.illustrative && q.value !== null));

  const participating: XmlNode[] = summary.parties.flatMap((x) => {
    const roles = x.role === "DONOR" ? ["1", "3"] : x.role === "HOST" ? ["1", "2"] : ["4"];
    return roles.map((role) => el("participating-org", { ref: orgRef(x.shortName), role, type: organisationType(x.shortName, x.role) }, narrative(x.name)));
  });

  const activityDates = [
    el("activity-date", { type: "2", "iso-date": p.signedOn }, narrative(`Signed on ${p.signedOn}.`)),
    p.endsOn ? el("activity-date", { type: p.endsOn <= asOf ? "4" : "3", "iso-date": p.endsOn }, p.termNote ? narrative(p.termNote) : null) : null,
  ];

  const budgets = input.budgets.map((b) => {
    const start = later(`${b.year}-01-01`, firstDay);
    const end = earlier(`${b.year}-12-31`, endDay);
    return el(
      "budget",
      { type: "1", status: "2" },
      el("period-start", { "iso-date": start }),
      el("period-end", { "iso-date": end }),
      el("value", { currency: "USD", "value-date": earlier(start, asOf) }, b.amount),
    );
  });

  // Money by quarter, as the release counts it: new money when it was stated (restatements at a
  // new rate are not counted again), and what was delivered, in USD at each statement's own rate.
  const transactions = input.funding.flatMap((q) => {
    const x = party(q.party);
    if (!x) return [];
    const incoming = x.role !== "DONOR";
    const provider = el("provider-org", { ref: orgRef(x.shortName), type: organisationType(x.shortName, x.role) }, narrative(x.name));
    // A quarter's mark concerns what was delivered: pledges and commitments are published statements.
    const note = q.illustrative ? ` ${ILLUSTRATIVE}` : "";
    const stated = summary.funding.statements.filter(
      (s) => s.party === q.party && s.countsInTotals && s.statedOn >= quarterStart(q.quarter) && s.statedOn <= quarterEnd(q.quarter),
    );
    const statedDay = earlier(
      stated
        .map((s) => s.statedOn)
        .sort()
        .at(-1) ?? quarterStart(q.quarter),
      asOf,
    );
    const transaction = (code: string, day: string, amount: string, text: string) =>
      el(
        "transaction",
        {},
        el("transaction-type", { code }),
        el("transaction-date", { "iso-date": day }),
        el("value", { currency: "USD", "value-date": day }, amount),
        textOf("description", text),
        provider,
      );
    const statements = stated.length > 0 ? ` (${stated.map((s) => `${s.label}, stated ${s.statedOn}`).join("; ")})` : "";
    const verb = incoming ? "Pledged" : "Committed";
    return [
      q.pledged !== "0.00"
        ? transaction(
            incoming ? "13" : "2",
            statedDay,
            q.pledged,
            `${verb} by ${x.shortName} in ${q.quarter}: new money, in USD at the statement's own rate${statements}.`,
          )
        : null,
      q.restated !== "0.00"
        ? transaction(
            incoming ? "13" : "2",
            statedDay,
            q.restated,
            `${x.shortName} restated an earlier amount in ${q.quarter}: no new money, the change in USD from stating it at a new exchange rate${statements}.`,
          )
        : null,
      q.delivered !== "0.00"
        ? transaction(incoming ? "1" : "3", earlier(quarterEnd(q.quarter), asOf), q.delivered, `Delivered by ${x.shortName} in ${q.quarter}, in USD.${note}`)
        : null,
    ].filter((t): t is XmlNode => t !== null);
  });

  const sources = new Map<string, { title: string; publisher: string; publishedOn: string | null }>();
  const addSource = (s: { title: string; publisher: string; publishedOn: string | null; url: string | null } | null) => {
    if (s?.url && /^https?:\/\//.test(s.url) && !sources.has(s.url)) sources.set(s.url, s);
  };
  p.sources.forEach(addSource);
  summary.milestones.forEach((m) => addSource(m.source));
  summary.headlineResults.forEach((r) => addSource(r.source));
  summary.funding.statements.forEach((s) => addSource(s.source));
  const documents = [...sources].map(([url, s]) =>
    el(
      "document-link",
      { format: "text/html", url },
      textOf("title", `${s.title} (${s.publisher})`),
      el("category", { code: /signed instrument|memorandum/i.test(s.title) ? "A09" : "A12" }),
      el("language", { code: "en" }),
      s.publishedOn ? el("document-date", { "iso-date": s.publishedOn }) : null,
    ),
  );
  documents.push(
    el(
      "document-link",
      { format: "application/json", url: `${releaseUrl}/summary.json` },
      textOf("title", `Release ${release.number} of this partnership's public record, as JSON (Compact Tracker)`),
      el("category", { code: "A08" }),
      el("language", { code: "en" }),
      el("document-date", { "iso-date": release.publishedAt.slice(0, 10) }),
    ),
  );

  const results = summary.objectives.flatMap((objective) => {
    const series = summary.results.filter((r) => objectiveOf(r) === objective.code);
    if (series.length === 0) return [];
    return [
      el(
        "result",
        { type: "2", "aggregation-status": false },
        textOf("title", `${objective.code}: ${objective.title}`),
        objective.description ? textOf("description", objective.description) : null,
        series.map((r) => indicator(r, input.years, firstDay, endDay, asOf)),
      ),
    ];
  });

  const description = [
    `This file describes release ${release.number} of the partnership's public record, published ${release.publishedAt.slice(0, 10)} (${release.event}), and nothing after it.`,
    `Figures are those of the release after its disclosure control: ${summary.disclosure.rule}`,
    hasIllustrative
      ? `Some figures are illustrative (generated for a demonstration, not reported): each says so in its own description or comment. ${summary.illustrativeNote}`
      : null,
    "Published by Compact Tracker from the partnership's approved records; not the State Department's own IATI publication.",
  ]
    .filter(Boolean)
    .join(" ");

  const activity = el(
    "iati-activity",
    { "last-updated-datetime": release.publishedAt, "xml:lang": "en", "default-currency": "USD", hierarchy: "1" },
    el("iati-identifier", {}, `${STATE_DEPARTMENT_REF}-CPC-${p.slug.toUpperCase()}`),
    el("reporting-org", { ref: STATE_DEPARTMENT_REF, type: "10" }, narrative(p.usLeadOffice)),
    textOf("title", p.name),
    textOf("description", p.summary, { type: "1" }),
    summary.objectives.length > 0 ? textOf("description", summary.objectives.map((o) => `${o.code}: ${o.title}.`).join(" "), { type: "2" }) : null,
    textOf("description", description, { type: "4" }),
    participating,
    el("activity-status", { code: statusCode[p.status] }),
    activityDates,
    COUNTRY_CODES[p.country] ? el("recipient-country", { code: COUNTRY_CODES[p.country], percentage: 100 }) : null,
    SECTORS.map((s) => el("sector", { vocabulary: "1", code: s.code, percentage: s.percentage }, narrative(s.name))),
    budgets,
    transactions,
    documents,
    results,
  );
  return xmlDocument(el("iati-activities", { version: "2.03", "generated-datetime": release.publishedAt }, activity));
}

function indicator(r: PublicResultSeries, years: IndicatorYear[], firstDay: string, endDay: string, asOf: string): XmlNode {
  const periodEnd = (year: number) => earlier(`${year}-12-31`, endDay);
  const baseline =
    r.unit === "COUNT"
      ? el(
          "baseline",
          { year: Number(firstDay.slice(0, 4)), "iso-date": firstDay, value: "0" },
          textOf("comment", "Counted from the partnership's start: nothing before it."),
        )
      : null;
  const description = `${r.unit === "PERCENT" ? "A percentage" : "A count"}, reported by ${r.responsible}.`;
  let periods: XmlNode[];
  if (r.sensitive) {
    // A count of child victims: only the release's rounded total to date, or nothing where it was withheld.
    const total = r.total;
    periods = [
      el(
        "period",
        {},
        el("period-start", { "iso-date": firstDay }),
        el("period-end", { "iso-date": earlier(endDay, asOf) }),
        total === null
          ? el("actual", {}, textOf("comment", r.totalWithheld ? WITHHELD : "Not yet reported."))
          : r.totalRounded && total === "0"
            ? el("actual", {}, textOf("comment", "Fewer than 5: left out to protect children (rounded to the nearest 10 it would read 0, which is not true)."))
            : el(
                "actual",
                { value: total },
                textOf(
                  "comment",
                  `${r.totalRounded ? "Rounded to the nearest 10 to protect children: " : ""}the total to date of the release; never published by quarter.${r.totalIllustrative ? ` ${ILLUSTRATIVE}` : ""}`,
                ),
              ),
      ),
    ];
  } else {
    const targets = new Map((r.targets ?? []).map((t) => [t.year, t]));
    periods = years
      .filter((y) => y.code === r.code && (y.actual !== null || targets.has(y.year)))
      .map((y) => {
        const target = targets.get(y.year);
        return el(
          "period",
          {},
          el("period-start", { "iso-date": later(`${y.year}-01-01`, firstDay) }),
          el("period-end", { "iso-date": periodEnd(y.year) }),
          target ? el("target", { value: target.value }, target.illustrative ? textOf("comment", ILLUSTRATIVE) : null) : null,
          y.actual !== null ? el("actual", { value: y.actual }, y.illustrative ? textOf("comment", ILLUSTRATIVE) : null) : null,
        );
      });
  }
  return el(
    "indicator",
    { measure: measureCode[r.unit], ascending: r.direction ? ascending[r.direction] : undefined },
    textOf("title", `${r.code}: ${r.name}`),
    textOf("description", description),
    baseline,
    periods,
  );
}
