import { defineConfig } from "vitest/config";

/**
 * `npm run test:browser`: the web app in a real Chromium (Debian's, driven by playwright-core) against a local stack
 * that the test starts itself (scripts/lib/stack.ts, a free port, offline providers). Runs in Node, not in workerd.
 */
export default defineConfig({
  test: {
    include: ["test/browser/**/*.browser.test.ts"],
    // One stack and one browser per file; files take turns (two cores, and each file starts wrangler).
    fileParallelism: false,
    // A cold wrangler start plus PGlite takes ~10 s here, ingestion of the SBC a few seconds, CI runners more.
    hookTimeout: 180_000,
    testTimeout: 90_000,
  },
});
