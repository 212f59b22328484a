/** Seeds chunks straight into the database, embedded by the configured provider: large or exact corpora, fast. */
import { env } from "cloudflare:workers";
import { readConfig } from "../../src/config";
import { asUser } from "../../src/db/client";
import { createDocumentWithJob, replaceChunks, setDocumentStatus } from "../../src/db/documents";
import { createEmbeddingProvider } from "../../src/providers/embeddings";
import { withDatabase } from "./worker-db";

/** One document of `texts`, one chunk each, all on page 1 unless `pages` says otherwise; returns its id. */
export async function seedDocument(userId: string, texts: string[], pages: number[] = []): Promise<string> {
  const embedder = createEmbeddingProvider(env, readConfig(env));
  const embeddings = await embedder.embed(texts);
  const documentId = crypto.randomUUID();
  await withDatabase((db) =>
    asUser(db, userId, async (tx) => {
      await createDocumentWithJob(tx, {
        id: documentId,
        userId,
        filename: "seeded.txt",
        contentType: "text/plain",
        sizeBytes: 1,
        sha256: crypto.randomUUID(),
        r2Key: `seeded/${documentId}`,
      });
      await replaceChunks(tx, {
        documentId,
        userId,
        chunks: texts.map((text, index) => ({ index, text, pageStart: pages[index] ?? 1, pageEnd: pages[index] ?? 1, context: "" })),
        embeddings,
      });
      // Search reads ready documents only, as ingestion leaves them.
      await setDocumentStatus(tx, documentId, "ready", { pages: Math.max(1, ...pages), chunks: texts.length });
    }),
  );
  return documentId;
}
