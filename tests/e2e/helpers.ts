import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, type Cookie, type Page } from "@playwright/test";
import { DEMO_TWO_STEP_KEY } from "../../prisma/seed/demo-users";
import { stepAt, totpCode } from "../../scripts/lib/totp-code";

export const DEMO_PASSWORD = "cpc-demo-password";

export const demo = {
  admin: { email: "admin@demo.local", name: "Demo Administrator", role: "ADMIN" },
  reviewer: { email: "reviewer@demo.local", name: "Demo Reviewer (TIP Office)", role: "REVIEWER" },
  encoder: { email: "encoder@demo.local", name: "Demo Encoder (IACAT)", role: "ENCODER" },
  partner: { email: "partner@demo.local", name: "Demo Partner (IJM)", role: "PARTNER" },
} as const;

/** Two-step keys by email: the demo administrator's and reviewer's, and any a test sets up. */
export const twoStepKeys = new Map<string, string>([
  ["admin@demo.local", DEMO_TWO_STEP_KEY],
  ["reviewer@demo.local", DEMO_TWO_STEP_KEY],
]);
const lastStep = new Map<string, number>();
/** Records a step whose code was used outside signIn (setting up), so signIn takes a later one. */
export const usedTwoStep = (email: string, step: number) => lastStep.set(email, step);

/**
 * Signs in as a person would; with a known two-step key, enters the code an app would show. A
 * code signs in once, so a second sign-in within the same 30 s uses the next step's code (the
 * server accepts one step either side), waiting when even that was used.
 */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  const key = twoStepKeys.get(email);
  if (!key) return;
  const codeField = page.getByLabel("Code from your authenticator app");
  await expect(
    codeField
      .or(page.locator("#login-error"))
      .or(page.getByText(/^Signed in as /))
      .first(),
  ).toBeVisible();
  if (!(await codeField.isVisible())) return;
  for (let attempt = 0; attempt < 4; attempt++) {
    let step = Math.max(stepAt() - 1, (lastStep.get(email) ?? 0) + 1);
    while (step > stepAt() + 1) await page.waitForTimeout(1000);
    step = Math.max(step, stepAt() - 1);
    lastStep.set(email, step);
    await codeField.fill(totpCode(key, step));
    await page.getByRole("button", { name: "Sign in" }).click();
    const used = page.getByText("That code is not right, or it was used already.");
    await expect(used.or(page.getByText(/^Signed in as /)).first()).toBeVisible();
    if (!(await used.isVisible())) return;
  }
  throw new Error(`Two-step sign-in as ${email} failed four times.`);
}

const sessions = new Map<string, Cookie[]>();

/**
 * Signs in and lands on the dashboard. The session cookie is kept and reused by the next call
 * for the same user, as long as it still opens the dashboard (a test may have signed it out):
 * with two-step sign-in each fresh sign-in needs a code of its own, and there is one every 30 s.
 */
export async function signInAs(page: Page, user: { email: string; name: string }) {
  const signedIn = page.getByText(`Signed in as ${user.name}`);
  const saved = sessions.get(user.email);
  if (saved) {
    await page.context().addCookies(saved);
    await page.goto("/dashboard");
    if (await signedIn.isVisible()) return;
    await page.context().clearCookies();
  }
  await page.goto("/login");
  await signIn(page, user.email);
  await expect(signedIn).toBeVisible();
  sessions.set(
    user.email,
    (await page.context().cookies()).filter((c) => c.name.endsWith("next-auth.session-token")),
  );
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
