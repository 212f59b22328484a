/** The API's request and response schemas, one module per resource (see ./common.ts). */
export * from "./agents.ts";
export * from "./api-keys.ts";
export * from "./auth.ts";
export * from "./chat.ts";
export * from "./common.ts";
export * from "./documents.ts";
export * from "./health.ts";
export * from "./openai.ts";
export * from "./search.ts";
