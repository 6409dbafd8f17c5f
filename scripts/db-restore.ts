// npm run db:restore -- <file>: loads a backup from npm run db:backup into an EMPTY database:
// DATABASE_URL's (a pg_dump), or the embedded one in COMPACT_DATA_DIR (PGlite's dump).
import path from "node:path";
import { parseArgs } from "node:util";
import { restoreEmbedded, restoreServer, shown, userDir } from "./db/backup";
import { runCli, UserFacingError } from "./lib/cli";
import { dataDirectory, openExternal } from "./lib/database";

function fileArgument(): string {
  let positionals: string[] = [];
  try {
    positionals = parseArgs({ options: {}, allowPositionals: true }).positionals;
  } catch {
    // An option: reported below with the usage.
  }
  const [file, ...rest] = positionals;
  if (!file || rest.length > 0) {
    throw new UserFacingError("Give npm run db:restore exactly one backup file: npm run db:restore -- backups/compact-server-20250101T000000Z.dump");
  }
  return path.resolve(userDir, file);
}

await runCli(async () => {
  const file = fileArgument();
  const external = process.env.DATABASE_URL;
  if (external !== undefined && external !== "") {
    const db = await openExternal(external);
    await restoreServer(db.url, file);
    console.log(`Restored ${shown(file)} into ${db.description}.`);
    return;
  }
  const dir = dataDirectory();
  if (dir === "memory") {
    throw new UserFacingError("COMPACT_DATA_DIR=memory keeps nothing, so there is nowhere to restore to: unset it, or set it to an empty folder.");
  }
  const dataDir = path.join(dir, "pglite");
  await restoreEmbedded(dataDir, file);
  console.log(`Restored ${shown(file)} into the embedded database in ${shown(dataDir)}; npm start will use it.`);
});
