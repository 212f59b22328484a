import { eq } from "drizzle-orm";
import { ApiError } from "../lib/errors";
import type { Queryable } from "./client";
import { isUniqueViolation } from "./errors";
import { users, type User } from "./schema";

/** A user as the API may show it: never the password columns. */
export type PublicUser = Pick<User, "id" | "email" | "createdAt">;

export interface NewUser {
  /** Already normalised (trimmed, lowercased) by the caller; the unique index compares it byte for byte. */
  email: string;
  passwordHash: string;
  passwordSalt: string;
  passwordIterations: number;
}

const publicColumns = { id: users.id, email: users.email, createdAt: users.createdAt };

/**
 * Inserts a user. A taken email is detected by the unique index rather than by a lookup first, so two registrations
 * racing for one address cannot both succeed; the loser gets `ApiError("email_taken")`.
 */
export async function createUser(db: Queryable, user: NewUser): Promise<PublicUser> {
  try {
    const [created] = await db.insert(users).values(user).returning(publicColumns);
    if (!created) throw new Error("insert into users returned no row");
    return created;
  } catch (error) {
    if (isUniqueViolation(error)) throw new ApiError("email_taken", "An account with this email already exists.");
    throw error;
  }
}

/** The full row, password columns included, for checking a login. */
export async function findUserByEmail(db: Queryable, email: string): Promise<User | undefined> {
  const [user] = await db.select().from(users).where(eq(users.email, email)).limit(1);
  return user;
}

export async function findUserById(db: Queryable, id: string): Promise<PublicUser | undefined> {
  const [user] = await db.select(publicColumns).from(users).where(eq(users.id, id)).limit(1);
  return user;
}
