/**
 * The one module that knows where the member's tokens live (docs/decisions.md, "Web app: tokens").
 *
 * Today: the access token is kept in memory and mirrored to sessionStorage, so a reload of the tab keeps the member
 * signed in, another tab or a closed browser does not, and nothing outlives the tab. It is readable by script in our
 * origin, which is why the app's Content-Security-Policy allows no inline or third-party script.
 *
 * When the server issues refresh tokens (POST /api/v2/auth/refresh and /logout, JSON body), this module already uses
 * them: it keeps the refresh token beside the access token, swaps an expired access token for a new one once, and
 * revokes the refresh token on log out. Moving the refresh token into an HttpOnly, Secure, SameSite=Strict cookie
 * scoped to the refresh path (the better place: script can then never read it) changes only this file.
 */
import type { TokenResponse, User } from "./types";

export interface Session {
  user: User;
  accessToken: string;
  /** Milliseconds since the epoch; a little before the token's real expiry. */
  expiresAt: number;
  refreshToken: string | null;
}

const STORAGE_KEY = "insurance-navigator.session";
/** Treat a token as expired this long before it is, so a request never leaves with one about to lapse. */
const EXPIRY_MARGIN_MS = 30_000;

let current: Session | null = load();
const listeners = new Set<(session: Session | null) => void>();
let refreshing: Promise<boolean> | null = null;

export function currentSession(): Session | null {
  return current;
}

/** Calls `listener` whenever the member signs in or out (or the session ends on its own); returns the unsubscribe. */
export function onSessionChange(listener: (session: Session | null) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function startSession(response: TokenResponse): void {
  set({
    user: response.user,
    accessToken: response.access_token,
    expiresAt: Date.now() + response.expires_in * 1000 - EXPIRY_MARGIN_MS,
    refreshToken: response.refresh_token ?? null,
  });
}

/** The access token to send, or null when there is none or it has expired (call `refreshAccessToken` then). */
export function accessToken(): string | null {
  if (!current || Date.now() >= current.expiresAt) return null;
  return current.accessToken;
}

/**
 * Swaps the refresh token for a new access token; false (and the session ends) when there is no refresh token or
 * the server refuses it. Concurrent callers share one request.
 */
export function refreshAccessToken(): Promise<boolean> {
  refreshing ??= (async () => {
    const refreshToken = current?.refreshToken;
    if (!refreshToken) return false;
    try {
      const response = await fetch("/api/v2/auth/refresh", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ refresh_token: refreshToken }),
        credentials: "same-origin",
      });
      if (!response.ok) return false;
      const body = (await response.json()) as Partial<TokenResponse>;
      if (!body.access_token || !current) return false;
      set({
        user: body.user ?? current.user,
        accessToken: body.access_token,
        expiresAt: Date.now() + (body.expires_in ?? 0) * 1000 - EXPIRY_MARGIN_MS,
        refreshToken: body.refresh_token ?? refreshToken,
      });
      return true;
    } catch {
      return false;
    }
  })().finally(() => {
    refreshing = null;
  });
  return refreshing;
}

/** Ends the session here and, if there is a refresh token, revokes it on the server (best effort). */
export async function logOut(): Promise<void> {
  const refreshToken = current?.refreshToken;
  const token = current?.accessToken;
  set(null);
  if (!refreshToken) return;
  await fetch("/api/v2/auth/logout", {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ refresh_token: refreshToken }),
  }).catch(() => undefined);
}

let expired = false;

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

function set(session: Session | null): void {
  current = session;
  try {
    if (session) sessionStorage.setItem(STORAGE_KEY, JSON.stringify(session));
    else sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // Storage can be off (private mode); the session then lasts until the page reloads.
  }
  for (const listener of listeners) listener(session);
}

function load(): Session | null {
  try {
    const raw = sessionStorage.getItem(STORAGE_KEY);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<Session>;
    if (!parsed.user || typeof parsed.accessToken !== "string" || typeof parsed.expiresAt !== "number") return null;
    return { user: parsed.user, accessToken: parsed.accessToken, expiresAt: parsed.expiresAt, refreshToken: parsed.refreshToken ?? null };
  } catch {
    return null;
  }
}
