import type { Secrets } from "../src/env";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    databaseWsProxy: string;
    fixturesUrl: string;
    openaiUrl: string;
    anthropicUrl: string;
    llamaParseUrl: string;
  }
}

declare global {
  namespace Cloudflare {
    // Test bindings include the secrets that wrangler.toml cannot declare.
    interface Env extends Secrets {}
  }
}
