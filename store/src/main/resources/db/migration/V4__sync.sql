-- Sync reads a peer's outbox (its order, which entries are due, how old the oldest is) without touching
-- the envelopes: an envelope of thousands of objects is over a megabyte, kept in overflow pages, and a
-- row read of a column stored after it (enqueued, next_attempt) walks them all. These indexes hold
-- those columns so the courier and the peer listing read only the index, and the bytes of the entries
-- actually sent.
CREATE INDEX outbox_due ON outbox (peer, seq, next_attempt);
CREATE INDEX outbox_age ON outbox (peer, enqueued);
-- outbox_due starts with the same columns.
DROP INDEX outbox_order;
