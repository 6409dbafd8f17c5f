import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "cpc-demo-password";

export const demo = {
  admin: { email: "admin@demo.local", name: "Demo Administrator", role: "ADMIN" },
  reviewer: { email: "reviewer@demo.local", name: "Demo Reviewer (TIP Office)", role: "REVIEWER" },
  encoder: { email: "encoder@demo.local", name: "Demo Encoder (IACAT)", role: "ENCODER" },
  partner: { email: "partner@demo.local", name: "Demo Partner (IJM)", role: "PARTNER" },
} as const;

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function signInAs(page: Page, user: { email: string; name: string }) {
  await page.goto("/login");
  await signIn(page, user.email);
  await expect(page.getByText(`Signed in as ${user.name}`)).toBeVisible();
}

/** The id Next gave a server action in this build, as anyone could read it from the client code. */
export function serverActionId(exportedName: string): string {
  const manifest = JSON.parse(readFileSync(path.resolve(".next/server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { exportedName?: string }>;
  };
  const id = Object.entries(manifest.node).find(([, entry]) => entry.exportedName === exportedName)?.[0];
  if (!id) throw new Error(`No server action ${exportedName} in this build`);
  return id;
}

/** Posts to a server action the way a script would, skipping the page's form. */
export async function postServerAction(page: Page, pagePath: string, exportedName: string, fields: Record<string, string>) {
  // React's reply encoding: the form's fields under the prefix "_1_", then the arguments
  // (previous state, the form) as field "0", which must come last.
  // (A FormData keeps that order; an object would put the key "0" first.)
  const multipart = new FormData();
  for (const [key, value] of Object.entries(fields)) multipart.append(`_1_${key}`, value);
  multipart.append("0", JSON.stringify([{ ok: false }, "$K1"]));
  const response = await page.request.post(pagePath, {
    headers: { "Next-Action": serverActionId(exportedName), Accept: "text/x-component", Origin: new URL(page.url()).origin },
    multipart,
  });
  return { status: response.status(), body: await response.text() };
}
