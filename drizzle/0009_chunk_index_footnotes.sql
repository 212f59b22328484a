DROP INDEX IF EXISTS "document_chunks_content_tsv_idx";--> statement-breakpoint
ALTER TABLE "document_chunks" DROP COLUMN "content_tsv";--> statement-breakpoint
ALTER TABLE "document_chunks" ADD COLUMN "content_tsv" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple', regexp_replace(context || ' ' || content, '([[:lower:]]{3})[0-9]{1,2}\M', '\1', 'g'))) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "document_chunks_content_tsv_idx" ON "document_chunks" USING gin ("content_tsv");
