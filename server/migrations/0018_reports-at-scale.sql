DROP INDEX "dossiers_unit_finished";--> statement-breakpoint
DROP INDEX "dossiers_agency_finished";--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "waiting_minutes" double precision;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "working_minutes" double precision;--> statement-breakpoint
CREATE INDEX "dossiers_in_flight" ON "dossiers" USING gist (tstzrange("received_at", "finished_at", '(]'));--> statement-breakpoint
CREATE INDEX "tasks_minutes_missing" ON "tasks" USING btree ("id") WHERE status = 'completed' and waiting_minutes is null;