alter table processed_document_chunks add content_temp text;
alter table processed_document_summaries add summary_temp text;
alter table processed_document_summaries add tags_temp text [];
