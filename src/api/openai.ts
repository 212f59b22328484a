/**
 * `/v1`: the OpenAI-compatible face. Only the fields we use are declared; every other OpenAI request field
 * (temperature, tools, max_tokens...) is accepted and ignored. Errors here are OpenAI's shape, not problem+json.
 */
import { z } from "zod";
import { Citation } from "./chat.ts";

export const MODEL_ID = "insurance-navigator";

const ContentPart = z.object({ type: z.string(), text: z.string().optional() });
export const ChatCompletionMessage = z.object({
  role: z.enum(["system", "developer", "user", "assistant", "tool", "function"]),
  content: z.union([z.string(), z.array(ContentPart)]).nullish(),
});
export type ChatCompletionMessage = z.infer<typeof ChatCompletionMessage>;

export const ChatCompletionBody = z.object({
  model: z.string().min(1),
  messages: z.array(ChatCompletionMessage).min(1),
  stream: z.boolean().nullish(),
});
export type ChatCompletionBody = z.input<typeof ChatCompletionBody>;

const OpenAiFinishReason = z.enum(["stop", "length", "content_filter"]);
const Usage = z.object({ prompt_tokens: z.number().int(), completion_tokens: z.number().int(), total_tokens: z.number().int() });

/** What a completion and each of its streamed chunks share. */
const CompletionHeader = {
  id: z.string(),
  created: z.number().int(),
  model: z.literal(MODEL_ID),
  system_fingerprint: z.null(),
};

export const ChatCompletion = z.object({
  ...CompletionHeader,
  object: z.literal("chat.completion"),
  choices: z.array(
    z.object({
      index: z.number().int(),
      message: z.object({ role: z.literal("assistant"), content: z.string(), refusal: z.null() }),
      logprobs: z.null(),
      finish_reason: OpenAiFinishReason,
    }),
  ),
  usage: Usage,
  /** Ours: the cited passages, which OpenAI's shape has no place for (the content ends with them as text too). */
  citations: z.array(Citation),
});
export type ChatCompletion = z.infer<typeof ChatCompletion>;

/** Each `data:` of a streamed completion, until the literal `[DONE]`. */
export const ChatCompletionChunk = z.object({
  ...CompletionHeader,
  object: z.literal("chat.completion.chunk"),
  choices: z.array(
    z.object({
      index: z.number().int(),
      delta: z.object({ role: z.literal("assistant").optional(), content: z.string().optional() }),
      logprobs: z.null(),
      finish_reason: OpenAiFinishReason.nullable(),
    }),
  ),
  citations: z.array(Citation).optional(),
});
export type ChatCompletionChunk = z.infer<typeof ChatCompletionChunk>;

export const Model = z.object({ id: z.literal(MODEL_ID), object: z.literal("model"), created: z.number().int(), owned_by: z.string() });
export const ModelList = z.object({ object: z.literal("list"), data: z.array(Model) });

/** OpenAI's error shape, which its SDKs turn into typed errors. */
export const OpenAiErrorBody = z
  .object({
    error: z.object({
      message: z.string(),
      type: z.enum(["invalid_request_error", "server_error"]),
      param: z.string().nullable(),
      code: z.string().nullable(),
    }),
  })
  .meta({ id: "OpenAiError" });
export type OpenAiErrorBody = z.infer<typeof OpenAiErrorBody>;
