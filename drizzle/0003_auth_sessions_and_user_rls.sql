CREATE TABLE "auth_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_reason" text
);
--> statement-breakpoint
CREATE TABLE "refresh_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	CONSTRAINT "refresh_tokens_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
ALTER TABLE "auth_sessions" ADD CONSTRAINT "auth_sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "refresh_tokens" ADD CONSTRAINT "refresh_tokens_session_id_auth_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."auth_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "refresh_tokens" ADD CONSTRAINT "refresh_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "auth_sessions_user_id_idx" ON "auth_sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "refresh_tokens_session_id_idx" ON "refresh_tokens" USING btree ("session_id");--> statement-breakpoint
CREATE INDEX "refresh_tokens_user_id_idx" ON "refresh_tokens" USING btree ("user_id");--> statement-breakpoint
-- Password hashes leave the database through one door: auth_login_lookup(email), used only by login. The app role may
-- read only the public columns of users, and only its own row (app.user_id), so no query it can write lists accounts
-- or their hashes.
-- The auth tables ENABLE row-level security without FORCE: the SECURITY DEFINER functions below run as the table
-- owner (the migration role, which on Neon and in CI is not a superuser), and FORCE would bind the owner too and
-- hide every row from them. insurance_app owns nothing, so ENABLE is enough to bind it.
ALTER TABLE users ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY users_self ON users FOR ALL
  USING (id = app_current_user_id()) WITH CHECK (id = app_current_user_id());
--> statement-breakpoint
REVOKE ALL ON users FROM insurance_app;
--> statement-breakpoint
GRANT SELECT (id, email, created_at) ON users TO insurance_app;
--> statement-breakpoint
GRANT INSERT (id, email, password_hash, password_salt, password_iterations, created_at) ON users TO insurance_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON auth_sessions, refresh_tokens TO insurance_app;
--> statement-breakpoint
ALTER TABLE auth_sessions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY auth_sessions_owner ON auth_sessions FOR ALL
  USING (user_id = app_current_user_id()) WITH CHECK (user_id = app_current_user_id());
--> statement-breakpoint
ALTER TABLE refresh_tokens ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY refresh_tokens_owner ON refresh_tokens FOR ALL
  USING (user_id = app_current_user_id()) WITH CHECK (user_id = app_current_user_id());
--> statement-breakpoint
-- Login knows an email, not a user id, so it cannot pass the users policy; this returns exactly what checking one
-- password needs, for one exact email. search_path is pinned so a caller cannot shadow a table with its own.
CREATE OR REPLACE FUNCTION auth_login_lookup(p_email text)
  RETURNS TABLE (user_id uuid, password_hash text, password_salt text, password_iterations integer)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
  AS $$ SELECT u.id, u.password_hash, u.password_salt, u.password_iterations FROM public.users u WHERE u.email = p_email $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION auth_login_lookup(text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION auth_login_lookup(text) TO insurance_app;
--> statement-breakpoint
-- A refresh request carries only the token; this names its owner so the rest runs under that user's policies.
CREATE OR REPLACE FUNCTION auth_refresh_token_owner(p_token_hash text) RETURNS uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
  AS $$ SELECT t.user_id FROM public.refresh_tokens t WHERE t.token_hash = p_token_hash $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION auth_refresh_token_owner(text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION auth_refresh_token_owner(text) TO insurance_app;
--> statement-breakpoint
-- Asked on every authenticated request, in one round trip and without a transaction: does this user still have this
-- session open? Deleting a user deletes its sessions (cascade), so an unknown user answers false too.
CREATE OR REPLACE FUNCTION auth_session_active(p_user_id uuid, p_session_id uuid) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
  AS $$ SELECT EXISTS (SELECT 1 FROM public.auth_sessions s
                       WHERE s.id = p_session_id AND s.user_id = p_user_id
                         AND s.revoked_at IS NULL AND s.expires_at > now()) $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION auth_session_active(uuid, uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION auth_session_active(uuid, uuid) TO insurance_app;
