import { anthropicHandler } from "./node-anthropic.ts";
import { fixtureHandler } from "./node-fixture-server.ts";
import { llamaParseHandler } from "./node-llamaparse.ts";
import { openaiChatHandler } from "./node-openai-chat.ts";
import { openaiEmbeddingsHandler } from "./node-openai-embeddings.ts";
import { startWireServer, type WireServer } from "./node-wire-server.ts";

export interface TestServers {
  fixturesUrl: string;
  /** Base URL to give the `openai` SDK (`.../v1`). */
  openaiUrl: string;
  /** Base URL to give the `@anthropic-ai/sdk` client. */
  anthropicUrl: string;
  /** Base URL of the LlamaParse (LlamaCloud) REST API stand-in. */
  llamaParseUrl: string;
  close(): Promise<void>;
}

/** The Node-side servers tests reach from workerd over 127.0.0.1: fixtures and the paid APIs' wire formats. */
export async function startTestServers(): Promise<TestServers> {
  const servers: WireServer[] = [];
  const start = async (name: string, handlers: Parameters<typeof startWireServer>[1]) => {
    const server = await startWireServer(name, handlers);
    servers.push(server);
    return server.url;
  };
  const fixturesUrl = await start("fixtures", [fixtureHandler]);
  const openaiUrl = await start("openai", [openaiEmbeddingsHandler, openaiChatHandler]);
  const anthropicUrl = await start("anthropic", [anthropicHandler]);
  const llamaParseUrl = await start("llamaparse", [llamaParseHandler]);
  return {
    fixturesUrl,
    openaiUrl: `${openaiUrl}/v1`,
    anthropicUrl,
    llamaParseUrl,
    close: async () => {
      await Promise.all(servers.map((s) => s.close()));
    },
  };
}
