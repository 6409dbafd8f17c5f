import { describe, expect, it } from "vitest";
import { databaseUrlSchema } from "../../lib/env";

describe("DATABASE_URL", () => {
  it("accepts postgresql:// and postgres:// URLs", () => {
    expect(databaseUrlSchema.safeParse("postgresql://postgres@127.0.0.1:5432/test").success).toBe(true);
    expect(databaseUrlSchema.safeParse("postgres://u:p@db.example.org/app?sslmode=require").success).toBe(true);
  });

  it("refuses other schemes, missing hosts and text that is not a URL, saying what form it takes", () => {
    for (const value of ["mysql://localhost/db", "postgresql://", "localhost:5432", ""]) {
      const result = databaseUrlSchema.safeParse(value);
      expect(result.success).toBe(false);
    }
    expect(databaseUrlSchema.safeParse("mysql://localhost/db").error?.issues[0]?.message).toMatch(/postgresql:\/\/user:password@host/);
  });
});
