import type { WireHandler } from "./node-wire-server.ts";

export const llamaParseHandler: WireHandler = () => false;
