ALTER TABLE "procedure_versions" RENAME COLUMN "duration_days" TO "duration";--> statement-breakpoint
ALTER TABLE "procedure_versions" ADD COLUMN "duration_unit" text DEFAULT 'days' NOT NULL;--> statement-breakpoint
ALTER TABLE "procedure_versions" ADD COLUMN "cutoff" text;