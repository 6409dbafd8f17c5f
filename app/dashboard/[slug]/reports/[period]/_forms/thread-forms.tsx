"use client";

import { useId } from "react";
import { addCommentAction, reopenSubmissionAction } from "../actions";
import { Button } from "@/components/ui/button";
import { describedBy, FieldError } from "@/components/ui/field-error";
import { FormStatus } from "@/components/ui/form-status";
import { useFormAction } from "@/components/forms/use-form-action";

/** A comment on the report as a whole, or on one of its indicators (shown beside it to the encoder). */
export function CommentForm({ submissionId, organization, indicators }: { submissionId: string; organization: string; indicators: { code: string; name: string }[] }) {
  const { state, onSubmit, pending } = useFormAction(addCommentAction, { resetOnSuccess: true });
  const id = useId();
  return (
    <form onSubmit={onSubmit} className="space-y-2" aria-label={`Comment on ${organization}'s report`}>
      <input type="hidden" name="submissionId" value={submissionId} />
      <label htmlFor={`${id}-about`} className="block font-semibold">Comment on</label>
      <select id={`${id}-about`} name="indicatorCode" defaultValue="" className="max-w-full rounded border border-ink p-1"
        aria-describedby={describedBy(`${id}-about-error`, state.errors?.indicatorCode)}>
        <option value="">The report as a whole</option>
        {indicators.map((i) => (
          <option key={i.code} value={i.code}>{i.code} {i.name}</option>
        ))}
      </select>
      <FieldError id={`${id}-about-error`} messages={state.errors?.indicatorCode} />
      <label htmlFor={`${id}-body`} className="block font-semibold">Add a comment</label>
      <textarea id={`${id}-body`} name="body" rows={2} maxLength={4000} className="w-full rounded border border-ink p-2"
        aria-describedby={describedBy(`${id}-body-error`, state.errors?.body)} />
      <FieldError id={`${id}-body-error`} messages={state.errors?.body} />
      <Button type="submit" variant="secondary" disabled={pending}>Post comment</Button>
      <FormStatus state={state} />
    </form>
  );
}

export function ReopenForm({ submissionId, version, organization }: { submissionId: string; version: number; organization: string }) {
  const { state, onSubmit, pending } = useFormAction(reopenSubmissionAction);
  const id = useId();
  return (
    <form onSubmit={onSubmit} className="space-y-2 border border-rule p-3" aria-label={`Reopen ${organization}'s report`}>
      <input type="hidden" name="submissionId" value={submissionId} />
      <input type="hidden" name="version" value={version} />
      <label htmlFor={`${id}-reason`} className="block font-semibold">Reason for reopening (required)</label>
      <textarea id={`${id}-reason`} name="reason" rows={2} maxLength={2000} className="w-full rounded border border-ink p-2"
        aria-describedby={describedBy(`${id}-reason-error`, state.errors?.reason)} />
      <FieldError id={`${id}-reason-error`} messages={state.errors?.reason} />
      <Button type="submit" variant="danger" disabled={pending}>Reopen this report</Button>
      <FormStatus state={state} />
    </form>
  );
}
