import { expect, test } from "@playwright/test";

test("the home page reads the seeded partnership from the database", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Child Protection Compact Partnerships");
  const featured = page.getByRole("region", { name: "U.S.–Philippines Child Protection Compact (CPC) Partnership" });
  await expect(featured).toBeVisible();
  await expect(featured).toContainText("April 11, 2017");
  await expect(featured).toContainText("April 11, 2021");
  await expect(featured).toContainText("Inter-Agency Council Against Trafficking");
  await expect(featured).toContainText("International Justice Mission");

  const rows = page.getByRole("table").getByRole("row");
  await expect(rows).toHaveCount(8);
  await expect(page.getByRole("rowheader", { name: "Côte d'Ivoire" })).toBeVisible();
});

test("the health endpoint reports the database", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok", database: "ok" });
});
