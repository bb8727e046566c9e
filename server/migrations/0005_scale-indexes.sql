-- Trigram matching for searching applicant names by any part (bench/README.md has the EXPLAIN figures).
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
DROP INDEX "dossiers_applicant_name_lower";--> statement-breakpoint
CREATE INDEX "dossiers_code_pattern" ON "dossiers" USING btree ("code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "dossiers_applicant_name_trgm" ON "dossiers" USING gin (lower("applicant_name") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "dossiers_unit_received" ON "dossiers" USING btree ("receiving_department","received_at");--> statement-breakpoint
CREATE INDEX "dossiers_unit_finished" ON "dossiers" USING btree ("receiving_department","finished_at","received_at");--> statement-breakpoint
CREATE INDEX "dossiers_unit_open" ON "dossiers" USING btree ("receiving_department","received_at") WHERE finished_at is null;