/**
 * Marks data generated for demonstration, wherever it appears. Its style is one class in
 * app/globals.css: a results table shows it in most cells, and ten utility classes each time
 * weighed on the page twice (HTML and RSC payload).
 */
export function IllustrativeBadge({ what = "Illustrative data" }: { what?: string }) {
  return <span className="badge-illustrative">{what}</span>;
}
