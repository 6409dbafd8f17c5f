// The SQL that would take a database with every migration applied to what schema.prisma says.
// The schema engine replays the migrations on a throwaway in-memory PGlite (its "shadow database").
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { noFilters, openSchemaEngine, readMigrationList, readSchemaFiles } from "./schema-engine";

export async function diffMigrationsToSchema(migrationsDir?: string): Promise<string | null> {
  const shadow = new PGlite();
  try {
    const engine = await openSchemaEngine(new PrismaPGlite(shadow));
    const result = await engine.diff({
      from: { tag: "migrations", ...(await readMigrationList(migrationsDir)) },
      to: { tag: "schemaDatamodel", files: await readSchemaFiles() },
      script: true,
      exitCode: true,
      filters: noFilters,
    });
    return result.exitCode === 2 && result.stdout ? result.stdout : null;
  } finally {
    await shadow.close();
  }
}
