import type { Secrets } from "../src/env";

declare global {
  namespace Cloudflare {
    // Test bindings include the secrets that wrangler.toml cannot declare.
    interface Env extends Secrets {}
  }
}
