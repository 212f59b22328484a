import type { Context } from "hono";

/**
 * Sets headers on the response a route answered, in place, after `next()`: `set` replaces, `append` adds to what is
 * there (`Vary`).
 *
 * Why not Hono's `c.header()`: once a route has answered, it copies the whole Response before setting a header, and a
 * middleware that touches `c.res` before `next()` makes Hono copy the route's Response into that placeholder. Each copy
 * is a new Response in the runtime: every request made five Responses this way (Hono's CORS placeholder, the route's,
 * and three copies), one now (BENCHMARKS.md, issue 10, session 14). A response passed through from a fetch has immutable headers: only that one is copied, once.
 *
 * @example setResponseHeaders(c, { "x-content-type-options": "nosniff" }, { vary: "Origin" })
 */
export function setResponseHeaders(c: Context, set: Record<string, string>, append: Record<string, string> = {}): void {
  try {
    apply(c.res.headers, set, append);
  } catch {
    const copy = new Response(c.res.body, c.res);
    apply(copy.headers, set, append);
    c.res = copy;
  }
}

function apply(headers: Headers, set: Record<string, string>, append: Record<string, string>): void {
  for (const name in set) headers.set(name, set[name] as string);
  for (const name in append) headers.append(name, append[name] as string);
}
