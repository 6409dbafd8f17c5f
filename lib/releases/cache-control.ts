// What shared caches (a CDN, a proxy) may keep of the public record. A numbered release never
// changes: for ever. The latest page and downloads change when a quarter is approved or reopened:
// a shared cache may keep them a minute at most, and browsers ask again each time.
export const RELEASE_CACHE_CONTROL = "public, max-age=31536000, immutable";
export const LATEST_CACHE_CONTROL = "public, max-age=0, s-maxage=60, must-revalidate";
