import type { ReactNode } from "react";
import { PartnershipNav } from "@/components/dashboard/partnership-nav";
import { requireSignedIn } from "@/lib/auth/session";
import { partnershipNavigation } from "@/lib/data/navigation";
import { readForPage } from "@/lib/page-errors";

// Checked here, above the overview's loading state, so that a refusal is sent as a 403 (or
// 404) before any of the page streams; each page checks again for what it reads. Pages whose
// permission is narrower (the audit log) have no loading state, so theirs is sent whole.
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
