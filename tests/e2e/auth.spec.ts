import { expect, test } from "@playwright/test";
import { PROTECTED_ROUTES, type RouteRule } from "../../lib/auth/endpoints";
import { can, type Actor, type Role } from "../../lib/auth/permissions";
import { decode } from "next-auth/jwt";
import { stepAt, totpCode } from "../../scripts/lib/totp-code";
import { demo, DEMO_PASSWORD, postServerAction, serverActionId, signIn, signInAs, twoStepKeys, usedTwoStep } from "./helpers";
import { E2E_AUTH_SECRET } from "./secret";

test.describe.configure({ mode: "serial" });

for (const user of Object.values(demo)) {
  test(`${user.role.toLowerCase()} signs in and out`, async ({ page }) => {
    await page.goto("/login");
    await signIn(page, user.email);
    await expect(page).toHaveURL(/\/dashboard$/);
    await expect(page.getByText(`Signed in as ${user.name}`)).toBeVisible();
    await expect(page.getByRole("heading", { name: "Your partnerships" })).toBeVisible();

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login$/);
    await page.goto("/dashboard");
    await expect(page).toHaveURL(/\/login\?next=%2Fdashboard$/);
  });
}

test("a wrong password shows an error and gives no session", async ({ page }) => {
  await page.goto("/login");
  await signIn(page, demo.reviewer.email, "not the password at all");
  await expect(page.locator("#login-error")).toHaveText("The email or password is not right. Check them and try again.");
  await expect(page).toHaveURL(/\/login/);
  expect(await (await page.request.get("/api/auth/session")).json()).toEqual({});
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/login\?next=/);
});

test("a signed-out visitor is sent to sign in and comes back to the page they asked for", async ({ page }) => {
  await page.goto("/dashboard/admin/users");
  await expect(page).toHaveURL(/\/login\?next=%2Fdashboard%2Fadmin%2Fusers$/);
  await signIn(page, demo.admin.email);
  await expect(page).toHaveURL(/\/dashboard\/admin\/users$/);
  await expect(page.getByRole("heading", { name: "Users", level: 1 })).toBeVisible();
});

// One concrete address for each protected route pattern; a new pattern without one fails here.
const samplePaths: Record<string, string> = {
  "/dashboard": "/dashboard",
  "/dashboard/admin/users": "/dashboard/admin/users",
  "/dashboard/account": "/dashboard/account",
  "/dashboard/notifications": "/dashboard/notifications",
  "/dashboard/admin/outbox": "/dashboard/admin/outbox",
  "/dashboard/[slug]": "/dashboard/philippines",
  "/dashboard/[slug]/reports": "/dashboard/philippines/reports",
  "/dashboard/[slug]/reports/[period]": "/dashboard/philippines/reports/2019Q3",
  "/dashboard/[slug]/audit": "/dashboard/philippines/audit",
  "/dashboard/[slug]/releases": "/dashboard/philippines/releases",
  "/dashboard/[slug]/reports/[period]/import": "/dashboard/philippines/reports/2019Q3/import",
  "/dashboard/[slug]/indicators/[code]": "/dashboard/philippines/indicators/O1.1",
  "/dashboard/[slug]/objectives/[code]": "/dashboard/philippines/objectives/O2",
  "/dashboard/[slug]/targets": "/dashboard/philippines/targets",
  "/dashboard/[slug]/dialogues": "/dashboard/philippines/dialogues",
  // A seeded dialogue's id is made when the database is seeded: read from the list once signed in.
  "/dashboard/[slug]/dialogues/[id]": "/dashboard/philippines/dialogues/SEEDED",
  "/dashboard/[slug]/sustainability": "/dashboard/philippines/sustainability",
  "/dashboard/[slug]/contributions": "/dashboard/philippines/contributions",
};

function expectedStatus(rule: RouteRule, role: Role | null): number {
  if (role === null) return 307;
  if (rule === "signed-in") return 200;
  // Every demo user but the admin works on the Philippines partnership only.
  const actor: Actor = { id: "", email: "", name: "", role, organizationId: "own", partnershipIds: role === "ADMIN" ? [] : ["philippines"] };
  return can(actor, rule, { partnershipId: "philippines", organizationId: "own" }) ? 200 : 403;
}

// Pages only: the API route handlers answer JSON and are checked in the integration tests.
const protectedPages = Object.fromEntries(Object.entries(PROTECTED_ROUTES).filter(([path]) => path.startsWith("/dashboard")));

test("every protected page answers each role as the permission table says", async ({ browser }) => {
  test.setTimeout(90_000); // five sign-ins and fifty pages: 18 s idle, more on a busy machine
  expect(Object.keys(samplePaths).sort()).toEqual(Object.keys(protectedPages).sort());
  const seen: string[] = [];
  const wanted: string[] = [];
  for (const user of [null, ...Object.values(demo)]) {
    const context = await browser.newContext();
    const page = await context.newPage();
    if (user) await signInAs(page, user);
    if (user && samplePaths["/dashboard/[slug]/dialogues/[id]"]!.endsWith("SEEDED")) {
      const list = await (await page.request.get("/dashboard/philippines/dialogues")).text();
      samplePaths["/dashboard/[slug]/dialogues/[id]"] = list.match(/\/dashboard\/philippines\/dialogues\/[a-z0-9]{20,}/)![0];
    }
    for (const [pattern, rule] of Object.entries(protectedPages)) {
      const response = await page.request.get(samplePaths[pattern]!, { maxRedirects: 0 });
      const who = user?.role ?? "anonymous";
      seen.push(`${who} ${pattern}: ${response.status()}`);
      wanted.push(`${who} ${pattern}: ${expectedStatus(rule, user ? user.role : null)}`);
      if (response.status() === 307) expect(response.headers().location).toContain("/login?next=");
    }
    await context.close();
  }
  expect(seen).toEqual(wanted);
});

test("after 10 failed sign-ins the account is refused, even with the right password", async ({ page, browser }) => {
  const email = `lockout-${Date.now()}@test.local`;
  const password = "the right password for this test";
  await signInAs(page, demo.admin);
  await page.goto("/dashboard/admin/users");
  const create = page.locator("form").filter({ has: page.getByRole("button", { name: "Create user" }) });
  await create.getByLabel("Email").fill(email);
  await create.getByLabel("Name").fill("Lockout Test");
  await create.getByLabel("Initial password (12 to 128 characters)").fill(password);
  await create.getByLabel("Role").selectOption("ENCODER");
  await create.getByLabel("Organization").selectOption({ label: "IACAT — Inter-Agency Council Against Trafficking (Department of Justice, Philippines)" });
  await create.getByLabel("Philippines").check();
  await create.getByRole("button", { name: "Create user" }).click();
  await expect(create.getByRole("status")).toContainText(`Created ${email}`);

  const context = await browser.newContext();
  const visitor = await context.newPage();
  await visitor.goto("/login");
  for (let attempt = 1; attempt <= 9; attempt++) {
    await signIn(visitor, email, `wrong password number ${attempt}`);
    await expect(visitor.locator("#login-error")).toHaveText("The email or password is not right. Check them and try again.");
  }
  await signIn(visitor, email, "wrong password number 10");
  await expect(visitor.locator("#login-error")).toContainText("Too many failed sign-ins for this account: sign-in is refused for 15 minutes");
  await signIn(visitor, email, password);
  await expect(visitor.locator("#login-error")).toContainText("Too many failed sign-ins for this account: sign-in is refused for 15 minutes");
  expect(await (await visitor.request.get("/api/auth/session")).json()).toEqual({});
  await context.close();
});

test("an encoder who posts the review action directly is refused, and nothing changes", async ({ page, browser }) => {
  await signInAs(page, demo.encoder);
  await page.goto("/dashboard/philippines/reports/2019Q3");
  await expect(page.getByRole("heading", { name: "IACAT: Approved" })).toBeVisible();
  const reviewerContext = await browser.newContext();
  const reviewer = await reviewerContext.newPage();
  await signInAs(reviewer, demo.reviewer);
  await reviewer.goto("/dashboard/philippines/reports/2019Q3");

  // The same request from both: the encoder is refused for their role; the reviewer gets through
  // the permission check and is stopped only by the quarter being approved already.
  const submissionId = await reviewer.getByRole("region", { name: "IACAT: Approved" }).getAttribute("data-submission-id");
  expect(submissionId).toBeTruthy();
  const target = { submissionId: submissionId!, version: "1", decision: "RETURN", reason: "Posted directly" };
  const asEncoder = await postServerAction(page, "/dashboard/philippines/reports/2019Q3", "reviewSubmissionAction", target);
  expect(asEncoder.body).toContain('"code":"FORBIDDEN"');
  expect(asEncoder.body).toContain("Your role does not allow this.");
  const asReviewer = await postServerAction(reviewer, "/dashboard/philippines/reports/2019Q3", "reviewSubmissionAction", target);
  expect(asReviewer.body).toContain('"code":"CONFLICT"');

  await page.reload();
  await expect(page.getByRole("heading", { name: "IACAT: Approved" })).toBeVisible();
  await expect(page.getByText("Posted directly")).toHaveCount(0);
  await reviewerContext.close();
});

test("responses carry the security headers", async ({ page }) => {
  const home = await page.request.get("/");
  const homeCsp = home.headers()["content-security-policy"] ?? "";
  for (const directive of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"]) expect(homeCsp).toContain(directive);
  expect(home.headers()["x-content-type-options"]).toBe("nosniff");
  expect(home.headers()["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(home.headers()["x-powered-by"]).toBeUndefined();

  await signInAs(page, demo.reviewer);
  const dashboard = await page.request.get("/dashboard");
  const csp = dashboard.headers()["content-security-policy"] ?? "";
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).toContain("object-src 'none'");
  const cookie = (await page.context().cookies()).find((c) => c.name.endsWith("next-auth.session-token"));
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", secure: true });
});

test("a return path that a browser reads as another site leads to the dashboard, before and after sign-in", async ({ page }) => {
  // "/<tab>/evil.example": Chromium drops the tab and reads "//evil.example", another site.
  await page.goto("/login?next=/%09/evil.example");
  await signIn(page, demo.reviewer.email);
  await expect(page).toHaveURL(/^http:\/\/localhost:\d+\/dashboard$/);
  for (const next of ["/%09/evil.example", "/%5Cevil.example", "/.//evil.example", "/%0d%0a/evil.example"]) {
    const signedIn = await page.request.get(`/login?next=${next}`, { maxRedirects: 0 });
    expect(signedIn.status(), next).toBe(307);
    expect(signedIn.headers().location, next).toBe("/dashboard");
  }
});

test("before its script runs, the login form posts the password rather than putting it in the address", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/login");
  const sent = page.waitForRequest((request) => (request.url().includes("/login") && request.method() !== "GET") || request.url().includes("password="));
  // The encoder has no two-step key here, so signIn only fills the form and presses the button.
  await signIn(page, demo.encoder.email, "a password that must not reach an address bar");
  const request = await sent;
  expect(request.method()).toBe("POST");
  expect(request.url()).not.toContain("password");
  await context.close();
});

test("a session cookie copied before sign-out opens nothing afterwards, and says it lasts 30 minutes", async ({ page, browser }) => {
  await signInAs(page, demo.encoder);
  const copied = (await page.context().cookies()).filter((c) => c.name.endsWith("next-auth.session-token"));
  expect(copied).toHaveLength(1);
  const token = await decode({ token: copied[0]!.value, secret: E2E_AUTH_SECRET });
  expect(Number(token?.exp) - Number(token?.iat)).toBe(30 * 60);

  const stolen = await browser.newContext();
  await stolen.addCookies(copied);
  const thief = await stolen.newPage();
  await thief.goto("/");
  const before = await thief.request.get("/dashboard/philippines/reports/2019Q3", { maxRedirects: 0 });
  expect(before.status()).toBe(200);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login$/);

  const pageAfter = await thief.request.get("/dashboard/philippines/reports/2019Q3", { maxRedirects: 0 });
  expect(pageAfter.status()).toBe(307);
  expect(pageAfter.headers().location).toContain("/login?next=");
  const exported = await thief.request.get("/api/partnerships/philippines/reports/2019Q3/export");
  expect(exported.status()).toBe(401);
  expect(await (await thief.request.get("/api/auth/session")).json()).toEqual({});
  await stolen.addCookies(copied); // /api/auth/session cleared it; the thief keeps a copy
  const action = await postServerAction(thief, "/dashboard/philippines/reports/2019Q3", "addCommentAction", { submissionId: "x", body: "after sign-out" });
  expect(action.body).toContain('"code":"UNAUTHENTICATED"');
  await stolen.close();
});

test("malformed requests get a 4xx with a sentence, and the refusals carry the security headers", async ({ page }) => {
  await signInAs(page, demo.encoder);
  const expectHeaders = (response: { headers(): Record<string, string> }) => {
    expect(response.headers()["x-content-type-options"]).toBe("nosniff");
    expect(response.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  };
  const badEscape = await page.request.get("/dashboard/philippines/indicators/%ff", { maxRedirects: 0 });
  expect(badEscape.status()).toBe(400);
  expect(await badEscape.text()).toBe("Bad request: the address has a %-escape that is not UTF-8 text.");
  expectHeaders(badEscape);

  const action = { "Next-Action": serverActionId("addCommentAction"), Origin: new URL(page.url()).origin, "Content-Type": "text/plain;charset=UTF-8" };
  const garbled = await page.request.post("/dashboard/philippines/reports/2019Q3", { headers: action, data: '["$K1", {garbage' });
  expect(garbled.status()).toBe(400);
  expect((await garbled.json()).message).toBe("The form could not be read: reload the page and send it again.");
  expectHeaders(garbled);
  const oversized = await page.request.post("/dashboard/philippines/reports/2019Q3", { headers: action, data: "a".repeat(1_100_000) });
  expect(oversized.status()).toBe(413);
  expect((await oversized.json()).message).toBe("What was sent is larger than 1 MB: shorten the text and try again.");
  expectHeaders(oversized);

  for (const period of ["2019Q3%0d%0a", "2019Q3%E2%80%A8"]) {
    const exported = await page.request.get(`/api/partnerships/philippines/reports/${period}/export`);
    expect(exported.status(), period).toBeLessThan(500);
    expect(exported.headers()["content-disposition"] ?? "", period).toMatch(/^attachment; filename="[A-Za-z0-9._-]+\.csv"$/);
  }
});

// The last tests to sign in as the demo partner: its password changes for the rest of the run.
const PARTNER_PASSPHRASE = "violet harbour tractor lanterns, 1987";
test("a user changes their own password: a guessable one is refused, then they sign in with the new one", async ({ page }) => {
  await signInAs(page, demo.partner);
  await page.getByRole("link", { name: "Your account" }).click();
  await expect(page.getByRole("heading", { name: "Your account", level: 1 })).toBeVisible();
  await page.getByLabel("Current password").fill(DEMO_PASSWORD);
  await page.getByLabel("New password (12 to 128 characters)").fill("cpc-demo-password1");
  await page.getByLabel("New password again").fill("cpc-demo-password1");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.locator("#account-password-error")).toContainText("This password is too easy to guess");

  const passphrase = PARTNER_PASSPHRASE;
  await page.getByLabel("New password (12 to 128 characters)").fill(passphrase);
  await page.getByLabel("New password again").fill(passphrase);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Your password is changed" })).toBeVisible();
  await expect(page).toHaveURL(/\/login\?next=%2Fdashboard%2Faccount$/, { timeout: 10_000 });
  await signIn(page, demo.partner.email, DEMO_PASSWORD);
  await expect(page.locator("#login-error")).toHaveText("The email or password is not right. Check them and try again.");
  await signIn(page, demo.partner.email, passphrase);
  await expect(page).toHaveURL(/\/dashboard\/account$/);
});

test("a partner sets up two-step sign-in, then signs in with a code from the app or a recovery code", async ({ page }) => {
  await page.goto("/login");
  await signIn(page, demo.partner.email, PARTNER_PASSPHRASE);
  await page.getByRole("link", { name: "Your account" }).click();
  await page.getByRole("button", { name: "Set up two-step sign-in" }).click();
  await expect(page.getByRole("img", { name: `QR code of the key for ${demo.partner.email}` })).toBeVisible();
  const key = (await page.locator("#two-step code").textContent())!.trim();
  expect(key).toMatch(/^[A-Z2-7]{32}$/);
  const now = totpCode(key, stepAt());
  await page.getByLabel("Code the app shows now").fill(now === "000000" ? "000001" : "000000");
  await page.getByRole("button", { name: "Turn on two-step sign-in" }).click();
  await expect(page.locator("#two-step-code-error")).toContainText("That is not the code the app shows now");
  await page.getByLabel("Code the app shows now").fill(totpCode(key, stepAt()));
  await page.getByRole("button", { name: "Turn on two-step sign-in" }).click();
  const status = page.getByRole("status").filter({ hasText: "Two-step sign-in is on." });
  await expect(status).toBeVisible();
  const recovery = (await status.textContent())!.match(/[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}/g)!;
  expect(recovery).toHaveLength(10);
  twoStepKeys.set(demo.partner.email, key);
  usedTwoStep(demo.partner.email, stepAt());
  await page.getByRole("button", { name: "Done: I have kept the recovery codes" }).click();
  await expect(page.getByText("Recovery codes left: 10 of 10.")).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await signIn(page, demo.partner.email, PARTNER_PASSPHRASE);
  await expect(page.getByText(`Signed in as ${demo.partner.name}`)).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login$/);
  twoStepKeys.delete(demo.partner.email);
  await signIn(page, demo.partner.email, PARTNER_PASSPHRASE);
  await page.getByLabel("Code from your authenticator app").fill(recovery[0]!);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText(`Signed in as ${demo.partner.name}`)).toBeVisible();
  await page.goto("/dashboard/account");
  await expect(page.getByText("Recovery codes left: 9 of 10.")).toBeVisible();
});
