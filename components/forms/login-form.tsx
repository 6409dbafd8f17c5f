"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { safeReturnPath, signInMessage } from "@/lib/auth/sign-in-messages";

export function LoginForm({ next, initialError }: { next: string | null; initialError: string | null }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(signInMessage(initialError));
  const [pending, setPending] = useState(false);
  // Two-step sign-in: after the right password, the server asks for the code.
  const [askCode, setAskCode] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      const result = await signIn("credentials", {
        redirect: false,
        email: String(form.get("email") ?? ""),
        password: String(form.get("password") ?? ""),
        code: String(form.get("code") ?? ""),
      });
      if (result?.ok) {
        router.replace(safeReturnPath(next));
        router.refresh();
        return;
      }
      const code = result?.error ?? "CredentialsSignin";
      if (code.startsWith("TwoStep")) setAskCode(true);
      // Asked for the code the first time: say so as guidance, not as an error.
      setError(code === "TwoStepRequired" && !askCode ? null : signInMessage(code));
    } catch {
      setError("The server did not answer. Check your connection and try again.");
    }
    setPending(false);
  }

  return (
    <form method="post" onSubmit={onSubmit} className="space-y-4" aria-describedby={error ? "login-error" : undefined}>
      {error ? (
        <p id="login-error" role="alert" className="border-l-4 border-[#b50909] bg-[#f4e3db] p-3">
          {error}
        </p>
      ) : null}
      <div>
        <label htmlFor="email" className="block font-semibold">
          Email
        </label>
        <input id="email" name="email" type="email" autoComplete="username" required maxLength={254} className="mt-1 w-full rounded border border-ink p-2" />
      </div>
      <div>
        <label htmlFor="password" className="block font-semibold">
          Password
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          maxLength={1024}
          className="mt-1 w-full rounded border border-ink p-2"
        />
      </div>
      {askCode ? (
        <div>
          <label htmlFor="code" className="block font-semibold">
            Code from your authenticator app
          </label>
          <p id="code-hint" className="text-sm">
            The 6 digits it shows for Compact Tracker now, or one of your recovery codes.
          </p>
          <input
            id="code"
            name="code"
            type="text"
            autoComplete="one-time-code"
            required
            maxLength={64}
            autoFocus
            aria-describedby="code-hint"
            className="mt-1 w-full rounded border border-ink p-2"
          />
        </div>
      ) : null}
      <Button type="submit" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
