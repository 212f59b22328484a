/** Errors and job failures in plain words, in the member's language, with what to do next. */
import { ApiProblem } from "./api/client";
import type { Job } from "./api/types";
import type { MessageKey, Translate } from "./i18n";

/** What went wrong with a request, for a person. `subject` names the file for upload errors. */
export function describeProblem(error: unknown, t: Translate, subject = ""): string {
  if (!(error instanceof ApiProblem)) return t("error.server", { id: "—" });
  switch (error.code) {
    case "network":
      return t("error.network");
    case "rate_limited":
      return t("error.rateLimited", { seconds: error.retryAfterSeconds ?? 60 });
    case "invalid_credentials":
      return t("error.invalidCredentials");
    case "email_taken":
      return t("error.emailTaken");
    case "unauthorized":
      return t("error.sessionEnded");
    case "payload_too_large":
      return t("error.tooLarge", { filename: subject });
    case "unsupported_media_type":
      return t("error.unsupported", { filename: subject });
    case "empty_file":
      return t("error.empty", { filename: subject });
    case "not_found":
      return t("error.notFound");
  }
  if (error.status >= 500 || error.status === 0) return t("error.server", { id: error.requestId ?? "—" });
  // A 4xx we have no words for: the server's own sentence is written for people too (in English).
  return error.message;
}

const JOB_MESSAGES: Record<string, MessageKey> = {
  no_extractable_text: "job.no_extractable_text",
  pdf_encrypted: "job.pdf_encrypted",
  pdf_corrupt: "job.pdf_corrupt",
  unsupported_type: "job.unsupported_type",
  file_missing: "job.file_missing",
  pdf_too_complex: "job.pdf_too_complex",
  too_many_pages: "job.too_many_pages",
  too_much_text: "job.too_much_text",
  too_many_chunks: "job.too_many_chunks",
  parse_timeout: "job.parse_timeout",
};

/** Why a document could not be processed, and what to do about it. */
export function describeJobFailure(job: Pick<Job, "error">, t: Translate): string {
  const key = job.error ? JOB_MESSAGES[job.error.code] : undefined;
  return t(key ?? "job.server");
}

/** One line of progress for a job still running or finished. */
export function describeJob(job: Job, t: Translate): string {
  const { pages_total, pages_parsed, chunks_total, chunks_embedded } = job.progress;
  switch (job.status) {
    case "queued":
      return job.attempts > 0 ? t("status.retrying", { n: job.attempts + 1 }) : t("status.queued");
    case "parsing":
      return t("status.parsing");
    case "chunking":
      return t("status.chunking", { parsed: pages_parsed, total: pages_total ?? pages_parsed });
    case "embedding":
      return t("status.embedding", { parsed: pages_parsed, embedded: chunks_embedded, total: chunks_total ?? "?" });
    case "complete":
      return t("status.complete");
    case "failed":
      return describeJobFailure(job, t);
  }
}

/**
 * Progress from 0 to 1 for the bar: reading pages fills the first 40 %, indexing passages the rest. A rough split
 * (the job reports counts per stage, not time); what matters is that the bar only moves forward.
 */
export function jobFraction(job: Job): number {
  const { pages_total, pages_parsed, chunks_total, chunks_embedded } = job.progress;
  switch (job.status) {
    case "queued":
      return 0;
    case "parsing":
      return 0.05;
    case "chunking":
      return pages_total ? 0.4 * (pages_parsed / pages_total) : 0.4;
    case "embedding":
      return 0.4 + (chunks_total ? 0.6 * (chunks_embedded / chunks_total) : 0);
    case "complete":
    case "failed":
      return 1;
  }
}
