import type { Config } from "../config";
import type { Database } from "../db/client";
import type { AppEnv } from "../env";
import type { Services } from "../services";

/** What every handler can read from `c.var`. */
export interface AppVariables {
  requestId: string;
  /** The request's composition root (src/services.ts); `config` and `database` below are two of its parts. */
  services: Services;
  config: Config;
  /** Opens the request's pool on first use; the middleware closes it after the response. */
  database: () => Database;
  /** Set by `requireAuth`. */
  userId: string;
  userEmail: string;
  /** The login session of the access token (logout ends it); null when the request came with an API key. */
  sessionId: string | null;
  /** Set by the error handler: the problem+json code answered, and the limit for a 429, for metrics. */
  errorCode?: string;
  rateLimit?: string;
}

export interface AppBindings {
  Bindings: AppEnv;
  Variables: AppVariables;
}
