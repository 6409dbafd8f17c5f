import type { ReactNode } from "react";
import { requireSignedIn } from "@/lib/auth/session";
import { requirePartnership } from "@/lib/data/partnership-access";
import { readForPage } from "@/lib/page-errors";

// Checked here, above the overview's loading state, so that a refusal is sent as a 403 (or
// 404) before any of the page streams; each page checks again for what it reads. Pages whose
// permission is narrower (the audit log) have no loading state, so theirs is sent whole.
export default async function PartnershipLayout({ children, params }: { children: ReactNode; params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const actor = await requireSignedIn(`/dashboard/${slug}`);
  await readForPage(() => requirePartnership(actor, slug), `/dashboard/${slug}`);
  return children;
}
