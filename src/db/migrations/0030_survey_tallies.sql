CREATE TABLE "survey_tallies" (
	"workspace_id" uuid NOT NULL,
	"grain" text NOT NULL,
	"day" date NOT NULL,
	"kind" text NOT NULL,
	"dim" text NOT NULL,
	"key" text NOT NULL,
	"surveys" integer DEFAULT 0 NOT NULL,
	"sent" integer DEFAULT 0 NOT NULL,
	"s0" integer DEFAULT 0 NOT NULL,
	"s1" integer DEFAULT 0 NOT NULL,
	"s2" integer DEFAULT 0 NOT NULL,
	"s3" integer DEFAULT 0 NOT NULL,
	"s4" integer DEFAULT 0 NOT NULL,
	"s5" integer DEFAULT 0 NOT NULL,
	"s6" integer DEFAULT 0 NOT NULL,
	"s7" integer DEFAULT 0 NOT NULL,
	"s8" integer DEFAULT 0 NOT NULL,
	"s9" integer DEFAULT 0 NOT NULL,
	"s10" integer DEFAULT 0 NOT NULL,
	"effort_sum" integer DEFAULT 0 NOT NULL,
	"effort_count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "survey_tallies_workspace_id_grain_day_kind_dim_key_pk" PRIMARY KEY("workspace_id","grain","day","kind","dim","key")
);
--> statement-breakpoint
ALTER TABLE "survey_tallies" ADD CONSTRAINT "survey_tallies_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "survey_requests_comments_idx" ON "survey_requests" USING btree ("workspace_id","answered_at") WHERE comment <> '';--> statement-breakpoint
-- Back-fill (hand-written): the tally of every survey decided so far, counted from the facts as
-- rebuildSurveyTallies (src/surveys/survey-tally.ts) counts them, then the months summed from the
-- days; tests/integration/survey-tally.test.ts checks that these statements and the function agree.
INSERT INTO "survey_tallies" (workspace_id, grain, day, kind, dim, key, surveys, sent, s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10, effort_sum, effort_count)
select p.workspace_id, 'day' as grain, (p.occurred_at at time zone 'UTC')::date as day, p.data->>'kind' as kind,
    d.dim, d.key, count(*)::int as surveys, count(*) filter (where p.type = 'survey.sent')::int as sent,
    count(*) filter (where a.score = 0)::int, count(*) filter (where a.score = 1)::int,
    count(*) filter (where a.score = 2)::int, count(*) filter (where a.score = 3)::int,
    count(*) filter (where a.score = 4)::int, count(*) filter (where a.score = 5)::int,
    count(*) filter (where a.score = 6)::int, count(*) filter (where a.score = 7)::int,
    count(*) filter (where a.score = 8)::int, count(*) filter (where a.score = 9)::int,
    count(*) filter (where a.score = 10)::int,
    coalesce(sum(a.effort), 0)::int as effort_sum, count(a.effort)::int as effort_count
  from (select distinct on (e.data->>'surveyId') e.workspace_id, e.type, e.occurred_at, e.data from events e
    where e.type in ('survey.sent', 'survey.skipped')
    order by e.data->>'surveyId', e.id desc) p
  left join survey_requests a on a.id = (p.data->>'surveyId')::uuid and a.workspace_id = p.workspace_id
    and p.type = 'survey.sent' and a.score is not null
  cross join lateral (values ('all', 'all'), ('team', coalesce(p.data->>'teamId', '')),
    ('owner', coalesce(p.data->>'ownerId', '')), ('channel', p.data->>'channel'),
    ('language', coalesce(p.data->>'language', '')), ('caseKind', coalesce(p.data->>'caseKind', '')),
    ('skipped', case when p.type = 'survey.skipped' then p.data->>'reason' end)) d(dim, key)
  where d.key is not null
  group by p.workspace_id, 3, 4, d.dim, d.key;
--> statement-breakpoint
INSERT INTO "survey_tallies" (workspace_id, grain, day, kind, dim, key, surveys, sent, s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10, effort_sum, effort_count)
select workspace_id, 'month', date_trunc('month', day)::date, kind, dim, key, sum(surveys)::int, sum(sent)::int,
    sum(s0)::int, sum(s1)::int, sum(s2)::int, sum(s3)::int, sum(s4)::int, sum(s5)::int, sum(s6)::int, sum(s7)::int,
    sum(s8)::int, sum(s9)::int, sum(s10)::int, sum(effort_sum)::int, sum(effort_count)::int
  from survey_tallies where grain = 'day'
  group by workspace_id, date_trunc('month', day)::date, kind, dim, key;
--> statement-breakpoint
-- The reports' plans need the new table's statistics at once, not at autovacuum's next pass.
ANALYZE "survey_tallies";
