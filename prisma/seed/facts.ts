// Published facts about the CPC partnerships, copied from the team's research notes
// (shared/facts/cpc-philippines.md, November 2026). Every figure here is real and cites its source;
// anything generated for demos lives in ./illustrative.ts and is marked illustrative.

export type SourceKey = "S1" | "S2" | "S3" | "S4" | "S5" | "S6" | "S7" | "S8";

export interface SourceFact {
  key: string;
  title: string;
  publisher: string;
  publishedOn: string | null;
  /** The address as recorded when the facts were gathered. */
  url: string | null;
  note?: string;
}

export const sources: SourceFact[] = [
  {
    key: "S1",
    title: "U.S.-Philippines CPC Partnership Activities Commence in Manila and Cebu",
    publisher: "U.S. Embassy Manila and DOJ-IACAT (press release)",
    publishedOn: "2017-10-19",
    url: "https://www.doj.gov.ph/news_article.html?newsid=568",
  },
  {
    key: "S2",
    title: "Final high-level dialogue of the U.S.-Philippines CPC Partnership (29 April 2021)",
    publisher: "Inter-Agency Council Against Trafficking (IACAT)",
    publishedOn: "2021-04-29",
    url: "https://iacat.gov.ph/?p=5664",
    note: "Held after the Partnership concluded on 11 April 2021.",
  },
  {
    key: "S3",
    title: "Child Protection Compact Partnerships – Philippines (closeout page)",
    publisher: "U.S. Department of State (state.gov)",
    publishedOn: null,
    url: "https://www.state.gov/child-protection-compact-partnerships-philippines/",
  },
  {
    key: "S4",
    title: "U.S. Embassy release on the high-level dialogue of 6 November 2018",
    publisher: "U.S. Embassy Manila",
    publishedOn: "2018-11-15",
    url: "https://ph.usembassy.gov/us-philippines-high-level-dialogue-marks-progress-in-combating-child-trafficking/",
  },
  {
    key: "S5",
    title: "Report on the signing of the U.S.-Philippines Child Protection Compact",
    publisher: "Manila Times",
    publishedOn: "2017-04-16",
    url: "http://www.manilatimes.net/us-ph-ink-child-protection-pact/322384/",
  },
  {
    key: "S6",
    title: "GAO-23-105390: on the TIP Office's monitoring of Child Protection Compact Partnerships",
    publisher: "U.S. Government Accountability Office",
    publishedOn: "2023-04-01",
    url: "https://www.gao.gov/products/gao-23-105390",
    note: "Published April 2023; found that CPC monitoring set no annual targets and did not track partner-government contributions.",
  },
  {
    key: "S7",
    title: "Report on the November 2019 dialogues in Manila and Cebu (reprinted by the Trade Union Congress of the Philippines)",
    publisher: "Manila Bulletin",
    publishedOn: "2019-11-20",
    url: "https://ntucphl.org/?p=71710",
  },
  {
    key: "S8",
    title:
      "Child Protection Compact Partnership between the Government of the United States of America and the Government of the Republic of the Philippines (the signed instrument)",
    publisher: "U.S. Department of State (state.gov)",
    publishedOn: null,
    url: "https://www.state.gov/child-protection-compact-partnership-between-the-government-of-the-united-states-of-america-and-the-government-of-the-republic-of-the-philippines/",
  },
];

export const organizations = {
  tip: {
    name: "U.S. Department of State, Office to Monitor and Combat Trafficking in Persons",
    shortName: "TIP Office",
    kind: "US_GOVERNMENT",
    country: "United States",
  },
  iacat: {
    name: "Inter-Agency Council Against Trafficking (Department of Justice, Philippines)",
    shortName: "IACAT",
    kind: "PARTNER_GOVERNMENT",
    country: "Philippines",
  },
  ijm: { name: "International Justice Mission", shortName: "IJM", kind: "IMPLEMENTING_PARTNER", country: null },
  tsa: {
    name: "The Salvation Army World Service Office",
    shortName: "The Salvation Army",
    kind: "IMPLEMENTING_PARTNER",
    country: null,
  },
} as const;

export type OrganizationRef = keyof typeof organizations;

export const philippines = {
  slug: "philippines",
  name: "U.S.–Philippines Child Protection Compact (CPC) Partnership",
  formalTitle:
    "Child Protection Compact Partnership between the Government of the United States of America and the Government of the Republic of the Philippines",
  country: "Philippines",
  usLeadOffice: "U.S. Department of State, Office to Monitor and Combat Trafficking in Persons (TIP Office)",
  partnerLeadBody: "Department of Justice, Inter-Agency Council Against Trafficking (IACAT)",
  signedOn: "2017-04-11",
  startsOn: "2017-04-11",
  endsOn: "2021-04-11",
  status: "CONCLUDED",
  summary:
    "Signed in Manila on 11 April 2017 by U.S. Chargé d'Affaires Michael S. Klecheski and Secretary of Justice Vitaliano N. Aguirre II, the first partnership of its kind in the region. Over four years it worked with the Philippine government and civil society to prosecute online sexual exploitation of children, respond to child labor trafficking, protect child victims, prevent trafficking and improve coordination. It concluded on 11 April 2021.",
  regions: ["National Capital Region (Manila)", "Central Visayas (Region VII, Cebu)"],
  termNote: "Four-year implementation, concluded 11 April 2021.",
  usFundingStatement: "USD 3.5M awarded in 2017; USD 4.9M (PHP 237M) for the whole partnership as stated in 2021",
  members: [
    { org: "tip", role: "DONOR" },
    { org: "iacat", role: "HOST" },
    { org: "ijm", role: "IMPLEMENTER" },
    { org: "tsa", role: "IMPLEMENTER" },
  ],
} as const;

// source is null where our notes date a milestone without pinning it to one source.
export const milestones: { on: string; precision: "day" | "month"; title: string; source: SourceKey | null }[] = [
  { on: "2017-04-11", precision: "day", title: "Partnership signed in Manila", source: "S5" },
  { on: "2017-10-19", precision: "day", title: "Awards announced; activities launched in Manila and Cebu", source: "S1" },
  { on: "2018-11-06", precision: "day", title: "High-level dialogue", source: "S4" },
  { on: "2019-11-20", precision: "month", title: "Dialogues in Manila and Cebu", source: "S7" },
  { on: "2021-04-11", precision: "day", title: "Partnership concluded", source: "S2" },
  { on: "2021-04-29", precision: "day", title: "Final high-level dialogue", source: "S2" },
];

// "Improve the capacity of the Philippine government and civil society to ..." (S1, S2)
export const objectives = [
  { code: "O1", title: "Investigate and prosecute online sexual exploitation of children (OSEC)" },
  { code: "O2", title: "Identify and respond to child labor trafficking" },
  {
    code: "O3",
    title: "Protect child trafficking victims with comprehensive, trauma-informed services",
    description: "Specialized child protection services, foster care, aftercare, psychosocial and legal services.",
  },
  { code: "O4", title: "Prevent future trafficking crimes", description: "Community-based prevention." },
  {
    code: "O5",
    title: "Improve coordination among duty bearers in the responsible agencies",
    description: "The duty bearers in the responsible agencies were named at the launch in October 2017.",
  },
] as const;

// Funding as the record stated it, each statement dated and sourced. Statements of one figure
// share a figureKey; the latest counts, the earlier ones are its history.
// Rates are PHP per USD. Where a source gave both currencies the rate is the one they imply;
// where it gave one, the rate is the nearest one a source implies, and rateSource says so.
export interface CommitmentFact {
  figureKey: string;
  from: OrganizationRef;
  to?: OrganizationRef;
  kind: "CEILING" | "PLEDGE" | "AWARD" | "COMMITMENT";
  label: string;
  amount: string;
  currency: "USD" | "PHP";
  approximate: boolean;
  exchangeRate: string;
  rateDate: string;
  rateSource: string;
  statedEquivalent?: string;
  statedOn: string;
  source: SourceKey;
  /** A statement kept as stated that does not reconcile with the others: shown with its note, never counted. */
  countsInTotals?: false;
  note?: string;
}

export const commitments: CommitmentFact[] = [
  {
    figureKey: "us-funding",
    from: "tip",
    kind: "CEILING",
    label: "Up to PHP 149,000,000 for OSEC",
    amount: "149000000",
    currency: "PHP",
    approximate: true,
    exchangeRate: "50",
    rateDate: "2017-10-19",
    rateSource: "Not stated with this figure; the nearest stated rate, implied by the release of 19 October 2017 (PHP 175M = USD 3.5M)",
    statedOn: "2017-04-16",
    source: "S5",
  },
  {
    figureKey: "us-funding",
    from: "tip",
    kind: "CEILING",
    label: "Up to PHP 25,000,000 for child labor trafficking",
    amount: "25000000",
    currency: "PHP",
    approximate: true,
    exchangeRate: "50",
    rateDate: "2017-10-19",
    rateSource: "Not stated with this figure; the nearest stated rate, implied by the release of 19 October 2017 (PHP 175M = USD 3.5M)",
    statedOn: "2017-04-16",
    source: "S5",
  },
  {
    figureKey: "us-funding",
    from: "tip",
    kind: "AWARD",
    label: "Awards to IJM and The Salvation Army",
    amount: "3500000",
    currency: "USD",
    approximate: false,
    exchangeRate: "50",
    rateDate: "2017-10-19",
    rateSource: "Implied by the release of 19 October 2017 (PHP 175,000,000 = USD 3,500,000)",
    statedEquivalent: "175000000",
    statedOn: "2017-10-19",
    source: "S1",
  },
  {
    figureKey: "us-funding",
    from: "tip",
    kind: "COMMITMENT",
    label: "U.S. funding for the whole partnership",
    amount: "4900000",
    currency: "USD",
    approximate: false,
    exchangeRate: "48.367347",
    rateDate: "2021-04-29",
    rateSource: "Implied by IACAT's release of 29 April 2021 (PHP 237,000,000 = USD 4,900,000)",
    statedEquivalent: "237000000",
    statedOn: "2021-04-29",
    source: "S2",
  },
  {
    figureKey: "ph-funding",
    from: "iacat",
    kind: "PLEDGE",
    label: "IACAT intends to provide PHP 40,000,000",
    amount: "40000000",
    currency: "PHP",
    approximate: false,
    exchangeRate: "51.020408",
    rateDate: "2017-10-19",
    rateSource: "Implied by the release of 19 October 2017 (PHP 40,000,000 = USD 784,000)",
    statedEquivalent: "784000",
    statedOn: "2017-10-19",
    source: "S1",
  },
  {
    figureKey: "ph-funding",
    from: "iacat",
    kind: "PLEDGE",
    label: "About PHP 40,000,000 from the Philippine government",
    amount: "40000000",
    currency: "PHP",
    approximate: true,
    exchangeRate: "50",
    rateDate: "2018-11-15",
    rateSource: "Implied by the U.S. Embassy release of 15 November 2018 (about PHP 40,000,000 = about USD 800,000)",
    statedEquivalent: "800000",
    statedOn: "2018-11-15",
    source: "S4",
  },
  {
    figureKey: "ph-funding",
    from: "iacat",
    kind: "PLEDGE",
    label: "Approximately PHP 44,600,000 from the Philippine government for the whole partnership",
    amount: "44600000",
    currency: "PHP",
    approximate: true,
    exchangeRate: "48.385697",
    rateDate: "2021-04-29",
    rateSource: "Implied by IACAT's release of 29 April 2021 (PHP 44,600,000 = USD 921,760)",
    statedEquivalent: "921760",
    statedOn: "2021-04-29",
    source: "S2",
  },
  {
    figureKey: "combined-2019",
    from: "tip",
    kind: "COMMITMENT",
    label: "Combined investments of both parties, as reported",
    amount: "5100000",
    currency: "USD",
    approximate: false,
    exchangeRate: "50",
    rateDate: "2017-10-19",
    rateSource: "Not stated with this figure; the nearest stated rate, implied by the release of 19 October 2017 (PHP 175M = USD 3.5M)",
    statedOn: "2019-11-20",
    source: "S7",
    countsInTotals: false,
    note: "Not reconcilable with the other statements: USD 5.1M is more than the USD 3.5M and about USD 0.8M the parties had stated by then. Kept as reported; not counted in any total.",
  },
];

// Results over the life of the partnership. No targets were published (S6).
export interface ResultFact {
  indicatorCode: string;
  label: string;
  value: number;
  qualifier: "exact" | "more than";
  org: OrganizationRef;
  source: SourceKey;
  sourceNote?: string;
}

export const results: ResultFact[] = [
  {
    indicatorCode: "O1.1",
    label: "Child victims of online sexual exploitation identified",
    value: 312,
    qualifier: "exact",
    org: "ijm",
    source: "S2",
    sourceNote: "The State Department's closeout page words it as 312 children rescued, from 82 operations.",
  },
  {
    indicatorCode: "O1.2",
    label: "Perpetrators of trafficking crimes arrested",
    value: 97,
    qualifier: "exact",
    org: "ijm",
    source: "S2",
    sourceNote: "Also stated on the State Department's closeout page.",
  },
  { indicatorCode: "O1.3", label: "Operations supported", value: 82, qualifier: "exact", org: "ijm", source: "S3" },
  { indicatorCode: "O3.1", label: "Social workers trained on victim-centered care", value: 355, qualifier: "more than", org: "tsa", source: "S2" },
  { indicatorCode: "O3.2", label: "Survivors directly supported in aftercare facilities", value: 44, qualifier: "exact", org: "tsa", source: "S2" },
];

// The other CPC partnerships, with their headline facts. Sources: the state.gov CPC country
// pages and U.S. embassy releases for each country. Status follows the stated term.
export interface OtherPartnershipFact {
  slug: string;
  country: string;
  signedOn: string;
  endsOn: string | null;
  termNote: string;
  status: "ACTIVE" | "CONCLUDED";
  usFundingStatement: string;
  partners: string[];
  partnersNote?: string;
  /** The first address the facts file cites for the country (the facts source), and the second, if any. */
  factsSource: { title: string; publisher: string; url: string | null };
  otherSource: { title: string; publisher: string; url: string | null; publishedOn: string | null } | null;
}

export const otherPartnerships: OtherPartnershipFact[] = [
  {
    slug: "ghana",
    country: "Ghana",
    signedOn: "2015-06-23",
    endsOn: "2020-06-23",
    termNote: "Ended 23 June 2020",
    status: "CONCLUDED",
    usFundingStatement: "Up to USD 5M, later USD 6.9M",
    partners: ["International Organization for Migration (IOM)", "Free the Slaves"],
    factsSource: {
      publisher: "U.S. Department of State",
      title: "Child Protection Compact Partnerships – Ghana",
      url: "https://www.state.gov/child-protection-compact-partnerships-ghana/",
    },
    otherSource: {
      title: "U.S., Ghana Sign First Child Protection Compact Partnership",
      publisher: "U.S. Embassy in Ghana",
      url: "https://gh.usembassy.gov/u-s-ghana-sign-first-child-protection-compact-partnership/",
      publishedOn: null,
    },
  },
  {
    slug: "peru",
    country: "Peru",
    signedOn: "2017-06-15",
    endsOn: null,
    termNote: "Extended to 2024",
    status: "CONCLUDED",
    usFundingStatement: "USD 5M, later USD 7.1M, then more than USD 9.8M",
    partners: ["International Labour Organization (ILO)", "Centro Yanapanakusun", "American Bar Association Rule of Law Initiative (ABA-ROLI)"],
    factsSource: {
      publisher: "U.S. Department of State",
      title: "Child Protection Compact Partnerships – Peru",
      url: "https://www.state.gov/child-protection-compact-partnerships-peru/",
    },
    otherSource: {
      title: "U.S., Peru Sign First Child Protection Compact Partnership in the Americas",
      publisher: "U.S. Embassy in Peru",
      url: "https://pe.usembassy.gov/u-s-peru-sign-first-child-protection-compact-partnership-americas/",
      publishedOn: null,
    },
  },
  {
    slug: "jamaica",
    country: "Jamaica",
    signedOn: "2018-05-31",
    endsOn: null,
    termNote: "2018–2022",
    status: "CONCLUDED",
    usFundingStatement: "USD 5M, later about USD 6.7M",
    partners: ["International Organization for Migration (IOM)", "The Warnath Group", "Winrock International"],
    factsSource: {
      publisher: "U.S. Department of State",
      title: "Release on the signing of the U.S.–Jamaica Child Protection Compact Partnership",
      url: "https://www.state.gov/j/tip/rls/prsrl/2018/283004.htm",
    },
    otherSource: {
      title: "U.S. Department of State Commits Additional Funds to the United States–Jamaica Child Protection Compact (CPC) Partnership",
      publisher: "Winrock International",
      url: "https://winrock.org/u-s-department-of-state-commits-additional-funds-to-the-united-states-jamaica-child-protection-compact-cpc-partnership",
      publishedOn: null,
    },
  },
  {
    slug: "mongolia",
    country: "Mongolia",
    signedOn: "2020-04-02",
    endsOn: null,
    termNote: "2020–2024, extended a year",
    status: "CONCLUDED",
    usFundingStatement: "USD 5M, later over USD 6.5M",
    partners: ["World Vision", "The Asia Foundation"],
    factsSource: {
      publisher: "U.S. Embassy in Mongolia",
      title: "U.S. Embassy release on the U.S.–Mongolia CPC Partnership",
      url: "https://mn.usembassy.gov/2019-pr-cpc-partnership/",
    },
    otherSource: {
      title: "U.S. Embassy release on the U.S.–Mongolia CPC Partnership (November 2021)",
      publisher: "U.S. Embassy in Mongolia",
      url: "https://mn.usembassy.gov/pr-111921/",
      publishedOn: null,
    },
  },
  {
    slug: "colombia",
    country: "Colombia",
    signedOn: "2022-04-26",
    endsOn: null,
    termNote: "2022–2027",
    status: "ACTIVE",
    usFundingStatement: "Up to USD 10M (USD 9.6M awarded)",
    partners: [
      "NORC at the University of Chicago",
      "Fundación Renacer",
      "American Bar Association Rule of Law Initiative (ABA-ROLI)",
      "Pan American Development Foundation (PADF)",
    ],
    factsSource: {
      publisher: "U.S. Department of State",
      title: "United States and Colombia Sign Child Protection Compact Partnership",
      url: "https://www.state.gov/united-states-and-colombia-sign-child-protection-compact-partnership/",
    },
    otherSource: null,
  },
  {
    slug: "cote-divoire",
    country: "Côte d'Ivoire",
    signedOn: "2022-12-07",
    endsOn: null,
    termNote: "Five years from signing",
    status: "ACTIVE",
    usFundingStatement: "Up to USD 10M",
    partners: [],
    partnersNote: "Two implementing partners",
    factsSource: {
      publisher: "U.S. Department of State",
      title: "State Department release on the signing of the U.S.–Côte d'Ivoire Child Protection Compact Partnership (7 December 2022; address not recorded)",
      url: null,
    },
    otherSource: null,
  },
];
