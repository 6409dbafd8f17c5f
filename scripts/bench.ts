// npm run bench: figures for speed and scale on this machine, printed as one table and written to
// bench/results/latest.json. Fails only when a page's first-load JavaScript is over its budget.
//   1. a fresh benchmark database (BENCH_DATABASE_URL, or compact_bench on this machine's server)
//   2. the dashboard's aggregations at 10k, 100k and 1M measurements (median, p95, 1M/10k)
//   3. a 10,000-row quarterly CSV import, dry run and apply
//   4. the production build on that database: first-load JS per route, and HTTP load with
//      autocannon on the public summary, its JSON, the signed-in dashboard and a static file
//   5. the signed-in overview on its own: its weight (HTML and RSC payload) and its latency for
//      one user; with --baseline-dir, the same figures and its load for an earlier commit's build,
//      measured in this run on the same database; with --before, an earlier run's figures
//   6. the public summary and the overview through nginx, to one instance and to two of this
//      build sharing a Redis (./bench/cluster.ts; needs nginx and redis-server)
// package.json generates the Prisma client before this file loads (its imports reach it).
// Options: --sizes 10000,100000,1000000  --http-seconds 20  --connections 50
//          --baseline-dir <a built checkout of an earlier commit>  --before bench/results/<an earlier run>.json
import { randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { createPrismaClient } from "../lib/data/prisma";
import { benchDatabaseUrl, prepareBenchDatabase } from "./bench/database";
import { startBaselineServer, type BaselineServer } from "./bench/baseline-server";
import { benchCluster, type ClusterResult } from "./bench/cluster";
import { firstLoadJs, load, type BundleSize, type LoadResult } from "./bench/http";
import { pageWeight, type PageWeight } from "./bench/page-weight";
import { timeImport, type ImportTiming } from "./bench/import";
import { QUERIES, timeQueries, type QueryName } from "./bench/queries";
import { ensureImportPartnership, fillTo, IMPORT_SLUG } from "./bench/scale-data";
import { gitCommit } from "./bench/commit";
import { round, type Timing } from "./bench/stats";
import { BENCH_TWO_STEP, createBenchUsers } from "./bench/users";
import { startAppServer, signIn } from "./lib/app-server";
import { UserFacingError, runCli } from "./lib/cli";
import { projectRoot } from "./lib/database";
import { ensureBuild } from "./lib/steps";

export const BUDGET_KB = { public: 160, dashboard: 250 } as const;
const PUBLIC_ROUTES = ["/", "/partnerships/philippines", "/login"];
const DASHBOARD_ROUTES = [
  "/dashboard/philippines",
  "/dashboard/philippines/reports",
  "/dashboard/philippines/reports/2021Q2",
  "/dashboard/philippines/indicators/O1.1",
  "/dashboard/philippines/objectives/O1",
  "/dashboard/philippines/audit",
  "/dashboard/admin/users",
];
// The import page is for encoders of the quarter's organization: measured as the benchmark encoder.
const ENCODER_ROUTES = [`/dashboard/${IMPORT_SLUG}/reports/2021Q4/import`];
const HTTP_TARGETS = [
  { name: "static file (floor)", path: "/robots.txt", signedIn: false },
  { name: "public summary page", path: "/partnerships/philippines", signedIn: false },
  { name: "public summary JSON", path: "/api/public/partnerships/philippines/summary.json", signedIn: false },
  { name: "dashboard, signed in", path: "/dashboard/philippines", signedIn: true },
];

const OVERVIEW = "/dashboard/philippines";

const kb = (bytes: number) => round(bytes / 1000, 1);
const log = (message: string) => console.error(`[bench] ${message}`);

async function serverVersion(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ server_version: string }>("SHOW server_version")).rows[0]!.server_version;
  } finally {
    await client.end();
  }
}

function table(headers: string[], rows: (string | number)[][]): string {
  const cells = [headers, ...rows.map((r) => r.map(String))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  return [line(cells[0]!), widths.map((w) => "-".repeat(w)).join("  "), ...cells.slice(1).map(line)].join("\n");
}

await runCli(async () => {
  const { values } = parseArgs({
    options: {
      sizes: { type: "string", default: "10000,100000,1000000" },
      "http-seconds": { type: "string", default: "20" },
      connections: { type: "string", default: "50" },
      before: { type: "string" },
      "baseline-dir": { type: "string" },
    },
  });
  const sizes = values.sizes.split(",").map((s) => Number(s.replaceAll("_", "")));
  const seconds = Number(values["http-seconds"]);
  const connections = Number(values.connections);
  if (sizes.some((s) => !Number.isInteger(s) || s < 1) || sizes.length < 2 || sizes.some((s, i) => i > 0 && s <= sizes[i - 1]!)) {
    throw new UserFacingError(`--sizes must be two or more increasing whole numbers, such as 10000,100000,1000000 (got "${values.sizes}").`);
  }
  if (!(seconds >= 1) || !(connections >= 1)) throw new UserFacingError("--http-seconds and --connections must be positive numbers.");
  const before = values.before ? await readEarlierRun(values.before) : null;

  const started = performance.now();
  const url = benchDatabaseUrl();
  process.env.DATABASE_URL = url; // lib/data's own handle (the import) uses it

  log(`preparing a fresh ${new URL(url).pathname.slice(1)} database`);
  await prepareBenchDatabase(url, { fresh: true });
  await ensureImportPartnership(url);
  const users = await createBenchUsers(url);

  const queries: { measurements: number; fillSeconds: number; timings: Record<QueryName, Timing> }[] = [];
  const db = createPrismaClient(url, { max: 2 });
  try {
    for (const size of sizes) {
      log(`filling to ${size.toLocaleString("en-US")} measurements`);
      const fill = await fillTo(url, size);
      log(`timing the dashboard's aggregations at ${fill.measurements.toLocaleString("en-US")} measurements`);
      queries.push({ measurements: fill.measurements, fillSeconds: round(fill.seconds, 1), timings: await timeQueries(db) });
    }
  } finally {
    await db.$disconnect();
  }

  log("timing a 10,000-row quarterly CSV import");
  const importTiming: ImportTiming = await timeImport(users.encoder, "scale-org-a");

  log("building the app if its sources changed, and starting it on the benchmark database");
  await ensureBuild(process.env);
  // One secret for both servers, so one session cookie signs in to the baseline too.
  const secret = { NEXTAUTH_SECRET: randomBytes(32).toString("base64url") };
  const server = await startAppServer({ databaseUrl: url, quiet: true, env: secret });
  let baseline: BaselineServer | null = null;
  let baselineFigures: OverviewFigures | null = null;
  const bundles: (BundleSize & { budgetKb: number; overBudget: boolean })[] = [];
  const http: (LoadResult & { name: string; ratioToFloor: number })[] = [];
  let overviewWeight!: PageWeight;
  let overviewOneUser!: LoadResult;
  try {
    const cookie = await signIn(server.url, users.admin.email, users.password, BENCH_TWO_STEP.totpSecret);
    const encoderCookie = await signIn(server.url, users.encoder.email, users.password);
    const cache = new Map<string, number>();
    for (const route of PUBLIC_ROUTES) {
      const size = await firstLoadJs(server.url, route, undefined, cache);
      bundles.push({ ...size, budgetKb: BUDGET_KB.public, overBudget: kb(size.gzipBytes) > BUDGET_KB.public });
    }
    for (const route of [...DASHBOARD_ROUTES, ...ENCODER_ROUTES]) {
      const size = await firstLoadJs(server.url, route, ENCODER_ROUTES.includes(route) ? encoderCookie : cookie, cache);
      bundles.push({ ...size, budgetKb: BUDGET_KB.dashboard, overBudget: kb(size.gzipBytes) > BUDGET_KB.dashboard });
    }
    let floor = 0;
    for (const target of HTTP_TARGETS) {
      log(`autocannon: ${connections} connections for ${seconds} s on ${target.path}`);
      const result = await load(server.url, target.path, { connections, seconds, cookie: target.signedIn ? cookie : undefined });
      if (floor === 0) floor = result.requestsPerSecond;
      http.push({ name: target.name, ...result, ratioToFloor: round(result.requestsPerSecond / floor, 3) });
    }
    log(`weighing ${OVERVIEW} (HTML and RSC payload), then one connection for ${seconds} s on it`);
    overviewWeight = await pageWeight(server.url, OVERVIEW, cookie);
    overviewOneUser = await load(server.url, OVERVIEW, { connections: 1, seconds, cookie });
    if (values["baseline-dir"]) {
      log(`starting the baseline build in ${values["baseline-dir"]} on the same database`);
      baseline = await startBaselineServer(values["baseline-dir"], { DATABASE_URL: url, ...secret });
      log(`baseline ${baseline.commit}: weighing ${OVERVIEW}, then ${connections} connections and 1 connection for ${seconds} s each`);
      const weight = await pageWeight(baseline.url, OVERVIEW, cookie);
      const many = await load(baseline.url, OVERVIEW, { connections, seconds, cookie });
      const one = await load(baseline.url, OVERVIEW, { connections: 1, seconds, cookie });
      baselineFigures = {
        label: `baseline, commit ${baseline.commit}, this run`,
        requestsPerSecond: many.requestsPerSecond,
        p50Ms: many.p50Ms,
        p95Ms: many.p95Ms,
        weight,
        oneUserP95Ms: one.p95Ms,
        failures: many.failures + one.failures,
      };
    }
  } finally {
    await baseline?.stop();
    await server.stop();
  }

  log("two instances of this build behind nginx, sharing a Redis, against one behind the same nginx");
  const cluster: ClusterResult[] = await benchCluster({
    databaseUrl: url,
    signInAs: { email: users.admin.email, password: users.password, twoStepKey: BENCH_TWO_STEP.totpSecret },
    targets: HTTP_TARGETS.filter((t) => t.path === "/partnerships/philippines" || t.path === OVERVIEW),
    connections,
    seconds,
    log,
  });

  const first = queries[0]!;
  const last = queries.at(-1)!;
  const results = {
    generatedAt: new Date().toISOString(),
    commit: gitCommit(),
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? "unknown",
      memoryGiB: round(os.totalmem() / 2 ** 30, 1),
      node: process.version,
      postgres: await serverVersion(url),
    },
    queries: {
      partnership: "scale-00001 (5,000 measurements; the rest of the database grows around it)",
      runs: first.timings[QUERIES[0]].runs,
      sizes: queries,
      ratio: Object.fromEntries(QUERIES.map((q) => [q, round(last.timings[q].medianMs / first.timings[q].medianMs, 2)])),
    },
    import: importTiming,
    bundles,
    http,
    overview: { weight: overviewWeight, oneUser: overviewOneUser, baseline: baselineFigures },
    cluster,
    seconds: round((performance.now() - started) / 1000, 0),
  };
  await mkdir(path.join(projectRoot, "bench/results"), { recursive: true });
  await writeFile(path.join(projectRoot, "bench/results/latest.json"), JSON.stringify(results, null, 2) + "\n");

  const sizeLabel = (n: number) => (n >= 1_000_000 ? `${round(n / 1_000_000, 2)}M` : `${round(n / 1000, 1)}k`);
  console.log(`\nCompact Tracker benchmarks — ${results.generatedAt}, commit ${results.commit}`);
  console.log(
    `${results.machine.cpus} × ${results.machine.cpuModel}, ${results.machine.memoryGiB} GiB, Node ${results.machine.node}, PostgreSQL ${results.machine.postgres}\n`,
  );
  console.log(`Dashboard aggregations on one partnership (${results.queries.partnership}), median / p95 ms over ${results.queries.runs} runs:`);
  console.log(
    table(
      ["query", ...queries.map((q) => `${sizeLabel(q.measurements)} rows`), `ratio ${sizeLabel(last.measurements)}/${sizeLabel(first.measurements)}`],
      QUERIES.map((q) => [q, ...queries.map((s) => `${s.timings[q].medianMs} / ${s.timings[q].p95Ms}`), `${results.queries.ratio[q]}`]),
    ),
  );
  console.log(`Scale data: ${queries.map((q) => `${sizeLabel(q.measurements)} in ${q.fillSeconds} s`).join(", ")} (cumulative fills).\n`);
  console.log(
    `Import of a ${importTiming.rows.toLocaleString("en-US")}-row quarterly CSV: dry run ${importTiming.dryRunSeconds} s, apply ${importTiming.applySeconds} s (${importTiming.created.toLocaleString("en-US")} values created).\n`,
  );
  console.log("First-load JavaScript, gzipped (modern browsers; noModule polyfills not counted):");
  console.log(
    table(
      ["route", "scripts", "kB", "budget kB", ""],
      bundles.map((b) => [b.path, b.scripts, kb(b.gzipBytes), b.budgetKb, b.overBudget ? "OVER BUDGET" : "ok"]),
    ),
  );
  console.log(
    `\nHTTP, ${connections} connections for ${seconds} s each (production build, ${results.machine.cpus} cores shared with the load generator and PostgreSQL):`,
  );
  console.log(
    table(
      ["target", "req/s", "× floor", "p50 ms", "p95 ms", "p99 ms", "requests", "failures"],
      http.map((h) => [`${h.name} ${h.path}`, h.requestsPerSecond, h.ratioToFloor, h.p50Ms, h.p95Ms, h.p99Ms, h.requests, h.failures]),
    ),
  );
  const overviewLoad = http.find((h) => h.path === OVERVIEW)!;
  const now: OverviewFigures = {
    label: `this run, commit ${results.commit}`,
    requestsPerSecond: overviewLoad.requestsPerSecond,
    p50Ms: overviewLoad.p50Ms,
    p95Ms: overviewLoad.p95Ms,
    weight: overviewWeight,
    oneUserP95Ms: overviewOneUser.p95Ms,
    failures: overviewLoad.failures + overviewOneUser.failures,
  };
  console.log(`\nThe signed-in overview ${OVERVIEW}: weight in kB (uncompressed / gzipped), and latency for one user (1 connection, ${seconds} s):`);
  const rows = [before, baselineFigures, now]
    .filter((f): f is OverviewFigures => f !== null)
    .map((f) => [
      f.label,
      f.requestsPerSecond,
      f.p50Ms,
      f.p95Ms,
      `${kb(f.weight.htmlBytes)} / ${kb(f.weight.htmlGzipBytes)}`,
      `${kb(f.weight.rscBytes)} / ${kb(f.weight.rscGzipBytes)}`,
      f.oneUserP95Ms ?? "not measured",
      f.failures ?? "",
    ]);
  console.log(
    table(
      ["", `req/s (${connections} conn.)`, "p50 ms", "p95 ms", "page kB (HTML, RSC inline)", "RSC: 1 kB (navigation)", "1 user p95 ms", "failures"],
      rows as (string | number)[][],
    ),
  );
  // The page's weight is the HTML document: its markup and, inline, the RSC payload React hydrates
  // from (the issue's "195 kB page, 106 kB of it the RSC payload"). The RSC: 1 response is what a
  // client-side navigation fetches instead of the document; adding the two would count the payload twice.
  console.log(
    `Goals of issue 19: page ${kb(now.weight.htmlBytes)} kB (under 100: ${now.weight.htmlBytes < 100_000 ? "yes" : "no"}); ` +
      (now.oneUserP95Ms === null
        ? "one user's p95 not measured"
        : `one user's p95 ${now.oneUserP95Ms} ms (under 150: ${now.oneUserP95Ms < 150 ? "yes" : "no"})`) +
      (baselineFigures
        ? `; ${round(now.requestsPerSecond / baselineFigures.requestsPerSecond, 2)} × the baseline's requests a second (3 ×: ${now.requestsPerSecond >= 3 * baselineFigures.requestsPerSecond ? "yes" : "no"}).`
        : "; the requests a second need --baseline-dir for a ratio."),
  );
  if (baselineFigures) {
    console.log(
      `Against the baseline in this run: ${round(now.requestsPerSecond / baselineFigures.requestsPerSecond, 2)} × the requests a second, ` +
        `${round(now.weight.htmlBytes / baselineFigures.weight.htmlBytes, 2)} × the page, ` +
        `${round(now.weight.rscBytes / baselineFigures.weight.rscBytes, 2)} × the RSC: 1 response.`,
    );
  }
  if (before) {
    console.log(
      `Against the earlier run: ${round(now.requestsPerSecond / before.requestsPerSecond, 2)} × the requests a second, ` +
        `${round(now.weight.htmlBytes / before.weight.htmlBytes, 2)} × the page. The earlier figures are that run's, ` +
        `read from ${values.before}: measured at another time, so compare them only with a run on the same machine and options.`,
    );
  }
  console.log(
    `\nThrough nginx, ${connections} connections for ${seconds} s each: one instance against two of the same build (REDIS_URL set for both; ` +
      `the two share this machine's ${results.machine.cpus} cores with nginx, PostgreSQL and the load generator):`,
  );
  console.log(
    table(
      ["target", "1 instance req/s", "p50 ms", "2 instances req/s", "p50 ms", "× one", "failures"],
      cluster.map((c) => [
        `${c.name} ${c.path}`,
        c.one.requestsPerSecond,
        c.one.p50Ms,
        c.two.requestsPerSecond,
        c.two.p50Ms,
        c.ratio,
        c.one.failures + c.two.failures,
      ]),
    ),
  );
  console.log(`\nWritten to bench/results/latest.json in ${results.seconds} s.`);

  const over = bundles.filter((b) => b.overBudget);
  if (over.length > 0) {
    throw new UserFacingError(`First-load JavaScript is over budget on ${over.map((b) => `${b.path} (${kb(b.gzipBytes)} kB > ${b.budgetKb} kB)`).join(", ")}.`);
  }
});

interface OverviewFigures {
  label: string;
  requestsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  weight: PageWeight;
  oneUserP95Ms: number | null;
  failures?: number;
}

/** The overview's figures from an earlier run's latest.json (saved under another name), labelled with its commit and time. */
async function readEarlierRun(file: string): Promise<OverviewFigures> {
  let earlier: { generatedAt: string; commit: string; http: LoadResult[]; overview?: { weight: PageWeight; oneUser: LoadResult } };
  try {
    earlier = JSON.parse(await readFile(path.resolve(file), "utf8"));
  } catch (error) {
    throw new UserFacingError(`--before ${file} is not a bench/results file this script wrote (${(error as Error).message}).`);
  }
  const overview = earlier.http.find((h) => h.path === OVERVIEW);
  if (!overview || !earlier.overview) throw new UserFacingError(`--before ${file} has no figures for ${OVERVIEW}'s weight: it is from an older benchmark.`);
  return {
    label: `before: commit ${earlier.commit}, ${earlier.generatedAt}`,
    requestsPerSecond: overview.requestsPerSecond,
    p50Ms: overview.p50Ms,
    p95Ms: overview.p95Ms,
    weight: earlier.overview.weight,
    oneUserP95Ms: earlier.overview.oneUser.p95Ms,
  };
}
