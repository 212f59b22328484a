import { describe, expect, it } from "vitest";
import { vectorBinary } from "../../src/db/documents";

describe("vectorBinary", () => {
  it("writes pgvector's binary input: dimension, a reserved zero, then big-endian 32-bit floats", () => {
    const bytes = vectorBinary([1, -0.5]);
    expect([...bytes]).toEqual([0, 2, 0, 0, 0x3f, 0x80, 0, 0, 0xbf, 0, 0, 0]);
  });

  it("keeps every value of a 1536-d embedding as the 32-bit float the column stores", () => {
    const values = Array.from({ length: 1536 }, (_, i) => Math.sin(i) / 40);
    const view = new DataView(vectorBinary(values).buffer);
    expect(view.getInt16(0)).toBe(1536);
    expect(Array.from({ length: 1536 }, (_, i) => view.getFloat32(4 + 4 * i))).toEqual(values.map((value) => Math.fround(value)));
  });
});
