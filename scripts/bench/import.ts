// The quarterly CSV import at its largest expected size: 10,000 rows, dry run then apply, through
// lib/data/quarter-csv.ts (the function the upload route calls), into the illustrative import
// partnership. Needs process.env.DATABASE_URL set to the benchmark database before import.
import type { Actor } from "../../lib/auth/permissions";
import { IMPORT_SLUG, importCsv } from "./scale-data";
import { round } from "./stats";

export interface ImportTiming {
  rows: number;
  dryRunSeconds: number;
  applySeconds: number;
  created: number;
}

export async function timeImport(encoder: Actor, organizationId: string): Promise<ImportTiming> {
  const { importQuarterCsv } = await import("../../lib/data/quarter-csv");
  const { getDb, getPool } = await import("../../lib/data/db");
  try {
    return await run(importQuarterCsv, encoder, organizationId);
  } finally {
    // The app's own handles (lib/data/db.ts), opened by the import: closed, so the command ends.
    await getDb().$disconnect();
    await getPool().end();
  }
}

async function run(
  importQuarterCsv: typeof import("../../lib/data/quarter-csv").importQuarterCsv,
  encoder: Actor,
  organizationId: string,
): Promise<ImportTiming> {
  const text = importCsv();
  const input = { slug: IMPORT_SLUG, period: "2021Q4", organizationId, version: 0, text };
  let started = performance.now();
  const dry = await importQuarterCsv(encoder, { ...input, apply: false });
  const dryRunSeconds = (performance.now() - started) / 1000;
  if (dry.counts.reject > 0) throw new Error(`The import benchmark's file was refused: ${dry.rows.find((r) => r.reason)?.reason}`);
  started = performance.now();
  const applied = await importQuarterCsv(encoder, { ...input, apply: true });
  const applySeconds = (performance.now() - started) / 1000;
  if (!applied.applied) throw new Error("The import benchmark's file was not applied.");
  return { rows: dry.rows.length, dryRunSeconds: round(dryRunSeconds, 2), applySeconds: round(applySeconds, 2), created: applied.counts.create };
}
