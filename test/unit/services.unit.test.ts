import { env } from "cloudflare:workers";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { AppEnv } from "../../src/env";
import { createServices } from "../../src/services";

const appEnv = env as AppEnv;

describe("createServices", () => {
  it("parses the configuration when it is created, so a bad setting fails the invocation at once", () => {
    expect(() => createServices({ ...appEnv, MAX_PAGES_PER_DAY: "many" })).toThrow();
  });

  it("builds each provider once per invocation and hands the same ones to a chat turn", () => {
    const services = createServices({ ...appEnv, EMBEDDING_PROVIDER: "offline", LLM_PROVIDER: "offline" });
    expect(services.embedder()).toBe(services.embedder());
    expect(services.llmProviders()).toBe(services.llmProviders());
    const deps = services.turnDeps("user-a");
    expect(deps.embedder).toBe(services.embedder());
    expect(deps.providers).toBe(services.llmProviders());
    expect(deps.config).toBe(services.config);
  });

  it("reuses what the invocation already parsed instead of parsing again", () => {
    const first = createServices(appEnv);
    expect(createServices(appEnv, { config: first.config }).config).toBe(first.config);
  });

  it("opens one database pool on first use, and closing it lets the next use open a fresh one", async () => {
    const services = createServices(appEnv);
    const db = services.db();
    expect(services.db()).toBe(db);
    await db.execute(sql`select 1`);
    await services.close();
    const reopened = services.db();
    expect(reopened).not.toBe(db);
    await expect(reopened.execute(sql`select 1`)).resolves.toBeDefined();
    await services.close();
  });

  it("closes without error when nothing opened the database", async () => {
    await expect(createServices(appEnv).close()).resolves.toBeUndefined();
  });
});
