-- A share's audience (origin, distribution, TLP, domain, handling code, grading) is recorded once per
-- distinct audience instead of once per shared object: an envelope of 2,000 objects used to write 2,000
-- copies of the same labels and 2,000 distribution rows; now each share row names its audience.
-- Audience keys are given by the store (the one writer takes the highest key plus one), so that the
-- shares recorded before this migration keep their own seq as the key of their audience.
CREATE TABLE audiences (
    seq                ${key},
    origin             TEXT     NOT NULL,
    tlp                TEXT     NOT NULL,
    domain             TEXT     NOT NULL,
    handling_code      TEXT,
    grading            TEXT,
    to_all_communities SMALLINT NOT NULL,
    labels_hash        BIGINT -- AudienceHash of the labels; null for the audiences carried over below
);
-- Finds the audience that may equal new labels (the store compares it whole: a hash can collide).
CREATE INDEX audiences_labels_hash ON audiences (labels_hash);

CREATE TABLE audience_members (
    audience  BIGINT NOT NULL REFERENCES audiences (seq),
    member_id TEXT   NOT NULL,
    PRIMARY KEY (audience, member_id)
);
CREATE INDEX audience_members_member ON audience_members (member_id);

CREATE TABLE audience_communities (
    audience  BIGINT NOT NULL REFERENCES audiences (seq),
    community TEXT   NOT NULL,
    PRIMARY KEY (audience, community)
);
CREATE INDEX audience_communities_community ON audience_communities (community);

-- Shares recorded so far: one audience each, without a hash (equal audiences are not merged here, and new
-- shares get audiences of their own).
INSERT INTO audiences (seq, origin, tlp, domain, handling_code, grading, to_all_communities)
SELECT seq, origin, tlp, domain, handling_code, grading, to_all_communities FROM shares;
INSERT INTO audience_members (audience, member_id) SELECT share_seq, member_id FROM share_members;
INSERT INTO audience_communities (audience, community) SELECT share_seq, community FROM share_communities;

-- Never null once migrated: every share is written with its audience (SQLite cannot add NOT NULL here).
ALTER TABLE shares ADD COLUMN audience BIGINT REFERENCES audiences (seq);
UPDATE shares SET audience = seq;

DROP TABLE share_members;
DROP TABLE share_communities;
ALTER TABLE shares DROP COLUMN origin;
ALTER TABLE shares DROP COLUMN tlp;
ALTER TABLE shares DROP COLUMN domain;
ALTER TABLE shares DROP COLUMN handling_code;
ALTER TABLE shares DROP COLUMN grading;
ALTER TABLE shares DROP COLUMN to_all_communities;
