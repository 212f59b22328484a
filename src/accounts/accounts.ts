/**
 * Registering and logging in: plain functions that take the database and options and return the token response, so
 * they are testable without HTTP. Errors are neutral; the route maps them to statuses.
 */
import type { Database } from "../db/client";
import { createUser, findLoginCredentials } from "../db/users";
import { hashPassword, verifyDummyPassword, verifyPassword } from "../lib/password";
import { startSession, type IssuedTokens, type SessionOptions } from "./sessions";

/** The email and password do not match an account. One error for both cases, so accounts cannot be discovered. */
export class InvalidCredentialsError extends Error {
  override readonly name = "InvalidCredentialsError";
  constructor() {
    super("The email or password is incorrect.");
  }
}

/** Creates an account and starts its first session. Throws `EmailTakenError` when the email has an account. */
export async function registerAccount(
  db: Database,
  options: SessionOptions,
  input: { email: string; password: string },
): Promise<IssuedTokens> {
  const password = await hashPassword(input.password);
  const user = await createUser(db, {
    email: input.email,
    passwordHash: password.hash,
    passwordSalt: password.salt,
    passwordIterations: password.iterations,
  });
  return startSession(db, options, user);
}

/**
 * Checks an email and password and returns the user's id, or throws `InvalidCredentialsError`. An unknown email still
 * costs one PBKDF2 derivation, so timing does not tell it apart from a wrong password.
 */
export async function checkPassword(db: Database, input: { email: string; password: string }): Promise<string> {
  const credentials = await findLoginCredentials(db, input.email);
  if (!credentials) {
    await verifyDummyPassword(input.password);
    throw new InvalidCredentialsError();
  }
  const ok = await verifyPassword(input.password, {
    hash: credentials.passwordHash,
    salt: credentials.passwordSalt,
    iterations: credentials.passwordIterations,
  });
  if (!ok) throw new InvalidCredentialsError();
  return credentials.userId;
}
