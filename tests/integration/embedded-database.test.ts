import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "../../scripts/db/embedded";

let embedded: EmbeddedPostgres;
let pool: pg.Pool;

beforeAll(async () => {
  embedded = await startEmbeddedPostgres({});
  pool = new pg.Pool({ connectionString: embedded.url, max: 10 });
  await pool.query("CREATE TABLE counter (id int PRIMARY KEY, n int NOT NULL)");
  await pool.query("INSERT INTO counter VALUES (1, 0)");
});
afterAll(async () => {
  await pool.end();
  await embedded.stop();
});

describe("the embedded PostgreSQL behind its socket", () => {
  it("answers many connections' parameterized queries at once, each with its own result", async () => {
    const queries = Array.from({ length: 200 }, (_, i) => {
      const params = Array.from({ length: (i % 4) + 1 }, (_, k) => i * 10 + k);
      const sql = `SELECT ${params.map((_, k) => `$${k + 1}::int`).join(" + ")} AS total`;
      return pool.query<{ total: number }>(sql, params).then((r) => [r.rows[0]?.total, params.reduce((a, b) => a + b, 0)]);
    });
    const results = await Promise.all(queries);
    expect(results.filter(([got, want]) => got !== want)).toEqual([]);
  });

  it("keeps each connection's queries whole while others run transactions", async () => {
    const work = Array.from({ length: 30 }, async (_, i) => {
      const client = await pool.connect();
      try {
        const got: number[] = [];
        for (let round = 0; round < 5; round++) {
          await client.query("BEGIN");
          await client.query("UPDATE counter SET n = n + $1 WHERE id = $2", [0, 1]);
          await client.query("COMMIT");
          const params = Array.from({ length: (i % 3) + 1 }, (_, k) => i + k + round);
          const sql = `SELECT ${params.map((_, k) => `$${k + 1}::int`).join(" + ")} AS total`;
          const { rows } = await client.query<{ total: number }>(sql, params);
          got.push((rows[0]?.total ?? -1) - params.reduce((a, b) => a + b, 0));
        }
        return got;
      } finally {
        client.release();
      }
    });
    const differences = (await Promise.all(work)).flat();
    expect(differences.filter((d) => d !== 0)).toEqual([]);
  });

  it("gives each connection its own named prepared statements", async () => {
    const results = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        pool.query<{ v: number }>({ name: "plus-one", text: "SELECT $1::int + 1 AS v", values: [i] }).then((r) => r.rows[0]?.v === i + 1),
      ),
    );
    expect(results.every(Boolean)).toBe(true);
    // The same name, another text, on other connections: each connection's own statement.
    const other = new pg.Pool({ connectionString: embedded.url, max: 3 });
    try {
      const twice = await Promise.all(
        Array.from({ length: 12 }, (_, i) => other.query<{ v: number }>({ name: "plus-one", text: "SELECT $1::int * 2 AS v", values: [i] })),
      );
      expect(twice.map((r) => r.rows[0]?.v)).toEqual(Array.from({ length: 12 }, (_, i) => i * 2));
    } finally {
      await other.end();
    }
  });

  it("keeps concurrent transactions apart, committed or rolled back", async () => {
    const work = Array.from({ length: 40 }, async (_, i) => {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        await client.query("UPDATE counter SET n = n + $1 WHERE id = $2", [1, 1]);
        await client.query(i % 4 === 0 ? "ROLLBACK" : "COMMIT");
      } finally {
        client.release();
      }
    });
    await Promise.all(work);
    const { rows } = await pool.query<{ n: number }>("SELECT n FROM counter WHERE id = $1", [1]);
    expect(rows[0]?.n).toBe(30);
  });
});
