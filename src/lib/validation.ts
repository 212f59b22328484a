import { zValidator } from "@hono/zod-validator";
import type { ValidationTargets } from "hono";
import type { ZodType } from "zod";
import { ApiError } from "./errors";

/**
 * `zValidator` with our error contract: a failed validation answers 422 problem+json listing each issue as
 * `{path, message}`, so clients can point at the offending field.
 *
 * @example app.post("/x", validate("json", z.object({ name: z.string() })), (c) => c.json(c.req.valid("json")))
 */
export const validate = <Target extends keyof ValidationTargets, Schema extends ZodType>(target: Target, schema: Schema) =>
  zValidator(target, schema, (result) => {
    if (!result.success) {
      const issues = result.error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
      const summary = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join("; ");
      throw new ApiError("validation_failed", summary, { extra: { errors: issues } });
    }
  });
