/**
 * Helpers for the answer-provider tests that run inside workerd: draining an answer stream, talking to the
 * stand-in servers' control API, and a small plan summary to answer from.
 */
import type { AnswerEvent, Source } from "../../src/providers/llm/types";

export interface Collected {
  deltas: string[];
  text: string;
  done: Extract<AnswerEvent, { type: "done" }> | undefined;
  /** What the stream threw, if it did; the events before it are kept above. */
  error: unknown;
}

/** Drains a stream without throwing, so a test can assert both on the text that arrived and on the failure. */
export async function collect(events: AsyncIterable<AnswerEvent>): Promise<Collected> {
  const result: Collected = { deltas: [], text: "", done: undefined, error: undefined };
  try {
    for await (const event of events) {
      if (event.type === "delta") result.deltas.push(event.text);
      else result.done = event;
    }
  } catch (error) {
    result.error = error;
  }
  result.text = result.deltas.join("");
  return result;
}

export interface RecordedRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
}

/** `POST /__control/<action>` on the stand-in server behind `baseUrl` (the SDK base URL, with or without /v1). */
export async function control(baseUrl: string, action: "reset" | "fail" | "delay", body: Record<string, unknown> = {}): Promise<void> {
  const response = await fetch(`${new URL(baseUrl).origin}/__control/${action}`, { method: "POST", body: JSON.stringify(body) });
  await response.body?.cancel();
  if (!response.ok) throw new Error(`control ${action} answered ${response.status}`);
}

/** Requests the server received whose body contains `marker`, oldest first. */
export async function requestsContaining(baseUrl: string, marker: string): Promise<RecordedRequest[]> {
  const response = await fetch(`${new URL(baseUrl).origin}/__control/requests`);
  const all = await response.json<RecordedRequest[]>();
  return all.filter((request) => request.body.includes(marker));
}

/** Three chunks of a Summary of Benefits and Coverage, numbered as retrieval would hand them over. */
export function sbcSources(): Source[] {
  const source = (n: number, filename: string, page: number, text: string): Source => ({
    n,
    documentId: `doc-${filename}`,
    filename,
    page,
    chunkId: `chunk-${n}`,
    score: 0.9 - n / 10,
    text,
  });
  return [
    source(
      1,
      "sbc-silver-ppo.pdf",
      3,
      "Common Medical Event: If you visit a health care provider's office or clinic. " +
        "Specialist visit: $50 copay/visit for in-network providers; 40% coinsurance for out-of-network providers. " +
        "Preventive care/screening/immunization: No charge. You may have to pay for services that aren't preventive.",
    ),
    source(
      2,
      "sbc-silver-ppo.pdf",
      1,
      "Important Questions. What is the overall deductible? $500 individual / $1,000 family for in-network providers. " +
        "Generally, you must pay all of the costs from providers up to the deductible amount before this plan begins to pay.\n" +
        "Are there services covered before you meet your deductible? Yes. Preventive care and primary care visits are covered before you meet your deductible.",
    ),
    source(
      3,
      "member-handbook.pdf",
      12,
      "Prior authorization is required for MRI and CT scans. If you don't get prior authorization, benefits will be denied. " +
        "Call Member Services at 1-800-555-0199 to request authorization.",
    ),
  ];
}
