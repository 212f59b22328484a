import { describe, expect, it } from "vitest";
import { errorFields, formatLogLine, MAX_FIELD_CHARS, MAX_LINE_CHARS } from "../../src/lib/log";
import { DatabaseUnavailableError } from "../../src/lib/service-errors";

/** Shaped like drizzle's DrizzleQueryError around the driver's error: the message holds the SQL and its parameters. */
function queryError(params: string): Error {
  const driverError = Object.assign(new Error(`insert or update on table "document_chunks" violates foreign key constraint`), { code: "23503" });
  return new Error(`Failed query: insert into "document_chunks" ("content") values ($1)\nparams: ${params}`, { cause: driverError });
}

describe("formatLogLine", () => {
  it("cuts a long string field to MAX_FIELD_CHARS", () => {
    const line = JSON.parse(formatLogLine("info", "x", { note: "a".repeat(10_000) })) as { note: string };
    expect(line.note.length).toBe(MAX_FIELD_CHARS);
  });

  it("keeps every line within MAX_LINE_CHARS however many fields it has, naming the ids it keeps", () => {
    const fields = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`field_${i}`, "b".repeat(400)]));
    const line = formatLogLine("warn", "many fields", { ...fields, job_id: "job-1" });
    expect(line.length).toBeLessThanOrEqual(MAX_LINE_CHARS);
    expect(JSON.parse(line)).toMatchObject({ message: "many fields", job_id: "job-1", truncated_chars: expect.any(Number) });
  });
});

describe("errorFields", () => {
  it("logs a query error's SQLSTATE and classes but neither its SQL nor its parameters", () => {
    const fields = errorFields(queryError("Member ID 4471-CANARY, diagnosis: asthma"));
    const text = JSON.stringify(fields);
    expect(fields).toMatchObject({ error_name: "Error", error_code: "23503", cause: "Error" });
    expect(text).not.toContain("CANARY");
    expect(text).not.toContain("insert into");
  });

  it("names a thrown non-Error by its class only", () => {
    class ErrorEvent {
      message = "secret@example.com";
    }
    expect(errorFields(new ErrorEvent())).toEqual({ error_name: "ErrorEvent" });
  });

  it("keeps the message of errors whose messages we compose", () => {
    const fields = errorFields(new DatabaseUnavailableError("SQLSTATE 53300", { sqlState: "53300" }));
    expect(fields).toMatchObject({ error_name: "DatabaseUnavailableError", error_code: "53300", error: "The database is unavailable: SQLSTATE 53300" });
  });

  it("keeps stack frames without the stack's first line, which repeats the message", () => {
    const fields = errorFields(queryError("CANARY"));
    expect(fields.stack).toMatch(/^at /);
    expect(String(fields.stack)).not.toContain("CANARY");
  });
});
