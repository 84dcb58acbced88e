-- Add 'assistant_log' to timeline_item_type_enum
ALTER TYPE timeline_item_type_enum ADD VALUE 'assistant_log';