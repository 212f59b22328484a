/**
 * The JWT attack set, over real requests: every token here is refused with 401 (problem+json, a Bearer challenge),
 * and the one well-formed token at the top is accepted, so each refusal tests exactly one flaw.
 */
import { env } from "cloudflare:workers";
import { decodeJwt, exportSPKI, generateKeyPair, SignJWT, UnsecuredJWT } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import { MAX_AUTHORIZATION_LENGTH } from "../../src/lib/auth";
import { api, registerUser, type TestUser } from "../support/worker-api";
import {
  AUTHENTICATED_ROUTES,
  base64url,
  expectProblem,
  fromBase64url,
  routeRequest,
  signedToken,
  type Claims,
} from "../support/worker-security";

let alice: TestUser;
let bob: TestUser;
let aliceSession: string;

beforeAll(async () => {
  alice = await registerUser("jwt-alice");
  bob = await registerUser("jwt-bob");
  aliceSession = String(decodeJwt(alice.token).sid);
});

const me = (token: string) => api("/api/v2/auth/me", { headers: { authorization: `Bearer ${token}` } });

async function expectRefused(token: string): Promise<void> {
  const response = await me(token);
  expect(response.headers.get("www-authenticate")).toMatch(/^Bearer\b/);
  await expectProblem(response, 401, "unauthorized");
}

const valid = (): Claims => ({ sub: alice.id, sid: aliceSession });

describe("JWT attacks (security)", () => {
  it("accepts a token signed with our key and every claim right, so each refusal below tests one flaw", async () => {
    const response = await me(await signedToken(valid()));
    expect(response.status).toBe(200);
    expect((await response.json<{ user: { id: string } }>()).user.id).toBe(alice.id);
  });

  it('refuses alg "none" (an unsigned token)', async () => {
    const token = new UnsecuredJWT({ email: alice.email, sid: aliceSession })
      .setSubject(alice.id)
      .setIssuer(env.JWT_ISSUER)
      .setAudience(env.JWT_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime("10m")
      .encode();
    await expectRefused(token);
  });

  it('refuses alg "none" with the signature of a real token left in place', async () => {
    const [, payload, signature] = alice.token.split(".");
    await expectRefused(`${base64url(JSON.stringify({ alg: "none", typ: "JWT" }))}.${payload}.${signature}`);
  });

  it("refuses RS256 signed with an attacker's key pair", async () => {
    const { privateKey } = await generateKeyPair("RS256");
    const token = await new SignJWT({ email: alice.email, sid: aliceSession })
      .setProtectedHeader({ alg: "RS256" })
      .setSubject(alice.id)
      .setIssuer(env.JWT_ISSUER)
      .setAudience(env.JWT_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime("10m")
      .sign(privateKey);
    await expectRefused(token);
  });

  it("refuses HS256 keyed with a public RSA key (the HS/RS key-confusion attack)", async () => {
    const { publicKey } = await generateKeyPair("RS256", { extractable: true });
    const pem = await exportSPKI(publicKey);
    await expectRefused(await signedToken(valid(), pem));
  });

  it("refuses HS512 even with the right secret", async () => {
    const token = await new SignJWT({ email: alice.email, sid: aliceSession })
      .setProtectedHeader({ alg: "HS512" })
      .setSubject(alice.id)
      .setIssuer(env.JWT_ISSUER)
      .setAudience(env.JWT_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime("10m")
      .sign(new TextEncoder().encode(env.JWT_SECRET));
    await expectRefused(token);
  });

  it("refuses an expired token", async () => {
    await expectRefused(await signedToken({ ...valid(), exp: -60 }));
  });

  it("refuses a token whose nbf is in the future", async () => {
    await expectRefused(await signedToken({ ...valid(), nbf: 600, exp: 1200 }));
  });

  it("refuses a token from another issuer", async () => {
    await expectRefused(await signedToken({ ...valid(), iss: "someone-else" }));
  });

  it("refuses a token for another audience", async () => {
    await expectRefused(await signedToken({ ...valid(), aud: "another-api" }));
  });

  it("refuses a token signed with another secret", async () => {
    await expectRefused(await signedToken(valid(), "an-attackers-secret-that-is-long-enough-too"));
  });

  it("refuses a real token whose payload was changed to another user (signature kept)", async () => {
    const [header, payload, signature] = alice.token.split(".");
    const claims = JSON.parse(fromBase64url(payload ?? "")) as Record<string, unknown>;
    const forged = base64url(JSON.stringify({ ...claims, sub: bob.id }));
    await expectRefused(`${header}.${forged}.${signature}`);
  });

  it("refuses a real token with one character of its signature changed", async () => {
    const [header, payload, signature = ""] = alice.token.split(".");
    const flipped = (signature[0] === "A" ? "B" : "A") + signature.slice(1);
    await expectRefused(`${header}.${payload}.${flipped}`);
  });

  it("refuses a token without a subject", async () => {
    await expectRefused(await signedToken({ sid: aliceSession }));
  });

  it('refuses a token whose subject is not a user id ("admin")', async () => {
    await expectRefused(await signedToken({ sub: "admin", sid: aliceSession }));
  });

  it("refuses a correctly signed token for a user that does not exist", async () => {
    await expectRefused(await signedToken({ sub: crypto.randomUUID(), sid: crypto.randomUUID() }));
  });

  it("refuses a correctly signed token whose session belongs to another user", async () => {
    await expectRefused(await signedToken({ sub: bob.id, sid: aliceSession }));
  });

  it("refuses a token without a session id", async () => {
    await expectRefused(await signedToken({ sub: alice.id }));
  });

  it("refuses a string that is not a JWT", async () => {
    await expectRefused("not.a.jwt");
  });

  it("answers an oversized Authorization header with 431 problem+json", async () => {
    const response = await api("/api/v2/documents", { headers: { authorization: `Bearer ${"a".repeat(MAX_AUTHORIZATION_LENGTH + 1)}` } });
    await expectProblem(response, 431, "header_too_large");
  });
});

describe("a signed token for a user that does not exist, on every authenticated route (security)", () => {
  for (const subject of ["an unknown user id", "admin"]) {
    for (const route of AUTHENTICATED_ROUTES) {
      it(`${route.method} ${route.path} answers 401 for ${subject}`, async () => {
        const sub = subject === "admin" ? "admin" : crypto.randomUUID();
        const token = await signedToken({ sub, sid: crypto.randomUUID() });
        const { path, ...init } = routeRequest(route, { authorization: `Bearer ${token}` });
        const response = await api(path, init);
        expect(response.status).toBe(401);
        if (route.openAi) {
          expect(await response.json()).toMatchObject({ error: { code: "invalid_api_key" } });
        } else {
          await expectProblem(response, 401, "unauthorized");
        }
      });
    }
  }
});
