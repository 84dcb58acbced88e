alter publication supabase_realtime add table messages;
