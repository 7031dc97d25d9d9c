CREATE TABLE "import_created_customers" (
	"import_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	CONSTRAINT "import_created_customers_import_id_customer_id_pk" PRIMARY KEY("import_id","customer_id")
);
--> statement-breakpoint
ALTER TABLE "import_uploads" ADD COLUMN "cancel_requested_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "import_uploads" ADD COLUMN "purchases_after" bigint;--> statement-breakpoint
ALTER TABLE "import_created_customers" ADD CONSTRAINT "import_created_customers_import_id_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."imports"("id") ON DELETE cascade ON UPDATE no action;