import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

test("the Philippines summary shows the published results with their sources", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: "Philippines", exact: true }).click();
  await expect(page).toHaveURL(/\/partnerships\/philippines$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("U.S.–Philippines Child Protection Compact (CPC) Partnership");
  for (const figure of ["312", "97", "More than 355", "44"]) {
    await expect(page.getByText(figure, { exact: true }).first()).toBeVisible();
  }
  const card = page.getByRole("listitem").filter({ hasText: "Child victims of online sexual exploitation identified" });
  await card.getByText("Source").click();
  await expect(card).toContainText(
    "Final high-level dialogue of the U.S.-Philippines CPC Partnership (29 April 2021), Inter-Agency Council Against Trafficking (IACAT), April 29, 2021",
  );
  await expect(page.locator("[data-party='TIP Office']")).toContainText("USD 4,900,000 · PHP 237,000,000");
  await expect(page.getByText("Delivered is illustrative")).toBeVisible();
});

test("no sensitive count from 1 to 9 appears in the page, the JSON or the CSV", async ({ page, request }) => {
  await page.goto("/partnerships/philippines");
  for (const code of ["O1.1", "O3.2"]) {
    const cells = await page
      .getByRole("row", { name: new RegExp(`^${code.replace(".", "\\.")} `) })
      .getByRole("cell")
      .allInnerTexts();
    expect(cells.filter((c) => /^[1-9]$/.test(c.trim()))).toEqual([]);
  }
  expect(await page.getByText("<10").count()).toBeGreaterThan(0);

  const json = await (await request.get("/api/public/partnerships/philippines/summary.json")).json();
  const sensitive = json.results.filter((r: { sensitive: boolean }) => r.sensitive);
  const values = sensitive.flatMap((r: { total: string; quarters: { value: string | null }[] }) => [r.total, ...r.quarters.map((q) => q.value)]);
  expect(values.filter((v: string | null) => v !== null && /^[1-9]$/.test(v))).toEqual([]);

  const csv = await (await request.get("/api/public/partnerships/philippines/summary.csv")).text();
  expect(csv.split("\r\n")[0]).toBe("section,item,party_or_indicator,quarter,currency,value,qualifier,illustrative,source");
  const sensitiveLines = csv.split("\r\n").filter((l) => /,O1\.1,|,O3\.2,/.test(l));
  expect(sensitiveLines.length).toBeGreaterThan(0);
  expect(sensitiveLines.filter((l) => l.split(",")[5]?.match(/^[1-9]$/))).toEqual([]);
});

test("the public pages have no accessibility violations", async ({ page }) => {
  for (const path of ["/", "/partnerships/philippines"]) {
    await page.goto(path);
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  }
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
