ALTER TABLE "upload_jobs" ADD COLUMN "lease_id" uuid;--> statement-breakpoint
ALTER TABLE "upload_jobs" ADD COLUMN "lease_expires_at" timestamp with time zone;