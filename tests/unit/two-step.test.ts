// Two-step codes: the RFC 6238 test vector for the tests' own code generator, and the app's
// check (otplib) accepting its codes one step either side of now, and nothing else.
import { describe, expect, it } from "vitest";
import { matchingStep, newRecoveryCodes, recoveryCodeHash } from "../../lib/auth/totp";
import { totpCode } from "../../scripts/lib/totp-code";

// RFC 6238, appendix B: the ASCII key "12345678901234567890" (base32 below) at T = 59 s gives
// 94287082 in 8 digits, so 287082 in 6; at T = 1111111109 s, 07081804 → 081804.
const RFC_KEY = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

describe("two-step codes", () => {
  it("match the RFC 6238 test vectors", () => {
    expect(totpCode(RFC_KEY, Math.floor(59 / 30))).toBe("287082");
    expect(totpCode(RFC_KEY, Math.floor(1111111109 / 30))).toBe("081804");
  });

  it("are accepted by the app for the step before, of and after now, naming that step", () => {
    const now = 1_800_000_000_000;
    const step = now / 1000 / 30;
    for (const delta of [-1, 0, 1]) expect(matchingStep(totpCode(RFC_KEY, step + delta), RFC_KEY, now)).toBe(step + delta);
    expect(matchingStep(totpCode(RFC_KEY, step + 2), RFC_KEY, now)).toBeNull();
    expect(matchingStep(totpCode(RFC_KEY, step - 2), RFC_KEY, now)).toBeNull();
    expect(matchingStep("12345", RFC_KEY, now)).toBeNull();
    expect(matchingStep("abcdef", RFC_KEY, now)).toBeNull();
  });

  it("come with ten different recovery codes, each checked without case or dashes", () => {
    const codes = newRecoveryCodes();
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
    expect(recoveryCodeHash(codes[0]!.toUpperCase().replaceAll("-", " "))).toBe(recoveryCodeHash(codes[0]!));
    expect(recoveryCodeHash(codes[0]!)).not.toContain(codes[0]!.slice(0, 4));
  });
});
