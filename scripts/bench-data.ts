// npm run bench:data -- --rows 1000000 [--fresh]: fills the benchmark database (BENCH_DATABASE_URL,
// or compact_bench on this machine's PostgreSQL) with illustrative partnerships until it holds
// that many measurements. Adds to what is there unless --fresh.
import { parseArgs } from "node:util";
import { UserFacingError, runCli } from "./lib/cli";
import { benchDatabaseUrl, prepareBenchDatabase } from "./bench/database";
import { fillTo } from "./bench/scale-data";

await runCli(async () => {
  const { values } = parseArgs({ options: { rows: { type: "string", default: "1000000" }, fresh: { type: "boolean", default: false } } });
  const rows = Number(values.rows.replaceAll("_", ""));
  if (!Number.isInteger(rows) || rows < 1 || rows > 50_000_000) {
    throw new UserFacingError(`--rows must be a whole number from 1 to 50,000,000 (got "${values.rows}").`);
  }
  const url = benchDatabaseUrl();
  const started = performance.now();
  await prepareBenchDatabase(url, { fresh: values.fresh });
  const report = await fillTo(url, rows, (n) => process.stdout.write(`\r  ${n.toLocaleString("en-US")} measurements…`));
  process.stdout.write("\n");
  console.log(
    `${new URL(url).pathname.slice(1)} holds ${report.measurements.toLocaleString("en-US")} measurements ` +
      `(${report.partnershipsAdded} illustrative partnerships added) in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
  );
});
