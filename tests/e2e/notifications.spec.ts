import { expect, test, type Browser, type Page } from "@playwright/test";
import { demo, signInAs } from "./helpers";

// What the demo users find on a fresh `npm start`: the worker's reminders have run, so the demo
// encoder has IACAT's two overdue quarters (2020Q3 in draft, 2020Q4 returned) and the demo
// reviewer the quarter waiting (2021Q1). With no SMTP_URL the mail is kept in the outbox.

async function as(browser: Browser, user: (typeof demo)[keyof typeof demo], width = 1280): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width, height: 900 } })).newPage();
  await signInAs(page, user);
  return page;
}

test("the demo encoder is reminded of the overdue quarters, opens one, and chooses what comes by e-mail", async ({ browser }) => {
  const page = await as(browser, demo.encoder);
  const nav = page.getByRole("navigation", { name: "Dashboard" });
  await expect(nav.getByRole("link", { name: "Notifications 2 unread" })).toBeVisible({ timeout: 15_000 });
  await nav.getByRole("link", { name: /^Notifications/ }).click();
  await expect(page.getByRole("heading", { level: 2, name: "2 unread" })).toBeVisible();
  await expect(page.getByRole("button", { name: "IACAT's report for 2020Q3 is overdue (unread)" })).toBeVisible();

  await page.getByRole("button", { name: "IACAT's report for 2020Q4 is overdue (unread)" }).click();
  await expect(page).toHaveURL(/\/dashboard\/philippines\/reports\/2020Q4$/);
  await expect(nav.getByRole("link", { name: "Notifications 1 unread" })).toBeVisible();

  await page.goto("/dashboard/notifications");
  await expect(page.getByRole("button", { name: "IACAT's report for 2020Q4 is overdue" })).toBeVisible();
  await page.getByLabel("A quarter is approved").selectOption("OFF");
  await page.getByRole("button", { name: "Save e-mail choices" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Your e-mail choices are saved." })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("A quarter is approved")).toHaveValue("OFF");
  await expect(page.getByLabel("A quarter is returned to its organization")).toHaveValue("IMMEDIATE");

  await page.getByRole("button", { name: "Mark all as read" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Nothing unread" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Notifications", exact: true })).toBeVisible();
});

test("the demo reviewer is told of the quarter waiting; an administrator reads the mail kept in the outbox", async ({ browser }) => {
  const reviewer = await as(browser, demo.reviewer);
  await reviewer.goto("/dashboard/notifications");
  await reviewer.getByRole("button", { name: /^IACAT's report for 2021Q1 is waiting for your review/ }).click();
  await expect(reviewer).toHaveURL(/\/dashboard\/philippines\/reports\/2021Q1$/);

  const admin = await as(browser, demo.admin);
  await admin.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Outbox" }).click();
  await expect(admin.getByText("No mail server is set (SMTP_URL)")).toBeVisible();
  const mail = admin.getByRole("listitem").filter({ has: admin.getByRole("heading", { name: "Compact Tracker: IACAT's report for 2020Q3 is overdue" }) });
  await expect(mail).toContainText("To encoder@demo.local");
  await expect(mail).toContainText("Kept here (no mail server)");
  await mail.getByText("Read the e-mail").click();
  await expect(mail.locator("pre")).toContainText("/dashboard/philippines/reports/2020Q3");
});

test("the notifications page fits a 390 px screen and works by keyboard", async ({ browser }) => {
  const page = await as(browser, demo.reviewer, 390);
  await page.goto("/dashboard/notifications");
  await expect(page.getByRole("heading", { level: 1, name: "Notifications" })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.getByLabel("A quarter's report is due soon").focus();
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("A quarter's report is overdue")).toBeFocused();
});
