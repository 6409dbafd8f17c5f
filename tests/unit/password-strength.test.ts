// New passwords are checked against common passwords, patterns and the words of this app and of
// the user (zxcvbn-ts); the probe set "password1234", "111111111111", twelve spaces and
// "cpc-demo-password". Passphrases up to 128 characters are accepted.
import { describe, expect, it } from "vitest";
import { passwordProblem } from "../../lib/auth/password-strength";

const maria = { email: "maria.santos@iacat.gov.ph", name: "Maria Santos" };

describe("a new password", () => {
  it.each(["password1234", "111111111111", "            ", "cpc-demo-password", "qwertyuiop123", "Password2024!", "compacttracker1"])(
    "is refused when it is easy to guess: %j",
    (password) => {
      expect(passwordProblem(password, maria)).toMatch(/^This password is too easy to guess/);
    },
  );

  it("is refused when it is built from the user's own name or email", () => {
    expect(passwordProblem("mariasantos2024", maria)).toMatch(/^This password is too easy to guess/);
    expect(passwordProblem("maria.santos@iacat", maria)).toMatch(/^This password is too easy to guess/);
  });

  it("is refused under 12 characters or over 128, with the limit in the message", () => {
    expect(passwordProblem("k7#Vq9!xZ", maria)).toBe("Use at least 12 characters.");
    expect(passwordProblem("a quiet river under seven lanterns ".repeat(4), maria)).toBe("Use at most 128 characters.");
  });

  it("accepts a passphrase of unrelated words, up to 128 characters", () => {
    expect(passwordProblem("lantern orbit cactus meadow", maria)).toBeNull();
    const long = "violet harbour tractor - seven lanterns sang while the quiet ferry drifted past the salt marsh at dawn, 1987!";
    expect(long.length).toBeGreaterThan(64);
    expect(passwordProblem(long, maria)).toBeNull();
    // zxcvbn's matching grows with the length: about 2 s alone here, 8 s on a machine busy
    // with CI's other checks.
  }, 30_000);
});
