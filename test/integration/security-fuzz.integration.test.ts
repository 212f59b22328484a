/**
 * Property-based fuzzing of every route's body and parameters (fast-check): whatever arrives — any JSON, broken
 * JSON, NUL characters, lone surrogates, huge numbers, wrong types, odd ids, the wrong content type — the answer is
 * never a 5xx, and every error is problem+json with the request id (OpenAI's error shape under /v1).
 *
 * Each property runs a fixed number of cases from a seed that is printed on failure, so a failure can be replayed
 * with `{ seed, path }`.
 */
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { api, registerUser, type TestUser } from "../support/worker-api";
import { AUTHENTICATED_ROUTES, randomAddress, type RouteCase } from "../support/worker-security";

/** Cases per route: enough to reach each validator's corners in a few seconds per route on a shared laptop. */
const RUNS = 20;

/** Strings of any UTF-16 code units (lone surrogates included), with NUL and JSON/SQL/tsquery metacharacters in the mix. */
const nasty = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom("\u0000", "a\u0000b", "' or 1=1 --", "!(&|:*)", "\\", "%00", "../../etc/passwd", "\ud800", "<script>", "💥".repeat(40), "", " "),
  },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 64 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 32 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 10_000, minLength: 4_000 }) },
);

/** Any JSON value, biased towards the nasty strings above. */
const anyJson: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    nasty,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.constantFrom(1e308, -1, 0, 2 ** 53, 1.5),
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(fc.string({ maxLength: 8 }), tie("value"), { maxKeys: 4 }),
  ),
})).value;

/**
 * A route's well-formed body with each field kept, dropped, made nasty, given a NUL, or replaced by any JSON, plus
 * unknown fields: most cases get past the JSON parser and the first checks, to reach the validators and the database.
 */
function mutated(template: unknown): fc.Arbitrary<unknown> {
  if (template === null || typeof template !== "object" || Array.isArray(template)) return anyJson;
  const entries = Object.entries(template as Record<string, unknown>);
  const fields = entries.map(([key, value]) =>
    fc.oneof(
      { weight: 2, arbitrary: fc.constant([key, value] as const) },
      { weight: 1, arbitrary: fc.constant(undefined) },
      { weight: 3, arbitrary: nasty.map((v) => [key, v] as const) },
      { weight: 1, arbitrary: fc.constant([key, typeof value === "string" ? `${value}\u0000` : value] as const) },
      { weight: 2, arbitrary: anyJson.map((v) => [key, v] as const) },
    ),
  );
  return fc.tuple(fc.tuple(...fields), fc.dictionary(fc.string({ maxLength: 8 }), anyJson, { maxKeys: 2 })).map(([kept, extra]) => ({
    ...extra,
    ...Object.fromEntries(kept.filter((entry): entry is readonly [string, unknown] => entry !== undefined)),
  }));
}

/** encodeURIComponent throws on these; a URL cannot carry them anyway (it would carry U+FFFD). */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

interface Sent {
  path: string;
  init: RequestInit;
}

/** A request to `route`: its body fuzzed (valid-shaped, any JSON, broken JSON or raw bytes) and its id fuzzed. */
function fuzzedRequest(route: RouteCase, headers: Record<string, string>): fc.Arbitrary<Sent> {
  const id = fc.oneof(fc.uuid(), nasty.filter((s) => s.length > 0 && !s.includes("/") && !s.includes("?") && !s.includes("#")));
  const contentType = fc.constantFrom("application/json", "application/json", "application/json", "text/plain", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "");
  const jsonBody = fc
    .oneof({ weight: 3, arbitrary: route.body === undefined ? anyJson : mutated(route.body) }, { weight: 1, arbitrary: anyJson })
    .map((value) => JSON.stringify(value) ?? "null");
  const rawBody = fc.oneof(
    nasty,
    fc.constantFrom("{", '{"a":', "[1,2", "null", '"', "\u0000", "--x\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nhi\r\n--x--"),
  );
  const hasBody = route.method === "POST";
  return fc.record({ id, contentType, body: fc.oneof({ weight: 3, arbitrary: jsonBody }, { weight: 1, arbitrary: rawBody }) }).map(({ id: rawId, contentType: type, body }) => {
    const path = route.path.replace("{id}", encodeURIComponent(rawId.replace(LONE_SURROGATE, "\ufffd")));
    const requestHeaders: Record<string, string> = { ...headers, accept: "application/json" };
    if (type) requestHeaders["content-type"] = type;
    return { path, init: { method: route.method, headers: requestHeaders, body: hasBody ? body : undefined } };
  });
}

async function checkAnswer(sent: Sent, route: Pick<RouteCase, "openAi">): Promise<void> {
  const response = await api(sent.path, sent.init);
  const text = await response.text();
  const where = `${sent.init.method} ${sent.path} → ${response.status} ${text.slice(0, 300)}`;
  expect(response.status, where).toBeLessThan(500);
  if (response.status < 400) return;
  const body = JSON.parse(text) as Record<string, unknown>;
  if (route.openAi) {
    expect(body, where).toMatchObject({ error: { message: expect.any(String) } });
    return;
  }
  expect(response.headers.get("content-type"), where).toBe("application/problem+json");
  expect(body, where).toMatchObject({ status: response.status, code: expect.any(String), request_id: response.headers.get("x-request-id") });
}

describe("fuzzing every route's body and parameters (security)", () => {
  let user: TestUser;

  beforeAll(async () => {
    user = await registerUser("fuzz");
  });

  for (const route of AUTHENTICATED_ROUTES) {
    it(`${route.method} ${route.path} never answers 5xx and always answers errors in its error shape`, async () => {
      await fc.assert(
        fc.asyncProperty(fuzzedRequest(route, user.auth), (sent) => checkAnswer(sent, route)),
        { numRuns: RUNS },
      );
    });
  }

  const publicRoutes: RouteCase[] = [
    { method: "POST", path: "/api/v2/auth/register", body: { email: "someone@example.com", password: "a long enough password" } },
    { method: "POST", path: "/api/v2/auth/login", body: { email: "someone@example.com", password: "a long enough password" } },
    { method: "POST", path: "/api/v2/auth/refresh", body: { refresh_token: "x".repeat(43) } },
    { method: "POST", path: "/api/v2/auth/logout", body: { refresh_token: "x".repeat(43), all: false } },
    { method: "GET", path: "/api/v2/{id}" },
  ];
  for (const route of publicRoutes) {
    it(`${route.method} ${route.path} never answers 5xx and always answers errors as problem+json`, async () => {
      await fc.assert(
        fc.asyncProperty(fuzzedRequest(route, { "cf-connecting-ip": randomAddress() }), (sent) => checkAnswer(sent, route)),
        { numRuns: RUNS },
      );
    });
  }

  it("any Authorization header is a 401, a 431 or accepted, never a 5xx", async () => {
    const header = fc.oneof(
      nasty.map((s) => s.replace(/[\r\n\u0000]/g, "")),
      nasty.map((s) => `Bearer ${s.replace(/[\r\n\u0000]/g, "")}`),
      fc.string({ minLength: 4_000, maxLength: 9_000 }).map((s) => `Bearer ${s.replace(/[^\x21-\x7e]/g, "a")}`),
    );
    await fc.assert(
      fc.asyncProperty(header, async (authorization) => {
        let headers: Headers;
        try {
          headers = new Headers({ authorization });
        } catch {
          return; // Not a header value at all: no client can send it.
        }
        await checkAnswer({ path: "/api/v2/documents", init: { headers } }, {});
      }),
      { numRuns: RUNS },
    );
  });
});
