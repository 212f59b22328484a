import { beforeEach, describe, expect, inject, it } from "vitest";
import { createLlamaParseParser } from "../../src/providers/parsers/llamaparse";
import { sha256Hex } from "../../src/ingestion/upload";
import { caughtIngestionError } from "../support/worker-errors";

const baseUrl = inject("llamaParseUrl");
const API_KEY = "llx-test-llamaparse-unit";

interface Recorded {
  method: string;
  path: string;
  headers: Record<string, string>;
}

async function control(action: "reset" | "fail" | "delay", body?: unknown): Promise<void> {
  const response = await fetch(`${baseUrl}/__control/${action}`, { method: "POST", body: body === undefined ? undefined : JSON.stringify(body) });
  expect(response.ok).toBe(true);
}

async function requests(): Promise<Recorded[]> {
  return (await (await fetch(`${baseUrl}/__control/requests`)).json()) as Recorded[];
}

/** Polls every 10 ms so a test spends milliseconds, not the production second, waiting on the stand-in's one PENDING answer. */
const parser = createLlamaParseParser({ apiKey: API_KEY, baseUrl, pollIntervalMs: 10 });

const encode = (text: string) => new TextEncoder().encode(text);

describe("LlamaParse parser", () => {
  beforeEach(async () => {
    await control("reset");
  });

  it("uploads the PDF, waits for the job and returns its pages with page numbers", async () => {
    const bytes = new Uint8Array(await (await fetch(`${inject("fixturesUrl")}/fixtures/cms-sample-sbc.pdf`)).arrayBuffer());
    const parsed = await parser.parse(bytes, "pdf", "cms-sample-sbc.pdf");
    expect(parsed.pageCount).toBe(2);
    expect(parsed.pages.map((page) => page.page)).toEqual([1, 2]);
    expect(parsed.pages[0]?.text).toContain("What is the overall deductible? $500 / individual");
  });

  it("sends the file's exact bytes, as the stand-in's checksum of what it received shows", async () => {
    const bytes = encode("%PDF-1.7\n% a distinctive test document 5c1e\n%%EOF\n");
    const parsed = await parser.parse(bytes, "pdf", "distinctive-5c1e.pdf");
    expect(parsed.pages.at(-1)?.text).toContain(`Parsed from distinctive-5c1e.pdf: ${bytes.length} bytes, sha256 ${await sha256Hex(bytes)}.`);
  });

  it("authenticates every call with the key and polls the job before reading the result", async () => {
    await parser.parse(encode("%PDF-1.7\n% poll order check\n"), "pdf", "poll-order.pdf");
    const calls = await requests();
    expect(calls.map((call) => `${call.method} ${call.path.replace(/job\/[^/]+/, "job/ID")}`)).toEqual([
      "POST /api/v1/parsing/upload",
      "GET /api/v1/parsing/job/ID",
      "GET /api/v1/parsing/job/ID",
      "GET /api/v1/parsing/job/ID/result/json",
    ]);
    expect(new Set(calls.map((call) => call.headers.authorization))).toEqual(new Set([`Bearer ${API_KEY}`]));
  });

  it("keeps the numbers of pages after a blank page and counts the blank page", async () => {
    const parsed = await parser.parse(encode("Deductible $500.\fCopay $30.\f \fCoinsurance 20%."), "text", "pages.txt");
    expect(parsed).toEqual({
      pages: [
        { page: 1, text: "Deductible $500." },
        { page: 2, text: "Copay $30." },
        { page: 4, text: "Coinsurance 20%." },
      ],
      pageCount: 4,
    });
  });

  it("fails permanently with LlamaParse's message when the job ends in ERROR", async () => {
    const error = await caughtIngestionError(parser.parse(encode("%PDF-1.7\n"), "pdf", "will-fail.pdf"));
    expect({ code: error.code, retryable: error.retryable }).toEqual({ code: "parser_failed", retryable: false });
    expect(error.message).toContain("the document appears to be damaged");
  });

  it("fails with no_extractable_text when no page has text", async () => {
    const error = await caughtIngestionError(parser.parse(encode("%PDF-1.7\n"), "pdf", "blank-scan.pdf"));
    expect({ code: error.code, retryable: error.retryable }).toEqual({ code: "no_extractable_text", retryable: false });
  });

  it("fails as retryable when the upload is rate limited", async () => {
    await control("fail", { path_prefix: "/api/v1/parsing/upload", status: 429, times: 1, body: { detail: "Rate limit exceeded" } });
    const error = await caughtIngestionError(parser.parse(encode("%PDF-1.7\n"), "pdf", "rate-limited.pdf"));
    expect({ code: error.code, retryable: error.retryable }).toEqual({ code: "parser_failed", retryable: true });
    expect(error.message).toContain("Rate limit exceeded");
  });

  it("fails as retryable when polling answers 502", async () => {
    await control("fail", { path_prefix: "/api/v1/parsing/job/", status: 502, times: 1, body: "<html>Bad Gateway</html>" });
    const error = await caughtIngestionError(parser.parse(encode("%PDF-1.7\n"), "pdf", "bad-gateway.pdf"));
    expect({ code: error.code, retryable: error.retryable }).toEqual({ code: "parser_failed", retryable: true });
  });

  it("fails permanently and names LLAMA_CLOUD_API_KEY when the key is rejected", async () => {
    await control("fail", { path_prefix: "/api/v1/parsing/upload", status: 401, times: 1, body: { detail: "Invalid API key" } });
    const error = await caughtIngestionError(parser.parse(encode("%PDF-1.7\n"), "pdf", "bad-key.pdf"));
    expect({ code: error.code, retryable: error.retryable }).toEqual({ code: "parser_failed", retryable: false });
    expect(error.message).toContain("LLAMA_CLOUD_API_KEY");
  });

  it("gives up as retryable when the job does not finish within the timeout", async () => {
    await control("delay", { path_prefix: "/api/v1/parsing/job/", ms: 1_000, times: 1 });
    const impatient = createLlamaParseParser({ apiKey: API_KEY, baseUrl, pollIntervalMs: 10, timeoutMs: 200 });
    const started = Date.now();
    const error = await caughtIngestionError(impatient.parse(encode("%PDF-1.7\n"), "pdf", "slow.pdf"));
    expect({ code: error.code, retryable: error.retryable }).toEqual({ code: "parser_failed", retryable: true });
    expect(error.message).toContain("did not answer in time");
    expect(Date.now() - started).toBeLessThan(900);
  });
});
