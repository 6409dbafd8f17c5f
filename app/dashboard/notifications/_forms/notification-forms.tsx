"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { markAllReadAction, openNotificationAction, saveMailPreferencesAction } from "../actions";
import { Button } from "@/components/ui/button";
import { describedBy, FieldError } from "@/components/ui/field-error";
import { FormStatus } from "@/components/ui/form-status";
import { useFormAction } from "@/components/forms/use-form-action";
import { CHOOSABLE_KINDS, kindLabel, MAIL_MODES, modeLabel, type MailMode, type NotificationKind } from "@/lib/notifications/kinds";

/** The notification's title as a button: marks it read, then goes where it leads. */
export function OpenNotification({ id, title, link, read }: { id: string; title: string; link: string; read: boolean }) {
  const router = useRouter();
  const { state, onSubmit, pending } = useFormAction(openNotificationAction);
  useEffect(() => {
    if (state.ok) router.push(link);
  }, [state, link, router]);
  return (
    <form method="post" onSubmit={onSubmit}>
      <input type="hidden" name="id" value={id} />
      <button type="submit" disabled={pending} className={`text-left text-primary underline ${read ? "" : "font-bold"}`}>
        {title}
        {read ? null : <span className="sr-only"> (unread)</span>}
      </button>
      {state.ok ? null : <FormStatus state={state} />}
    </form>
  );
}

export function MarkAllReadForm() {
  const { state, onSubmit, pending } = useFormAction(markAllReadAction);
  return (
    <form method="post" onSubmit={onSubmit}>
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Marking…" : "Mark all as read"}
      </Button>
      <FormStatus state={state} />
    </form>
  );
}

export function MailPreferencesForm({ current }: { current: Record<NotificationKind, MailMode> }) {
  const { state, onSubmit, pending } = useFormAction(saveMailPreferencesAction);
  return (
    <form method="post" onSubmit={onSubmit} className="max-w-2xl space-y-3">
      {CHOOSABLE_KINDS.map((kind) => {
        const id = `mode-${kind}`;
        const errors = state.errors?.[`mode:${kind}`];
        return (
          <div key={kind} className="grid gap-1 sm:grid-cols-[1fr_16rem] sm:items-center">
            <label htmlFor={id} className="font-semibold">
              {kindLabel[kind]}
            </label>
            <select
              id={id}
              name={`mode:${kind}`}
              defaultValue={current[kind]}
              className="w-full rounded border border-ink bg-white p-2"
              aria-describedby={describedBy(`${id}-error`, errors)}
            >
              {MAIL_MODES.map((mode) => (
                <option key={mode} value={mode}>
                  {modeLabel[mode]}
                </option>
              ))}
            </select>
            <FieldError id={`${id}-error`} messages={errors} />
          </div>
        );
      })}
      <p className="text-sm">{kindLabel.ACCOUNT}: always by e-mail at once, as it concerns your sign-in.</p>
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save e-mail choices"}
      </Button>
      <FormStatus state={state} />
    </form>
  );
}
