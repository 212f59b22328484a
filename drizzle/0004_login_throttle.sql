CREATE TABLE "login_throttle" (
	"key" text PRIMARY KEY NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"last_attempt_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
-- Throttle rows hold only hashed keys and counts and belong to no user; the app role reads and writes them directly.
GRANT SELECT, INSERT, UPDATE, DELETE ON login_throttle TO insurance_app;
