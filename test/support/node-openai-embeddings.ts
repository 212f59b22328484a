import type { WireHandler } from "./node-wire-server.ts";

export const openaiEmbeddingsHandler: WireHandler = () => false;
