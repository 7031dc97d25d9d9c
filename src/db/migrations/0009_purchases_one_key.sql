CREATE UNIQUE INDEX "customers_workspace_id_key" ON "customers" USING btree ("workspace_id","id");--> statement-breakpoint
-- One key per purchase instead of three (workspace, customer, import): the checks were half of an import's insert time.
ALTER TABLE "purchases" DROP CONSTRAINT "purchases_workspace_id_workspaces_id_fk";--> statement-breakpoint
ALTER TABLE "purchases" DROP CONSTRAINT "purchases_customer_id_customers_id_fk";--> statement-breakpoint
ALTER TABLE "purchases" DROP CONSTRAINT "purchases_import_id_imports_id_fk";--> statement-breakpoint
ALTER TABLE "purchases" ADD CONSTRAINT "purchases_customer_fk" FOREIGN KEY ("workspace_id","customer_id") REFERENCES "public"."customers"("workspace_id","id") ON DELETE no action ON UPDATE no action;
