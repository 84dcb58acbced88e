-- The earlier migration already added the table: Postgres refuses the second ADD (42710).
alter publication supabase_realtime add table messages;
