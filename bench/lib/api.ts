/**
 * The few API calls the benchmark makes while setting up and measuring, with plain fetch: register, upload, follow a
 * job to the end, search. Load itself goes through autocannon (./load.ts) or the SSE reader (./sse.ts).
 */

import type { Job, SearchResponse, TokenResponse, UploadAccepted } from "../../src/api/index.ts";

/** How often a job is polled: fine enough that upload-to-complete is known within a tenth of a second, rare enough
 * that polling does not compete with the ingestion it waits for (PGlite serves one connection at a time). */
const JOB_POLL_MS = 100;
/** A 300-page PDF takes tens of seconds on a laptop; several minutes means something is stuck. */
const JOB_TIMEOUT_MS = 600_000;

/** The job's `timings_ms`, as the API declares it. */
export type JobTimings = NonNullable<Job["timings_ms"]>;

export interface JobResult {
  status: string;
  pagesTotal: number | null;
  chunksTotal: number | null;
  timings: JobTimings | null;
  /** From sending the upload to seeing `complete`, in ms. */
  uploadToCompleteMs: number;
  /** The upload request alone (202 answered), in ms. */
  uploadMs: number;
  /** Status polls answered 5xx while waiting (the embedded database busy past its 30 s gate, for one). */
  failedPolls: number;
  error: string | null;
}

async function json<T>(response: Response, what: string): Promise<T> {
  const text = await response.text();
  if (!response.ok) throw new Error(`${what}: ${response.status} ${text.slice(0, 300)}`);
  return JSON.parse(text) as T;
}

export async function register(baseUrl: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/v2/auth/register`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
  return (await json<TokenResponse>(response, `register ${email}`)).access_token;
}

export async function upload(baseUrl: string, token: string, filename: string, bytes: Uint8Array<ArrayBuffer>, type: string) {
  const form = new FormData();
  form.append("file", new Blob([bytes], { type }), filename);
  const started = performance.now();
  const response = await fetch(`${baseUrl}/api/v2/upload`, { method: "POST", headers: { authorization: `Bearer ${token}` }, body: form });
  const body = await json<UploadAccepted>(response, `upload ${filename}`);
  return { jobId: body.job_id, started, uploadMs: performance.now() - started };
}

/** Polls a job until it completes or fails; the clock starts at `started` (performance.now() before the upload). */
export async function waitForJob(baseUrl: string, token: string, jobId: string, started: number, uploadMs: number): Promise<JobResult> {
  const deadline = Date.now() + JOB_TIMEOUT_MS;
  let failedPolls = 0;
  while (Date.now() < deadline) {
    const response = await fetch(`${baseUrl}/api/v2/jobs/${jobId}`, { headers: { authorization: `Bearer ${token}` } });
    if (response.status >= 500) {
      // Not the job's failure: the status request itself failed. Counted, reported, and polled again.
      await response.body?.cancel();
      failedPolls++;
      continue;
    }
    const job = await json<Job>(response, `job ${jobId}`);
    if (job.status === "complete" || job.status === "failed") {
      return {
        status: job.status,
        pagesTotal: job.progress.pages_total,
        chunksTotal: job.progress.chunks_total,
        timings: job.timings_ms,
        uploadToCompleteMs: performance.now() - started,
        uploadMs,
        failedPolls,
        error: job.status === "failed" ? `${job.error?.code}: ${job.error?.message}` : null,
      };
    }
    await new Promise((resolve) => setTimeout(resolve, JOB_POLL_MS));
  }
  throw new Error(`job ${jobId} did not finish within ${JOB_TIMEOUT_MS / 1000} s`);
}

export async function uploadAndWait(baseUrl: string, token: string, filename: string, bytes: Uint8Array<ArrayBuffer>, type: string): Promise<JobResult> {
  const { jobId, started, uploadMs } = await upload(baseUrl, token, filename, bytes, type);
  return waitForJob(baseUrl, token, jobId, started, uploadMs);
}

export async function search(baseUrl: string, token: string, query: string): Promise<SearchResponse> {
  const response = await fetch(`${baseUrl}/api/v2/search`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify({ query }),
  });
  return json(response, "search");
}
