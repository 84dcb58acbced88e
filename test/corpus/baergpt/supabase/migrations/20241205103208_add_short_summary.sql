ALTER TABLE processed_document_summaries
ADD COLUMN short_summary TEXT;
