import { accessToken, COOKIE_TRANSPORT, refreshAccessToken, sessionExpired } from "./session";
import type { Problem } from "./types";

/** An API error (or no answer at all: `status` 0, `code` "network"), with what the server said. */
export class ApiProblem extends Error {
  readonly status: number;
  readonly code: string;
  readonly requestId: string | undefined;
  readonly retryAfterSeconds: number | undefined;

  constructor(problem: Partial<Omit<Problem, "code">> & { status: number; code: string }) {
    super(problem.detail ?? problem.title ?? problem.code);
    this.name = "ApiProblem";
    this.status = problem.status;
    this.code = problem.code;
    this.requestId = problem.request_id;
    this.retryAfterSeconds = problem.retry_after_seconds;
  }
}

export const networkProblem = () => new ApiProblem({ status: 0, code: "network" });

/** Reads a problem+json body; anything else becomes a problem named after the status. */
export async function problemFrom(response: Response): Promise<ApiProblem> {
  let body: Partial<Problem> = {};
  try {
    body = (await response.json()) as Partial<Problem>;
  } catch {
    // Not JSON (a proxy's error page): the status says enough.
  }
  const retryAfter = Number(response.headers.get("retry-after"));
  return new ApiProblem({
    ...body,
    status: response.status,
    code: body.code ?? `http_${response.status}`,
    request_id: body.request_id ?? response.headers.get("x-request-id") ?? undefined,
    retry_after_seconds: body.retry_after_seconds ?? (Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined),
  });
}

/** The Authorization header for now, refreshing an expired token first; ends the session if that fails. */
export async function authorization(): Promise<string> {
  let token = accessToken();
  if (!token && (await refreshAccessToken())) token = accessToken();
  if (!token) {
    sessionExpired();
    throw new ApiProblem({ status: 401, code: "unauthorized" });
  }
  return `Bearer ${token}`;
}

/**
 * `fetch` for the API: adds the access token, retries once with a refreshed token after a 401, and turns every
 * failure into an `ApiProblem` (a 401 that survives the refresh also ends the session).
 */
export async function apiFetch(path: string, init: RequestInit = {}): Promise<Response> {
  const send = async () => {
    const headers = new Headers(init.headers);
    headers.set("authorization", await authorization());
    try {
      return await fetch(path, { ...init, headers });
    } catch (error) {
      if (error instanceof DOMException && error.name === "AbortError") throw error;
      throw networkProblem();
    }
  };
  let response = await send();
  if (response.status === 401 && (await refreshAccessToken())) response = await send();
  if (response.status === 401) sessionExpired();
  if (!response.ok) throw await problemFrom(response);
  return response;
}

export async function apiJson<T>(path: string, init: RequestInit = {}): Promise<T> {
  const response = await apiFetch(path, { ...init, headers: { accept: "application/json", ...init.headers } });
  return (await response.json()) as T;
}

/** For the two routes that need no token (register and log in); the refresh token comes back as the cookie. */
export async function publicJson<T>(path: string, body: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: "POST",
      headers: { "content-type": "application/json", ...COOKIE_TRANSPORT },
      body: JSON.stringify(body),
      credentials: "same-origin",
    });
  } catch {
    throw networkProblem();
  }
  if (!response.ok) throw await problemFrom(response);
  return (await response.json()) as T;
}
