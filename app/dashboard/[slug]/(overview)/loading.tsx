export default function Loading() {
  return (
    <div role="status" aria-live="polite" className="space-y-3">
      <p className="text-muted">Loading the figures…</p>
      <div className="h-40 animate-pulse bg-base-lightest" />
    </div>
  );
}
