// npm run db:migration -- <name>: writes prisma/migrations/<timestamp>_<name>/migration.sql
// from the difference between the existing migrations and prisma/schema.prisma.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { diffMigrationsToSchema } from "./db/diff";
import { migrationsDir } from "./db/schema-engine";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Give the migration a name of lowercase letters, digits and underscores: npm run db:migration -- add_region_codes");
  process.exit(2);
}

const sql = await diffMigrationsToSchema();
if (!sql) {
  console.log("prisma/schema.prisma and the migrations agree: no migration written.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const folder = path.join(migrationsDir, `${stamp}_${name}`);
await mkdir(folder, { recursive: true });
await writeFile(path.join(folder, "migration.sql"), sql);
console.log(`Wrote ${path.relative(process.cwd(), folder)}/migration.sql. Read it, then apply it with npm run db:migrate.`);
