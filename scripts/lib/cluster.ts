// The pieces of a cluster on this machine, for npm run check:cluster and npm run bench: a
// redis-server of its own (which can be stopped and started again) and nginx in front of the
// app's instances. Both binaries come from Debian's packages (.ci/run installs them).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { createClient } from "redis";
import { UserFacingError } from "./cli";
import { isPortFree } from "./ports";

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function binary(name: string, candidates: string[], install: string): string {
  for (const candidate of candidates) if (existsSync(candidate)) return candidate;
  const found = spawnSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" }).stdout.trim();
  if (found) return found;
  throw new UserFacingError(`${name} was not found: ${install}`);
}

export class RedisServer {
  process?: ChildProcess;
  constructor(
    private readonly bin: string,
    readonly port: number,
  ) {}
  get url() {
    return `redis://127.0.0.1:${this.port}`;
  }
  async start(): Promise<void> {
    // Nothing kept on disk: a restart starts empty, the worst case for the app.
    this.process = spawn(this.bin, ["--port", String(this.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" });
    const client = createClient({ url: this.url, socket: { reconnectStrategy: false } });
    client.on("error", () => {});
    for (let i = 0; i < 100; i++) {
      try {
        await client.connect();
        await client.ping();
        await client.close();
        return;
      } catch {
        await sleep(100);
      }
    }
    throw new Error(`redis-server did not answer on port ${this.port}.`);
  }
  async stop(): Promise<void> {
    const child = this.process;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await exited;
  }
}

export async function startNginx(bin: string, dir: string, port: number, upstreams: number[]): Promise<ChildProcess> {
  await mkdir(dir, { recursive: true });
  const temp = ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map((name) => `  ${name}_temp_path ${dir}/${name};`).join("\n");
  const config = `${process.getuid?.() === 0 ? "user root;\n" : ""}worker_processes auto;
error_log ${dir}/error.log warn;
pid ${dir}/nginx.pid;
events { worker_connections 2048; }
http {
  access_log off;
${temp}
  upstream app {
${upstreams.map((p) => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=2s;`).join("\n")}
    keepalive 64;
  }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://app;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      # The balancer states the client's address; the app trusts one hop (TRUSTED_PROXY_HOPS=1).
      proxy_set_header X-Forwarded-For $remote_addr;
      # A GET refused or cut by a stopping instance is sent to the other; a POST never is twice.
      proxy_next_upstream error timeout http_502 http_503 http_504;
      proxy_next_upstream_tries 2;
      proxy_connect_timeout 1s;
      proxy_read_timeout 60s;
    }
  }
}
`;
  await writeFile(path.join(dir, "nginx.conf"), config);
  const child = spawn(bin, ["-p", dir, "-c", path.join(dir, "nginx.conf"), "-g", "daemon off;"], { stdio: ["ignore", "inherit", "inherit"] });
  for (let i = 0; i < 50; i++) {
    if (!(await isPortFree(port))) return child;
    if (child.exitCode !== null) break;
    await sleep(100);
  }
  throw new Error(`nginx did not start (its log: ${dir}/error.log).`);
}
