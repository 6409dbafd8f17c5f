/** The error under a field; its id is what the field's aria-describedby points at. */
export function FieldError({ id, messages }: { id: string; messages?: string[] }) {
  if (!messages?.length) return null;
  return (
    <p id={id} className="mt-1 text-sm font-semibold text-[#b50909]">
      {messages.join(" ")}
    </p>
  );
}

export const describedBy = (id: string, messages?: string[]) => (messages?.length ? id : undefined);
