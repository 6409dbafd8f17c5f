import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

test("the Philippines summary shows the published results with their sources and its release", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: "Philippines", exact: true }).click();
  await expect(page).toHaveURL(/\/partnerships\/philippines$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("U.S.–Philippines Child Protection Compact (CPC) Partnership");
  for (const figure of ["312", "97", "More than 355", "44"]) {
    await expect(page.getByText(figure, { exact: true }).first()).toBeVisible();
  }
  const card = page.getByRole("listitem").filter({ hasText: "Child victims of online sexual exploitation identified" });
  await expect(card).toContainText(
    "Source: Final high-level dialogue of the U.S.-Philippines CPC Partnership (29 April 2021), Inter-Agency Council Against Trafficking (IACAT), April 29, 2021.",
  );
  await expect(card.getByRole("link", { name: "Final high-level dialogue of the U.S.-Philippines CPC Partnership (29 April 2021)" })).toHaveAttribute(
    "href",
    "https://iacat.gov.ph/?p=5664",
  );
  await expect(page.locator("[data-party='TIP Office']")).toContainText("USD 4,900,000 · PHP 237,000,000");
  await expect(page.getByText("Delivered is illustrative")).toBeVisible();
  await expect(page.getByText(/^Release \d+, published August 7, 2021/)).toBeVisible();
  await expect(page.getByText(/Combined investments of both parties, as reported\. Not reconcilable/)).toBeVisible();
});

test("the as-of view shows what was public on 31 December 2018", async ({ page }) => {
  await page.goto("/partnerships/philippines");
  await page.getByLabel("What was public on a date").fill("2018-12-31");
  await page.getByRole("button", { name: "Show that release" }).click();
  await expect(page).toHaveURL(/\/partnerships\/philippines\/releases\/\d+$/);
  await expect(page.getByText(/^Release \d+, published November 15, 2018/)).toBeVisible();
  await expect(page.getByText(/This release was replaced on Jan 30, 2019/)).toBeVisible();
  const o12 = page.getByRole("row", { name: /^O1\.2 / });
  await expect(o12.getByRole("cell").nth(5)).not.toHaveText("—"); // 2018Q3, approved in November 2018
  await expect(page.getByRole("columnheader", { name: "2018Q4" })).toBeVisible();
  const quarters = await page.getByRole("columnheader").allInnerTexts();
  expect(
    await o12
      .getByRole("cell")
      .nth(quarters.indexOf("2018Q4") - 1)
      .innerText(),
  ).toBe("—");
  await expect(page.getByText("Results over the life of the partnership, as published")).toHaveCount(0);

  await page.goto("/partnerships/philippines?asOf=2016-12-31");
  await expect(page.getByRole("status")).toHaveText(
    "Nothing had been published for this partnership by December 31, 2016. The first release is dated April 11, 2017.",
  );
});

test("no child count appears by quarter or below 10 in the page, the JSON or the CSV", async ({ page, request }) => {
  await page.goto("/partnerships/philippines");
  const counts = page.getByRole("table", { name: "Counts of child victims and survivors, to date, rounded" });
  await expect(counts.getByRole("row", { name: /^O1\.1 / })).toContainText("about 310");
  await expect(page.getByRole("table", { name: "Approved results by indicator and quarter" }).getByRole("row", { name: /^O1\.1 |^O3\.2 / })).toHaveCount(0);

  const json = await (await request.get("/api/public/partnerships/philippines/summary.json")).json();
  const sensitive = json.summary.results.filter((r: { sensitive: boolean }) => r.sensitive);
  expect(sensitive.map((r: { code: string; total: string; totalRounded: boolean }) => [r.code, r.total, r.totalRounded])).toEqual([
    ["O1.1", "310", true],
    ["O3.2", "40", true],
  ]);
  expect(sensitive.flatMap((r: { quarters: { value: string | null }[] }) => r.quarters.map((q) => q.value)).filter((v: string | null) => v !== null)).toEqual(
    [],
  );

  const csv = await (await request.get("/api/public/partnerships/philippines/summary.csv")).text();
  const [header, ...lines] = csv.split("\r\n");
  expect(header).toMatch(/^release,release_date,section,item,party_or_indicator,quarter,unit,value,currency,qualifier,/);
  expect(lines.filter((l) => /,O1\.1,|,O3\.2,/.test(l)).map((l) => l.split(",").slice(2, 8))).toEqual([
    ["indicator_to_date", "Child victims of online sexual exploitation identified", "O1.1", "", "count", "310"],
    ["indicator_to_date", "Survivors newly supported in aftercare facilities", "O3.2", "", "count", "40"],
  ]);
});

test("printing keeps every source address and the whole quarterly table", async ({ page }) => {
  // About the printable width of an A4 or Letter page in landscape (the print style asks for landscape).
  await page.setViewportSize({ width: 960, height: 700 });
  await page.goto("/partnerships/philippines");
  await page.emulateMedia({ media: "print" });
  const sources = page.getByRole("region", { name: "Sources" }).or(page.locator("section[aria-labelledby='sources-heading']"));
  await expect(sources.getByRole("link")).toHaveCount(7);
  const after = await sources
    .getByRole("link")
    .first()
    .evaluate((a) => getComputedStyle(a, "::after").content);
  expect(after).toContain("https://");
  const table = page.getByRole("table", { name: "Approved results by indicator and quarter" });
  const frame = page.getByRole("region", { name: "Approved results by indicator and quarter" });
  expect(await frame.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
  await expect(table.getByRole("columnheader", { name: "2021Q2" })).toBeVisible();
});

test("the public pages have no accessibility violations", async ({ page }) => {
  test.setTimeout(120_000);
  for (const path of ["/", "/partnerships/philippines", "/partnerships/philippines/releases", "/partnerships/philippines/releases/23", "/partnerships/ghana"]) {
    await page.goto(path);
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${path} ${v.id}: ${v.help}`)).toEqual([]);
  }
});

test("at 390 px the public funding chart's text is drawn 12 px or more, its frame scrolling sideways", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/partnerships/philippines");
  const chart = page.getByRole("img", { name: "Funding pledged and delivered to date, in USD, by quarter" });
  await expect(chart).toBeVisible();
  // The drawing scales with its viewBox: the size on screen is the font size times that scale.
  const drawn = await chart
    .locator("text")
    .evaluateAll((texts) => texts.map((t) => parseFloat(getComputedStyle(t).fontSize) * ((t as SVGGraphicsElement).getScreenCTM()?.a ?? 0)));
  expect(drawn.length).toBeGreaterThan(5);
  expect(Math.min(...drawn)).toBeGreaterThanOrEqual(12);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  if (process.env.SCREENSHOTS_DIR) await chart.screenshot({ path: `${process.env.SCREENSHOTS_DIR}/public-funding-390.png` });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the summary's figures and tables can still be read", async ({ page }) => {
    await page.goto("/partnerships/philippines");
    await expect(page.getByText("312", { exact: true }).first()).toBeVisible();
    await expect(page.getByRole("img", { name: "Funding pledged and delivered to date, in USD, by quarter" })).toBeVisible();
    await expect(page.getByRole("table", { name: "Approved results by indicator and quarter" })).toBeVisible();
  });
});

test("a CDN may keep a numbered release for ever and the latest summary a minute", async ({ request }) => {
  for (const path of ["/partnerships/philippines", "/api/public/partnerships/philippines/summary.json", "/api/public/partnerships/philippines/iati.xml"]) {
    expect((await request.get(path)).headers()["cache-control"], path).toBe("public, max-age=0, s-maxage=60, must-revalidate");
  }
  for (const path of [
    "/partnerships/philippines/releases/1",
    "/api/public/partnerships/philippines/releases/1/summary.csv",
    "/api/public/partnerships/philippines/releases/1/iati.xml",
  ]) {
    expect((await request.get(path)).headers()["cache-control"], path).toBe("public, max-age=31536000, immutable");
  }
});

test("the public page links its release as an IATI 2.03 file, which names the same release", async ({ page, request }) => {
  await page.goto("/partnerships/philippines");
  const release = await page.locator("[data-release]").first().getAttribute("data-release");
  const link = page.getByRole("link", { name: "IATI 2.03 (iati.xml)" });
  await expect(link).toHaveAttribute("href", `/api/public/partnerships/philippines/releases/${release}/iati.xml`);
  const response = await request.get(`/api/public/partnerships/philippines/releases/${release}/iati.xml`);
  expect(response.headers()["content-type"]).toBe("application/xml; charset=utf-8");
  const xml = await response.text();
  expect(xml).toContain('<iati-activities version="2.03"');
  expect(xml).toContain(`This file describes release ${release} of the partnership's public record`);
});
