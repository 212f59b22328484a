import { eq, sql } from "drizzle-orm";
import { asUser, type Database } from "./client";
import { isUniqueViolation } from "./errors";
import { users, type User } from "./schema";

/**
 * Data functions for accounts. The app role sees only its own row of `users` (row-level security, app.user_id) and
 * never the password columns; login reads them through `auth_login_lookup`, the one SECURITY DEFINER door
 * (drizzle/0003_auth_sessions_and_user_rls.sql).
 */

/** A user as the API may show it: never the password columns. */
export type PublicUser = Pick<User, "id" | "email" | "createdAt">;

export interface NewUser {
  /** Already normalised (trimmed, lowercased) by the caller; the unique index compares it byte for byte. */
  email: string;
  passwordHash: string;
  passwordSalt: string;
  passwordIterations: number;
}

/** What checking one password needs, and nothing else. */
export interface LoginCredentials {
  userId: string;
  passwordHash: string;
  passwordSalt: string;
  passwordIterations: number;
}

/** The email already has an account. Neutral: the HTTP edge decides how to say so. */
export class EmailTakenError extends Error {
  override readonly name = "EmailTakenError";
  constructor() {
    super("An account with this email already exists.");
  }
}

const publicColumns = { id: users.id, email: users.email, createdAt: users.createdAt };

/**
 * Inserts a user. The id is chosen here so the insert can run as that user (the policy lets a role write only its own
 * row). A taken email is detected by the unique index rather than by a lookup first, so two registrations racing
 * for one address cannot both succeed; the loser gets `EmailTakenError`.
 */
export async function createUser(db: Database, user: NewUser): Promise<PublicUser> {
  const id = crypto.randomUUID();
  try {
    return await asUser(db, id, async (tx) => {
      const [created] = await tx.insert(users).values({ id, ...user }).returning(publicColumns);
      if (!created) throw new Error("insert into users returned no row");
      return created;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new EmailTakenError();
    throw error;
  }
}

/** The stored password of the account with this (normalised) email, or undefined when there is none. */
export async function findLoginCredentials(db: Database, email: string): Promise<LoginCredentials | undefined> {
  const result = await db.execute<{
    user_id: string;
    password_hash: string;
    password_salt: string;
    password_iterations: number;
  }>(sql`select user_id, password_hash, password_salt, password_iterations from auth_login_lookup(${email})`);
  const row = result.rows[0];
  if (!row) return undefined;
  return {
    userId: row.user_id,
    passwordHash: row.password_hash,
    passwordSalt: row.password_salt,
    passwordIterations: Number(row.password_iterations),
  };
}

export async function findUserById(db: Database, id: string): Promise<PublicUser | undefined> {
  return asUser(db, id, async (tx) => {
    const [user] = await tx.select(publicColumns).from(users).where(eq(users.id, id)).limit(1);
    return user;
  });
}
