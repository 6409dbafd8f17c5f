"use client";

export default function DashboardError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="border-l-4 border-accent-warm bg-base-lightest p-4">
      <h1 className="text-xl font-bold">This page could not be loaded</h1>
      <p className="mt-2">The server could not read the figures just now. Try again; if it keeps happening, tell an administrator.</p>
      <button type="button" onClick={reset} className="mt-3 rounded bg-primary px-4 py-2 text-white">
        Try again
      </button>
    </div>
  );
}
