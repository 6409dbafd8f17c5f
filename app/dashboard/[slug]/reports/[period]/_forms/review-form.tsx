"use client";

import { useId } from "react";
import { reviewSubmissionAction } from "../actions";
import { Button } from "@/components/ui/button";
import { describedBy, FieldError } from "@/components/ui/field-error";
import { FormStatus } from "@/components/ui/form-status";
import { useFormAction } from "@/components/forms/use-form-action";

/** A reviewer approves a submitted quarter, or returns it with a reason. */
export function ReviewForm({ submissionId, version, organization }: { submissionId: string; version: number; organization: string }) {
  const { state, onSubmit, pending } = useFormAction(reviewSubmissionAction);
  const id = useId();
  return (
    <form onSubmit={onSubmit} className="space-y-3 border border-rule p-3" aria-label={`Review ${organization}'s report`}>
      <input type="hidden" name="submissionId" value={submissionId} />
      <input type="hidden" name="version" value={version} />
      {/* Neither decision is chosen for the reviewer: each is a deliberate click. */}
      <fieldset aria-describedby={describedBy(`${id}-decision-error`, state.errors?.decision)}>
        <legend className="font-semibold">Decision (choose one)</legend>
        <label className="mr-4 inline-flex items-center gap-2">
          <input type="radio" name="decision" value="APPROVE" /> Approve
        </label>
        <label className="inline-flex items-center gap-2">
          <input type="radio" name="decision" value="RETURN" /> Return for changes
        </label>
        <FieldError id={`${id}-decision-error`} messages={state.errors?.decision} />
      </fieldset>
      <div>
        <label htmlFor={`${id}-reason`} className="block font-semibold">
          Reason for returning (required when returning)
        </label>
        <textarea id={`${id}-reason`} name="reason" rows={3} maxLength={2000} className="mt-1 w-full rounded border border-ink p-2"
          aria-describedby={describedBy(`${id}-reason-error`, state.errors?.reason)} />
        <FieldError id={`${id}-reason-error`} messages={state.errors?.reason} />
      </div>
      <Button type="submit" disabled={pending}>{pending ? "Saving…" : "Record decision"}</Button>
      <FormStatus state={state} />
    </form>
  );
}
