/** Marks data generated for demonstration, wherever it appears. */
export function IllustrativeBadge({ what = "Illustrative data" }: { what?: string }) {
  return (
    <span className="inline-block rounded border border-illustrative px-2 py-0.5 text-xs font-semibold uppercase tracking-wide text-illustrative">{what}</span>
  );
}
