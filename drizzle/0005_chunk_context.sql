ALTER TABLE "document_chunks" ADD COLUMN "context" text DEFAULT '' NOT NULL;--> statement-breakpoint
DROP INDEX IF EXISTS "document_chunks_content_tsv_idx";--> statement-breakpoint
ALTER TABLE "document_chunks" DROP COLUMN "content_tsv";--> statement-breakpoint
ALTER TABLE "document_chunks" ADD COLUMN "content_tsv" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple', context || ' ' || content)) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "document_chunks_content_tsv_idx" ON "document_chunks" USING gin ("content_tsv");
