ALTER TABLE "cases" ADD COLUMN "complaint_kind" text;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "complaint_source" text;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "complaint_reason" text;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "complaint_marked_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "complaint_unmarked_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "cases_complaint_idx" ON "cases" USING btree ("workspace_id","created_at") WHERE is_complaint;