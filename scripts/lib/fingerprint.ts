// A hash of the files an artefact is made from, to rebuild it only when they change.
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

async function listFiles(target: string, skip: Set<string>): Promise<string[]> {
  if (!existsSync(target)) return [];
  const entries = await readdir(target, { withFileTypes: true }).catch(() => null);
  if (!entries) return [target];
  const nested = await Promise.all(entries.filter((entry) => !skip.has(entry.name)).map((entry) => listFiles(path.join(target, entry.name), skip)));
  return nested.flat();
}

export async function fingerprint(root: string, inputs: string[], skip: string[] = []): Promise<string> {
  const skipped = new Set(skip);
  const files = (await Promise.all(inputs.map((input) => listFiles(path.join(root, input), skipped)))).flat().sort();
  const hash = createHash("sha256");
  for (const file of files) {
    hash.update(path.relative(root, file));
    hash.update("\0");
    hash.update(await readFile(file));
    hash.update("\0");
  }
  return hash.digest("hex");
}
