import { z } from "zod";
import { IngestionError } from "../../ingestion/errors";
import { CONTENT_TYPES, type DocumentKind, type ParsedDocument, type ParsedPage } from "../../ingestion/types";
import type { DocumentParser } from "./types";

const DEFAULT_BASE_URL = "https://api.cloud.llamaindex.ai";
/** First wait before asking about the job: a short PDF is usually parsed within a couple of seconds. */
const DEFAULT_POLL_INTERVAL_MS = 1_000;
/** Each further wait is 1.5× the last, up to 10 s: long documents take minutes, and polling faster only spends requests. */
const POLL_BACKOFF = 1.5;
const MAX_POLL_INTERVAL_MS = 10_000;
/**
 * A few hundred pages parse in a few minutes. Past 5 minutes the attempt gives up as retryable, well inside the 15
 * minutes a queue consumer may run, and the queue tries again later with a fresh upload.
 */
const DEFAULT_TIMEOUT_MS = 5 * 60_000;
/** One HTTP call (the upload included) that has not answered in 60 s is stuck; the overall deadline still applies. */
const REQUEST_TIMEOUT_MS = 60_000;

const JobSchema = z.object({
  id: z.string().min(1),
  status: z.string(),
  error_message: z.string().nullish(),
});

const ResultSchema = z.object({
  pages: z.array(
    z.object({
      page: z.number().int().positive(),
      text: z.string().nullish(),
      md: z.string().nullish(),
    }),
  ),
});

export interface LlamaParseOptions {
  apiKey: string;
  /** `LLAMA_CLOUD_BASE_URL`: another region (e.g. the EU endpoint) or the test stand-in. */
  baseUrl?: string | undefined;
  pollIntervalMs?: number;
  timeoutMs?: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** LlamaParse answers errors as FastAPI does, `{"detail": ...}`; fall back to the raw text, shortened. */
async function errorDetail(response: Response): Promise<string> {
  const text = await response.text().catch(() => "");
  try {
    const body = JSON.parse(text) as { detail?: unknown };
    if (body.detail !== undefined) return typeof body.detail === "string" ? body.detail : JSON.stringify(body.detail);
  } catch {
    // Not JSON: the text itself is the best detail there is.
  }
  // Enough of an HTML error page to recognise it, not enough to flood the job's error message.
  return text.slice(0, 300);
}

function parserFailed(message: string, options: { retryable?: boolean; cause?: unknown } = {}): IngestionError {
  return new IngestionError("parser_failed", message, options);
}

async function failureFor(response: Response, step: string): Promise<IngestionError> {
  const status = response.status;
  const detail = await errorDetail(response);
  if (status === 401 || status === 403) {
    return parserFailed(`LlamaParse rejected the API key (${status}) while ${step}; check LLAMA_CLOUD_API_KEY. ${detail}`);
  }
  if (status === 408 || status === 429 || status >= 500) {
    return parserFailed(`LlamaParse is unavailable for now (${status}) while ${step}: ${detail}`, { retryable: true });
  }
  return parserFailed(`LlamaParse refused the document (${status}) while ${step}: ${detail}`);
}

/**
 * Parses documents with LlamaParse's REST API (LlamaCloud): upload, poll the job with backoff, then read the JSON
 * result, which keeps one entry per page so citations keep their page numbers. Used only when LLAMA_CLOUD_API_KEY is
 * set; it reads scanned PDFs that the built-in parser cannot. Rate limits, 5xx answers, dropped connections and the
 * overall timeout are retryable; a job LlamaParse marks ERROR or CANCELED is not, and carries LlamaParse's message.
 *
 * @example
 * const parser = createLlamaParseParser({ apiKey: env.LLAMA_CLOUD_API_KEY });
 * const { pages } = await parser.parse(bytes, "pdf", "sbc.pdf");
 */
export function createLlamaParseParser(options: LlamaParseOptions): DocumentParser {
  const baseUrl = (options.baseUrl || DEFAULT_BASE_URL).replace(/\/+$/, "");
  const firstPollMs = options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const authorization = `Bearer ${options.apiKey}`;

  async function call(path: string, step: string, deadline: number, init: RequestInit = {}): Promise<unknown> {
    const remaining = deadline - Date.now();
    if (remaining <= 0) throw timedOut(step);
    let response: Response;
    try {
      response = await fetch(`${baseUrl}${path}`, {
        ...init,
        headers: { authorization, accept: "application/json" },
        signal: AbortSignal.timeout(Math.min(REQUEST_TIMEOUT_MS, remaining)),
      });
    } catch (error) {
      if (error instanceof Error && error.name === "TimeoutError") throw timedOut(step);
      const reason = error instanceof Error ? error.message : String(error);
      throw parserFailed(`LlamaParse could not be reached while ${step}: ${reason}`, { retryable: true, cause: error });
    }
    if (!response.ok) throw await failureFor(response, step);
    return response.json().catch((error: unknown) => {
      throw parserFailed(`LlamaParse answered something other than JSON while ${step}`, { retryable: true, cause: error });
    });
  }

  function timedOut(step: string): IngestionError {
    return parserFailed(`LlamaParse did not answer in time while ${step}`, { retryable: true });
  }

  function parseShape<T>(schema: z.ZodType<T>, value: unknown, step: string): T {
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      throw parserFailed(`LlamaParse answered an unexpected shape while ${step}: ${parsed.error.message}`);
    }
    return parsed.data;
  }

  async function waitForJob(id: string, deadline: number): Promise<void> {
    let interval = firstPollMs;
    for (;;) {
      if (Date.now() + interval > deadline) throw timedOut("waiting for the parsing job");
      await sleep(interval);
      const step = "checking the parsing job";
      const job = parseShape(JobSchema, await call(`/api/v1/parsing/job/${encodeURIComponent(id)}`, step, deadline), step);
      if (job.status === "SUCCESS") return;
      if (job.status === "ERROR" || job.status === "CANCELED") {
        const reason = job.error_message || "no reason given";
        throw parserFailed(`LlamaParse could not parse the document (${job.status}): ${reason}`);
      }
      interval = Math.min(interval * POLL_BACKOFF, MAX_POLL_INTERVAL_MS);
    }
  }

  return {
    name: "llamaparse",
    async parse(bytes: Uint8Array, kind: DocumentKind, filename: string): Promise<ParsedDocument> {
      const deadline = Date.now() + timeoutMs;
      const form = new FormData();
      form.append("file", new Blob([bytes], { type: CONTENT_TYPES[kind] }), filename);
      const upload = parseShape(
        JobSchema,
        await call("/api/v1/parsing/upload", "uploading the document", deadline, { method: "POST", body: form }),
        "uploading the document",
      );
      if (upload.status !== "SUCCESS") await waitForJob(upload.id, deadline);

      const resultPath = `/api/v1/parsing/job/${encodeURIComponent(upload.id)}/result/json`;
      const step = "reading the parsed pages";
      const result = parseShape(ResultSchema, await call(resultPath, step, deadline), step);
      // Plain text rather than Markdown: the chunker splits sentences, and table pipes would only add noise to them.
      const pages: ParsedPage[] = result.pages
        .map((page) => ({ page: page.page, text: (page.text || page.md || "").trim() }))
        .filter((page) => page.text.length > 0);
      if (pages.length === 0) {
        const hint = "it may be blank, or an image LlamaParse could not read";
        throw new IngestionError("no_extractable_text", `LlamaParse found no text in "${filename}"; ${hint}`);
      }
      const pageCount = Math.max(result.pages.length, ...result.pages.map((page) => page.page));
      return { pages, pageCount };
    },
  };
}
