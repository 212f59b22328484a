import { describe, expect, it } from "vitest";
import { fusedScore, RRF_K } from "../../src/retrieval/fusion";

describe("fusedScore", () => {
  it("adds each leg's reciprocal rank, the vector leg's times its weight", () => {
    expect(fusedScore(1, 3, 0.5)).toBeCloseTo(0.5 / (RRF_K + 1) + 1 / (RRF_K + 3), 12);
  });

  it("ranks a passage both legs found above one only a single leg found at the same rank", () => {
    expect(fusedScore(2, 2, 1)).toBeGreaterThan(fusedScore(2, null, 1));
    expect(fusedScore(2, 2, 1)).toBeGreaterThan(fusedScore(null, 2, 1));
  });

  it("gives a vector-only passage nothing when the vector weight is 0", () => {
    expect(fusedScore(1, null, 0)).toBe(0);
    expect(fusedScore(1, 4, 0)).toBe(1 / (RRF_K + 4));
  });

  it("lets a heavier vector leg put its first passage above the keyword leg's first", () => {
    expect(fusedScore(1, null, 1.5)).toBeGreaterThan(fusedScore(null, 1, 1.5));
    expect(fusedScore(1, null, 0.5)).toBeLessThan(fusedScore(null, 1, 0.5));
  });
});
