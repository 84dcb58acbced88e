drop schema app cascade;
