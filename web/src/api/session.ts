/**
 * The one module that knows where the member's tokens live (docs/decisions.md, "Web app: tokens").
 *
 * The access token lives in this module's memory only: no storage, no cookie a script can read. The refresh token is
 * an HttpOnly, Secure, SameSite=Strict cookie scoped to /api/v2/auth, which the server sets because every auth call
 * here sends `x-token-transport: cookie`; no script (ours or an injected one) can read it. A reload therefore starts
 * with no token and asks /api/v2/auth/refresh for one (`resumeSession`); an expired access token is renewed the same
 * way, once, on a 401. Log out revokes the session and the server clears the cookie.
 *
 * A flag in localStorage says only that this browser was signed in, so a visitor who never was is not sent to refresh.
 */
import { TOKEN_TRANSPORT_COOKIE, TOKEN_TRANSPORT_HEADER } from "../../../src/api/token-transport.ts";
import type { TokenResponse, User } from "./types";

export interface Session {
  user: User;
  accessToken: string;
  /** Milliseconds since the epoch; a little before the token's real expiry. */
  expiresAt: number;
}

/** Sent on register, log in, refresh and log out: the refresh token travels in the HttpOnly cookie, never to script. */
export const COOKIE_TRANSPORT = { [TOKEN_TRANSPORT_HEADER]: TOKEN_TRANSPORT_COOKIE };

const SIGNED_IN_KEY = "insurance-navigator.signed-in";
/** Where an earlier version of the app kept tokens in the tab; removed on start so none lingers. */
const LEGACY_KEY = "insurance-navigator.session";
/** Treat a token as expired this long before it is, so a request never leaves with one about to lapse. */
const EXPIRY_MARGIN_MS = 30_000;

let current: Session | null = null;
const listeners = new Set<(session: Session | null) => void>();
let refreshing: Promise<boolean> | null = null;
let expired = false;

export function currentSession(): Session | null {
  return current;
}

/** Calls `listener` whenever the member signs in or out (or the session ends on its own); returns the unsubscribe. */
export function onSessionChange(listener: (session: Session | null) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function startSession(response: TokenResponse): void {
  set(fromTokens(response));
}

/** The access token to send, or null when there is none or it has expired (call `refreshAccessToken` then). */
export function accessToken(): string | null {
  if (!current || Date.now() >= current.expiresAt) return null;
  return current.accessToken;
}

/**
 * On start: a browser that was signed in gets a new access token from its refresh cookie. A refusal means the
 * session ended while the page was closed (expired, or logged out elsewhere), which the app then says.
 */
export async function resumeSession(): Promise<void> {
  try {
    sessionStorage.removeItem(LEGACY_KEY);
  } catch {
    // Storage off: nothing to remove.
  }
  if (!wasSignedIn()) return;
  if (!(await refreshAccessToken())) expired = true;
}

/**
 * Swaps the refresh cookie for a new access token (and the server a new cookie); false, and the session ends, when the
 * server refuses it. Concurrent callers share one request.
 */
export function refreshAccessToken(): Promise<boolean> {
  refreshing ??= (async () => {
    try {
      const response = await fetch("/api/v2/auth/refresh", {
        method: "POST",
        // A JSON body and the custom header: what a cross-site form cannot send (the CSRF half of the cookie).
        headers: { "content-type": "application/json", ...COOKIE_TRANSPORT },
        body: "{}",
        credentials: "same-origin",
      });
      if (!response.ok) {
        set(null);
        return false;
      }
      set(fromTokens((await response.json()) as TokenResponse));
      return true;
    } catch {
      // No answer at all: keep what we have; the next call tries again.
      return false;
    }
  })().finally(() => {
    refreshing = null;
  });
  return refreshing;
}

/** Ends the session here and on the server, which also clears the refresh cookie (best effort). */
export async function logOut(): Promise<void> {
  const token = current?.accessToken;
  set(null);
  await fetch("/api/v2/auth/logout", {
    method: "POST",
    headers: { "content-type": "application/json", ...COOKIE_TRANSPORT, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: "{}",
    credentials: "same-origin",
  }).catch(() => undefined);
}

/** The server refused our token and it could not be refreshed: the member must sign in again. */
export function sessionExpired(): void {
  if (current) expired = true;
  set(null);
}

/** Whether the last session ended because it expired (not by logging out); asking clears it. */
export function takeExpired(): boolean {
  const was = expired;
  expired = false;
  return was;
}

function fromTokens(response: TokenResponse): Session {
  return { user: response.user, accessToken: response.access_token, expiresAt: Date.now() + response.expires_in * 1000 - EXPIRY_MARGIN_MS };
}

function set(session: Session | null): void {
  current = session;
  try {
    if (session) localStorage.setItem(SIGNED_IN_KEY, "1");
    else localStorage.removeItem(SIGNED_IN_KEY);
  } catch {
    // Storage can be off (private mode); a reload then shows the log-in form.
  }
  for (const listener of listeners) listener(session);
}

function wasSignedIn(): boolean {
  try {
    return localStorage.getItem(SIGNED_IN_KEY) === "1";
  } catch {
    return false;
  }
}
