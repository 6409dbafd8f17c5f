// npm run generate: writes the Prisma client into lib/generated/ when the schema changed.
import { runCli } from "./lib/cli";
import { ensurePrismaClient } from "./lib/steps";

await runCli(ensurePrismaClient);
