-- Pull fallback for peers that cannot open connections to us, or that we cannot reach.
-- peers.mode: push (both nodes push to each other), pull (this node pushes to the peer and also pulls the
-- peer's queue for it), pulled (the peer pushes to this node and pulls its queue here; this node never
-- connects to it).
ALTER TABLE peers ADD COLUMN mode TEXT NOT NULL DEFAULT 'push';

-- Per peer this node pulls from: the last seq of the peer's outbox that is durably stored here (the next
-- request asks for what follows it, which also acknowledges it), and how the last pull went.
CREATE TABLE pull_cursors (
    peer           TEXT   PRIMARY KEY REFERENCES peers (member_id),
    pulled_through BIGINT NOT NULL,
    last_pulled    BIGINT,
    last_error     TEXT
);
