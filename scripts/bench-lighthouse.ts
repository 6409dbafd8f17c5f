// npm run bench:lighthouse: Lighthouse (mobile) on the signed-in partnership overview of a
// production build on the benchmark database, a few times (the run of median score is reported, since one
// run's score moves by a few points on a shared machine). Prints performance, TBT, CLS and TTI
// and writes bench/results/lighthouse.json.
// Options: --runs 3  --path /dashboard/philippines  --before bench/results/<an earlier run>.json
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { gitCommit } from "./bench/commit";
import { benchDatabaseUrl, prepareBenchDatabase } from "./bench/database";
import { lighthouse, LIGHTHOUSE, type LighthouseResult } from "./bench/lighthouse";
import { ensureImportPartnership } from "./bench/scale-data";
import { BENCH_TWO_STEP, createBenchUsers } from "./bench/users";
import { signIn, startAppServer } from "./lib/app-server";
import { UserFacingError, runCli } from "./lib/cli";
import { projectRoot } from "./lib/database";
import { ensureBuild } from "./lib/steps";

const log = (message: string) => console.error(`[lighthouse] ${message}`);

await runCli(async () => {
  const { values } = parseArgs({
    options: {
      runs: { type: "string", default: "3" },
      path: { type: "string", default: "/dashboard/philippines" },
      before: { type: "string" },
    },
  });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1 || runs > 15) throw new UserFacingError(`--runs must be a whole number from 1 to 15 (got "${values.runs}").`);
  const before = values.before ? (JSON.parse(await readFile(path.resolve(values.before), "utf8")) as LighthouseFile) : null;

  const url = benchDatabaseUrl();
  process.env.DATABASE_URL = url;
  log(`preparing ${new URL(url).pathname.slice(1)} (kept if it is there)`);
  await prepareBenchDatabase(url, { fresh: false });
  await ensureImportPartnership(url);
  const users = await createBenchUsers(url);
  log("building the app if its sources changed, and starting it");
  await ensureBuild(process.env);
  const server = await startAppServer({ databaseUrl: url, quiet: true });
  const results: LighthouseResult[] = [];
  try {
    const cookie = await signIn(server.url, users.admin.email, users.password, BENCH_TWO_STEP.totpSecret);
    // One request first, so the first run does not measure the server's own warm-up.
    await fetch(server.url + values.path, { headers: { cookie } });
    for (let i = 1; i <= runs; i++) {
      log(`${LIGHTHOUSE} run ${i} of ${runs} on ${values.path}`);
      results.push(await lighthouse(server.url + values.path, cookie));
    }
  } finally {
    await server.stop();
  }
  const sorted = [...results].sort((a, b) => a.performance - b.performance);
  const median = sorted[Math.floor((sorted.length - 1) / 2)]!;
  const file: LighthouseFile = { generatedAt: new Date().toISOString(), commit: gitCommit(), path: values.path, median, runs: results };
  await mkdir(path.join(projectRoot, "bench/results"), { recursive: true });
  await writeFile(path.join(projectRoot, "bench/results/lighthouse.json"), JSON.stringify(file, null, 2) + "\n");

  const line = (label: string, r: LighthouseResult) =>
    `${label.padEnd(44)} ${String(r.performance).padStart(11)}  ${String(r.totalBlockingTimeMs).padStart(6)}  ${r.cumulativeLayoutShift.toFixed(3).padStart(5)}  ${String(r.timeToInteractiveMs).padStart(6)}  ${String(r.largestContentfulPaintMs).padStart(6)}`;
  console.log(`\nLighthouse ${median.lighthouseVersion}, mobile (simulated throttling), Chromium headless, on ${values.path}, signed in:`);
  console.log(`${"".padEnd(44)} performance  TBT ms    CLS  TTI ms  LCP ms`);
  results.forEach((r, i) => console.log(line(`run ${i + 1}`, r)));
  if (before) console.log(line(`before, the run of median score: ${before.commit}`, before.median));
  console.log(line(`the run of median score: ${file.commit}`, median));
  console.log("\nWritten to bench/results/lighthouse.json.");
});

interface LighthouseFile {
  generatedAt: string;
  commit: string;
  path: string;
  median: LighthouseResult;
  runs: LighthouseResult[];
}
