-- The Worker connects as insurance_app: it owns nothing, is no superuser and has no BYPASSRLS, so the policies below
-- bind it. Each request runs in a transaction that sets app.user_id with set_config(..., true); with no setting,
-- current_setting returns NULL, the policies compare to NULL and every row is hidden.
-- The role is created NOLOGIN; give it a password where it must log in (Neon): ALTER ROLE insurance_app LOGIN PASSWORD '...'.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'insurance_app') THEN
    CREATE ROLE insurance_app NOLOGIN NOBYPASSRLS;
  END IF;
END
$$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO insurance_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON users, documents, upload_jobs, document_chunks TO insurance_app;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_current_user_id() RETURNS uuid
  LANGUAGE sql STABLE
  AS $$ SELECT nullif(current_setting('app.user_id', true), '')::uuid $$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app_current_user_id() TO insurance_app;
--> statement-breakpoint
ALTER TABLE documents ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE documents FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY documents_owner ON documents FOR ALL
  USING (user_id = app_current_user_id()) WITH CHECK (user_id = app_current_user_id());
--> statement-breakpoint
ALTER TABLE upload_jobs ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE upload_jobs FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY upload_jobs_owner ON upload_jobs FOR ALL
  USING (user_id = app_current_user_id()) WITH CHECK (user_id = app_current_user_id());
--> statement-breakpoint
ALTER TABLE document_chunks ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE document_chunks FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY document_chunks_owner ON document_chunks FOR ALL
  USING (user_id = app_current_user_id()) WITH CHECK (user_id = app_current_user_id());
