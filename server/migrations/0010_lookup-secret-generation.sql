-- Lookup secrets become derived (HMAC of the server's lookup key, the dossier code and a generation),
-- so a reprinted receipt shows the secret the first one carried. Dossiers received before keep their
-- random secret as generation 0: it still opens the lookup, but only a new secret can be shown again.
CREATE TABLE "server_keys" (
	"name" text PRIMARY KEY NOT NULL,
	"key" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "lookup_secret_generation" integer DEFAULT 0 NOT NULL;
