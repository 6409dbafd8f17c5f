"use client";

import { useRouter } from "next/navigation";
import { confirmTwoStepAction, startTwoStepAction } from "../actions";
import { Button } from "@/components/ui/button";
import { describedBy, FieldError } from "@/components/ui/field-error";
import { FormStatus } from "@/components/ui/form-status";
import { useFormAction } from "@/components/forms/use-form-action";

export function StartTwoStepForm({ label }: { label: string }) {
  const { state, onSubmit, pending } = useFormAction(startTwoStepAction);
  return (
    <form method="post" onSubmit={onSubmit}>
      <Button type="submit" disabled={pending}>
        {pending ? "Preparing…" : label}
      </Button>
      <FormStatus state={state} />
    </form>
  );
}

export function ConfirmTwoStepForm() {
  const router = useRouter();
  const { state, onSubmit, pending } = useFormAction(confirmTwoStepAction);
  if (state.ok) {
    return (
      <div className="max-w-xl space-y-3 border-l-4 border-primary p-3">
        <FormStatus state={state} />
        <Button type="button" onClick={() => router.refresh()}>
          Done: I have kept the recovery codes
        </Button>
      </div>
    );
  }
  return (
    <form method="post" onSubmit={onSubmit} className="max-w-md space-y-3">
      <div>
        <label htmlFor="two-step-code" className="block font-semibold">
          Code the app shows now
        </label>
        <input
          id="two-step-code"
          name="code"
          type="text"
          inputMode="numeric"
          autoComplete="one-time-code"
          required
          maxLength={16}
          className="mt-1 w-full rounded border border-ink p-2"
          aria-describedby={describedBy("two-step-code-error", state.errors?.code)}
        />
        <FieldError id="two-step-code-error" messages={state.errors?.code} />
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? "Checking…" : "Turn on two-step sign-in"}
      </Button>
      <FormStatus state={state} />
    </form>
  );
}
