import type { WireHandler } from "./node-wire-server.ts";

export const anthropicHandler: WireHandler = () => false;
