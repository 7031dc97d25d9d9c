-- The tables intake writes reach their workspace through their case's and customer's keys
-- instead of a key to the workspace row each, which every concurrent write locked; external-id
-- keys index only the rows that have one (docs/BENCHMARKS.md, "Core desk").
ALTER TABLE "acknowledgements" DROP CONSTRAINT "acknowledgements_workspace_id_workspaces_id_fk";
--> statement-breakpoint
ALTER TABLE "acknowledgements" DROP CONSTRAINT "acknowledgements_case_id_cases_id_fk";
--> statement-breakpoint
ALTER TABLE "cases" DROP CONSTRAINT "cases_workspace_id_workspaces_id_fk";
--> statement-breakpoint
ALTER TABLE "cases" DROP CONSTRAINT "cases_customer_id_customers_id_fk";
--> statement-breakpoint
ALTER TABLE "events" DROP CONSTRAINT "events_workspace_id_workspaces_id_fk";
--> statement-breakpoint
ALTER TABLE "events" DROP CONSTRAINT "events_case_id_cases_id_fk";
--> statement-breakpoint
ALTER TABLE "events" DROP CONSTRAINT "events_customer_id_customers_id_fk";
--> statement-breakpoint
ALTER TABLE "messages" DROP CONSTRAINT "messages_workspace_id_workspaces_id_fk";
--> statement-breakpoint
ALTER TABLE "messages" DROP CONSTRAINT "messages_case_id_cases_id_fk";
--> statement-breakpoint
ALTER TABLE "messages" DROP CONSTRAINT "messages_customer_id_customers_id_fk";
--> statement-breakpoint
ALTER TABLE "promises" DROP CONSTRAINT "promises_workspace_id_workspaces_id_fk";
--> statement-breakpoint
ALTER TABLE "promises" DROP CONSTRAINT "promises_case_id_cases_id_fk";
--> statement-breakpoint
ALTER TABLE "promises" DROP CONSTRAINT "promises_customer_id_customers_id_fk";
--> statement-breakpoint
DROP INDEX "customers_workspace_external_key";
--> statement-breakpoint
DROP INDEX "messages_workspace_external_key";
--> statement-breakpoint
-- The indexes first: the composite keys below point at cases (workspace_id, id).
CREATE UNIQUE INDEX "cases_workspace_id_key" ON "cases" USING btree ("workspace_id","id");
--> statement-breakpoint
CREATE UNIQUE INDEX "customers_workspace_external_key" ON "customers" USING btree ("workspace_id","external_id") WHERE external_id is not null;
--> statement-breakpoint
CREATE UNIQUE INDEX "messages_workspace_external_key" ON "messages" USING btree ("workspace_id","external_id") WHERE external_id is not null;
--> statement-breakpoint
ALTER TABLE "acknowledgements" ADD CONSTRAINT "acknowledgements_case_fk" FOREIGN KEY ("workspace_id","case_id") REFERENCES "public"."cases"("workspace_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_customer_fk" FOREIGN KEY ("workspace_id","customer_id") REFERENCES "public"."customers"("workspace_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_case_fk" FOREIGN KEY ("workspace_id","case_id") REFERENCES "public"."cases"("workspace_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_customer_fk" FOREIGN KEY ("workspace_id","customer_id") REFERENCES "public"."customers"("workspace_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_case_fk" FOREIGN KEY ("workspace_id","case_id") REFERENCES "public"."cases"("workspace_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_customer_fk" FOREIGN KEY ("workspace_id","customer_id") REFERENCES "public"."customers"("workspace_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "promises" ADD CONSTRAINT "promises_case_fk" FOREIGN KEY ("workspace_id","case_id") REFERENCES "public"."cases"("workspace_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "promises" ADD CONSTRAINT "promises_customer_fk" FOREIGN KEY ("workspace_id","customer_id") REFERENCES "public"."customers"("workspace_id","id") ON DELETE no action ON UPDATE no action;
