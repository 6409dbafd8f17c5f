// Debian's Chromium, as the end-to-end tests and npm run check:cluster start it: headless on a
// machine with no network beyond loopback, so nothing that would reach out (updates, sync).
export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];
