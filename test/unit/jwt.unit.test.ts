import { decodeJwt, SignJWT, UnsecuredJWT } from "jose";
import { describe, expect, it } from "vitest";
import {
  InvalidTokenError,
  JwtConfigurationError,
  signAccessToken,
  verifyAccessToken,
  type JwtSignOptions,
} from "../../src/lib/jwt";

const options: JwtSignOptions = {
  secret: "unit-test-secret-that-is-at-least-32-bytes-long",
  issuer: "insurance-navigator",
  audience: "insurance-navigator-api",
  ttlSeconds: 3600,
};
const claims = {
  userId: "6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f",
  email: "alice@example.com",
  sessionId: "0b6c1d2e-3f4a-4b5c-9d6e-7f8a9b0c1d2e",
};
const key = new TextEncoder().encode(options.secret);

/** A token signed with our secret but with its claims and header chosen by the test. */
function craft(payload: Record<string, unknown> = { email: claims.email, sid: claims.sessionId }, alg = "HS256", subject = claims.userId) {
  return new SignJWT(payload)
    .setProtectedHeader({ alg })
    .setSubject(subject)
    .setIssuer(options.issuer)
    .setAudience(options.audience)
    .setIssuedAt();
}

describe("signAccessToken and verifyAccessToken", () => {
  it("round-trips the user id and email", async () => {
    const token = await signAccessToken(claims, options);
    expect(await verifyAccessToken(token, options)).toEqual(claims);
  });

  it("sets sub, iss, aud, iat, exp and a unique jti", async () => {
    const first = await signAccessToken(claims, options);
    const second = await signAccessToken(claims, options);
    const payload = decodeJwt(first);
    expect(payload).toMatchObject({ sub: claims.userId, iss: options.issuer, aud: options.audience });
    expect(payload.exp).toBe(Number(payload.iat) + options.ttlSeconds);
    expect(payload.jti).toEqual(expect.any(String));
    expect(payload.jti).not.toBe(decodeJwt(second).jti);
  });

  it("accepts a hand-made token with every claim right, so the rejections below test one flaw each", async () => {
    const token = await craft().setExpirationTime("1h").sign(key);
    expect(await verifyAccessToken(token, options)).toEqual(claims);
  });
});

describe("verifyAccessToken rejects", () => {
  it("a token signed with another secret", async () => {
    const token = await signAccessToken(claims, { ...options, secret: "another-secret-that-is-also-32-bytes-or-more" });
    await expect(verifyAccessToken(token, options)).rejects.toThrow(InvalidTokenError);
  });

  it("a token for another audience", async () => {
    const token = await signAccessToken(claims, { ...options, audience: "some-other-api" });
    await expect(verifyAccessToken(token, options)).rejects.toThrow(InvalidTokenError);
  });

  it("a token from another issuer", async () => {
    const token = await signAccessToken(claims, { ...options, issuer: "someone-else" });
    await expect(verifyAccessToken(token, options)).rejects.toThrow(InvalidTokenError);
  });

  it("an expired token", async () => {
    const token = await craft()
      .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
      .sign(key);
    await expect(verifyAccessToken(token, options)).rejects.toThrow(InvalidTokenError);
  });

  it("a token without an expiry", async () => {
    const token = await craft().sign(key);
    await expect(verifyAccessToken(token, options)).rejects.toThrow(InvalidTokenError);
  });

  it('an unsigned token with alg "none"', async () => {
    const token = new UnsecuredJWT({ email: claims.email, sid: claims.sessionId })
      .setSubject(claims.userId)
      .setIssuer(options.issuer)
      .setAudience(options.audience)
      .setIssuedAt()
      .setExpirationTime("1h")
      .encode();
    await expect(verifyAccessToken(token, options)).rejects.toThrow(InvalidTokenError);
  });

  it("a token signed with HS512 even with the right secret", async () => {
    const token = await craft(undefined, "HS512").setExpirationTime("1h").sign(key);
    await expect(verifyAccessToken(token, options)).rejects.toThrow(InvalidTokenError);
  });

  it("a token without a subject", async () => {
    const token = await new SignJWT({ email: claims.email })
      .setProtectedHeader({ alg: "HS256" })
      .setIssuer(options.issuer)
      .setAudience(options.audience)
      .setIssuedAt()
      .setExpirationTime("1h")
      .sign(key);
    await expect(verifyAccessToken(token, options)).rejects.toThrow(InvalidTokenError);
  });

  it("a token without an email claim", async () => {
    const token = await craft({ sid: claims.sessionId }).setExpirationTime("1h").sign(key);
    await expect(verifyAccessToken(token, options)).rejects.toThrow(InvalidTokenError);
  });

  it('a token whose subject is not a user id, such as "admin"', async () => {
    const token = await craft(undefined, "HS256", "admin").setExpirationTime("1h").sign(key);
    await expect(verifyAccessToken(token, options)).rejects.toThrow(/not a user id/);
  });

  it("a token without a session id", async () => {
    const token = await craft({ email: claims.email }).setExpirationTime("1h").sign(key);
    await expect(verifyAccessToken(token, options)).rejects.toThrow(/session/);
  });

  it("a token that is not valid yet (nbf in the future)", async () => {
    const token = await craft()
      .setNotBefore(Math.floor(Date.now() / 1000) + 3600)
      .setExpirationTime("2h")
      .sign(key);
    await expect(verifyAccessToken(token, options)).rejects.toThrow(InvalidTokenError);
  });

  it("a string that is not a JWT", async () => {
    await expect(verifyAccessToken("not-a-token", options)).rejects.toThrow(InvalidTokenError);
  });
});

describe("the JWT secret", () => {
  it("must be at least 32 bytes to sign", async () => {
    await expect(signAccessToken(claims, { ...options, secret: "too-short" })).rejects.toThrow(JwtConfigurationError);
  });

  it("must be at least 32 bytes to verify", async () => {
    const token = await signAccessToken(claims, options);
    await expect(verifyAccessToken(token, { ...options, secret: "too-short" })).rejects.toThrow(/at least 32 bytes/);
  });
});
