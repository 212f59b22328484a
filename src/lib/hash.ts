/**
 * Lowercase hex SHA-256 of a string (as UTF-8) or of bytes.
 *
 * @example await sha256Hex("abc") // "ba7816bf…"
 */
export async function sha256Hex(input: string | Uint8Array): Promise<string> {
  const bytes = typeof input === "string" ? new TextEncoder().encode(input) : input;
  const digest = await crypto.subtle.digest("SHA-256", bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}
