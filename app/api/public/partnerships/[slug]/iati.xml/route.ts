import { iatiDownload } from "@/lib/releases/routes";

// Public open data: the latest release as an IATI 2.03 activity file (docs/OPEN-DATA.md). No session.
// Kept in Next's route cache and refreshed when a release is published, like summary.json.
export const dynamic = "force-static";
export const revalidate = 3600;
export const generateStaticParams = async (): Promise<{ slug: string }[]> => [];

export async function GET(_request: Request, context: { params: Promise<{ slug: string }> }) {
  const { slug } = await context.params;
  return iatiDownload(slug, null);
}
