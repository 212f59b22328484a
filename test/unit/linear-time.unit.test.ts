/**
 * The sentence splitter, the chunker and the text parsers take time proportional to their input: each runs on a
 * pathological input of 256 K characters and of 1 M (four times as much), and the larger must not cost more than ten
 * times the smaller. Linear code costs four times; quadratic code sixteen (the old splitter took 0.18 s on "a" and
 * 10,000 dots, 6.1 s on 60,000, and minutes on a megabyte), and on these sizes it runs into the test's timeout first.
 * A ratio rather than a time limit, so a loaded machine slows both sizes alike; both runs are long enough (tens of
 * milliseconds or more) to share the machine's load, and the best ratio of three interleaved pairs is taken.
 */
import { describe, expect, it } from "vitest";
import { chunkPages, splitSentences } from "../../src/ingestion/chunker";
import { IngestionError } from "../../src/ingestion/errors";
import { parseText } from "../../src/ingestion/parse-text";
import { groupBlocks, splitAlignedBlocks } from "../../src/ingestion/pdf-blocks";

const SMALL = 256 * 1024;
const LARGE = 4 * SMALL;
/** Linear work grows 4-fold from SMALL to LARGE and quadratic work 16-fold; this sits between them. */
const MAX_GROWTH = 10;
const PAIRS = 3;

/** `unit` repeated to `size` characters, between `prefix` and `suffix`. */
const fill = (unit: string, prefix = "", suffix = "") => (size: number) => prefix + unit.repeat(Math.ceil(size / unit.length)) + suffix;

/** Inputs that made a pattern or a loop rescan what it had read, with the case that found each. */
const INPUTS: Array<[string, (size: number) => string]> = [
  ["a and dots (the splitter's 6.1 s case at 60,000)", fill(".", "a")],
  ["a and exclamation marks", fill("!", "a")],
  ["initials that are never a sentence end", fill("A. ")],
  ["numbered section labels", fill("Section 2. B ")],
  ["ellipses before capitals", fill("a… B ")],
  ["list numbers", fill("1. ")],
  ["dots and spaces", fill(". ", "", "x")],
  ["closing brackets after a dot", fill(")", "a.")],
  ["a run of spaces", fill(" ", "a.", "b")],
  ["open brackets (the upload's 2.6 s case at 65,536)", fill("[")],
  ["unclosed script tags (the HTML conversion's 5.6 s case at 40,000)", fill("<script ")],
  ["tabs", fill("a\t")],
  ["blank lines with spaces", fill("\n \n")],
  ["headings", fill("# H\n")],
  ["table rows", fill("| a | $5 |\n", "| Service | Cost |\n| --- | --- |\n")],
  ["pipes on one line", fill("| a ")],
  ["one long word", fill("x")],
];

/** The smallest ratio of `run`'s time on the large input to its time on the small one, over PAIRS runs of each. */
function growth(run: (text: string) => unknown, small: string, large: string): { ratio: number; times: string } {
  let best = Number.POSITIVE_INFINITY;
  const times: string[] = [];
  for (let i = 0; i < PAIRS; i++) {
    let started = performance.now();
    run(small);
    const smallMs = Math.max(1, performance.now() - started);
    started = performance.now();
    run(large);
    const largeMs = performance.now() - started;
    best = Math.min(best, largeMs / smallMs);
    times.push(`${Math.round(smallMs)}/${Math.round(largeMs)} ms`);
  }
  return { ratio: best, times: times.join(", ") };
}

function expectLinear(label: string, run: (text: string) => unknown, make: (size: number) => string): void {
  const { ratio, times } = growth(run, make(SMALL), make(LARGE));
  expect(ratio, `${label}: 256 K / 1 M took ${times}`).toBeLessThan(MAX_GROWTH);
}

/** The inputs aimed at the parsers' patterns (the others are about sentences). */
const PARSER_INPUTS = INPUTS.filter(([label]) => /dots|brackets|script|spaces|tabs|blank|table|pipes/.test(label));

/** The chunker refuses a document of too many chunks; that is an answer, reached in linear time too. */
const chunk = (text: string) => {
  try {
    return chunkPages([{ page: 1, text }], { sentencesPerChunk: 5 });
  } catch (error) {
    if (error instanceof IngestionError && error.code === "too_many_chunks") return [];
    throw error;
  }
};
const parse = (kind: "text" | "markdown" | "html") => (text: string) => {
  try {
    return parseText(new TextEncoder().encode(text), kind);
  } catch (error) {
    // Markup with no words in it is refused as empty: an answer too.
    if (error instanceof IngestionError && error.code === "no_extractable_text") return null;
    throw error;
  }
};

describe("text processing grows linearly with its input", () => {
  it.each(INPUTS)("splits sentences of %s", (label, make) => expectLinear(label, splitSentences, make));
  it.each(INPUTS)("chunks %s", (label, make) => expectLinear(label, chunk, make));
  // Type detection reads only the start of a file; test/unit/pathological-text.unit.test.ts covers it on 1 MB.
  it.each(PARSER_INPUTS)("parses %s as plain text", (label, make) => expectLinear(label, parse("text"), make));
  it.each(PARSER_INPUTS)("parses %s as Markdown", (label, make) => expectLinear(label, parse("markdown"), make));
  it.each(PARSER_INPUTS)("parses %s as HTML", (label, make) => expectLinear(label, parse("html"), make));
});

describe("the splitter's linear patterns still split ordinary text", () => {
  it("ends a sentence after a run of punctuation and keeps initials, sections and ellipses inside one", () => {
    expect(splitSentences("Really?! Yes. J. Smith wrote Section 2. Benefits… Then stop.")).toEqual(["Really?!", "Yes.", "J. Smith wrote Section 2. Benefits… Then stop."]);
  });

  it("keeps a number after \"No.\" in its sentence", () => {
    expect(splitSentences("Policy No. 5 applies. Then call.")).toEqual(["Policy No. 5 applies.", "Then call."]);
  });
});

describe("the page layout's work is bounded by its runs", () => {
  it("splits label blocks beside amounts in time proportional to the page, however many lines share a baseline", () => {
    // Two-line blocks of labels beside bare amounts, all on the same two baselines: every line meets every other.
    const page = (blocks: number) =>
      Array.from({ length: blocks }, (_, i) => [
        { text: `Label ${i}`, x: i * 100, y: 500, width: 40, fontSize: 12 },
        { text: `Other ${i}`, x: i * 100, y: 486, width: 40, fontSize: 12 },
        { text: "$5", x: i * 100 + 60, y: 500, width: 12, fontSize: 12 },
        { text: "$6", x: i * 100 + 60, y: 486, width: 12, fontSize: 12 },
      ]).flat();
    const blocks = (text: string) => splitAlignedBlocks(groupBlocks(page(text.length)));
    const { ratio, times } = growth(blocks, "x".repeat(2_000), "x".repeat(8_000));
    expect(ratio, `2,000 / 8,000 blocks took ${times}`).toBeLessThan(MAX_GROWTH);
  });
});

describe("the chunker's output is bounded by its input", () => {
  it("cuts a table header cell of 100 KB to a short column name in every row", () => {
    const header = `| Service | ${"Network ".repeat(12_500)}|\n| --- | --- |\n`;
    const chunks = chunkPages([{ page: 1, text: `${header}${"| Visit | $5 |\n".repeat(1_000)}` }], { sentencesPerChunk: 5 });
    const text = chunks.map((c) => c.text).join("\n");
    expect(text.length).toBeLessThan(1_000 * 300);
    expect(chunks[0]?.text.startsWith("Visit — Network Network")).toBe(true);
  });

  it("refuses a document that would make more chunks than the budget, without making them all", () => {
    const error = (() => {
      try {
        chunkPages([{ page: 1, text: "1. ".repeat(1_000_000) }], { sentencesPerChunk: 5 });
      } catch (caught) {
        return caught;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(IngestionError);
    expect((error as IngestionError).code).toBe("too_many_chunks");
  });
});
