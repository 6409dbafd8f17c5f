// npm run build: the production build, when the sources changed since the last one.
import { runCli } from "./lib/cli";
import { ensureBuild, ensurePrismaClient } from "./lib/steps";

await runCli(async () => {
  await ensurePrismaClient();
  await ensureBuild(process.env);
});
