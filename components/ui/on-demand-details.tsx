"use client";

import { useRouter } from "next/navigation";
import { useTransition, type ReactNode } from "react";

/**
 * A <details> whose content the server renders only once it is asked for, so the page does not
 * carry it until then. Opening it goes to `href` (the same page with one more parameter in its
 * address, so the open view can be shared by link) without moving the page; without JavaScript,
 * the link inside does the same.
 */
export function OnDemandDetails({
  summary,
  href,
  anchor,
  loaded,
  noun = "tables",
  children,
}: {
  summary: string;
  href: string;
  /** Where the link without JavaScript lands: the section's heading. */
  anchor: string;
  loaded: boolean;
  /** What opening it shows, for its loading message and its link: "tables", "statements". */
  noun?: string;
  children?: ReactNode;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <details
      open={loaded}
      onToggle={(event) => {
        if (event.currentTarget.open && !loaded) startTransition(() => router.replace(href, { scroll: false }));
      }}
    >
      <summary className="cursor-pointer text-primary underline">{summary}</summary>
      {loaded ? (
        children
      ) : (
        <p role="status" className="mt-2 text-muted">
          {pending ? `Loading the ${noun}…` : <a href={`${href}#${anchor}`}>Show the {noun}</a>}
        </p>
      )}
    </details>
  );
}
