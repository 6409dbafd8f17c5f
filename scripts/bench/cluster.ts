// npm run bench's cluster figures: requests a second for the public summary and the signed-in
// dashboard through nginx, in front of one instance and in front of two, on the same database,
// the same build and the same Redis (REDIS_URL set for both, as several instances run). On this
// machine the two instances share its cores with nginx, PostgreSQL and the load generator, so
// the ratio says what a second instance adds here, not on a second machine.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import type { ChildProcess } from "node:child_process";
import { signIn, startAppServer, type AppServer } from "../lib/app-server";
import { binary, RedisServer, startNginx } from "../lib/cluster";
import { findFreePort } from "../lib/ports";
import { load, type LoadResult } from "./http";
import { round } from "./stats";

export interface ClusterResult {
  name: string;
  path: string;
  one: LoadResult;
  two: LoadResult;
  ratio: number;
}

export async function benchCluster(options: {
  databaseUrl: string;
  signInAs: { email: string; password: string; twoStepKey?: string };
  targets: { name: string; path: string; signedIn: boolean }[];
  connections: number;
  seconds: number;
  log: (message: string) => void;
}): Promise<ClusterResult[]> {
  const redis = new RedisServer(binary("redis-server", ["/usr/bin/redis-server"], "install it (Debian: apt-get install redis-server)."), await findFreePort());
  const nginxBin = binary("nginx", ["/usr/sbin/nginx"], "install it (Debian: apt-get install nginx).");
  const dir = await mkdtemp(path.join(os.tmpdir(), "compact-bench-cluster-"));
  const instances: AppServer[] = [];
  const balancers: ChildProcess[] = [];
  try {
    await redis.start();
    const env = { REDIS_URL: redis.url, NEXTAUTH_SECRET: randomBytes(32).toString("base64url"), TRUSTED_PROXY_HOPS: "1" };
    const ports = [await findFreePort("0.0.0.0"), await findFreePort("0.0.0.0")];
    for (const port of ports) instances.push(await startAppServer({ databaseUrl: options.databaseUrl, port, quiet: true, env }));
    const [oneLb, twoLb] = [await findFreePort(), await findFreePort()];
    balancers.push(await startNginx(nginxBin, path.join(dir, "one"), oneLb, [ports[0]!]));
    balancers.push(await startNginx(nginxBin, path.join(dir, "two"), twoLb, ports));
    const { email, password, twoStepKey } = options.signInAs;
    const cookie = await signIn(instances[0]!.url, email, password, twoStepKey);
    const results: ClusterResult[] = [];
    for (const target of options.targets) {
      const run = async (port: number, label: string) => {
        options.log(`autocannon through nginx to ${label}: ${options.connections} connections for ${options.seconds} s on ${target.path}`);
        return load(`http://localhost:${port}`, target.path, {
          connections: options.connections,
          seconds: options.seconds,
          cookie: target.signedIn ? cookie : undefined,
        });
      };
      const one = await run(oneLb, "one instance");
      const two = await run(twoLb, "two instances");
      results.push({ name: target.name, path: target.path, one, two, ratio: round(two.requestsPerSecond / one.requestsPerSecond, 2) });
    }
    return results;
  } finally {
    for (const balancer of balancers) balancer.kill("SIGTERM");
    await Promise.all(instances.map((s) => s.stop().catch(() => {})));
    await redis.stop().catch(() => {});
    await rm(dir, { recursive: true, force: true });
  }
}
