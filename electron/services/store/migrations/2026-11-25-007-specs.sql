-- API design: OpenAPI documents kept in the workspace, and the link between a spec and the
-- collection generated from it. spec_operations remembers, per operation (`GET /pets/{petId}`),
-- which request it became and the operation as it was when last generated or synced, so drift
-- (added, changed, removed operations) is a comparison of that snapshot with the spec as it is.
CREATE TABLE specs (
  id            TEXT PRIMARY KEY,
  name          TEXT NOT NULL,
  format        TEXT NOT NULL CHECK (format IN ('yaml', 'json')),
  text          TEXT NOT NULL,
  collection_id TEXT REFERENCES items(id) ON DELETE SET NULL,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL
);

CREATE TABLE spec_operations (
  spec_id       TEXT NOT NULL REFERENCES specs(id) ON DELETE CASCADE,
  operation_key TEXT NOT NULL,
  item_id       TEXT REFERENCES items(id) ON DELETE SET NULL,
  snapshot_json TEXT NOT NULL,
  PRIMARY KEY (spec_id, operation_key)
);
CREATE INDEX spec_operations_by_item ON spec_operations (item_id);
