import { describe, expect, it } from "vitest";
import { contentDisposition, fileHeaders } from "../../src/routes/document-file";

describe("fileHeaders", () => {
  const object = { size: 10, etag: '"e"' };

  it("offers a PDF inline as application/pdf", () => {
    const headers = fileHeaders({ filename: "sbc.pdf", contentType: "application/pdf" }, object);
    expect(headers["content-type"]).toBe("application/pdf");
    expect(headers["content-disposition"]).toMatch(/^inline;/);
  });

  it.each(["text/html", "text/plain", "text/markdown"])("makes %s an application/octet-stream attachment", (contentType) => {
    const headers = fileHeaders({ filename: "x", contentType }, object);
    expect(headers["content-type"]).toBe("application/octet-stream");
    expect(headers["content-disposition"]).toMatch(/^attachment;/);
  });
});

describe("contentDisposition", () => {
  it("keeps a quote, backslash or line break from leaving the quoted filename", () => {
    expect(contentDisposition("attachment", 'a"b\\c\r\nd.txt')).toBe(
      `attachment; filename="a_b_c__d.txt"; filename*=UTF-8''a%22b%5Cc%0D%0Ad.txt`,
    );
  });

  it("encodes characters RFC 8187 reserves", () => {
    expect(contentDisposition("inline", "it's (1)*.pdf")).toBe(`inline; filename="it's (1)*.pdf"; filename*=UTF-8''it%27s%20%281%29%2A.pdf`);
  });
});
