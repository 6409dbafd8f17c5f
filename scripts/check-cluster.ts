// npm run check:cluster (CI runs it): the app as several instances, for real, on this machine.
//   - PostgreSQL: the server at CLUSTER_DATABASE_URL (default 127.0.0.1:5432, database
//     compact_cluster, dropped and made again), migrated and seeded with the demo users;
//   - Redis: a redis-server of its own on a free port, which the check stops and starts again;
//   - two production servers of one build (npm start's launcher, instances A and B), sharing
//     REDIS_URL, NEXTAUTH_SECRET and the build's server-action key;
//   - nginx from Debian in front of both (round robin, a GET that fails on one goes to the other).
// Then four checks, each printed with what it measured (docs/SCALING.md has the figures):
//   1. a quarter reopened through A disappears from B's public page and JSON within a second,
//      and comes back as fast when it is approved through A again;
//   2. a session made on A works on B, and signing out on B refuses it on A;
//   3. while a load generator reads the public page and the dashboard through nginx, and a
//      browser posts comments through it, A is stopped (SIGTERM, then SIGKILL) and started
//      again: no GET fails, and every comment the app acknowledged is in the database;
//   4. Redis is stopped and started again (empty): every answer stays correct, including a
//      quarter reopened while it is down, an instance started while it is down serves, and the
//      first pages after it cost a fresh render.
// Anything wrong fails with the instances' own output.
import type { ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { chromium, type Browser, type Page } from "@playwright/test";
import autocannon from "autocannon";
import pg from "pg";
import { DEMO_TWO_STEP_KEY } from "../prisma/seed/demo-users";
import { signIn, startAppServer, type AppServer } from "./lib/app-server";
import { UserFacingError, runCli } from "./lib/cli";
import { chromiumArgs, chromiumPath } from "./lib/chromium";
import { binary, RedisServer, sleep, startNginx } from "./lib/cluster";
import { findFreePort, isPortFree } from "./lib/ports";
import { ensureBuild } from "./lib/steps";

// The demo's words and figures, as a user sees them; not read from the code under test.
const DEMO_PASSWORD = "cpc-demo-password";
const QUARTER = "/dashboard/philippines/reports/2021Q2";
const PUBLIC_PAGE = "/partnerships/philippines";
const PUBLIC_JSON = "/api/public/partnerships/philippines/summary.json";
const DASHBOARD = "/dashboard/philippines";
const INDICATOR = "O2.1";
const WITHIN_MS = 1_000;

const log = (message: string) => console.log(`[cluster] ${message}`);

class CheckFailed extends Error {}

function fail(message: string): never {
  throw new CheckFailed(message);
}

async function freshDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  if (!/^[a-z0-9_]+$/.test(name)) throw new UserFacingError(`CLUSTER_DATABASE_URL must name a database of lowercase letters, digits and _, not "${name}".`);
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
}

// ---- what a user sees ----------------------------------------------------------------------

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, "")
    .replace(/&nbsp;/g, " ")
    .trim();

/** The indicator's total to date on the public page: the cell after its unit in its row. */
function pageTotal(html: string): string {
  const row = [...html.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)]
    .map((m) => m[1]!)
    .find((r) => new RegExp(`<th[^>]*>\\s*${INDICATOR.replace(".", "\\.")} `).test(r));
  if (!row) fail(`The public page has no row for ${INDICATOR}.`);
  const cells = [...row.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((m) => text(m[1]!));
  return cells[1] ?? fail(`${INDICATOR}'s row on the public page has no total.`);
}

async function jsonTotal(base: string): Promise<string> {
  const response = await fetch(base + PUBLIC_JSON);
  if (!response.ok) fail(`${base}${PUBLIC_JSON} answered ${response.status}.`);
  const json = (await response.json()) as { summary: { results: { code: string; total: string | null }[] } };
  const series = json.summary.results.find((r) => r.code === INDICATOR) ?? fail(`The JSON has no ${INDICATOR}.`);
  return series.total ?? "withheld";
}

async function publicFigures(base: string): Promise<{ page: string; json: string; pageCopy: string | null }> {
  const response = await fetch(base + PUBLIC_PAGE);
  if (!response.ok) fail(`${base}${PUBLIC_PAGE} answered ${response.status}.`);
  return { page: pageTotal(await response.text()), json: await jsonTotal(base), pageCopy: response.headers.get("x-public-cache") };
}

/** Polls until both the page and the JSON show `expected`; the milliseconds it took. */
async function waitForFigure(base: string, expected: string, started: number, limitMs: number): Promise<number> {
  let last = { page: "?", json: "?" };
  while (Date.now() - started <= limitMs * 10) {
    last = await publicFigures(base);
    if (last.page === expected && last.json === expected) return Date.now() - started;
    await sleep(25);
  }
  fail(`${base} still showed ${INDICATOR} as ${last.page} (page) and ${last.json} (JSON), not ${expected}, ${limitMs * 10} ms after the change.`);
}

/** A browser page signed in with a session made by the instance at `base`. */
async function signedInPage(browser: Browser, base: string, email: string, twoStep?: string): Promise<Page> {
  const cookie = await signIn(base, email, DEMO_PASSWORD, twoStep);
  const [name, ...value] = cookie.split("=");
  const context = await browser.newContext({ baseURL: base });
  // Production cookies are __Secure-: Chromium counts localhost as a secure origin.
  await context.addCookies([{ name: name!, value: value.join("="), domain: "localhost", path: "/", httpOnly: true, secure: true, sameSite: "Lax" }]);
  return context.newPage();
}

const iacat = (page: Page) => page.getByRole("heading", { level: 2, name: /^IACAT: / });

async function reopen(page: Page, base: string): Promise<number> {
  await page.goto(base + QUARTER);
  const form = page.getByRole("form", { name: "Reopen IACAT's report" });
  await form.getByLabel("Reason for reopening (required)").fill("Checking the cluster.");
  await form.getByRole("button", { name: "Reopen this report" }).click();
  await iacat(page).filter({ hasText: "IACAT: Reopened" }).waitFor({ timeout: 30_000 });
  return Date.now();
}

async function submit(page: Page, base: string): Promise<void> {
  await page.goto(base + QUARTER);
  await page.getByRole("button", { name: "Submit for review" }).click();
  await iacat(page).filter({ hasText: "IACAT: Submitted" }).waitFor({ timeout: 30_000 });
}

async function approve(page: Page, base: string): Promise<number> {
  await page.goto(base + QUARTER);
  const form = page.getByRole("form", { name: "Review IACAT's report" });
  await form.getByLabel("Approve").check();
  await form.getByRole("button", { name: "Record decision" }).click();
  await iacat(page).filter({ hasText: "IACAT: Approved" }).waitFor({ timeout: 30_000 });
  return Date.now();
}

// ---- load ---------------------------------------------------------------------------------

interface Reader {
  stop(): Promise<{ requests: number; failures: number; statuses: Record<string, number>; errors: number }>;
}

function read(base: string, pathname: string, connections: number, cookie?: string): Reader {
  const statuses: Record<string, number> = {};
  let requests = 0;
  const instance = autocannon(
    { url: base + pathname, connections, duration: 600, timeout: 30, headers: { "accept-encoding": "gzip", ...(cookie ? { cookie } : {}) } },
    () => {},
  );
  instance.on("response", (_client, status) => {
    requests += 1;
    statuses[status] = (statuses[status] ?? 0) + 1;
  });
  let errors = 0;
  instance.on("reqError", () => (errors += 1));
  return {
    stop: async () => {
      const done = new Promise<autocannon.Result>((resolve) => instance.once("done", resolve));
      instance.stop();
      const result = await done;
      return { requests, statuses, errors, failures: result.non2xx + result.errors + result.timeouts };
    },
  };
}

/** Posts comments through the balancer as a reviewer would, one after another; the ones the app acknowledged. */
function writeComments(page: Page, base: string, runId: string) {
  let stopping = false;
  const acknowledged: string[] = [];
  let refused = 0;
  const loop = (async () => {
    for (let n = 1; !stopping; n++) {
      const body = `Cluster write ${n} of ${runId}`;
      try {
        await page.goto(base + QUARTER, { timeout: 15_000 });
        const form = page.getByRole("form", { name: "Comment on IACAT's report" });
        await form.getByLabel("Add a comment").fill(body);
        await form.getByRole("button", { name: "Post comment" }).click();
        await form.getByRole("status").filter({ hasText: "Comment added." }).waitFor({ timeout: 10_000 });
        acknowledged.push(body);
      } catch {
        refused += 1; // not acknowledged: the user saw an error, or nothing
      }
    }
  })();
  return {
    stop: async () => {
      stopping = true;
      await loop;
      return { acknowledged, refused };
    },
  };
}

async function stopHard(server: AppServer, graceMs: number): Promise<{ exitedOnTerm: boolean }> {
  const child = server.process;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  process.kill(-child.pid!, "SIGTERM");
  const onTerm = await Promise.race([exited.then(() => true), sleep(graceMs).then(() => false)]);
  try {
    process.kill(-child.pid!, "SIGKILL"); // whatever of its group is left
  } catch {
    // already gone
  }
  await exited;
  return { exitedOnTerm: onTerm };
}

// ---- the check ----------------------------------------------------------------------------

await runCli(async () => {
  const started = Date.now();
  const databaseUrl = process.env.CLUSTER_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/compact_cluster";
  const redisBin = binary("redis-server", ["/usr/bin/redis-server"], "install it (Debian: apt-get install redis-server; macOS: brew install redis).");
  const nginxBin = binary("nginx", ["/usr/sbin/nginx"], "install it (Debian: apt-get install nginx).");
  const dir = await mkdtemp(path.join(os.tmpdir(), "compact-cluster-"));
  const redis = new RedisServer(redisBin, await findFreePort());
  const [portA, portB, portLb] = [await findFreePort("0.0.0.0"), await findFreePort("0.0.0.0"), await findFreePort()];
  const instances: AppServer[] = [];
  let nginx: ChildProcess | undefined;
  let browser: Browser | undefined;
  const runId = randomBytes(4).toString("hex");
  const shared = {
    REDIS_URL: redis.url,
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
    NEXTAUTH_URL: `http://localhost:${portLb}`,
    SEED_DEMO_USERS: "1",
    TRUSTED_PROXY_HOPS: "1",
  };
  const start = (port: number) => startAppServer({ databaseUrl, port, quiet: true, env: shared });
  const outputs = () => instances.map((s, i) => `--- instance ${i === 0 ? "A" : "B"} ---\n${s.output().slice(-4000)}`).join("\n");

  try {
    log(`PostgreSQL: ${databaseUrl.replace(/\/\/[^@]*@/, "//")} (made afresh)`);
    await freshDatabase(databaseUrl);
    await redis.start();
    log(`Redis: its own redis-server on port ${redis.port}`);
    await ensureBuild({ ...process.env, ...shared, DATABASE_URL: databaseUrl });
    // A first: it migrates and seeds; B then finds the database ready.
    instances.push(await start(portA));
    instances.push(await start(portB));
    nginx = await startNginx(nginxBin, dir, portLb, [portA, portB]);
    const [A, B] = [`http://localhost:${portA}`, `http://localhost:${portB}`];
    const LB = `http://localhost:${portLb}`;
    log(`Instances A ${A} and B ${B} (one build), nginx ${LB}`);

    browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
    const admin = await signedInPage(browser, A, "admin@demo.local", DEMO_TWO_STEP_KEY);
    const reviewer = await signedInPage(browser, A, "reviewer@demo.local", DEMO_TWO_STEP_KEY);
    const encoder = await signedInPage(browser, A, "encoder@demo.local");

    // 1. Approvals through A, read from B.
    const before = await publicFigures(B);
    if (before.page !== before.json) fail(`B's page says ${before.page} and its JSON ${before.json} for ${INDICATOR}.`);
    const again = await publicFigures(B);
    if (again.pageCopy !== "HIT") fail(`B did not keep a copy of the public page (x-public-cache: ${again.pageCopy}).`);
    const reopenedAt = await reopen(admin, A);
    const reopened = await publicFigures(A);
    if (reopened.page === before.page) fail(`A still shows ${INDICATOR} as ${before.page} after reopening the quarter.`);
    const gone = await waitForFigure(B, reopened.page, reopenedAt, WITHIN_MS);
    await submit(encoder, A);
    await publicFigures(B); // B keeps the reopened figure again
    const approvedAt = await approve(reviewer, A);
    const back = await waitForFigure(B, before.page, approvedAt, WITHIN_MS);
    if (gone > WITHIN_MS || back > WITHIN_MS) fail(`B showed the change after ${gone} ms (reopened) and ${back} ms (approved); the limit is ${WITHIN_MS} ms.`);
    log(
      `check 1 passed: ${INDICATOR} ${before.page} → ${reopened.page} on B ${gone} ms after the reopening on A, and back to ${before.page} ${back} ms after the approval (page and JSON)`,
    );

    // 2. Sessions across instances.
    const session = await signIn(A, "partner@demo.local", DEMO_PASSWORD);
    const onB = await fetch(B + DASHBOARD, { headers: { cookie: session }, redirect: "manual" });
    if (onB.status !== 200 || !(await onB.text()).includes("Signed in as")) fail(`A session made on A was not accepted by B (HTTP ${onB.status}).`);
    const csrf = await fetch(`${B}/api/auth/csrf`, { headers: { cookie: session } });
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const csrfCookie = csrf.headers.getSetCookie().map((c) => c.split(";")[0]!);
    const signOut = await fetch(`${B}/api/auth/signout`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: B, cookie: [session, ...csrfCookie].join("; ") },
      body: new URLSearchParams({ csrfToken, json: "true" }),
    });
    if (signOut.status >= 400) fail(`Signing out on B answered ${signOut.status}.`);
    const onA = await fetch(A + DASHBOARD, { headers: { cookie: session }, redirect: "manual" });
    const location = onA.headers.get("location") ?? "";
    if (onA.status === 200 || !location.includes("/login"))
      fail(`After signing out on B, A still accepted the session (HTTP ${onA.status}, ${location || "no redirect"}).`);
    log(`check 2 passed: a session made on A was accepted by B (HTTP 200); signed out on B, A sends it to the login page (HTTP ${onA.status})`);

    // 3. An instance stopped and started again under load.
    const watcher = await signIn(A, "partner@demo.local", DEMO_PASSWORD);
    const readers = [read(LB, PUBLIC_PAGE, 8), read(LB, DASHBOARD, 8, watcher)];
    const writer = writeComments(await signedInPage(browser, A, "encoder@demo.local"), LB, runId);
    await sleep(5_000);
    const stoppedAt = Date.now();
    const { exitedOnTerm } = await stopHard(instances[0]!, 2_000);
    for (let i = 0; i < 50 && !(await isPortFree(portA, "0.0.0.0")); i++) await sleep(100);
    await sleep(2_000); // B alone for a moment
    instances[0] = await start(portA);
    const backAfter = Date.now() - stoppedAt;
    await sleep(5_000); // A in the pool again
    const [pageLoad, dashboardLoad] = await Promise.all(readers.map((r) => r.stop()));
    const writes = await writer.stop();
    const stored = new pg.Client({ connectionString: databaseUrl });
    await stored.connect();
    const { rows } = await stored.query<{ body: string }>(`SELECT body FROM "Comment" WHERE body LIKE $1`, [`Cluster write % of ${runId}`]);
    await stored.end();
    const kept = new Set(rows.map((r) => r.body));
    const lost = writes.acknowledged.filter((body) => !kept.has(body));
    const failed = pageLoad!.failures + dashboardLoad!.failures;
    log(
      `check 3: A stopped with SIGTERM (${exitedOnTerm ? "it exited within 2 s" : "SIGKILL after 2 s"}) and served again ${(backAfter / 1000).toFixed(1)} s later; ` +
        `GETs through nginx: public page ${pageLoad!.requests} (${JSON.stringify(pageLoad!.statuses)}), dashboard ${dashboardLoad!.requests} (${JSON.stringify(dashboardLoad!.statuses)}), failed ${failed}; ` +
        `comments acknowledged ${writes.acknowledged.length}, not acknowledged ${writes.refused}, acknowledged but missing ${lost.length}`,
    );
    if (failed > 0) fail(`${failed} GETs through nginx failed while A restarted.`);
    if (lost.length > 0) fail(`Acknowledged comments are missing from the database: ${lost.join("; ")}`);
    if (writes.acknowledged.length === 0) fail("No comment was acknowledged during the restart: the writer did not write.");
    log("check 3 passed: 0 failed GETs, no acknowledged write lost");

    // 4. Redis stopped and started again, empty.
    await publicFigures(B);
    const warm = Date.now();
    const warmCopy = await publicFigures(B);
    const warmMs = Date.now() - warm;
    await redis.stop();
    const downAt = Date.now();
    // Each instance hears the connection close and stops serving copies: within a second.
    let deafAfterMs = -1;
    while (Date.now() - downAt <= WITHIN_MS) {
      const copies = await Promise.all([A, B].map(async (base) => (await publicFigures(base)).pageCopy));
      if (copies.every((copy) => copy !== "HIT")) {
        deafAfterMs = Date.now() - downAt;
        break;
      }
      await sleep(25);
    }
    if (deafAfterMs < 0) fail(`An instance still served its copy of the public page ${WITHIN_MS} ms after Redis stopped, though it cannot know it is current.`);
    const whileDown = await publicFigures(LB);
    if (whileDown.page !== before.page || whileDown.json !== before.page)
      fail(`With Redis down the balancer showed ${whileDown.page} / ${whileDown.json}, not ${before.page}.`);
    if (whileDown.pageCopy === "HIT") fail("With Redis down an instance served its copy of the public page, which it cannot know is current.");
    // A change while Redis is down: B must not serve the figure from before it.
    await reopen(admin, A);
    const duringMs = await waitForFigure(B, reopened.page, Date.now(), WITHIN_MS);
    const dashboardDown = await fetch(LB + DASHBOARD, { headers: { cookie: watcher } });
    if (dashboardDown.status !== 200) fail(`With Redis down the dashboard answered ${dashboardDown.status}.`);
    // An instance that starts while Redis is down starts, and answers correctly.
    await instances[1]!.stop();
    instances[1] = await start(portB);
    const startedDown = await publicFigures(B);
    if (startedDown.page !== reopened.page || startedDown.json !== reopened.page)
      fail(`B, started while Redis was down, showed ${startedDown.page} / ${startedDown.json}, not ${reopened.page}.`);
    await redis.start();
    const upAt = Date.now();
    // Both instances reconnect by themselves; the first requests render afresh into the empty store.
    const cold = Date.now();
    const afterRestart = await publicFigures(B);
    const coldMs = Date.now() - cold;
    if (afterRestart.page !== reopened.page || afterRestart.json !== reopened.page)
      fail(`After Redis restarted, B showed ${afterRestart.page} / ${afterRestart.json}, not ${reopened.page}.`);
    let copiesBackMs = -1;
    for (let i = 0; i < 100; i++) {
      const response = await fetch(B + PUBLIC_PAGE);
      await response.arrayBuffer();
      if (response.headers.get("x-public-cache") === "HIT") {
        copiesBackMs = Date.now() - upAt;
        break;
      }
      await sleep(100);
    }
    if (copiesBackMs < 0) fail("B never served its copy of the public page again after Redis came back.");
    await submit(encoder, A);
    const approvedAgain = await approve(reviewer, A);
    const afterMs = await waitForFigure(B, before.page, approvedAgain, WITHIN_MS);
    log(
      `check 4 passed: Redis down ${((upAt - downAt) / 1000).toFixed(1)} s: no copies served after ${deafAfterMs} ms, a reopening on A showed on B after ${duringMs} ms, the dashboard answered 200, B started again and served; ` +
        `after the restart the public page and JSON took ${coldMs} ms cold (${warmMs} ms from a copy before: ${warmCopy.pageCopy}), copies served again after ${copiesBackMs} ms, an approval on A showed on B after ${afterMs} ms`,
    );
    log(`All four checks passed in ${Math.round((Date.now() - started) / 1000)} s.`);
  } catch (error) {
    if (error instanceof CheckFailed) {
      console.error(outputs());
      throw new UserFacingError(`check:cluster failed: ${error.message}`);
    }
    console.error(outputs());
    throw error;
  } finally {
    await browser?.close().catch(() => {});
    nginx?.kill("SIGTERM");
    await Promise.all(instances.map((s) => s.stop().catch(() => {})));
    await redis.stop().catch(() => {});
    await rm(dir, { recursive: true, force: true });
  }
});
