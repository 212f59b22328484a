import { errors, jwtVerify, SignJWT } from "jose";

/**
 * RFC 7518 §3.2: an HS256 key must be at least as long as the hash output, 256 bits. A shorter secret can be brute
 * forced from any one token, after which anyone can mint tokens for any user.
 */
const MIN_SECRET_BYTES = 32;

/** The only algorithm we issue; pinning it on verify refuses `none`, HS512 and key-confusion tricks. */
const ALGORITHM = "HS256";

export interface JwtVerifyOptions {
  /** The `JWT_SECRET` secret. */
  secret: string;
  issuer: string;
  audience: string;
}

export interface JwtSignOptions extends JwtVerifyOptions {
  ttlSeconds: number;
}

export interface AccessTokenClaims {
  userId: string;
  email: string;
  /** The login session (refresh-token family) the token belongs to; logging out ends it, and with it this token. */
  sessionId: string;
}

/** Users and sessions are keyed by UUID; any other subject ("admin", "") names nobody and must not reach a query. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The deployment is misconfigured (a missing or short `JWT_SECRET`): an operator must fix it, no client can. */
export class JwtConfigurationError extends Error {
  override readonly name = "JwtConfigurationError";
}

/** The token is not one we would accept: forged, expired, for another audience, malformed. The reason is for logs. */
export class InvalidTokenError extends Error {
  override readonly name = "InvalidTokenError";
}

/**
 * Issues a short-lived access token for a user. `jti` makes every token unique, so one can be revoked or traced alone.
 *
 * @example const token = await signAccessToken({ userId, email }, { secret, issuer, audience, ttlSeconds: 3600 });
 */
export async function signAccessToken(claims: AccessTokenClaims, options: JwtSignOptions): Promise<string> {
  return new SignJWT({ email: claims.email, sid: claims.sessionId })
    .setProtectedHeader({ alg: ALGORITHM, typ: "JWT" })
    .setSubject(claims.userId)
    .setIssuer(options.issuer)
    .setAudience(options.audience)
    .setIssuedAt()
    .setExpirationTime(`${options.ttlSeconds}s`)
    .setJti(crypto.randomUUID())
    .sign(secretKey(options.secret));
}

/**
 * Checks signature, algorithm, issuer, audience and expiry (and `nbf` when present), that the subject and session are
 * UUIDs, and returns who the token is for. Whether that user and session still exist is the caller's question. Throws
 * `InvalidTokenError` for any token we did not issue or that has expired, and `JwtConfigurationError` when the
 * secret itself is unusable.
 */
export async function verifyAccessToken(token: string, options: JwtVerifyOptions): Promise<AccessTokenClaims> {
  const key = await verifyingKey(options.secret);
  try {
    const { payload } = await jwtVerify(token, key, {
      algorithms: [ALGORITHM],
      issuer: options.issuer,
      audience: options.audience,
      requiredClaims: ["exp", "sub", "iss", "aud"],
    });
    if (typeof payload.sub !== "string" || payload.sub === "") throw new InvalidTokenError("token has no subject");
    if (!UUID.test(payload.sub)) throw new InvalidTokenError("token subject is not a user id");
    if (typeof payload.email !== "string") throw new InvalidTokenError("token has no email claim");
    if (typeof payload.sid !== "string" || !UUID.test(payload.sid)) throw new InvalidTokenError("token has no session id");
    return { userId: payload.sub.toLowerCase(), email: payload.email, sessionId: payload.sid.toLowerCase() };
  } catch (error) {
    if (error instanceof InvalidTokenError) throw error;
    if (error instanceof errors.JOSEError) throw new InvalidTokenError(`${error.code}: ${error.message}`);
    throw error;
  }
}

/**
 * Verifying keys by secret, imported once per isolate: given the secret's bytes, jose imports a Web Crypto key on
 * every verify, that is on every authenticated request, and an isolate's secret never changes (tests use a few).
 */
const verifyingKeys = new Map<string, Promise<CryptoKey>>();
/** Far more secrets than an isolate sees (one); bounds a test run that makes many. */
const VERIFYING_KEYS_KEPT = 8;

function verifyingKey(secret: string): Promise<CryptoKey> {
  const known = verifyingKeys.get(secret);
  if (known) return known;
  const key = crypto.subtle.importKey("raw", secretKey(secret), { name: "HMAC", hash: "SHA-256" }, false, ["verify"]);
  if (verifyingKeys.size >= VERIFYING_KEYS_KEPT) verifyingKeys.clear();
  verifyingKeys.set(secret, key);
  return key;
}

function secretKey(secret: string): Uint8Array {
  const key = new TextEncoder().encode(secret);
  if (key.byteLength < MIN_SECRET_BYTES) {
    throw new JwtConfigurationError(
      `JWT_SECRET must be at least ${MIN_SECRET_BYTES} bytes (it is ${key.byteLength}); generate one with \`openssl rand -base64 48\`.`,
    );
  }
  return key;
}
