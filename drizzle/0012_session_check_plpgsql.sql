-- auth_session_active (drizzle/0003) in PL/pgSQL, so its query is planned once per connection (BENCHMARKS.md, "Issue
-- 10, session 16"). Every authenticated request asks it, and every member transaction of a read, a search or a chat
-- turn carries it in its first statement (src/db/one-shot.ts). As a SQL function that is SECURITY DEFINER and has a
-- SET clause it is never inlined, and PostgreSQL (before 18) parses and plans a SQL function's body again in every
-- statement that calls it: measured on PostgreSQL 15 with pg_stat_statements, the first statement of a chat turn's
-- transaction took 165-175 µs of the server's time, 27-32 µs with this function (called once, see one-shot.ts).
--
-- Same signature, result, owner and settings (STABLE, SECURITY DEFINER, the same search_path), so CREATE OR REPLACE
-- keeps its grants and the Worker calls it as before; it may be applied before or after the Worker that calls it once.
CREATE OR REPLACE FUNCTION auth_session_active(p_user_id uuid, p_session_id uuid) RETURNS boolean
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
  AS $$
BEGIN
  RETURN EXISTS (SELECT 1 FROM public.auth_sessions s
                 WHERE s.id = p_session_id AND s.user_id = p_user_id
                   AND s.revoked_at IS NULL AND s.expires_at > now());
END
$$;
