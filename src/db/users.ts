import { eq } from "drizzle-orm";
import { ApiError } from "../lib/errors";
import type { Queryable } from "./client";
import { users, type User } from "./schema";

/** PostgreSQL's SQLSTATE for `unique_violation`. */
const UNIQUE_VIOLATION = "23505";

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

/** The neon driver's error carries `.code`; drizzle wraps it in a DrizzleQueryError with the original as `.cause`. */
function isUniqueViolation(error: unknown): boolean {
  let current: unknown = error;
  // A few levels is all any wrapper adds; the bound keeps a cyclic `cause` chain from looping forever.
  for (let depth = 0; depth < 5 && typeof current === "object" && current !== null; depth++) {
    if ("code" in current && current.code === UNIQUE_VIOLATION) return true;
    current = "cause" in current ? current.cause : undefined;
  }
  return false;
}
