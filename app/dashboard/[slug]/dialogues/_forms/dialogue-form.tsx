"use client";

import { useId } from "react";
import { saveDialogueAction } from "../actions";
import { useFormAction } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { describedBy, FieldError } from "@/components/ui/field-error";
import { FormStatus } from "@/components/ui/form-status";

const inputClass = "mt-1 block w-full rounded border border-ink p-2";

/** Creates the dialogue of a year (or changes it): date, place, participants, the key indicators to discuss. */
export function DialogueForm({ slug, years, indicators }: { slug: string; years: number[]; indicators: { code: string; name: string }[] }) {
  const { state, onSubmit, pending } = useFormAction(saveDialogueAction);
  const id = useId();
  const field = (name: string) => ({ id: `${id}-${name}`, name, "aria-describedby": describedBy(`${id}-${name}-error`, state.errors?.[name]) });
  return (
    <form onSubmit={onSubmit} className="space-y-3 border border-rule p-3" aria-label="Create or change a dialogue">
      <input type="hidden" name="slug" value={slug} />
      <div className="grid gap-3 sm:grid-cols-2">
        <div>
          <label htmlFor={`${id}-year`} className="font-semibold">
            Year it reviews
          </label>
          <select {...field("year")} defaultValue={years.at(-1)} className={inputClass}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
          <FieldError id={`${id}-year-error`} messages={state.errors?.year} />
        </div>
        <div>
          <label htmlFor={`${id}-heldOn`} className="font-semibold">
            Date held
          </label>
          <input {...field("heldOn")} type="date" required className={inputClass} />
          <FieldError id={`${id}-heldOn-error`} messages={state.errors?.heldOn} />
        </div>
        <div>
          <label htmlFor={`${id}-place`} className="font-semibold">
            Place
          </label>
          <input {...field("place")} maxLength={200} required className={inputClass} />
          <FieldError id={`${id}-place-error`} messages={state.errors?.place} />
        </div>
        <div>
          <label htmlFor={`${id}-participants`} className="font-semibold">
            Participants
          </label>
          <textarea {...field("participants")} rows={2} maxLength={2000} required className={inputClass} />
          <FieldError id={`${id}-participants-error`} messages={state.errors?.participants} />
        </div>
      </div>
      <fieldset aria-describedby={describedBy(`${id}-indicators-error`, state.errors?.indicators)}>
        <legend className="font-semibold">Key indicators to discuss</legend>
        <ul className="grid gap-1 sm:grid-cols-2">
          {indicators.map((i) => (
            <li key={i.code}>
              <label className="inline-flex items-start gap-2">
                <input type="checkbox" name="indicators[]" value={i.code} className="mt-1" /> {i.code} {i.name}
              </label>
            </li>
          ))}
        </ul>
        <FieldError id={`${id}-indicators-error`} messages={state.errors?.indicators} />
      </fieldset>
      <p className="text-sm text-muted">Saving the dialogue of a year that already has one changes it, and replaces its key indicators.</p>
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save the dialogue"}
      </Button>
      <FormStatus state={state} />
    </form>
  );
}
