CREATE TABLE "dossier_status_feed" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"dossier_id" uuid NOT NULL,
	"changed_at" timestamp with time zone NOT NULL,
	"status" smallint NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"paused_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"txid" "xid8" DEFAULT pg_current_xact_id() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "dossier_status_feed" ADD CONSTRAINT "dossier_status_feed_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dossier_status_feed_dossier" ON "dossier_status_feed" USING btree ("dossier_id","seq");--> statement-breakpoint
CREATE INDEX "dossier_status_feed_cursor" ON "dossier_status_feed" USING btree ("txid","seq");--> statement-breakpoint
-- One feed row per change of what the portal tracks, written by the database itself: no command
-- path can change a dossier's status, promised date, pause or finish without it.
CREATE FUNCTION dossier_status_feed_write() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND (NEW.status, NEW.due_at, NEW.paused_at, NEW.finished_at)
      IS NOT DISTINCT FROM (OLD.status, OLD.due_at, OLD.paused_at, OLD.finished_at) THEN
    RETURN NEW;
  END IF;
  INSERT INTO dossier_status_feed (dossier_id, changed_at, status, due_at, paused_at, finished_at)
  VALUES (NEW.id, CASE WHEN TG_OP = 'INSERT' THEN NEW.received_at ELSE NEW.updated_at END,
          NEW.status, NEW.due_at, NEW.paused_at, NEW.finished_at);
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER dossier_status_feed AFTER INSERT OR UPDATE ON dossiers
  FOR EACH ROW EXECUTE FUNCTION dossier_status_feed_write();
--> statement-breakpoint
-- Dossiers from before the feed start it with their state at the upgrade.
INSERT INTO dossier_status_feed (dossier_id, changed_at, status, due_at, paused_at, finished_at)
SELECT id, updated_at, status, due_at, paused_at, finished_at FROM dossiers ORDER BY received_at;
