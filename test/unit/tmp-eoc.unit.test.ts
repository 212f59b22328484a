import { expect, inject, it } from "vitest";
import { parsePdf } from "../../src/ingestion/parse-pdf";
import { chunkPages } from "../../src/ingestion/chunker";
it("parses the EOC", async () => {
  const response = await fetch(`${inject("fixturesUrl")}/fixtures/dev-corpus/medicare-eoc-aarp-uhc-ut0008-ppo-2025.pdf`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  const started = Date.now();
  const parsed = await parsePdf(bytes);
  const chunks = chunkPages(parsed.pages, { sentencesPerChunk: 5 });
  console.error("EOC", parsed.pages.length, chunks.length, Date.now() - started);
  expect(chunks.length).toBeGreaterThan(100);
}, 300_000);
