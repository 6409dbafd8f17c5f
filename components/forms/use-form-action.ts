"use client";

import { startTransition, useActionState, useEffect, useRef, type FormEvent } from "react";
import { initialActionResult, type ActionResult } from "@/lib/action-result";

/**
 * Runs a server action from a form's submit event instead of its `action` attribute, so React
 * does not reset the form afterwards: a refused or invalid entry keeps what the user typed.
 * The pressed button's name and value (e.g. intent=submit) go with the form data.
 * With resetOnSuccess, the form is cleared once the action succeeds (new comments, new users).
 */
export function useFormAction(action: (previous: ActionResult, formData: FormData) => Promise<ActionResult>, options: { resetOnSuccess?: boolean } = {}) {
  const [state, dispatch, pending] = useActionState(action, initialActionResult);
  const form = useRef<HTMLFormElement | null>(null);
  const { resetOnSuccess = false } = options;
  useEffect(() => {
    if (state.ok && resetOnSuccess) form.current?.reset();
  }, [state, resetOnSuccess]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    form.current = event.currentTarget;
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const formData = new FormData(event.currentTarget, submitter);
    startTransition(() => dispatch(formData));
  }
  return { state, onSubmit, pending };
}
