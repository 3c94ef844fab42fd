-- Saved example responses, per request (Postman's `response` array): a name, the status, the
-- headers and the body as text. They go with their request when it is deleted.
CREATE TABLE examples (
  id           TEXT PRIMARY KEY,
  request_id   TEXT NOT NULL REFERENCES items(id) ON DELETE CASCADE,
  name         TEXT NOT NULL,
  sort         INTEGER NOT NULL,
  status       INTEGER NOT NULL,
  status_text  TEXT NOT NULL DEFAULT '',
  headers_json TEXT NOT NULL,
  body         TEXT NOT NULL,
  created_at   TEXT NOT NULL
);
CREATE INDEX examples_by_request ON examples (request_id, sort);
