import { z } from "zod";

/** The only message on the ingest queue. Validated on receipt: a malformed message is acknowledged and logged, not retried. */
export const IngestMessageSchema = z.object({
  type: z.literal("ingest"),
  jobId: z.uuid(),
  documentId: z.uuid(),
  userId: z.uuid(),
});

export type IngestMessage = z.infer<typeof IngestMessageSchema>;

/** What ingestion needs of the ingest queue: the Worker's `Queue` binding, or a test's stand-in. */
export interface IngestQueue {
  send(message: IngestMessage): Promise<unknown>;
}
