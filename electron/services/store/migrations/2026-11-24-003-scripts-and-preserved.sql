-- Scripts on every item (Postman's pre-request and test scripts, for collections, folders and
-- requests), and what an imported file held that Courier does not model, so an export restores it.
-- Rows written before this change read as empty scripts and nothing preserved (NULL).
ALTER TABLE items ADD COLUMN scripts_json TEXT;
ALTER TABLE items ADD COLUMN preserved_json TEXT;
ALTER TABLE environments ADD COLUMN preserved_json TEXT;
