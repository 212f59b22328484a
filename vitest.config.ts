import { cloudflareTest } from "@cloudflare/vitest-pool-workers";
import { configDefaults, defineConfig } from "vitest/config";
import type { ProvidedContext } from "vitest";

type Inject = <K extends keyof ProvidedContext>(key: K) => ProvidedContext[K];

/**
 * The Worker under test with the bindings every project shares, plus `extra` ones. Each project gets its own
 * miniflare (own R2, queues and Durable Objects) over the one database the global setup starts.
 */
function worker(extra: (inject: Inject) => Record<string, string> = () => ({})) {
  return cloudflareTest(({ inject }) => ({
    main: "./src/index.ts",
    wrangler: { configPath: "./wrangler.toml" },
    miniflare: {
      bindings: {
        DATABASE_URL: inject("databaseUrl"),
        DATABASE_WS_PROXY: inject("databaseWsProxy"),
        DATABASE_HTTP_ENDPOINT: inject("databaseHttpEndpoint"),
        JWT_SECRET: "test-secret-that-is-long-enough-for-hs256-0123456789",
        ENVIRONMENT: "test",
        ...extra(inject),
      },
    },
  }));
}

const shared = {
  // PGlite has one backend; test files take turns rather than queueing behind each other's transactions. With
  // one worker and the default groupOrder, vitest also runs the two projects' files one at a time.
  fileParallelism: false,
  testTimeout: 30_000,
  hookTimeout: 60_000,
  // Console lines as events vitest does not wait for: a line logged from another I/O context as a file ends otherwise
  // hangs the run (see the file).
  setupFiles: ["./test/support/worker-console-events.ts"],
};

export default defineConfig({
  test: {
    // Root-level, so it runs once for both projects (a project's own globalSetup would start a second database);
    // projects inherit the root's provide() values, which the `inject` below reads.
    globalSetup: ["./test/global-setup.ts"],
    // Every request writes a JSON log line; show them for failing tests only, where they explain the failure.
    silent: "passed-only",
    projects: [
      {
        plugins: [worker()],
        test: {
          ...shared,
          name: "default",
          include: ["test/**/*.test.ts"],
          exclude: [...configDefaults.exclude, "test/providers/**", "test/browser/**", "test/stack/**"],
        },
      },
      {
        // The chat Durable Object builds its providers from its bindings, so provider tests need their own Worker:
        // OpenAI first, then Anthropic, then offline, all through the official SDKs against the local stand-ins.
        plugins: [
          worker((inject) => ({
            OPENAI_API_KEY: "sk-test-providers",
            OPENAI_BASE_URL: inject("openaiUrl"),
            ANTHROPIC_API_KEY: "sk-ant-test",
            ANTHROPIC_BASE_URL: inject("anthropicUrl"),
            ANTHROPIC_MODEL: "claude-sonnet-4-6",
            LLM_PROVIDER: "openai",
            // Retrieval stays on the offline embedder, so which chunks are found does not depend on the stand-in.
            EMBEDDING_PROVIDER: "offline",
          })),
        ],
        test: {
          ...shared,
          name: "providers",
          include: ["test/providers/**/*.test.ts"],
        },
      },
      {
        // Whole local stacks (scripts/lib/stack.ts: PGlite + wrangler dev) driven from Node, for what only a real
        // process shows: killing the Worker mid-ingestion, stopping the database under it, scanning its logs.
        test: {
          name: "stack",
          environment: "node",
          include: ["test/stack/**/*.test.ts"],
          fileParallelism: false,
          // Starting wrangler takes ~10 s here and a crash-and-recover cycle up to a minute; a loaded machine, several times that.
          testTimeout: 300_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
