CREATE TABLE "notice_reads" (
	"workspace_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"seen_event_id" bigint NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notice_reads_workspace_id_user_id_pk" PRIMARY KEY("workspace_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "notice_reads" ADD CONSTRAINT "notice_reads_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notice_reads" ADD CONSTRAINT "notice_reads_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Hand-written (issue 16, live desk): every appended event is announced to every Kept instance by
-- NOTIFY, whichever code path wrote it (intake's raw statement, a job, a command). One notice per
-- case and type per statement (a statement's rows are gathered); NOTIFY is sent at commit, never for
-- a rolled-back write. The payload says what changed, never the data: {"w": workspace, "c": case, "k": type}.
CREATE FUNCTION kept_notify_events() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('kept_changes', n.payload)
  FROM (
    SELECT DISTINCT json_build_object('w', workspace_id, 'c', case_id, 'k', type)::text AS payload FROM new_events
  ) AS n;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER events_notify AFTER INSERT ON events REFERENCING NEW TABLE AS new_events
  FOR EACH STATEMENT EXECUTE FUNCTION kept_notify_events();
