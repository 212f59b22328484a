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
  /** The login session of the access token; logout ends it. */
  sessionId: string;
}

export interface AppBindings {
  Bindings: AppEnv;
  Variables: AppVariables;
}
