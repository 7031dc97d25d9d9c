CREATE TABLE "case_tally" (
	"workspace_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"month" date NOT NULL,
	"cases" integer NOT NULL,
	"complaints" integer NOT NULL,
	CONSTRAINT "case_tally_workspace_id_customer_id_month_pk" PRIMARY KEY("workspace_id","customer_id","month")
);
--> statement-breakpoint
CREATE TABLE "case_tally_days" (
	"workspace_id" uuid NOT NULL,
	"day" date NOT NULL,
	"latest" integer NOT NULL,
	CONSTRAINT "case_tally_days_workspace_id_day_pk" PRIMARY KEY("workspace_id","day")
);
--> statement-breakpoint
CREATE TABLE "case_tally_months" (
	"workspace_id" uuid NOT NULL,
	"month" date NOT NULL,
	"complaints" integer NOT NULL,
	"customers" integer NOT NULL,
	CONSTRAINT "case_tally_months_workspace_id_month_pk" PRIMARY KEY("workspace_id","month")
);
--> statement-breakpoint
DROP INDEX "cases_complaint_idx";--> statement-breakpoint
CREATE INDEX "cases_complaint_idx" ON "cases" USING btree ("workspace_id","created_at","status","customer_id","channel","complaint_kind","complaint_source") WHERE is_complaint;--> statement-breakpoint
-- Hand-written (issue 15): the case tally kept by triggers on `cases`, whichever code path writes a
-- case (intake's raw statement, a complaint mark, the demo, a bulk insert). See src/db/schema-case-tally.ts.
-- The recomputation from the cases: the back-fill below, `kept retention` repairs and the tests' check.
CREATE FUNCTION kept_case_tally_rebuild(ws uuid) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  -- Writers wait (their increments then land on the rebuilt counts, which did not see their cases).
  LOCK TABLE case_tally, case_tally_months, case_tally_days IN EXCLUSIVE MODE;
  DELETE FROM case_tally WHERE workspace_id = ws;
  DELETE FROM case_tally_months WHERE workspace_id = ws;
  DELETE FROM case_tally_days WHERE workspace_id = ws;
  INSERT INTO case_tally (workspace_id, customer_id, month, cases, complaints)
  SELECT ws, customer_id, date_trunc('month', created_at AT TIME ZONE 'UTC')::date, count(*),
    count(*) FILTER (WHERE is_complaint)
  FROM cases WHERE workspace_id = ws GROUP BY 2, 3;
  INSERT INTO case_tally_months (workspace_id, month, complaints, customers)
  SELECT ws, month, sum(complaints), count(*) FROM case_tally WHERE workspace_id = ws GROUP BY 2;
  INSERT INTO case_tally_days (workspace_id, day, latest)
  SELECT ws, day, count(*) FROM (
    SELECT (max(created_at) AT TIME ZONE 'UTC')::date AS day FROM cases WHERE workspace_id = ws GROUP BY customer_id
  ) l GROUP BY day;
END
$$;--> statement-breakpoint
CREATE FUNCTION kept_case_tally_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM new_cases) THEN
    RETURN NULL;
  END IF;
  -- One inserting statement per workspace at a time, to commit: the moves of a customer's latest
  -- case day below read the cases committed before this statement (each statement of this function
  -- reads afresh), and two inserts for one customer must not both move it from the same day.
  PERFORM pg_advisory_xact_lock(hashtext('case_tally'), hashtext(w::text))
  FROM (SELECT DISTINCT workspace_id AS w FROM new_cases ORDER BY 1) s;
  WITH b AS (
    SELECT workspace_id, customer_id, max(created_at) AS latest FROM new_cases GROUP BY 1, 2
  ), before AS (
    SELECT c.workspace_id, c.customer_id, max(c.created_at) AS latest
    FROM b JOIN cases c ON c.customer_id = b.customer_id AND c.workspace_id = b.workspace_id
    WHERE NOT EXISTS (SELECT 1 FROM new_cases n WHERE n.id = c.id)
    GROUP BY 1, 2
  ), moves AS (
    SELECT b.workspace_id, (a.latest AT TIME ZONE 'UTC')::date AS day, -1 AS d
    FROM b JOIN before a USING (workspace_id, customer_id) WHERE b.latest > a.latest
    UNION ALL
    SELECT b.workspace_id, (b.latest AT TIME ZONE 'UTC')::date, 1
    FROM b LEFT JOIN before a USING (workspace_id, customer_id) WHERE a.latest IS NULL OR b.latest > a.latest
  )
  INSERT INTO case_tally_days AS t (workspace_id, day, latest)
  SELECT workspace_id, day, sum(d) FROM moves GROUP BY 1, 2 HAVING sum(d) <> 0
  ON CONFLICT (workspace_id, day) DO UPDATE SET latest = t.latest + excluded.latest;
  WITH b AS (
    SELECT workspace_id, customer_id, date_trunc('month', created_at AT TIME ZONE 'UTC')::date AS month,
      count(*)::int AS cases, (count(*) FILTER (WHERE is_complaint))::int AS complaints
    FROM new_cases GROUP BY 1, 2, 3
  ), up AS (
    INSERT INTO case_tally AS t (workspace_id, customer_id, month, cases, complaints)
    SELECT workspace_id, customer_id, month, cases, complaints FROM b
    ON CONFLICT (workspace_id, customer_id, month) DO UPDATE
      SET cases = t.cases + excluded.cases, complaints = t.complaints + excluded.complaints
    -- xmax is 0 on a row this statement inserted: the customer's first case of that month.
    RETURNING t.workspace_id, t.month, (t.xmax = 0) AS inserted
  ), m AS (
    SELECT workspace_id, month, sum(complaints)::int AS complaints, 0 AS customers FROM b GROUP BY 1, 2
    UNION ALL
    SELECT workspace_id, month, 0, count(*)::int FROM up WHERE inserted GROUP BY 1, 2
  )
  INSERT INTO case_tally_months AS t (workspace_id, month, complaints, customers)
  SELECT workspace_id, month, sum(complaints), sum(customers) FROM m GROUP BY 1, 2
  ON CONFLICT (workspace_id, month) DO UPDATE
    SET complaints = t.complaints + excluded.complaints, customers = t.customers + excluded.customers;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER cases_tally_insert AFTER INSERT ON cases REFERENCING NEW TABLE AS new_cases
  FOR EACH STATEMENT EXECUTE FUNCTION kept_case_tally_insert();--> statement-breakpoint
-- A mark or unmark (mark-complaint.ts): one row, and only when the mark changed (the WHEN is checked
-- without calling the function, so intake's updates of its cases cost nothing here). Increments only:
-- no lock needed.
CREATE FUNCTION kept_case_tally_mark() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  d int := CASE WHEN NEW.is_complaint THEN 1 ELSE -1 END;
  m date := date_trunc('month', NEW.created_at AT TIME ZONE 'UTC')::date;
BEGIN
  UPDATE case_tally SET complaints = complaints + d
  WHERE workspace_id = NEW.workspace_id AND customer_id = NEW.customer_id AND month = m;
  UPDATE case_tally_months SET complaints = complaints + d WHERE workspace_id = NEW.workspace_id AND month = m;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER cases_tally_mark AFTER UPDATE OF is_complaint ON cases
  FOR EACH ROW WHEN (OLD.is_complaint IS DISTINCT FROM NEW.is_complaint) EXECUTE FUNCTION kept_case_tally_mark();--> statement-breakpoint
-- No code moves a case to another customer, workspace or opening time; the tally counts by them, so
-- such a change is refused rather than left to make the figures silently wrong.
CREATE FUNCTION kept_case_tally_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'cases.workspace_id, customer_id and created_at are fixed: the case tally counts by them';
END
$$;--> statement-breakpoint
CREATE TRIGGER cases_tally_fixed AFTER UPDATE OF workspace_id, customer_id, created_at ON cases
  FOR EACH ROW WHEN (OLD.workspace_id IS DISTINCT FROM NEW.workspace_id OR OLD.customer_id IS DISTINCT FROM NEW.customer_id
    OR OLD.created_at IS DISTINCT FROM NEW.created_at)
  EXECUTE FUNCTION kept_case_tally_refuse();--> statement-breakpoint
-- Back-fill: the cases already there.
SELECT kept_case_tally_rebuild(id) FROM workspaces;
