/**
 * Every generated hostile file (bench/lib/hostile-files.ts) through the built-in parser and the chunker, the steps
 * of a job before embedding: each ends with the outcome its entry names, quickly. The same files go through a whole stack, with /health polled meanwhile, in
 * test/stack/hostile-files.stack.test.ts, and through the memory benchmark (npm run bench:hostile).
 */
import { describe, expect, it } from "vitest";
import { hostileFiles } from "../../bench/lib/hostile-files";
import { detectKind } from "../../src/ingestion/detect";
import { IngestionError } from "../../src/ingestion/errors";
import { chunkPages } from "../../src/ingestion/chunker";
import { builtinParser } from "../../src/providers/parsers/builtin";

/** Seconds a hostile file may take to be refused here: the budgets stop each one well before this. */
const BOUND_MS = 20_000;

describe("hostile files through the built-in parser", () => {
  it.each(hostileFiles().map((file) => [file.name, file] as const))("%s ends as expected", async (_name, file) => {
    const bytes = file.bytes();
    const kind = detectKind(bytes);
    expect(kind).toBe(file.kind);
    const started = performance.now();
    const outcome = await builtinParser
      .parse(bytes, kind ?? "text", file.name)
      .then((parsed) => {
        chunkPages(parsed.pages, { sentencesPerChunk: 5 });
        return { status: "complete" as const, code: undefined };
      })
      .catch((error: unknown) => ({ status: "failed" as const, code: error instanceof IngestionError ? error.code : String(error) }));
    expect(performance.now() - started).toBeLessThan(BOUND_MS);
    if (file.kind !== "pdf" && file.expect.code === "no_extractable_text") {
      // Text with nothing left to read once converted may also fail later, at chunking; either way it ends failed.
      expect(outcome.status === "complete" || outcome.code === "no_extractable_text").toBe(true);
    } else {
      expect(outcome).toEqual({ status: file.expect.status, code: file.expect.code });
    }
  });
});
