import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ReleaseView } from "@/components/public/release-view";
import { getRelease } from "@/lib/data/releases";

type Params = Promise<{ slug: string; number: string }>;

// One release at its stable address. A release never changes; only the line saying which release
// replaced it does, so the page is kept like the latest one and refreshed on the same signal.
export const revalidate = 3600;
export const generateStaticParams = async (): Promise<{ slug: string; number: string }[]> => [];

const releaseNumber = (text: string) => (/^[1-9]\d{0,6}$/.test(text) ? Number(text) : null);

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { slug, number } = await params;
  const n = releaseNumber(number);
  const release = n === null ? null : await getRelease(slug, n);
  return { title: release ? `${release.summary.partnership.name}: release ${release.release.number}` : "Release not found" };
}

export default async function ReleasePage({ params }: { params: Params }) {
  const { slug, number } = await params;
  const n = releaseNumber(number);
  const release = n === null ? null : await getRelease(slug, n);
  if (!release) notFound();
  return <ReleaseView release={release} />;
}
