// What test/global-setup.ts provides to every test project (read with `inject` from "vitest"); one declaration,
// included by both tsconfig.json (tests in workerd) and tsconfig.node.json (the global setup in Node).
import "vitest";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    databaseWsProxy: string;
    databaseHttpEndpoint: string;
    fixturesUrl: string;
    openaiUrl: string;
    anthropicUrl: string;
    llamaParseUrl: string;
  }
}
