// Transactions over the two kinds of connection the scripts use: a PostgreSQL URL (pg) and an
// in-process PGlite (tests and migration authoring).
import type { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import type { RunInTransaction } from "./migrate";

export function pgTransactions(connectionString: string): RunInTransaction {
  return async (work) => {
    const client = new pg.Client({ connectionString });
    await client.connect();
    try {
      await client.query("BEGIN");
      const result = await work({
        exec: async (sql) => {
          await client.query(sql);
        },
        query: async (sql, params) => (await client.query(sql, params)).rows,
      });
      await client.query("COMMIT");
      return result;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      throw error;
    } finally {
      await client.end();
    }
  };
}

export function pgliteTransactions(db: PGlite): RunInTransaction {
  return (work) =>
    db.transaction((tx) =>
      work({
        exec: async (sql) => {
          await tx.exec(sql);
        },
        query: async <T>(sql: string, params?: unknown[]) => (await tx.query<T>(sql, params)).rows,
      }),
    );
}
