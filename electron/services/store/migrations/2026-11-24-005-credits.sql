-- Credits (DESIGN §4–5): the outbox of usage events, which is also the client's ledger, and the
-- credits state (device id, the signed-in billing account, the cached entitlement snapshot).
-- An event stays in the outbox for good: 'queued' until the server answered for it, then 'sent'
-- (accepted or a duplicate of one it had) or 'rejected' (kept with the server's reason, never resent).
CREATE TABLE credit_outbox (
  id TEXT PRIMARY KEY,                 -- the event's client-made UUID
  seq INTEGER NOT NULL UNIQUE,         -- per-device sequence number, from 1
  account TEXT NOT NULL,               -- the billing account the usage belongs to
  turn_id TEXT NOT NULL,
  occurred_at TEXT NOT NULL,
  model TEXT NOT NULL,
  rate_card_version INTEGER NOT NULL,
  calls_json TEXT NOT NULL,            -- [{inputTokens, outputTokens, assetWrite}]
  credits_micro INTEGER NOT NULL,      -- the rate card's cost, computed when the turn ended
  status TEXT NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sent', 'rejected')),
  reject_reason TEXT,
  reject_message TEXT,
  sent_at TEXT
);
CREATE INDEX credit_outbox_queue ON credit_outbox (account, status, seq);

CREATE TABLE credit_state (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
