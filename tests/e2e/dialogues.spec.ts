import { expect, test } from "@playwright/test";
import { demo, signInAs } from "./helpers";

// The 2019 dialogue pack as a TIP Office reviewer opens it, prints it and downloads it.
test("the 2019 dialogue pack shows each key indicator against its target, prints whole and downloads as a PDF", async ({ page }) => {
  await signInAs(page, demo.reviewer);
  await page.goto("/dashboard/philippines");
  await page
    .getByRole("navigation", { name: /: pages$/ })
    .getByRole("link", { name: "Dialogues" })
    .click();
  await expect(page.getByRole("heading", { level: 2, name: /^\d{4} dialogue/ })).toHaveCount(4);
  const d2019 = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: /^2019 dialogue: November 19, 2019, Manila and Cebu$/ }) });
  await expect(d2019).toContainText("O1.2 Perpetrators of trafficking crimes arrestedWarning: No annual target for 2019.");
  await d2019.getByRole("link", { name: /^2019 dialogue/ }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/2019 high-level dialogue pack$/);
  await expect(page.getByRole("status").first()).toHaveText(/^Figures as of release \d+, published /);
  const table = page.getByRole("table", { name: "Key indicators for 2019: annual target, actual and variance" });
  const o21 = table.getByRole("row", { name: /^O2\.1 / });
  await expect(o21.getByRole("cell").nth(0)).toContainText("16");
  await expect(table.getByRole("row", { name: /^O1\.2 / })).toContainText("No target set");

  const pdf = page.getByRole("link", { name: "Download this pack as PDF" });
  const download = await page.request.get((await pdf.getAttribute("href"))!);
  expect(download.status()).toBe(200);
  expect(download.headers()["content-type"]).toBe("application/pdf");
  expect((await download.body()).subarray(0, 5).toString()).toBe("%PDF-");

  // Printed on a landscape page, every table fits across it and the navigation and forms are gone.
  await page.setViewportSize({ width: 960, height: 700 });
  await page.emulateMedia({ media: "print" });
  for (const frame of await page.locator(".dialogue-pack [role=region]").all()) {
    expect(await frame.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
  }
  await expect(page.getByRole("navigation", { name: /: pages$/ })).toBeHidden();
  await expect(pdf).toBeHidden();
});
