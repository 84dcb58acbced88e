create extension vector
with
  schema extensions;