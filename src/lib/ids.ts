import { validator } from "hono/validator";
import { Id } from "../api/common";
import { ApiError } from "./errors";

/**
 * The one validator of id path parameters. A malformed id is answered like an unknown one, 404, so ids of any shape
 * reveal nothing (docs/decisions.md, "Accounts and errors").
 *
 * @example .get("/:job_id", idParam("job_id", "job"), (c) => c.json({ id: c.req.valid("param").job_id }))
 */
export const idParam = <Name extends string>(name: Name, what: string) => idParams({ [name]: what } as Record<Name, string>);

/**
 * As `idParam`, for a path with several ids; each is checked in order and named in its 404.
 *
 * @example .post("/:id/messages/:message_id", idParams({ id: "chat session", message_id: "message" }), handler)
 */
export const idParams = <Name extends string>(names: Record<Name, string>) =>
  validator("param", (params: Record<string, string>) => {
    const out = {} as Record<Name, string>;
    for (const [name, what] of Object.entries(names) as [Name, string][]) {
      const value = params[name] ?? "";
      const parsed = Id.safeParse(value);
      if (!parsed.success) throw new ApiError("not_found", `No ${what} with id ${value}.`);
      out[name] = parsed.data;
    }
    return out;
  });
