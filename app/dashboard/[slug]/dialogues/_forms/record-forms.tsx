"use client";

import { useId } from "react";
import { addDecisionAction, recordMinutesAction } from "../actions";
import { useFormAction } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { describedBy, FieldError } from "@/components/ui/field-error";
import { FormStatus } from "@/components/ui/form-status";

const inputClass = "mt-1 block w-full rounded border border-ink p-2";

/** The dialogue's minutes, written after it (the first record keeps the pack's figures with them). */
export function MinutesForm({ slug, dialogueId, minutes }: { slug: string; dialogueId: string; minutes: string | null }) {
  const { state, onSubmit, pending } = useFormAction(recordMinutesAction);
  const id = useId();
  return (
    <form onSubmit={onSubmit} className="space-y-2 print:hidden" aria-label="The dialogue's minutes">
      <input type="hidden" name="slug" value={slug} />
      <input type="hidden" name="dialogueId" value={dialogueId} />
      <label htmlFor={`${id}-minutes`} className="font-semibold">
        Minutes
      </label>
      <textarea
        id={`${id}-minutes`}
        name="minutes"
        rows={5}
        maxLength={20000}
        defaultValue={minutes ?? ""}
        className={inputClass}
        aria-describedby={describedBy(`${id}-minutes-error`, state.errors?.minutes)}
      />
      <FieldError id={`${id}-minutes-error`} messages={state.errors?.minutes} />
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Saving…" : "Save the minutes"}
      </Button>
      <FormStatus state={state} />
    </form>
  );
}

/** A decision of the dialogue, linked to the key indicators it concerns. */
export function DecisionForm({ slug, dialogueId, indicators }: { slug: string; dialogueId: string; indicators: { code: string; name: string }[] }) {
  const { state, onSubmit, pending } = useFormAction(addDecisionAction, { resetOnSuccess: true });
  const id = useId();
  return (
    <form onSubmit={onSubmit} className="space-y-2 print:hidden" aria-label="Record a decision">
      <input type="hidden" name="slug" value={slug} />
      <input type="hidden" name="dialogueId" value={dialogueId} />
      <label htmlFor={`${id}-text`} className="font-semibold">
        Decision
      </label>
      <textarea
        id={`${id}-text`}
        name="text"
        rows={2}
        maxLength={2000}
        className={inputClass}
        aria-describedby={describedBy(`${id}-text-error`, state.errors?.text)}
      />
      <FieldError id={`${id}-text-error`} messages={state.errors?.text} />
      <fieldset aria-describedby={describedBy(`${id}-indicators-error`, state.errors?.indicators)}>
        <legend className="font-semibold">Figures it concerns</legend>
        {indicators.map((i) => (
          <label key={i.code} className="flex items-start gap-2">
            <input type="checkbox" name="indicators[]" value={i.code} className="mt-1" /> {i.code} {i.name}
          </label>
        ))}
        <FieldError id={`${id}-indicators-error`} messages={state.errors?.indicators} />
      </fieldset>
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Saving…" : "Record the decision"}
      </Button>
      <FormStatus state={state} />
    </form>
  );
}
