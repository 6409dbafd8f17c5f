import type { ReactNode } from "react";
import { PartnershipNav } from "@/components/dashboard/partnership-nav";
import { requireSignedIn } from "@/lib/auth/session";
import { partnershipNavigation } from "@/lib/data/navigation";
import { readForPage } from "@/lib/page-errors";

// The partnership's access is checked here, before any page of it renders, so that a refusal is
// sent as a 403 (or 404) whole; each page checks again for what it reads. No page here streams a
// loading state: the overview renders in tens of milliseconds, and its placeholder, replaced by
// the figures, moved the page and held back its largest paint (issue 19, docs/PERFORMANCE.md).
// Every page of the partnership shares its navigation.
export default async function PartnershipLayout({ children, params }: { children: ReactNode; params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const actor = await requireSignedIn(`/dashboard/${slug}`);
  const nav = await readForPage(() => partnershipNavigation(actor, slug), `/dashboard/${slug}`);
  return (
    <>
      <PartnershipNav name={nav.name} links={nav.links} objectives={nav.objectives} />
      {children}
    </>
  );
}
