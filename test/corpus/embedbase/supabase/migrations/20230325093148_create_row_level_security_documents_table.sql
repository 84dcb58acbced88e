alter table documents
  enable row level security;
