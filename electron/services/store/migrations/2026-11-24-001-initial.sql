-- The first workspace schema: the item tree, environments, settings/globals documents, history
-- and a small key-value table. Applied once, in a transaction, recorded in schema_migrations.

-- Collections, folders and requests in one tree. `rid` is an explicit INTEGER PRIMARY KEY so the
-- rowid is stable (VACUUM keeps it), which lets an external-content search index point at it.
CREATE TABLE items (
  rid            INTEGER PRIMARY KEY,
  id             TEXT NOT NULL UNIQUE,
  parent_id      TEXT REFERENCES items(id) ON DELETE CASCADE,
  collection_id  TEXT NOT NULL,
  kind           TEXT NOT NULL CHECK (kind IN ('collection', 'folder', 'request')),
  name           TEXT NOT NULL,
  sort           REAL NOT NULL,
  description    TEXT NOT NULL DEFAULT '',
  -- Requests: copied out of request_json so the tree and search never parse JSON.
  method         TEXT,
  url            TEXT,
  request_json   TEXT,
  -- Collections and folders: the auth their requests inherit. Collections: their variables.
  auth_json      TEXT,
  variables_json TEXT,
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL,
  CHECK ((kind = 'collection') = (parent_id IS NULL))
);
CREATE INDEX items_by_parent ON items (parent_id, sort);
CREATE INDEX items_by_collection ON items (collection_id);

CREATE TABLE environments (
  id             TEXT PRIMARY KEY,
  name           TEXT NOT NULL,
  variables_json TEXT NOT NULL,
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL
);

-- Whole-workspace JSON documents: 'settings' and 'globals'.
CREATE TABLE documents (
  key        TEXT PRIMARY KEY,
  json       TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE history (
  seq          INTEGER PRIMARY KEY AUTOINCREMENT,
  id           TEXT NOT NULL UNIQUE,
  request_id   TEXT,
  name         TEXT NOT NULL,
  method       TEXT NOT NULL,
  url          TEXT NOT NULL,
  status       INTEGER,
  error        TEXT,
  duration_ms  REAL NOT NULL,
  size         INTEGER NOT NULL,
  sent_at      TEXT NOT NULL,
  request_json TEXT NOT NULL,
  result_json  TEXT NOT NULL
);

-- Small values kept by the services (the HTTP engine's cookie jar and OAuth token cache).
CREATE TABLE kv (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
