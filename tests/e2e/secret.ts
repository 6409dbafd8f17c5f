// The session secret of the e2e server (playwright.config.ts), so that a test can read the
// token inside a session cookie as the server does.
export const E2E_AUTH_SECRET = "e2e-only secret: never used by a real server";
