// Builds a Prisma client on a PostgreSQL URL through @prisma/adapter-pg: the one way this project
// reaches its database, whether embedded (PGlite over a local socket) or a real server.
// The app uses the shared client in ./db.ts; scripts and tests build their own with this.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/prisma/client";

export function createPrismaClient(connectionString: string, options: { max?: number } = {}) {
  const adapter = new PrismaPg({
    connectionString,
    max: options.max ?? 10,
    connectionTimeoutMillis: 5_000,
  });
  return new PrismaClient({ adapter });
}

export type Db = ReturnType<typeof createPrismaClient>;
