import { releaseDownload } from "@/lib/releases/routes";

// Public open data: one release's figures at its stable address (docs/OPEN-DATA.md). No session.
export const dynamic = "force-static";
export const revalidate = 3600;
export const generateStaticParams = async (): Promise<{ slug: string; number: string }[]> => [];

export async function GET(_request: Request, context: { params: Promise<{ slug: string; number: string }> }) {
  const { slug, number } = await context.params;
  return releaseDownload(slug, number, "json");
}
