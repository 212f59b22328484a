/** How a browser keeps its refresh token; plain constants (no zod), so the web app can import them at no cost. */

/**
 * A browser asks for its refresh token as a cookie by sending this header with the value "cookie" on register, login,
 * refresh and logout. The token is then set as an HttpOnly, Secure, SameSite=Strict cookie scoped to
 * `REFRESH_COOKIE_PATH` and left out of the JSON body, so no script can ever read it. Refresh and logout read the
 * cookie only when the header is present: a cross-site page cannot send a custom header without a CORS preflight that
 * is refused, and a form cannot send one at all, so the cookie alone never refreshes or ends a session (CSRF).
 */
export const TOKEN_TRANSPORT_HEADER = "x-token-transport";
export const TOKEN_TRANSPORT_COOKIE = "cookie";
/** Not `__Host-`, which demands `Path=/`: the refresh token must travel to the auth routes only. */
export const REFRESH_COOKIE = "refresh_token";
export const REFRESH_COOKIE_PATH = "/api/v2/auth";
