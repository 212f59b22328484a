import { describe, expect, it } from "vitest";
import { answeredTurns } from "../../src/durable-objects/chat-session";
import type { MessageRow } from "../../src/durable-objects/chat-store";

const message = (role: "user" | "assistant", content: string, finish_reason: string | null = null): MessageRow => ({
  id: crypto.randomUUID(),
  session_id: "s",
  role,
  content,
  citations: null,
  feedback: null,
  timings: null,
  finish_reason,
  created_at: "2026-01-01T00:00:00.000Z",
});

describe("answeredTurns", () => {
  it("keeps each question with its answer, oldest first", () => {
    const turns = answeredTurns([message("user", "Deductible?"), message("assistant", "$500 [1]", "stop")]);
    expect(turns).toEqual([
      { role: "user", content: "Deductible?" },
      { role: "assistant", content: "$500 [1]" },
    ]);
  });

  it("leaves out a question whose answer was cut off before its first word, with that answer", () => {
    const turns = answeredTurns([
      message("user", "Cut off?"),
      message("assistant", "", "incomplete"),
      message("user", "Copay?"),
      message("assistant", "$50", "stop"),
    ]);
    expect(turns.map((t) => t.content)).toEqual(["Copay?", "$50"]);
  });

  it("keeps the part of an answer that streamed before a failure", () => {
    const turns = answeredTurns([message("user", "Referral?"), message("assistant", "Yes, you need", "error")]);
    expect(turns.map((t) => t.role)).toEqual(["user", "assistant"]);
  });

  it("leaves out the turn still in progress and a question left without an answer by an older version", () => {
    const turns = answeredTurns([
      message("user", "Old dangling question"),
      message("user", "Now?"),
      message("assistant", "Streaming…", "in_progress"),
    ]);
    expect(turns).toEqual([]);
  });
});
