-- A user may act for a member other than the node's own (a member hosted on this node, such as a sectoral
-- unit without a node of its own). Such a user reads only what the sharing policy lets that member
-- receive. Null: the user acts for the node's own member, as before.
ALTER TABLE users ADD COLUMN member_id TEXT;
