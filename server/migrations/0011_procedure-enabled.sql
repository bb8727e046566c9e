-- A disabled procedure takes no new dossiers (POST /api/dossiers answers 409 procedure_disabled);
-- dossiers already running finish on their version. Every existing procedure stays enabled.
ALTER TABLE "procedures" ADD COLUMN "enabled" boolean DEFAULT true NOT NULL;