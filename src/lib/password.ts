/**
 * Password hashing with PBKDF2-HMAC-SHA256 through WebCrypto, the only password KDF the Workers runtime offers
 * natively (no native bcrypt, scrypt or Argon2, and a WASM one would blow the CPU budget of a request).
 */

/**
 * The most the production Workers runtime accepts: `deriveBits` throws above 100,000 iterations (wrangler dev does
 * not enforce it, so a higher number would pass locally and break every login after deploy). The count is stored per
 * user, so raising it later only needs a rehash on the next successful login.
 */
export const PBKDF2_ITERATIONS = 100_000;

/** 128 bits: NIST SP 800-132 asks for at least that much salt, random per user, so equal passwords hash differently. */
const SALT_BYTES = 16;

/** 256 bits, the SHA-256 output size; asking PBKDF2 for more would only repeat the work without adding strength. */
const DERIVED_KEY_BYTES = 32;

/** What the `users` table stores for a password; all three are needed to check it again. */
export interface PasswordHash {
  /** Base64 of the derived key. */
  hash: string;
  /** Base64 of the random salt. */
  salt: string;
  iterations: number;
}

/**
 * Hashes a new password with a fresh random salt.
 *
 * @example const { hash, salt, iterations } = await hashPassword("correct horse battery staple");
 */
export async function hashPassword(password: string): Promise<PasswordHash> {
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const derived = await derive(password, salt, PBKDF2_ITERATIONS, DERIVED_KEY_BYTES);
  return { hash: toBase64(derived), salt: toBase64(salt), iterations: PBKDF2_ITERATIONS };
}

/**
 * Whether `password` matches a stored hash. The comparison takes the same time wherever the first differing byte is,
 * so response times do not leak how close a guess came.
 */
export async function verifyPassword(password: string, stored: PasswordHash): Promise<boolean> {
  const expected = fromBase64(stored.hash);
  const derived = await derive(password, fromBase64(stored.salt), stored.iterations, DERIVED_KEY_BYTES);
  return constantTimeEqual(derived, expected);
}

/**
 * A fixed salt and key that no password is known to produce, in the same shape as a real user's. Login checks an
 * unknown email against it so that it spends one full PBKDF2 derivation, exactly like a known email with a wrong
 * password; otherwise the faster answer would tell an attacker which emails have accounts.
 */
const DUMMY_HASH: PasswordHash = {
  hash: "iOdwVJvYQUtrZpHHFahaXhJmWxwhoQB2p4q8aKuZnFU=",
  salt: "5VXvzjWiETZbfw2HCiDsQA==",
  iterations: PBKDF2_ITERATIONS,
};

/**
 * Spends the same work as `verifyPassword` for a user that does not exist, and always answers `false`.
 *
 * @example if (!user) { await verifyDummyPassword(password); throw invalidCredentials(); }
 */
export async function verifyDummyPassword(password: string): Promise<false> {
  await verifyPassword(password, DUMMY_HASH);
  return false;
}

async function derive(password: string, salt: Uint8Array, iterations: number, bytes: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey("raw", new TextEncoder().encode(password), "PBKDF2", false, ["deriveBits"]);
  const bits = await crypto.subtle.deriveBits({ name: "PBKDF2", hash: "SHA-256", salt, iterations }, key, bytes * 8);
  return new Uint8Array(bits);
}

function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  // Lengths are not secret (every key is DERIVED_KEY_BYTES long); timingSafeEqual throws when they differ.
  if (a.byteLength !== b.byteLength) return false;
  return crypto.subtle.timingSafeEqual(a, b);
}

function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
