import { expect, test, type Browser, type Page } from "@playwright/test";
import { demo, signInAs } from "./helpers";

// Runs after the other files (it changes a quarter of the seeded data): an admin reopens the
// last quarter, and IACAT's encoder and the TIP Office reviewer take it round the whole cycle.
const QUARTER = "/dashboard/philippines/reports/2021Q2";

async function as(browser: Browser, user: (typeof demo)[keyof typeof demo]): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInAs(page, user);
  await page.goto(QUARTER);
  return page;
}

const iacatHeading = (page: Page) => page.getByRole("heading", { level: 2, name: /^IACAT: / });

/** O2.1's approved total on the public summary (a page served from Next's route cache). */
async function publicTotal(page: Page): Promise<number> {
  await page.goto("/partnerships/philippines");
  const row = page.locator("tr", { has: page.locator("th", { hasText: /^O2\.1 / }) });
  // Columns: indicator, unit, to date, then each quarter.
  const total = Number(await row.locator("td").nth(1).innerText());
  expect(Number.isFinite(total)).toBe(true);
  return total;
}

test("a quarter goes round: reopened, entered, submitted, returned, fixed, resubmitted, approved", async ({ browser }) => {
  test.setTimeout(120_000);
  const dashboard = await as(browser, demo.reviewer);
  await dashboard.goto("/dashboard/philippines");
  const resultBefore = Number((await dashboard.getByRole("row", { name: /O2\.1/ }).first().getByRole("cell").nth(1).innerText()).match(/\d+/)![0]);
  await dashboard.goto("/dashboard/philippines?currency=PHP");
  const pesos = async () => Number((await dashboard.getByTestId("delivered-IACAT").innerText()).match(/PHP ([\d,.]+)/)![1]!.replaceAll(",", ""));
  const deliveredBefore = await pesos();
  const visitor = await (await browser.newContext()).newPage();
  const publicBefore = await publicTotal(visitor);

  const admin = await as(browser, demo.admin);
  const reopen = admin.getByRole("form", { name: "Reopen IACAT's report" });
  await reopen.getByLabel("Reason for reopening (required)").fill("IACAT corrected its case count.");
  await reopen.getByRole("button", { name: "Reopen this report" }).click();
  // The page re-renders with the new state: the form is gone and the reason shows.
  await expect(iacatHeading(admin)).toHaveText("IACAT: Reopened");
  // The first is the banner above the report; the thread has the reopening as a comment too.
  await expect(admin.getByText("Reopened: IACAT corrected its case count.").first()).toBeVisible();

  const encoder = await as(browser, demo.encoder);
  await expect(iacatHeading(encoder)).toHaveText("IACAT: Reopened");
  await expect(encoder.getByText("Reopened: IACAT corrected its case count.").first()).toBeVisible();
  const total = encoder.getByLabel("O2.1 total");
  const before = Number(await total.inputValue());
  // Reopened, the quarter no longer counts in public.
  expect(await publicTotal(visitor)).toBe(publicBefore - before);
  await total.fill("-1");
  await expect(encoder.getByText("Enter a whole number of 0 or more, without commas.")).toBeVisible();
  await total.fill(String(before + 5));

  const contribution = encoder.getByRole("form", { name: "Record a contribution" });
  await contribution.getByLabel("Kind").selectOption("IN_KIND");
  await contribution.getByLabel("Amount").fill("1,000,000");
  await contribution.getByLabel("Rate (PHP per USD)").fill("48.50");
  await contribution.getByLabel("Date of the rate").fill("2021-06-30");
  await contribution.getByLabel("Source of the rate").fill("BSP reference rate");
  await contribution.getByRole("button", { name: "Record contribution" }).click();
  await expect(contribution.getByText("Enter the amount as a number with at most two decimals, without commas.")).toBeVisible();
  await contribution.getByLabel("Amount").fill("1000000");
  await contribution.getByRole("button", { name: "Record contribution" }).click();
  await expect(encoder.getByText("In kind: PHP 1,000,000 at 48.5 PHP per USD")).toBeVisible();

  // The contribution saved the quarter, so the values typed above go in again on the new version.
  await encoder.getByLabel("O2.1 total").fill(String(before + 5));
  await encoder.getByRole("button", { name: "Submit for review" }).click();
  await expect(iacatHeading(encoder)).toHaveText("IACAT: Submitted");
  // Submitted is not approved: the public page still leaves the quarter out.
  expect(await publicTotal(visitor)).toBe(publicBefore - before);

  const reviewer = await as(browser, demo.reviewer);
  const review = reviewer.getByRole("form", { name: "Review IACAT's report" });
  await review.getByLabel("Return for changes").check();
  await review.getByRole("button", { name: "Record decision" }).click();
  await expect(review.getByText("Say why you are returning it, so the encoder knows what to fix.")).toBeVisible();
  await review.getByLabel("Reason for returning (required when returning)").fill("O2.1 is five too high: two cases were double counted.");
  await review.getByRole("button", { name: "Record decision" }).click();
  await expect(iacatHeading(reviewer)).toHaveText("IACAT: Returned");

  await encoder.reload();
  await expect(iacatHeading(encoder)).toHaveText("IACAT: Returned");
  await expect(encoder.getByText("O2.1 is five too high: two cases were double counted.").first()).toBeVisible();
  await encoder.getByLabel("O2.1 total").fill(String(before + 3));
  await encoder.getByRole("button", { name: "Submit for review" }).click();
  await expect(iacatHeading(encoder)).toHaveText("IACAT: Submitted");

  await reviewer.reload();
  await reviewer.getByRole("form", { name: "Review IACAT's report" }).getByLabel("Approve").check();
  await reviewer.getByRole("form", { name: "Review IACAT's report" }).getByRole("button", { name: "Record decision" }).click();
  await expect(iacatHeading(reviewer)).toHaveText("IACAT: Approved");
  // Approval regenerates the public page at once.
  expect(await publicTotal(visitor)).toBe(publicBefore + 3);

  await dashboard.goto("/dashboard/philippines");
  await expect(dashboard.getByRole("row", { name: /O2\.1/ }).first().getByRole("cell").nth(1)).toContainText(String(resultBefore + 3));

  await dashboard.goto("/dashboard/philippines?currency=PHP");
  expect(await pesos()).toBe(deliveredBefore + 1_000_000);

  // The revisions page dates the reopening with its reason, and the approval with the new figure.
  await visitor.goto("/partnerships/philippines/releases");
  const reopening = visitor.getByRole("listitem").filter({ hasText: "IACAT's report for 2021Q2 reopened. Reason given: IACAT corrected its case count." });
  await expect(reopening.getByRole("row", { name: /O2\.1 .*: 2021Q2/ })).toContainText(`${before}no longer published`);
  const approval = visitor.getByRole("listitem").filter({ hasText: "IACAT's report for 2021Q2 approved" }).first();
  await expect(approval.getByRole("row", { name: /O2\.1 .*: 2021Q2/ })).toContainText(`not published${before + 3}`);

  await dashboard.goto("/dashboard/philippines/audit?quarter=2021Q2");
  for (const event of [
    "Quarter's report reopened",
    "Contribution recorded",
    "Quarter's report submitted",
    "Quarter's report returned",
    "Quarter's report approved",
  ]) {
    await expect(dashboard.getByRole("cell", { name: event, exact: true }).first()).toBeVisible();
  }
});
