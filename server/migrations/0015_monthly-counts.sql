CREATE TABLE "dossier_month_counts" (
	"month" date NOT NULL,
	"agency_code" text NOT NULL,
	"department" text NOT NULL,
	"procedure_code" text NOT NULL,
	"stripe" smallint NOT NULL,
	"received" integer DEFAULT 0 NOT NULL,
	"received_online" integer DEFAULT 0 NOT NULL,
	"resolved_early" integer DEFAULT 0 NOT NULL,
	"resolved_on_time" integer DEFAULT 0 NOT NULL,
	"resolved_late" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "dossier_month_counts_month_agency_code_department_procedure_code_stripe_pk" PRIMARY KEY("month","agency_code","department","procedure_code","stripe")
);
--> statement-breakpoint
CREATE TABLE "officer_month_counts" (
	"month" date NOT NULL,
	"user_id" uuid NOT NULL,
	"completed" integer DEFAULT 0 NOT NULL,
	"late" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "officer_month_counts_month_user_id_pk" PRIMARY KEY("month","user_id")
);
--> statement-breakpoint
ALTER TABLE "officer_month_counts" ADD CONSTRAINT "officer_month_counts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dossier_month_counts_department" ON "dossier_month_counts" USING btree ("department","month");--> statement-breakpoint
-- A dossier's part in the monthly counts, added (sign 1) or taken back (sign -1): received in the
-- local month of received_at; resolved early, on time or late (deadlines/timeliness.ts) in the
-- local month of finished_at.
CREATE FUNCTION dossier_month_counts_add(d dossiers, sign integer) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  part smallint := hashtext(d.id::text) & 7;
  is_late boolean := d.finished_at > d.due_at;
  is_early boolean := NOT (d.finished_at > d.due_at)
    AND (d.finished_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date < (d.due_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date;
BEGIN
  INSERT INTO dossier_month_counts AS c (month, agency_code, department, procedure_code, stripe, received, received_online)
  VALUES (date_trunc('month', d.received_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, d.agency_code,
          d.receiving_department, d.procedure_code, part, sign, CASE WHEN d.channel = 'online' THEN sign ELSE 0 END)
  ON CONFLICT (month, agency_code, department, procedure_code, stripe) DO UPDATE
    SET received = c.received + EXCLUDED.received, received_online = c.received_online + EXCLUDED.received_online;
  IF d.finished_at IS NOT NULL THEN
    INSERT INTO dossier_month_counts AS c (month, agency_code, department, procedure_code, stripe,
                                           resolved_early, resolved_on_time, resolved_late)
    VALUES (date_trunc('month', d.finished_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, d.agency_code,
            d.receiving_department, d.procedure_code, part,
            CASE WHEN is_early THEN sign ELSE 0 END, CASE WHEN NOT is_late AND NOT is_early THEN sign ELSE 0 END,
            CASE WHEN is_late THEN sign ELSE 0 END)
    ON CONFLICT (month, agency_code, department, procedure_code, stripe) DO UPDATE
      SET resolved_early = c.resolved_early + EXCLUDED.resolved_early,
          resolved_on_time = c.resolved_on_time + EXCLUDED.resolved_on_time,
          resolved_late = c.resolved_late + EXCLUDED.resolved_late;
  END IF;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION dossier_month_counts_write() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM dossier_month_counts_add(OLD, -1); END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN PERFORM dossier_month_counts_add(NEW, 1); END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER dossier_month_counts_insert AFTER INSERT OR DELETE ON dossiers
  FOR EACH ROW EXECUTE FUNCTION dossier_month_counts_write();
--> statement-breakpoint
-- Only the updates that move a dossier between counts: most commands change none of these.
CREATE TRIGGER dossier_month_counts_update AFTER UPDATE ON dossiers FOR EACH ROW
  WHEN ((OLD.received_at, OLD.channel, OLD.agency_code, OLD.receiving_department, OLD.procedure_code, OLD.finished_at)
        IS DISTINCT FROM (NEW.received_at, NEW.channel, NEW.agency_code, NEW.receiving_department, NEW.procedure_code, NEW.finished_at)
        OR (NEW.finished_at IS NOT NULL AND OLD.due_at IS DISTINCT FROM NEW.due_at))
  EXECUTE FUNCTION dossier_month_counts_write();
--> statement-breakpoint
-- A step completed by an officer, in the local month of its completion; late past its due time.
CREATE FUNCTION officer_month_counts_add(t tasks, sign integer) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF t.status <> 'completed' OR t.completed_by IS NULL OR t.completed_at IS NULL THEN RETURN; END IF;
  INSERT INTO officer_month_counts AS c (month, user_id, completed, late)
  VALUES (date_trunc('month', t.completed_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, t.completed_by, sign,
          CASE WHEN t.completed_at > t.due_at THEN sign ELSE 0 END)
  ON CONFLICT (month, user_id) DO UPDATE SET completed = c.completed + EXCLUDED.completed, late = c.late + EXCLUDED.late;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION officer_month_counts_write() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM officer_month_counts_add(OLD, -1); END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN PERFORM officer_month_counts_add(NEW, 1); END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER officer_month_counts_insert AFTER INSERT OR DELETE ON tasks
  FOR EACH ROW EXECUTE FUNCTION officer_month_counts_write();
--> statement-breakpoint
CREATE TRIGGER officer_month_counts_update AFTER UPDATE ON tasks FOR EACH ROW
  WHEN ((OLD.status, OLD.completed_by, OLD.completed_at, OLD.due_at) IS DISTINCT FROM (NEW.status, NEW.completed_by, NEW.completed_at, NEW.due_at)
        AND (OLD.status = 'completed' OR NEW.status = 'completed'))
  EXECUTE FUNCTION officer_month_counts_write();
--> statement-breakpoint
-- The counts recomputed from the dossiers and tasks themselves: the backfill here, after a bulk
-- load that ran without triggers, and the check that the triggers kept them exact.
CREATE FUNCTION rebuild_month_counts() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM dossier_month_counts;
  DELETE FROM officer_month_counts;
  PERFORM dossier_month_counts_add(d, 1) FROM dossiers d;
  PERFORM officer_month_counts_add(t, 1) FROM tasks t WHERE t.status = 'completed';
END;
$$;
--> statement-breakpoint
SELECT rebuild_month_counts();
