"use client";

import { useRouter } from "next/navigation";
import { useTransition, type ReactNode } from "react";
import { addressWith, showValue, type OnDemandSection } from "@/lib/dashboard-sections";

const OPENED = "details[data-on-demand]";

/**
 * The address for the sections open on the page now, read from the page itself, so that a second
 * section opened while the first is still loading keeps the first, and a closed one leaves the
 * address. The filters' hidden `show` field follows it, so Apply keeps the same sections open.
 */
function addressOfOpenSections(): string {
  const open = [...document.querySelectorAll<HTMLDetailsElement>(OPENED)].filter((d) => d.open).map((d) => d.dataset.onDemand ?? "");
  const show = showValue(open);
  for (const field of document.querySelectorAll<HTMLInputElement>("input[data-keeps-sections]")) {
    field.value = show;
    field.disabled = show === "";
  }
  return addressWith(window.location.pathname, new URLSearchParams(window.location.search), open);
}

/**
 * A <details> whose content the server renders only once it is asked for, so the page does not
 * carry it until then. Opening it goes to the same page with the section named in its address
 * (so the open view can be shared by link) without moving the page; closing it takes the section
 * out of the address without asking the server again. Without JavaScript, the link inside goes
 * to `href`, the address the server built with the section shown.
 */
export function OnDemandDetails({
  section,
  summary,
  href,
  anchor,
  loaded,
  noun = "tables",
  children,
}: {
  section: OnDemandSection;
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
      data-on-demand={section}
      onToggle={(event) => {
        const address = addressOfOpenSections();
        // Only content not yet sent needs the server; otherwise the address alone changes.
        if (event.currentTarget.open && !loaded) startTransition(() => router.replace(address, { scroll: false }));
        else window.history.replaceState(null, "", address);
      }}
    >
      <summary className="cursor-pointer text-primary underline">{summary}</summary>
      {loaded ? (
        <>
          {/* Said once the content has arrived, since opening it moved nothing on the screen. */}
          <p role="status" className="sr-only">
            Showing the {noun}.
          </p>
          {children}
        </>
      ) : (
        <p role="status" className="mt-2 text-muted">
          {pending ? `Loading the ${noun}…` : <a href={`${href}#${anchor}`}>Show the {noun}</a>}
        </p>
      )}
    </details>
  );
}
