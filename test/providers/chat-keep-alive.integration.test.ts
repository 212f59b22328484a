/**
 * A slow model must not let proxies close the stream: while nothing else is sent, /chat writes an SSE comment every
 * 15 s (KEEP_ALIVE_MS in the chat Durable Object). The OpenAI stand-in waits 16 s before its first token here.
 */
import { describe, expect, it } from "vitest";
import { api, registerUser, upload, waitForJob } from "../support/worker-api";

/** Past one keep-alive interval (15 s) and under the providers' 20 s first-token limit. */
const MODEL_DELAY_MS = 16_000;

describe("POST /chat while the model is slow to start", () => {
  it("sends a keep-alive comment before the first delta", { timeout: 60_000 }, async () => {
    const user = await registerUser("keepalive");
    const { body } = await upload(user, new TextEncoder().encode("The emergency room copay is $250 per visit."), "er.txt");
    await waitForJob(user, body.job_id);
    const response = await api("/chat", {
      method: "POST",
      headers: { ...user.auth, "content-type": "application/json", accept: "text/event-stream" },
      body: JSON.stringify({ message: `What is the emergency room copay? __TTFT_MS=${MODEL_DELAY_MS}__` }),
    });
    const raw = await response.text();
    const keepAlive = raw.indexOf(": keep-alive");
    expect(keepAlive).toBeGreaterThan(raw.indexOf("event: sources"));
    expect(keepAlive).toBeLessThan(raw.indexOf("event: delta"));
    expect(raw).toContain("event: done");
  });
});
