CREATE TABLE "acquisition_costs" (
	"workspace_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"cost_per_customer" numeric(14, 2) NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "acquisition_costs_workspace_id_channel_pk" PRIMARY KEY("workspace_id","channel")
);
--> statement-breakpoint
CREATE TABLE "customer_months" (
	"workspace_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"month" date NOT NULL,
	CONSTRAINT "customer_months_workspace_id_customer_id_month_pk" PRIMARY KEY("workspace_id","customer_id","month")
);
--> statement-breakpoint
CREATE TABLE "customer_scores" (
	"workspace_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"x" integer NOT NULL,
	"t_x" integer NOT NULL,
	"t" integer NOT NULL,
	"monetary" double precision NOT NULL,
	"expected_purchases" double precision NOT NULL,
	"p_alive" double precision NOT NULL,
	"expected_spend" double precision NOT NULL,
	"clv" double precision NOT NULL,
	"risk" integer NOT NULL,
	"risk_reasons" jsonb NOT NULL,
	"value_at_risk" double precision NOT NULL,
	"computed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "customer_scores_workspace_id_customer_id_pk" PRIMARY KEY("workspace_id","customer_id")
);
--> statement-breakpoint
CREATE TABLE "customer_value" (
	"workspace_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"first_day" date NOT NULL,
	"second_day" date,
	"last_day" date NOT NULL,
	"purchase_days" integer NOT NULL,
	"orders" integer NOT NULL,
	"revenue" numeric(16, 2) NOT NULL,
	"repeat_revenue" numeric(16, 2) NOT NULL,
	"acquisition_channel" text,
	"acquisition_product" text,
	CONSTRAINT "customer_value_workspace_id_customer_id_pk" PRIMARY KEY("workspace_id","customer_id")
);
--> statement-breakpoint
CREATE TABLE "imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"format" text NOT NULL,
	"source" text NOT NULL,
	"status" text NOT NULL,
	"created_by" uuid,
	"report" jsonb,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "purchases" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "purchases_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"workspace_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"order_id" text,
	"occurred_at" timestamp with time zone NOT NULL,
	"amount" numeric(14, 2) NOT NULL,
	"product" text,
	"channel" text,
	"row_hash" text NOT NULL,
	"import_id" uuid
);
--> statement-breakpoint
CREATE TABLE "retention_rollups" (
	"workspace_id" uuid NOT NULL,
	"name" text NOT NULL,
	"data" jsonb NOT NULL,
	"computed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "retention_rollups_workspace_id_name_pk" PRIMARY KEY("workspace_id","name")
);
--> statement-breakpoint
CREATE TABLE "retention_settings" (
	"workspace_id" uuid PRIMARY KEY NOT NULL,
	"settings" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "acquired_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "acquisition_channel" text;--> statement-breakpoint
ALTER TABLE "acquisition_costs" ADD CONSTRAINT "acquisition_costs_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_scores" ADD CONSTRAINT "customer_scores_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_value" ADD CONSTRAINT "customer_value_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "imports" ADD CONSTRAINT "imports_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "imports" ADD CONSTRAINT "imports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "purchases" ADD CONSTRAINT "purchases_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "purchases" ADD CONSTRAINT "purchases_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "purchases" ADD CONSTRAINT "purchases_import_id_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."imports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_rollups" ADD CONSTRAINT "retention_rollups_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_settings" ADD CONSTRAINT "retention_settings_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "customer_scores_value_at_risk_idx" ON "customer_scores" USING btree ("workspace_id","value_at_risk" desc);--> statement-breakpoint
CREATE INDEX "customer_value_first_idx" ON "customer_value" USING btree ("workspace_id","first_day");--> statement-breakpoint
CREATE INDEX "imports_workspace_idx" ON "imports" USING btree ("workspace_id","started_at");--> statement-breakpoint
CREATE UNIQUE INDEX "purchases_workspace_row_hash_key" ON "purchases" USING btree ("workspace_id","row_hash");--> statement-breakpoint
CREATE INDEX "purchases_customer_idx" ON "purchases" USING btree ("workspace_id","customer_id","occurred_at");