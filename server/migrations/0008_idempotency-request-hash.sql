-- An Idempotency-Key answers again only the request it was first used for (route + canonical body).
-- Keys claimed before this column existed get '' and so never match a replay: a retry across the
-- upgrade answers 422 instead of possibly the wrong dossier.
ALTER TABLE "idempotency_keys" ADD COLUMN "request_hash" text DEFAULT '' NOT NULL;
