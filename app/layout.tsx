import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Compact Tracker", template: "%s · Compact Tracker" },
  description: "Objectives, results and funding of the U.S. Child Protection Compact (CPC) Partnerships, pledged against delivered.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="flex min-h-screen flex-col font-sans antialiased">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2">
          Skip to main content
        </a>
        <header className="border-b-4 border-primary bg-white">
          <div className="mx-auto flex max-w-6xl items-baseline justify-between gap-4 px-4 py-4">
            <Link href="/" className="text-xl font-bold text-ink no-underline">
              Compact Tracker
            </Link>
            <p className="text-sm text-muted">Child Protection Compact Partnerships: results and funding</p>
          </div>
        </header>
        <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-8">
          {children}
        </main>
        <footer className="border-t border-rule bg-base-lightest">
          <div className="mx-auto max-w-6xl px-4 py-6 text-sm text-muted">
            Figures are published statements, each with its source. Data generated for demonstration is labelled illustrative wherever it appears.
          </div>
        </footer>
      </body>
    </html>
  );
}
