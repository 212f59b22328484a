import { describe, expect, it } from "vitest";
import { hashPassword, PBKDF2_ITERATIONS, verifyDummyPassword, verifyPassword } from "../../src/lib/password";

describe("hashPassword and verifyPassword", () => {
  it("verifies the password that was hashed", async () => {
    const stored = await hashPassword("correct horse battery staple");
    expect(await verifyPassword("correct horse battery staple", stored)).toBe(true);
  });

  it("rejects a different password", async () => {
    const stored = await hashPassword("correct horse battery staple");
    expect(await verifyPassword("correct horse battery stapler", stored)).toBe(false);
  });

  it("gives the same password a different salt and hash each time", async () => {
    const first = await hashPassword("same password twice");
    const second = await hashPassword("same password twice");
    expect(first.salt).not.toBe(second.salt);
    expect(first.hash).not.toBe(second.hash);
  });

  it("uses 100,000 iterations, the most production Workers allow", async () => {
    const stored = await hashPassword("any password at all");
    expect(PBKDF2_ITERATIONS).toBe(100_000);
    expect(stored.iterations).toBe(100_000);
  });

  it("stores a 16-byte salt and a 32-byte key as base64", async () => {
    const stored = await hashPassword("any password at all");
    expect(atob(stored.salt)).toHaveLength(16);
    expect(atob(stored.hash)).toHaveLength(32);
  });

  it("rejects a stored hash of the wrong length instead of throwing", async () => {
    const stored = await hashPassword("any password at all");
    expect(await verifyPassword("any password at all", { ...stored, hash: btoa("short") })).toBe(false);
  });

  it("answers false from the dummy check used for unknown emails", async () => {
    expect(await verifyDummyPassword("whatever the attacker tried")).toBe(false);
  });
});
