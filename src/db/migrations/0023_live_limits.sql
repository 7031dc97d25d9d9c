-- Hand-written (issue 16, live desk): a person's open push streams (GET /api/v1/live) end when their
-- access does, on every instance, whichever path ended it (logout, a session or token removed, the person
-- deactivated). NOTIFY kept_access {"u": user} at commit; each instance's streams of that person ask
-- again whether their own credentials still hold, and the ones that do not are closed.
CREATE FUNCTION kept_notify_access_removed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('kept_access', json_build_object('u', g.user_id)::text)
  FROM (SELECT DISTINCT user_id FROM gone) AS g;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER sessions_notify_access AFTER DELETE ON sessions REFERENCING OLD TABLE AS gone
  FOR EACH STATEMENT EXECUTE FUNCTION kept_notify_access_removed();--> statement-breakpoint
CREATE TRIGGER api_tokens_notify_access AFTER DELETE ON api_tokens REFERENCING OLD TABLE AS gone
  FOR EACH STATEMENT EXECUTE FUNCTION kept_notify_access_removed();--> statement-breakpoint
CREATE FUNCTION kept_notify_user_deactivated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('kept_access', json_build_object('u', n.id)::text)
  FROM new_users AS n JOIN old_users AS o ON o.id = n.id
  WHERE o.active AND NOT n.active;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER users_notify_access AFTER UPDATE ON users REFERENCING OLD TABLE AS old_users NEW TABLE AS new_users
  FOR EACH STATEMENT EXECUTE FUNCTION kept_notify_user_deactivated();
