DROP TABLE IF EXISTS user_requests;
