import { zValidator } from "@hono/zod-validator";
import type { ValidationTargets } from "hono";
import type { ZodError, ZodType } from "zod";
import { ApiError } from "./errors";

/** The 422 every failed validation answers, listing each issue as `{path, message}`. */
export function validationError(error: Pick<ZodError, "issues">): ApiError {
  const issues = error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
  const summary = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join("; ");
  return new ApiError("validation_failed", summary, { extra: { errors: issues } });
}

/**
 * Where in a parsed value a string holds U+0000, if anywhere. PostgreSQL text cannot store NUL and rejects the whole
 * statement, so such input must stop at the edge as a 422 instead of surfacing as a database error.
 */
export function findNul(value: unknown, path: (string | number)[] = []): (string | number)[] | undefined {
  if (typeof value === "string") return value.includes("\u0000") ? path : undefined;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = findNul(item, [...path, i]);
      if (found) return found;
    }
  } else if (value !== null && typeof value === "object" && !(value instanceof Blob)) {
    for (const [key, item] of Object.entries(value)) {
      const found = findNul(item, [...path, key]);
      if (found) return found;
    }
  }
  return undefined;
}

/** Throws the 422 for a value holding a NUL character (see `findNul`). */
export function refuseNul(value: unknown): void {
  const path = findNul(value);
  if (path) {
    throw validationError({ issues: [{ code: "custom", path, message: "Text must not contain NUL (U+0000) characters.", input: undefined }] });
  }
}

/** `schema.parse` with our 422 on failure (and on NUL characters), for input that does not come through `validate`. */
export function parseInput<Schema extends ZodType>(schema: Schema, value: unknown): ReturnType<Schema["parse"]> {
  const result = schema.safeParse(value);
  if (!result.success) throw validationError(result.error);
  refuseNul(result.data);
  return result.data as ReturnType<Schema["parse"]>;
}

/**
 * `zValidator` with our error contract: a failed validation answers 422 problem+json listing each issue as
 * `{path, message}`, so clients can point at the offending field. Strings holding NUL are refused the same way.
 *
 * @example app.post("/x", validate("json", z.object({ name: z.string() })), (c) => c.json(c.req.valid("json")))
 */
export const validate = <Target extends keyof ValidationTargets, Schema extends ZodType>(target: Target, schema: Schema) =>
  zValidator(target, schema, (result) => {
    if (!result.success) throw validationError(result.error);
    refuseNul(result.data);
  });
