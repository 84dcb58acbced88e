-- vim:ft=sql.postgresql

CREATE TABLE ticket_history (
  _id INT
);

CREATE TABLE notification (
  _id INT
);

CREATE TABLE top_up (
  _id INT
);

CREATE TABLE plan_history (
  _id INT
);

CREATE TABLE source (
  _id INT
);
