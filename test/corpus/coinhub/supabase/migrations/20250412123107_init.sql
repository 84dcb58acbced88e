-- vim:ft=sql.postgresql

SET TIME ZONE 'Asia/Ho_Chi_Minh';
