"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { changeOwnPasswordAction } from "../actions";
import { Button } from "@/components/ui/button";
import { describedBy, FieldError } from "@/components/ui/field-error";
import { FormStatus } from "@/components/ui/form-status";
import { useFormAction } from "@/components/forms/use-form-action";

const inputClass = "mt-1 w-full rounded border border-ink p-2";

const FIELDS = [
  { name: "current", label: "Current password", autoComplete: "current-password", hint: null },
  {
    name: "password",
    label: "New password (12 to 128 characters)",
    autoComplete: "new-password",
    hint: "A passphrase of four or more unrelated words is easy to remember and hard to guess. Passwords made of common words, this app's name or your own name are refused.",
  },
  { name: "confirm", label: "New password again", autoComplete: "new-password", hint: null },
] as const;

export function ChangePasswordForm() {
  const router = useRouter();
  const { state, onSubmit, pending } = useFormAction(changeOwnPasswordAction, { resetOnSuccess: true });
  // Every session ended with the change: after a moment, the sign-in page.
  useEffect(() => {
    if (!state.ok) return;
    const timer = setTimeout(() => router.replace("/login?next=%2Fdashboard%2Faccount"), 4000);
    return () => clearTimeout(timer);
  }, [state, router]);
  return (
    <form method="post" onSubmit={onSubmit} className="max-w-md space-y-4">
      {FIELDS.map((field) => (
        <div key={field.name}>
          <label htmlFor={`account-${field.name}`} className="block font-semibold">
            {field.label}
          </label>
          {field.hint ? (
            <p id={`account-${field.name}-hint`} className="text-sm">
              {field.hint}
            </p>
          ) : null}
          <input
            id={`account-${field.name}`}
            name={field.name}
            type="password"
            autoComplete={field.autoComplete}
            required
            maxLength={field.name === "current" ? 1024 : 128}
            className={inputClass}
            aria-describedby={
              [field.hint ? `account-${field.name}-hint` : "", describedBy(`account-${field.name}-error`, state.errors?.[field.name]) ?? ""].join(" ").trim() ||
              undefined
            }
          />
          <FieldError id={`account-${field.name}-error`} messages={state.errors?.[field.name]} />
        </div>
      ))}
      <Button type="submit" disabled={pending}>
        {pending ? "Changing…" : "Change password"}
      </Button>
      <FormStatus state={state} />
    </form>
  );
}
