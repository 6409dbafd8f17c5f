import pg from "pg";

/** A digest of every row of every table: equal digests mean nothing was written. */
export async function databaseDigest(url: string): Promise<Record<string, string>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ tablename: string }>(
      `SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
    );
    const digest: Record<string, string> = {};
    for (const { tablename } of rows) {
      const result = await client.query<{ d: string | null }>(
        `SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS d FROM "${tablename}" t`,
      );
      digest[tablename] = result.rows[0]?.d ?? "";
    }
    return digest;
  } finally {
    await client.end();
  }
}
