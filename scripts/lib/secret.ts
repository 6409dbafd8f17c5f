// The secret that signs session cookies. Set NEXTAUTH_SECRET (or AUTH_SECRET) in production;
// for the embedded demo one is generated once and kept in .data/auth-secret.
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { chmod, mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { UserFacingError } from "./cli";
import { dataDirectory } from "./database";

export async function authSecretFor(options: { externalDatabase: boolean }): Promise<string> {
  const configured = process.env.NEXTAUTH_SECRET || process.env.AUTH_SECRET;
  if (configured) return configured;
  if (options.externalDatabase && process.env.NODE_ENV === "production") {
    throw new UserFacingError(
      "NEXTAUTH_SECRET (or AUTH_SECRET) must be set in production with an external database: set it to a long random string, for example the output of `openssl rand -base64 32`, the same on every instance.",
    );
  }
  const dir = dataDirectory();
  if (dir === "memory") return randomBytes(32).toString("base64");
  const file = path.join(dir, "auth-secret");
  if (existsSync(file)) return (await readFile(file, "utf8")).trim();
  await mkdir(dir, { recursive: true });
  const secret = randomBytes(32).toString("base64");
  await writeFile(file, secret, { mode: 0o600 });
  await chmod(file, 0o600);
  return secret;
}
