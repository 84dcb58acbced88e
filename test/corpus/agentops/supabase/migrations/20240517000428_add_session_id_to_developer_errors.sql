ALTER TABLE public.developer_errors 
ADD COLUMN session_id UUID NULL;