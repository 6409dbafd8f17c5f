// Checks an IATI 2.03 activity file the way IATI's own tools would, with nothing of the project's:
// the official schema (xmllint, from Debian's libxml2-utils), every code against IATI's codelists,
// and the rules beyond both that IATI's validator applies (../shared/iati/README.md). The schema
// and codelists are IATI's, read from IATI_SCHEMA_DIR (or ../shared/iati beside the project).
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/** Where IATI's schema and codelists are; null when this machine has no copy. */
export function iatiDir(): string | null {
  const named = process.env.IATI_SCHEMA_DIR;
  if (named) {
    if (!existsSync(path.join(named, "schema/iati-activities-schema.xsd")))
      throw new Error(`IATI_SCHEMA_DIR=${named} holds no schema/iati-activities-schema.xsd`);
    return named;
  }
  const beside = path.resolve(import.meta.dirname, "../../../shared/iati");
  return existsSync(path.join(beside, "schema/iati-activities-schema.xsd")) ? beside : null;
}

/** Every value of an XPath over the file: attributes' values, or elements' text. */
async function xpath(file: string, expression: string): Promise<string[]> {
  try {
    const { stdout } = await run("xmllint", ["--nonet", "--xpath", expression, file]);
    const attributes = [...stdout.matchAll(/^\s*[\w:-]+="([^"]*)"\s*$/gm)].map((m) => m[1]!.replace(/&amp;/g, "&"));
    return attributes.length > 0 ? attributes : stdout.split("\n").filter((line) => line.trim() !== "");
  } catch (error) {
    // xmllint exits 10 when the expression matches nothing.
    if ((error as { code?: number }).code === 10) return [];
    throw error;
  }
}

const codelists = new Map<string, Set<string>>();
async function codelist(dir: string, name: string): Promise<Set<string>> {
  if (!codelists.has(name)) {
    const text = await readFile(path.join(dir, "codelists", `${name}.xml`), "utf8");
    codelists.set(name, new Set([...text.matchAll(/<code>([^<]+)<\/code>/g)].map((m) => m[1]!.trim())));
  }
  return codelists.get(name)!;
}

const CODES: [string, string][] = [
  ["//participating-org/@role", "OrganisationRole"],
  ["//participating-org/@type", "OrganisationType"],
  ["//reporting-org/@type", "OrganisationType"],
  ["//provider-org/@type", "OrganisationType"],
  ["//activity-status/@code", "ActivityStatus"],
  ["//activity-date/@type", "ActivityDateType"],
  ["//budget/@type", "BudgetType"],
  ["//budget/@status", "BudgetStatus"],
  ["//transaction-type/@code", "TransactionType"],
  ["//result/@type", "ResultType"],
  ["//indicator/@measure", "IndicatorMeasure"],
  ["//description/@type", "DescriptionType"],
  ["//document-link/category/@code", "DocumentCategory"],
  ["//document-link/@format", "FileFormat"],
  ["//document-link/language/@code", "Language"],
  ["//recipient-country/@code", "Country"],
  ["//sector[@vocabulary='1' or not(@vocabulary)]/@code", "Sector"],
  ["//@currency", "Currency"],
  ["//@default-currency", "Currency"],
  ["//@xml:lang", "Language"],
  ["/iati-activities/@version", "Version"],
];

const isNumber = (v: string) => /^-?\d+(\.\d+)?$/.test(v);

/** Every problem with the file, as sentences; an empty list when it passes. */
export async function checkIati(xml: string, today = new Date().toISOString().slice(0, 10)): Promise<string[]> {
  const dir = iatiDir();
  if (!dir) throw new Error("No copy of IATI's schema and codelists: set IATI_SCHEMA_DIR (README, 'IATI').");
  const file = path.join(await mkdtemp(path.join(tmpdir(), "iati-")), "activity.xml");
  await writeFile(file, xml);
  const problems: string[] = [];
  try {
    await run("xmllint", ["--noout", "--nonet", "--schema", path.join(dir, "schema/iati-activities-schema.xsd"), file]);
  } catch (error) {
    problems.push(`schema: ${String((error as { stderr?: string }).stderr ?? error).trim()}`);
    return problems;
  }
  for (const [expression, name] of CODES) {
    const allowed = await codelist(dir, name);
    for (const value of await xpath(file, expression)) if (!allowed.has(value)) problems.push(`${expression} = "${value}" is not in the ${name} codelist`);
  }
  // Every value has a value-date, never in the future.
  const values = (await xpath(file, "count(//value)")).map(Number)[0] ?? 0;
  const dated = await xpath(file, "//value/@value-date");
  if (dated.length !== values) problems.push(`${values - dated.length} value(s) without a value-date`);
  for (const date of dated) if (date > today) problems.push(`value-date ${date} is in the future`);
  // A budget covers at most a year.
  const starts = await xpath(file, "//budget/period-start/@iso-date");
  const ends = await xpath(file, "//budget/period-end/@iso-date");
  starts.forEach((start, i) => {
    const days = (Date.parse(ends[i]!) - Date.parse(start)) / 86_400_000;
    if (!(days >= 0 && days <= 366)) problems.push(`a budget from ${start} to ${ends[i]} covers ${days} days`);
  });
  // Non-qualitative indicators: numeric baseline, target and actual values.
  for (const expression of [
    "//indicator[@measure!='5']/baseline/@value",
    "//indicator[@measure!='5']//target/@value",
    "//indicator[@measure!='5']//actual/@value",
  ]) {
    for (const value of await xpath(file, expression)) if (!isNumber(value)) problems.push(`${expression} = "${value}" is not a number`);
  }
  // Sector percentages add up to 100 per vocabulary.
  for (const vocabulary of new Set(await xpath(file, "//iati-activity/sector/@vocabulary"))) {
    const sum = (await xpath(file, `//iati-activity/sector[@vocabulary='${vocabulary}']/@percentage`)).map(Number).reduce((a, b) => a + b, 0);
    if (Math.abs(sum - 100) > 1e-9) problems.push(`sector percentages of vocabulary ${vocabulary} add up to ${sum}`);
  }
  return problems;
}

/** An XPath's values over an XML text, for reading figures back in a test. */
export async function valuesOf(xml: string, expression: string): Promise<string[]> {
  const file = path.join(await mkdtemp(path.join(tmpdir(), "iati-")), "activity.xml");
  await writeFile(file, xml);
  return xpath(file, expression);
}
