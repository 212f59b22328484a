/**
 * Failures of the services the Worker depends on, in terms neutral of who called: the data layer throws
 * `DatabaseUnavailableError`, providers (embeddings, answer models, parsers) throw `UpstreamError`. Neither knows about
 * HTTP or the ingestion queue; the HTTP edge (`toApiError` in ./errors.ts) maps them to 503/502, and the queue consumer
 * (`classifyFailure` in ../ingestion/failures.ts) to a retry.
 *
 * Messages of these classes are composed here and in the code that throws them, from codes, statuses and names of
 * services, never from a document, a query or an address, so they may be logged (see ./log.ts).
 */
export abstract class ServiceError extends Error {
  /** Whether trying again later may succeed (a dropped connection, a 503) rather than fail the same way. */
  abstract readonly retryable: boolean;
}

/**
 * The database could not be reached or refused work for now: connection refused or dropped, too many connections
 * (SQLSTATE class 53), the server shutting down (57P01–57P03), a connection or statement timeout. Never a bad query.
 */
export class DatabaseUnavailableError extends ServiceError {
  readonly retryable = true;
  /** The PostgreSQL SQLSTATE when the server gave one ("53300"); undefined for network failures. */
  readonly sqlState: string | undefined;

  constructor(reason: string, options: { sqlState?: string; cause?: unknown } = {}) {
    super(`The database is unavailable: ${reason}`, { cause: options.cause });
    this.name = "DatabaseUnavailableError";
    this.sqlState = options.sqlState;
  }
}

export type UpstreamService = "embeddings" | "llm" | "parser";

/**
 * An external provider failed: `retryable` for a rate limit, a 5xx or a timeout; not for a rejected key, an unknown
 * model or a spent quota, which need a person to change something.
 */
export class UpstreamError extends ServiceError {
  readonly service: UpstreamService;
  readonly provider: string;
  readonly retryable: boolean;
  /** HTTP status when the provider answered with one; undefined for timeouts and connection failures. */
  readonly status: number | undefined;

  constructor(
    service: UpstreamService,
    provider: string,
    message: string,
    options: { retryable?: boolean; status?: number; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = "UpstreamError";
    this.service = service;
    this.provider = provider;
    this.retryable = options.retryable ?? false;
    this.status = options.status;
  }
}

/**
 * The login session a request's access token names has ended (logout, or the account deleted), found by the data
 * layer when the session check rode in the request's one database transaction (`openOneShot`'s session gate) rather
 * than being asked first. The HTTP edge answers it as the 401 an ended session gets anywhere.
 */
export class SessionEndedError extends ServiceError {
  readonly retryable = false;

  constructor() {
    super("The login session has ended");
    this.name = "SessionEndedError";
  }
}

/** The first `ServiceError` in an error's `cause` chain: drizzle, for one, wraps what the driver threw. */
export function findServiceError<T extends ServiceError>(error: unknown, type: abstract new (...args: never[]) => T): T | undefined {
  let current: unknown = error;
  // A few levels is all any wrapper adds; the bound keeps a cyclic `cause` chain from looping forever.
  for (let depth = 0; depth < 5 && typeof current === "object" && current !== null; depth++) {
    if (current instanceof type) return current;
    current = "cause" in current ? current.cause : undefined;
  }
  return undefined;
}
