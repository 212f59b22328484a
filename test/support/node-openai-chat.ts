import type { WireHandler } from "./node-wire-server.ts";

export const openaiChatHandler: WireHandler = () => false;
