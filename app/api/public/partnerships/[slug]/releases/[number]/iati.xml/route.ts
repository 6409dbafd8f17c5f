import { iatiDownload } from "@/lib/releases/routes";

// Public open data: one release as an IATI 2.03 activity file, at its stable address. No session.
export const dynamic = "force-static";
export const revalidate = 3600;
export const generateStaticParams = async (): Promise<{ slug: string; number: string }[]> => [];

export async function GET(_request: Request, context: { params: Promise<{ slug: string; number: string }> }) {
  const { slug, number } = await context.params;
  return iatiDownload(slug, number);
}
