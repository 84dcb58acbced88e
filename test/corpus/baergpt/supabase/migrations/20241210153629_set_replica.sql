ALTER TABLE registered_documents replica identity FULL;

ALTER TABLE processed_documents replica identity FULL;
