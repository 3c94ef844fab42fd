// GENERATED from the .sql files in this folder by generate.mjs; do not edit by hand.
// After adding or changing a migration run: node electron/services/store/migrations/generate.mjs

export interface Migration {
  /** The file name without `.sql`; migrations apply in this order and are recorded by it. */
  id: string;
  sql: string;
}

export const migrations: readonly Migration[] = [
  {
    id: "2026-11-24-001-initial",
    sql: "-- The first workspace schema: the item tree, environments, settings/globals documents, history\n-- and a small key-value table. Applied once, in a transaction, recorded in schema_migrations.\n\n-- Collections, folders and requests in one tree. `rid` is an explicit INTEGER PRIMARY KEY so the\n-- rowid is stable (VACUUM keeps it), which lets an external-content search index point at it.\nCREATE TABLE items (\n  rid            INTEGER PRIMARY KEY,\n  id             TEXT NOT NULL UNIQUE,\n  parent_id      TEXT REFERENCES items(id) ON DELETE CASCADE,\n  collection_id  TEXT NOT NULL,\n  kind           TEXT NOT NULL CHECK (kind IN ('collection', 'folder', 'request')),\n  name           TEXT NOT NULL,\n  sort           REAL NOT NULL,\n  description    TEXT NOT NULL DEFAULT '',\n  -- Requests: copied out of request_json so the tree and search never parse JSON.\n  method         TEXT,\n  url            TEXT,\n  request_json   TEXT,\n  -- Collections and folders: the auth their requests inherit. Collections: their variables.\n  auth_json      TEXT,\n  variables_json TEXT,\n  created_at     TEXT NOT NULL,\n  updated_at     TEXT NOT NULL,\n  CHECK ((kind = 'collection') = (parent_id IS NULL))\n);\nCREATE INDEX items_by_parent ON items (parent_id, sort);\nCREATE INDEX items_by_collection ON items (collection_id);\n\nCREATE TABLE environments (\n  id             TEXT PRIMARY KEY,\n  name           TEXT NOT NULL,\n  variables_json TEXT NOT NULL,\n  created_at     TEXT NOT NULL,\n  updated_at     TEXT NOT NULL\n);\n\n-- Whole-workspace JSON documents: 'settings' and 'globals'.\nCREATE TABLE documents (\n  key        TEXT PRIMARY KEY,\n  json       TEXT NOT NULL,\n  updated_at TEXT NOT NULL\n);\n\nCREATE TABLE history (\n  seq          INTEGER PRIMARY KEY AUTOINCREMENT,\n  id           TEXT NOT NULL UNIQUE,\n  request_id   TEXT,\n  name         TEXT NOT NULL,\n  method       TEXT NOT NULL,\n  url          TEXT NOT NULL,\n  status       INTEGER,\n  error        TEXT,\n  duration_ms  REAL NOT NULL,\n  size         INTEGER NOT NULL,\n  sent_at      TEXT NOT NULL,\n  request_json TEXT NOT NULL,\n  result_json  TEXT NOT NULL\n);\n\n-- Small values kept by the services (the HTTP engine's cookie jar and OAuth token cache).\nCREATE TABLE kv (\n  key   TEXT PRIMARY KEY,\n  value TEXT NOT NULL\n);\n",
  },
  {
    id: "2026-11-24-002-search-index",
    sql: "-- Search over names, URLs and methods that stays fast on tens of thousands of requests: an FTS5\n-- index with the trigram tokenizer (case-insensitive substring matching for terms of 3+\n-- characters), kept in step with `items` by triggers, and filled from the rows already there.\nCREATE VIRTUAL TABLE items_search USING fts5 (\n  name, url, method,\n  content = 'items',\n  content_rowid = 'rid',\n  tokenize = 'trigram'\n);\n\nCREATE TRIGGER items_search_insert AFTER INSERT ON items BEGIN\n  INSERT INTO items_search (rowid, name, url, method) VALUES (new.rid, new.name, new.url, new.method);\nEND;\n\nCREATE TRIGGER items_search_delete AFTER DELETE ON items BEGIN\n  INSERT INTO items_search (items_search, rowid, name, url, method)\n    VALUES ('delete', old.rid, old.name, old.url, old.method);\nEND;\n\nCREATE TRIGGER items_search_update AFTER UPDATE OF name, url, method ON items BEGIN\n  INSERT INTO items_search (items_search, rowid, name, url, method)\n    VALUES ('delete', old.rid, old.name, old.url, old.method);\n  INSERT INTO items_search (rowid, name, url, method) VALUES (new.rid, new.name, new.url, new.method);\nEND;\n\nINSERT INTO items_search (items_search) VALUES ('rebuild');\n",
  },
  {
    id: "2026-11-24-003-scripts-and-preserved",
    sql: "-- Scripts on every item (Postman's pre-request and test scripts, for collections, folders and\n-- requests), and what an imported file held that Courier does not model, so an export restores it.\n-- Rows written before this change read as empty scripts and nothing preserved (NULL).\nALTER TABLE items ADD COLUMN scripts_json TEXT;\nALTER TABLE items ADD COLUMN preserved_json TEXT;\nALTER TABLE environments ADD COLUMN preserved_json TEXT;\n",
  },
];
