-- The organisation as a tree of agencies: leaders and supervisors see their agency's subtree.
CREATE TABLE "agencies" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"parent_code" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "agencies" ADD CONSTRAINT "agencies_parent_code_agencies_code_fk" FOREIGN KEY ("parent_code") REFERENCES "public"."agencies"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agencies_parent" ON "agencies" USING btree ("parent_code");--> statement-breakpoint
INSERT INTO "agencies" ("code", "name")
  SELECT DISTINCT ON ("agency_code") "agency_code", coalesce("agency_name", "agency_code") FROM "departments" ORDER BY "agency_code", "agency_name" NULLS LAST;--> statement-breakpoint
-- A supervisor (or leader) may be given an agency whose whole subtree they oversee.
ALTER TABLE "users" ADD COLUMN "scope_agency_code" text;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_scope_agency_code_agencies_code_fk" FOREIGN KEY ("scope_agency_code") REFERENCES "public"."agencies"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Every department that received, holds or held a step of the dossier: the scope rule reads it.
ALTER TABLE "dossiers" ADD COLUMN "involved_departments" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
UPDATE "dossiers" d SET "involved_departments" = ARRAY(
  SELECT DISTINCT x FROM (
    SELECT d."receiving_department" AS x
    UNION ALL SELECT unnest(d."current_departments")
    UNION ALL SELECT unnest(t."department_codes") FROM "tasks" t WHERE t."dossier_id" = d."id"
  ) s ORDER BY x
);--> statement-breakpoint
CREATE INDEX "dossiers_involved_departments" ON "dossiers" USING gin ("involved_departments");--> statement-breakpoint
CREATE INDEX "dossiers_agency_received" ON "dossiers" USING btree ("agency_code","received_at");--> statement-breakpoint
-- Who read a dossier's personal data (ID number, phone, address, e-mail), when, through which route.
CREATE TABLE "personal_data_reads" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"dossier_id" uuid NOT NULL,
	"route" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "personal_data_reads" ADD CONSTRAINT "personal_data_reads_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "personal_data_reads" ADD CONSTRAINT "personal_data_reads_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "personal_data_reads_dossier" ON "personal_data_reads" USING btree ("dossier_id","at");--> statement-breakpoint
CREATE INDEX "personal_data_reads_user" ON "personal_data_reads" USING btree ("user_id","at");
