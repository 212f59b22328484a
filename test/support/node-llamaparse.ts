/**
 * LlamaParse's REST API (LlamaCloud) in its wire format, with jobs held in memory:
 * - `POST /api/v1/parsing/upload` (multipart, field `file`) → `{id, status: "PENDING"}`.
 * - `GET /api/v1/parsing/job/{id}` → PENDING on the first poll, then SUCCESS; ERROR when the file name contains "fail".
 * - `GET /api/v1/parsing/job/{id}/result/json` → `{pages: [{page, text, md}], job_metadata}`.
 *
 * Pages: a PDF gets fixed, realistic benefit-summary pages whose last line names the file, its byte length and the
 * SHA-256 of the bytes received, so a test can prove the upload arrived intact. Any other upload is read as UTF-8 and
 * split into pages on form feeds. A file name containing "blank" yields pages with no text.
 */
import { createHash, randomUUID } from "node:crypto";
import type { ServerResponse } from "node:http";
import { sendJson, type WireHandler, type WireRequest } from "./node-wire-server.ts";

interface Job {
  filename: string;
  pages: string[];
  polls: number;
}

/** Polls answered PENDING before a job reports SUCCESS: one, so the client's polling loop runs at least once. */
const PENDING_POLLS = 1;

const jobs = new Map<string, Job>();

const PDF_PAGES = [
  "Summary of Benefits and Coverage: What this Plan Covers & What You Pay for Covered Services. " +
    "What is the overall deductible? $500 / individual or $1,000 / family. " +
    "What is the out-of-pocket limit for this plan? For network providers $2,500 individual / $5,000 family.",
  "Specialist visit: $50 copay/visit for network providers; 40% coinsurance out-of-network. " +
    "Do you need a referral to see a specialist? Yes. " +
    "Generic drugs (Tier 1): $10 copay/prescription.",
];

function pagesFor(filename: string, bytes: Buffer): string[] {
  if (filename.includes("blank")) return ["", "  "];
  if (bytes.subarray(0, 5).toString("latin1") === "%PDF-") {
    const sha = createHash("sha256").update(bytes).digest("hex");
    const source = `Parsed from ${filename}: ${bytes.length} bytes, sha256 ${sha}.`;
    return PDF_PAGES.map((text, i) => (i === PDF_PAGES.length - 1 ? `${text}\n${source}` : text));
  }
  return bytes.toString("utf8").split("\f");
}

function unauthorized(request: WireRequest, res: ServerResponse): boolean {
  if (/^Bearer \S+/.test(String(request.headers.authorization ?? ""))) return false;
  sendJson(res, 401, { detail: "Invalid authentication credentials" });
  return true;
}

async function upload(request: WireRequest, res: ServerResponse): Promise<true> {
  const contentType = String(request.headers["content-type"] ?? "");
  if (!contentType.startsWith("multipart/form-data")) {
    return sendJson(res, 400, { detail: "Expected a multipart/form-data upload with a 'file' field" });
  }
  const form = await new Response(new Uint8Array(request.body), { headers: { "content-type": contentType } }).formData();
  const file = form.get("file");
  if (!(file instanceof File)) return sendJson(res, 400, { detail: "No file was uploaded in the 'file' field" });
  const bytes = Buffer.from(await file.arrayBuffer());
  const id = randomUUID();
  jobs.set(id, { filename: file.name, pages: pagesFor(file.name, bytes), polls: 0 });
  return sendJson(res, 200, { id, status: "PENDING" });
}

function jobStatus(id: string, job: Job) {
  if (job.filename.includes("fail")) {
    return { id, status: "ERROR", error_message: "Failed to parse the file: the document appears to be damaged." };
  }
  return { id, status: job.polls > PENDING_POLLS ? "SUCCESS" : "PENDING" };
}

export const llamaParseHandler: WireHandler = async (request, res) => {
  const path = request.url.pathname;
  if (!path.startsWith("/api/v1/parsing/")) return false;
  if (unauthorized(request, res)) return true;

  if (request.method === "POST" && path === "/api/v1/parsing/upload") return upload(request, res);

  const match = /^\/api\/v1\/parsing\/job\/([^/]+)(\/result\/json)?$/.exec(path);
  if (request.method !== "GET" || !match?.[1]) return false;
  const id = decodeURIComponent(match[1]);
  const job = jobs.get(id);
  if (!job) return sendJson(res, 404, { detail: "Job not found" });

  if (!match[2]) {
    job.polls += 1;
    return sendJson(res, 200, jobStatus(id, job));
  }
  if (jobStatus(id, job).status !== "SUCCESS") return sendJson(res, 400, { detail: "Job is not yet complete" });
  const pages = job.pages.map((text, i) => ({ page: i + 1, text, md: text }));
  return sendJson(res, 200, { pages, job_metadata: { job_pages: pages.length, job_is_cache_hit: false } });
};
