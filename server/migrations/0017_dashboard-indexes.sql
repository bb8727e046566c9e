CREATE INDEX "dossier_events_extended" ON "dossier_events" USING btree ("dossier_id","id") WHERE type = 'extended';--> statement-breakpoint
CREATE INDEX "dossiers_agency_finished" ON "dossiers" USING btree ("agency_code","finished_at","received_at");--> statement-breakpoint
CREATE INDEX "dossiers_agency_open" ON "dossiers" USING btree ("agency_code","received_at") WHERE finished_at is null;--> statement-breakpoint
CREATE INDEX "dossiers_procedure_finished" ON "dossiers" USING btree ("procedure_code","finished_at","received_at");