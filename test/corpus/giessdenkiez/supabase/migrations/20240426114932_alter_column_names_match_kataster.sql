ALTER TABLE trees RENAME COLUMN artbot TO art_bot;

ALTER TABLE trees RENAME COLUMN artdtsch TO art_dtsch;

ALTER TABLE trees RENAME COLUMN gattungdeutsch TO gattung_deutsch;

ALTER TABLE trees RENAME COLUMN gmlid TO gml_id;

