// npm run db:backup [-- --out <file>]: a pg_dump of DATABASE_URL, or PGlite's dump of the
// embedded database (which must not be open in npm start), into backups/ or <file>.
import path from "node:path";
import { parseArgs } from "node:util";
import { backupEmbedded, backupServer, defaultBackupFile, formatBytes, shown, userDir } from "./db/backup";
import { runCli, UserFacingError } from "./lib/cli";
import { dataDirectory, openExternal } from "./lib/database";

function outOption(): string | undefined {
  try {
    const { values } = parseArgs({ options: { out: { type: "string" } }, allowPositionals: false });
    return values.out === undefined ? undefined : path.resolve(userDir, values.out);
  } catch {
    throw new UserFacingError("npm run db:backup takes only --out <file>: run it as npm run db:backup -- --out backups/compact.dump, or without arguments.");
  }
}

await runCli(async () => {
  const out = outOption();
  const external = process.env.DATABASE_URL;
  if (external !== undefined && external !== "") {
    const db = await openExternal(external);
    const { file, bytes } = await backupServer(db.url, out ?? defaultBackupFile("server"));
    console.log(`Backed up ${db.description} to ${shown(file)} (${formatBytes(bytes)}, pg_dump custom format).`);
    return;
  }
  const dir = dataDirectory();
  if (dir === "memory") {
    throw new UserFacingError("COMPACT_DATA_DIR=memory keeps no data to back up: unset it, or set it to the folder that holds the embedded database.");
  }
  const dataDir = path.join(dir, "pglite");
  const { file, bytes } = await backupEmbedded(dataDir, out ?? defaultBackupFile("embedded"));
  console.log(`Backed up the embedded database in ${shown(dataDir)} to ${shown(file)} (${formatBytes(bytes)}).`);
});
