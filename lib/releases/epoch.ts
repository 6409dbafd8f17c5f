// A counter of public changes, shared on globalThis by the app's server code (which bumps it when
// it publishes a release) and the production server that keeps copies of public responses
// (scripts/lib/public-cache.ts), since both run in one Node process.
const KEY = Symbol.for("compact-tracker.public-epoch");
const shared = globalThis as unknown as Record<symbol, number | undefined>;

export const publicEpoch = (): number => shared[KEY] ?? 0;

/** Call after a release is published: every kept copy of a public response is dropped. */
export function announcePublicChange(): void {
  shared[KEY] = publicEpoch() + 1;
}
