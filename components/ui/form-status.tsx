import type { ActionResult } from "@/lib/action-result";

/** The sentence a form's action returned, announced to screen readers. */
export function FormStatus({ state }: { state: ActionResult }) {
  if (!state.message) return <p role="status" aria-live="polite" className="sr-only" />;
  return (
    <p
      role={state.ok ? "status" : "alert"}
      aria-live="polite"
      className={`mt-2 border-l-4 p-2 text-sm ${state.ok ? "border-[#00a91c] bg-[#ecf3ec]" : "border-[#b50909] bg-[#f4e3db]"}`}
    >
      {state.message}
    </p>
  );
}
