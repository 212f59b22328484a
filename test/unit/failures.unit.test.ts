import { describe, expect, it } from "vitest";
import { isUniqueViolation, sqlState } from "../../src/db/errors";
import { IngestionError } from "../../src/ingestion/errors";
import { classifyFailure } from "../../src/ingestion/failures";
import { DatabaseUnavailableError, UpstreamError } from "../../src/lib/service-errors";

/** Shaped like drizzle's DrizzleQueryError: the driver's error, carrying the SQLSTATE, is its cause. */
const wrapped = (code: string, message = "driver error") =>
  new Error("Failed query: insert …", { cause: Object.assign(new Error(message), { code }) });

describe("sqlState", () => {
  it("finds the SQLSTATE on the cause of a wrapped driver error", () => {
    expect(sqlState(wrapped("23505"))).toBe("23505");
    expect(isUniqueViolation(wrapped("23505"))).toBe(true);
  });

  it("ignores codes that are not SQLSTATEs and stops on a cyclic cause chain", () => {
    const cyclic: Error & { cause?: unknown } = new Error("loop");
    cyclic.cause = cyclic;
    expect(sqlState(Object.assign(new Error("x"), { code: "ECONNRESET" }))).toBeUndefined();
    expect(sqlState(cyclic)).toBeUndefined();
  });
});

describe("classifyFailure", () => {
  it("keeps an IngestionError's code and retryability", () => {
    expect(classifyFailure(new IngestionError("pdf_encrypted", "locked"))).toEqual({ code: "pdf_encrypted", message: "locked", retryable: false });
  });

  it("treats a foreign-key violation (document deleted mid-ingestion) as permanent", () => {
    expect(classifyFailure(wrapped("23503"))).toMatchObject({ code: "document_deleted", retryable: false });
  });

  it("retries a connection exception", () => {
    expect(classifyFailure(wrapped("08006"))).toMatchObject({ code: "database_unavailable", retryable: true });
  });

  it("retries the database being unavailable, even when drizzle wrapped it", () => {
    const outage = new Error("Failed query: select … params: secret text", { cause: new DatabaseUnavailableError("the connection failed (ErrorEvent)") });
    expect(classifyFailure(outage)).toEqual({ code: "database_unavailable", message: expect.not.stringContaining("secret"), retryable: true });
  });

  it("retries a connection the WebSocket transport refused with a non-Error ErrorEvent", () => {
    const refused = new Error("Failed query: select 1", { cause: { type: "error", message: "Network connection lost." } });
    expect(classifyFailure(refused)).toMatchObject({ code: "database_unavailable", retryable: true });
  });

  it("keeps an embeddings provider's retryability and calls it embedding_failed", () => {
    const limited = new UpstreamError("embeddings", "openai", "OpenAI embeddings failed for now (429)", { retryable: true, status: 429 });
    expect(classifyFailure(limited)).toEqual({ code: "embedding_failed", message: "OpenAI embeddings failed for now (429)", retryable: true });
    expect(classifyFailure(new UpstreamError("embeddings", "openai", "key rejected"))).toMatchObject({ retryable: false });
  });

  it("retries an unknown error, so the dead-letter queue records it if it persists", () => {
    expect(classifyFailure(new Error("something odd"))).toMatchObject({ code: "internal_error", retryable: true });
  });

  it("never puts an unknown error's message, which may hold SQL or document text, into the job's message", () => {
    const failure = classifyFailure(new Error("Failed query: insert into document_chunks … params: Member ID 12345"));
    expect(failure.message).not.toContain("12345");
    expect(failure.message).not.toContain("insert");
  });
});
