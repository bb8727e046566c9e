-- The monthly counts' triggers of 0015, run at commit instead of at each row change. A counter row
-- is shared by every dossier of a department, procedure and month (8 stripes), or every step one
-- officer completes in a month; taken at the row change, its lock was held through the rest of
-- the command (the engine run, the next tasks, the events), so commands on other dossiers queued
-- on it. Deferred, it is held from the commit's start to its end.
DROP TRIGGER dossier_month_counts_insert ON dossiers;
--> statement-breakpoint
DROP TRIGGER dossier_month_counts_update ON dossiers;
--> statement-breakpoint
DROP TRIGGER officer_month_counts_insert ON tasks;
--> statement-breakpoint
DROP TRIGGER officer_month_counts_update ON tasks;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER dossier_month_counts_insert AFTER INSERT OR DELETE ON dossiers
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION dossier_month_counts_write();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER dossier_month_counts_update AFTER UPDATE ON dossiers
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW
  WHEN ((OLD.received_at, OLD.channel, OLD.agency_code, OLD.receiving_department, OLD.procedure_code, OLD.finished_at)
        IS DISTINCT FROM (NEW.received_at, NEW.channel, NEW.agency_code, NEW.receiving_department, NEW.procedure_code, NEW.finished_at)
        OR (NEW.finished_at IS NOT NULL AND OLD.due_at IS DISTINCT FROM NEW.due_at))
  EXECUTE FUNCTION dossier_month_counts_write();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER officer_month_counts_insert AFTER INSERT OR DELETE ON tasks
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION officer_month_counts_write();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER officer_month_counts_update AFTER UPDATE ON tasks
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW
  WHEN ((OLD.status, OLD.completed_by, OLD.completed_at, OLD.due_at) IS DISTINCT FROM (NEW.status, NEW.completed_by, NEW.completed_at, NEW.due_at)
        AND (OLD.status = 'completed' OR NEW.status = 'completed'))
  EXECUTE FUNCTION officer_month_counts_write();
