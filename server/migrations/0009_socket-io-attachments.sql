-- @socket.io/postgres-adapter: live updates too large for a NOTIFY (over 8000 bytes, or binary) pass
-- through this table between server processes; the adapter deletes its rows after 30 s.
CREATE TABLE "socket_io_attachments" (
	"id" bigserial NOT NULL,
	"created_at" timestamp with time zone DEFAULT now(),
	"payload" "bytea",
	CONSTRAINT "socket_io_attachments_id_unique" UNIQUE("id")
);
