-- Rows stored before this migration: their content hash is their bytes' hash (the only one known),
-- and their attachments' original name is the name they were stored under.
ALTER TABLE "email_attachments" ADD COLUMN "original_filename" text;--> statement-breakpoint
UPDATE "email_attachments" SET "original_filename" = "filename";--> statement-breakpoint
ALTER TABLE "email_attachments" ALTER COLUMN "original_filename" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "inbound_emails" ADD COLUMN "content_sha256" text;--> statement-breakpoint
UPDATE "inbound_emails" SET "content_sha256" = "sha256";--> statement-breakpoint
ALTER TABLE "inbound_emails" ALTER COLUMN "content_sha256" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "inbound_emails" ADD COLUMN "message_id_reused_of" uuid;--> statement-breakpoint
DROP INDEX "inbound_emails_workspace_message_id_key";--> statement-breakpoint
CREATE UNIQUE INDEX "inbound_emails_workspace_message_id_content_key" ON "inbound_emails" USING btree ("workspace_id","message_id_header","content_sha256") WHERE message_id_header is not null;
