ALTER TABLE "attachments" ADD COLUMN "document_name" text;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "fees" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "result_handover" jsonb;