import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ReleaseView } from "@/components/public/release-view";
import { getLatestRelease } from "@/lib/data/releases";

type Params = Promise<{ slug: string }>;

// The latest release of the partnership's public figures. Rendered on its first request (the
// build needs no database), then served from Next's route cache until approving or reopening a
// quarter revalidates the "public-summary" tag, or an hour passes. ?asOf=YYYY-MM-DD is answered
// by proxy.ts with the release that was in force on that date.
export const revalidate = 3600;
export const generateStaticParams = async (): Promise<{ slug: string }[]> => [];

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { slug } = await params;
  const latest = await getLatestRelease(slug);
  return { title: latest ? `${latest.summary.partnership.name}: release ${latest.release.number}` : "Partnership summary" };
}

export default async function PartnershipSummaryPage({ params }: { params: Params }) {
  const { slug } = await params;
  const latest = await getLatestRelease(slug);
  if (!latest) notFound();
  return <ReleaseView release={latest} />;
}
