-- Names were unique in code only, so two simultaneous creations could both pass: keep the
-- first of any such pair as it is and number the others, so the index can be built.
UPDATE "teams" t SET "name" = t."name" || ' (' || d.n || ')' FROM (
  SELECT "id", row_number() OVER (PARTITION BY "workspace_id", lower("name") ORDER BY "created_at", "id") AS n FROM "teams"
) d WHERE d."id" = t."id" AND d.n > 1;--> statement-breakpoint
CREATE UNIQUE INDEX "teams_workspace_name_key" ON "teams" USING btree ("workspace_id",lower("name"));
