// The audit log as its readers use it: from an indicator's page, on a phone, by keyboard, and
// its CSV. Sign-ins are the events a fresh database holds: the reviewer's shows to the
// administrator (the reviewer is assigned to the Philippines), never to the reviewer.
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { demo, signInAs } from "./helpers";

test.use({ viewport: { width: 390, height: 844 } });

test("a reviewer opens an indicator's history, and does not see sign-ins", async ({ page }) => {
  await signInAs(page, demo.reviewer);
  await page.goto("/dashboard/philippines/indicators/O2.1");
  await page.getByRole("link", { name: "History of this indicator" }).click();
  await expect(page).toHaveURL(/\/dashboard\/philippines\/audit\?indicator=O2\.1$/);
  await expect(page.getByLabel("Indicator code")).toHaveValue("O2.1");
  await page.goto("/dashboard/philippines/audit?event=auth.sign_in");
  await expect(page.getByRole("status")).toHaveText("No events match these filters.");
});

test("an administrator filters by keyboard at 390 px, reads the change list and downloads what is filtered", async ({ page }) => {
  await signInAs(page, demo.admin);
  await page.goto("/dashboard/philippines/audit");
  await page.getByLabel("Quarter").fill("2019Q9");
  await page.getByLabel("Quarter").press("Enter");
  await expect(page.getByRole("alert").filter({ hasText: "These filters need correcting" })).toContainText(
    "“2019Q9” is not a quarter: write the year and quarter, for example 2019Q3.",
  );

  await page.getByLabel("Quarter").fill("");
  await page.getByLabel("Event").selectOption({ label: "Signed in" });
  // Enter on a select does not submit a form: the next Tab stop is the Apply button.
  await page.getByLabel("Event").press("Tab");
  await expect(page.getByRole("button", { name: "Apply" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/event=auth\.sign_in/);
  const row = page.getByRole("row").filter({ hasText: demo.reviewer.email }).first();
  await expect(row).toContainText("TIP Office");
  await expect(row).toContainText("Reviewer (TIP Office)");
  await expect(row.getByRole("listitem").filter({ hasText: "outcome:" })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  const link = page.getByRole("link", { name: "Download these events (CSV)" });
  await expect(link).toHaveAttribute("href", "/api/partnerships/philippines/audit/export?event=auth.sign_in");
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  expect(download.suggestedFilename()).toBe("philippines-audit-log.csv");
  const csv = await (await download.createReadStream()).toArray();
  const lines = Buffer.concat(csv).toString("utf8").trimEnd().split("\r\n");
  expect(lines[0]).toBe("occurred_at_utc,user,organization,current_role,event,action,about_user,quarter,changes");
  expect(lines.slice(1).every((l) => l.includes(",Signed in,auth.sign_in,"))).toBe(true);
  expect(lines.some((l) => l.includes(demo.reviewer.email))).toBe(true);

  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
});
