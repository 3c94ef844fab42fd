-- Agent Mode: conversations, their turns (what the user asked, the answer, the tool steps, the
-- checkpoint card, the row snapshots "Undo turn" restores, the model transcript the next turn
-- continues from) and each turn's model calls, which the credits meter reads. A finished turn, its
-- model calls and its checkpoint are written in one transaction.
CREATE TABLE agent_conversations (
  id         TEXT PRIMARY KEY,
  title      TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE agent_turns (
  seq             INTEGER PRIMARY KEY AUTOINCREMENT,
  id              TEXT NOT NULL UNIQUE,
  conversation_id TEXT NOT NULL REFERENCES agent_conversations(id) ON DELETE CASCADE,
  status          TEXT NOT NULL CHECK (status IN ('running', 'completed', 'cancelled', 'failed')),
  skill           TEXT,
  message         TEXT NOT NULL,
  mentions_json   TEXT NOT NULL DEFAULT '[]',
  answer          TEXT NOT NULL DEFAULT '',
  error           TEXT,
  steps_json      TEXT NOT NULL DEFAULT '[]',
  checkpoint_json TEXT NOT NULL DEFAULT '{"created":[],"changed":[]}',
  -- The rows as they were before the turn touched them (null: the turn created the row).
  snapshots_json  TEXT NOT NULL DEFAULT '[]',
  -- The messages of this turn as sent to the model (already redacted), for the next turn.
  transcript_json TEXT NOT NULL DEFAULT '[]',
  model           TEXT NOT NULL,
  feedback        TEXT CHECK (feedback IN ('up', 'down')),
  undone_at       TEXT,
  created_at      TEXT NOT NULL,
  finished_at     TEXT
);
CREATE INDEX agent_turns_by_conversation ON agent_turns (conversation_id, seq);

CREATE TABLE agent_model_calls (
  turn_id       TEXT NOT NULL REFERENCES agent_turns(id) ON DELETE CASCADE,
  seq           INTEGER NOT NULL,
  input_tokens  INTEGER NOT NULL,
  output_tokens INTEGER NOT NULL,
  asset_write   INTEGER NOT NULL CHECK (asset_write IN (0, 1)),
  PRIMARY KEY (turn_id, seq)
);
