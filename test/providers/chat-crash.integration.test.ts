/**
 * A chat turn cut off by a crash: the ChatSession object is reset while the model is still thinking (as a deploy, an
 * out-of-memory kill or a machine failure would). The session must read as question, answer-marked-incomplete, and the
 * next turn must keep questions and answers alternating.
 */
import { abortAllDurableObjects } from "cloudflare:test";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { api, recordedRequests, registerUser, upload, waitForJob, type TestUser } from "../support/worker-api";
import { readSse } from "../support/worker-sse";

const openaiUrl = inject("openaiUrl");

interface StoredMessage {
  role: string;
  content: string;
  finish_reason: string | null;
}

async function sessionMessages(user: TestUser, sessionId: string): Promise<StoredMessage[]> {
  const response = await api(`/chat/sessions/${sessionId}`, { headers: user.auth });
  return (await response.json<{ messages: StoredMessage[] }>()).messages;
}

describe("a chat turn cut off by a crash", () => {
  let user: TestUser;
  let sessionId = "";
  const cutQuestion = "What is the emergency room copay? __TTFT_MS=10000__";

  beforeAll(async () => {
    user = await registerUser("chat-crash");
    const { body } = await upload(user, new TextEncoder().encode("The emergency room copay is $250 per visit. Urgent care costs $75."), "er.txt");
    await waitForJob(user, body.job_id);
    const response = await api("/chat", {
      method: "POST",
      headers: { ...user.auth, "content-type": "application/json", accept: "text/event-stream" },
      body: JSON.stringify({ message: cutQuestion }),
    });
    for await (const event of readSse(response)) {
      if (event.event === "start") sessionId = (event.data as { session_id: string }).session_id;
      // Sources are out, the model has not said a word: the object dies here.
      if (event.event === "sources") {
        await abortAllDurableObjects();
        break;
      }
    }
  });

  it("leaves the question paired with an assistant message marked incomplete", async () => {
    expect(sessionId).not.toBe("");
    expect(await sessionMessages(user, sessionId)).toEqual([
      expect.objectContaining({ role: "user", content: cutQuestion }),
      expect.objectContaining({ role: "assistant", content: "", finish_reason: "incomplete" }),
    ]);
  });

  it("answers the next question in the session, alternating, without the cut-off turn in the prompt", async () => {
    await fetch(`${new URL(openaiUrl).origin}/__control/reset`, { method: "POST" }).then((r) => r.body?.cancel());
    const response = await api("/chat", {
      method: "POST",
      headers: { ...user.auth, "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify({ message: "What does urgent care cost?", session_id: sessionId }),
    });
    expect(response.status).toBe(200);
    const messages = await sessionMessages(user, sessionId);
    expect(messages.map((m) => m.role)).toEqual(["user", "assistant", "user", "assistant"]);
    expect(messages[3]).toMatchObject({ finish_reason: "stop" });
    const answerRequests = (await recordedRequests(openaiUrl)).filter((r) => r.path === "/v1/chat/completions" && r.body.includes('"stream":true'));
    expect(answerRequests.at(-1)?.body).not.toContain("emergency room copay?");
  });
});
