import { describe, expect, it } from "vitest";
import { readConfig } from "../../src/config";

describe("readConfig", () => {
  it("answers a second read of the same bindings with the same configuration", () => {
    const env = { MAX_PAGES_PER_DAY: "7" };
    const first = readConfig(env);
    expect(first.maxPagesPerDay).toBe(7);
    expect(readConfig(env)).toBe(first);
  });

  it("reads a value changed on the same bindings object anew", () => {
    const env: { MAX_PAGES_PER_DAY: string; LLM_PROVIDER?: string } = { MAX_PAGES_PER_DAY: "7" };
    expect(readConfig(env).maxPagesPerDay).toBe(7);
    env.MAX_PAGES_PER_DAY = "9";
    expect(readConfig(env).maxPagesPerDay).toBe(9);
    env.LLM_PROVIDER = "offline";
    expect(readConfig(env).llmProvider).toBe("offline");
  });

  it("gives other bindings with the same values the same configuration, and an invalid value still fails", () => {
    expect(readConfig({ MAX_PAGES_PER_DAY: "11" })).toBe(readConfig({ MAX_PAGES_PER_DAY: "11" }));
    const env = { MAX_PAGES_PER_DAY: "11" };
    readConfig(env);
    env.MAX_PAGES_PER_DAY = "many";
    expect(() => readConfig(env)).toThrow();
  });

  it("takes the default for an empty value", () => {
    expect(readConfig({ MAX_PAGES_PER_DAY: "" }).maxPagesPerDay).toBe(1000);
  });
});
