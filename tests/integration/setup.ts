import { inject } from "vitest";

// lib/data/db.ts reads DATABASE_URL, as the app does.
process.env.DATABASE_URL = inject("databaseUrl");
