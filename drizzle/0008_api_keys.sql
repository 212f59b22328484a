CREATE TABLE "api_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"name" text NOT NULL,
	"prefix" text NOT NULL,
	"key_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	CONSTRAINT "api_keys_key_hash_unique" UNIQUE("key_hash")
);
--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "api_keys_user_id_idx" ON "api_keys" USING btree ("user_id");--> statement-breakpoint
-- Like the auth tables (0003): ENABLE without FORCE, so the SECURITY DEFINER lookup below (run as the owner) sees
-- every key, while the app role sees only its own user's rows.
GRANT SELECT, INSERT, DELETE ON api_keys TO insurance_app;
--> statement-breakpoint
ALTER TABLE api_keys ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY api_keys_owner ON api_keys FOR ALL
  USING (user_id = app_current_user_id()) WITH CHECK (user_id = app_current_user_id());
--> statement-breakpoint
-- A request with an API key carries only the key; this names its user (and email) in one round trip, and records
-- the use at most once a minute so a busy client does not write on every request.
CREATE OR REPLACE FUNCTION auth_api_key_user(p_key_hash text)
  RETURNS TABLE (user_id uuid, email text)
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
  AS $$
  BEGIN
    UPDATE public.api_keys k SET last_used_at = now()
      WHERE k.key_hash = p_key_hash AND (k.last_used_at IS NULL OR k.last_used_at < now() - interval '60 seconds');
    RETURN QUERY SELECT k.user_id, u.email FROM public.api_keys k JOIN public.users u ON u.id = k.user_id
      WHERE k.key_hash = p_key_hash;
  END
  $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION auth_api_key_user(text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION auth_api_key_user(text) TO insurance_app;
