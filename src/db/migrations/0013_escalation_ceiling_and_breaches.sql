-- Issue 14: an escalation keeps one task for a person (updated and handed up, never one per level),
-- stops at the top of the organisation (when it got there, its next reminder), and records the
-- promises broken while it was open.
ALTER TABLE "escalations" ADD COLUMN "task_id" uuid;--> statement-breakpoint
ALTER TABLE "escalations" ADD COLUMN "overdue_at_top_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "escalations" ADD COLUMN "remind_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "escalations" ADD COLUMN "breaches" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "escalations" ADD CONSTRAINT "escalations_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "escalations_task_idx" ON "escalations" USING btree ("task_id");