alter role authenticator set pgrst.db_aggregates_enabled to 'true';


