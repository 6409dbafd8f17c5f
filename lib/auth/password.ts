// Passwords: argon2id with OWASP's minimum (19 MiB, two passes), 12 to 128 characters, any
// characters (paste allowed, no composition rules); how guessable a new one is, is checked by
// ./password-strength.ts where the user's name and email are known.
import { hash, verify, type Options } from "@node-rs/argon2";
import { z } from "zod";
import { PASSWORD_MAX, PASSWORD_MIN } from "./password-strength";

// 2 is Argon2id; the package's Algorithm enum is a const enum that isolatedModules cannot read.
const ARGON2: Options = { algorithm: 2, memoryCost: 19 * 1024, timeCost: 2, parallelism: 1 };

export const newPasswordSchema = z
  .string()
  .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters.`)
  .max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters.`);

export const hashPassword = (password: string) => hash(password, ARGON2);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verified against when the email is unknown, so that the answer takes as long either way.
let decoyHash: Promise<string> | undefined;
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hashPassword("not-a-real-password-for-anyone");
  return decoyHash;
}
