"use client";

export default function PublicError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="border-l-4 border-accent-warm bg-base-lightest p-4">
      <h1 className="text-xl font-bold">The partnerships could not be loaded</h1>
      <p className="mt-2">The database did not answer. Try again in a minute; if it keeps happening, tell the site&apos;s operators.</p>
      <button type="button" onClick={reset} className="mt-3 rounded bg-primary px-4 py-2 text-white">
        Try again
      </button>
    </div>
  );
}
