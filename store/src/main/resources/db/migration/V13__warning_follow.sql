-- The warn stage across nodes (V6 is the warn stage). Two things a restarted node, or a node sharing its
-- store with the command line, must not lose:
--
-- remote_warning_cursors: where the follower of peers' warning reports and acknowledgement notes stands in
-- each collection (the last object-store seq it handled), so that a restart resumes there instead of
-- reading every report and note again.
CREATE TABLE remote_warning_cursors (
    collection_id TEXT   PRIMARY KEY,
    last_seq      BIGINT NOT NULL
);

-- ack_forwarded: when the warn stage handled a recipient's acknowledgement (sent it back to the peers that
-- addressed the recipient a view of the event, or found none to tell). An acknowledgement recorded by any
-- process on the store (the node, `entente warnings ack`) waits here, null, until the running node takes it;
-- the partial index keeps that look-up to the few waiting rows.
ALTER TABLE warning_recipients ADD COLUMN ack_forwarded BIGINT;
CREATE INDEX warning_recipients_ack_waiting ON warning_recipients (member_id)
    WHERE acknowledged IS NOT NULL AND ack_forwarded IS NULL;
