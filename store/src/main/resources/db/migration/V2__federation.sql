-- Federation data: members and their keys, communities, peers, the outbox and inbox, and the sharing
-- labels of stored versions. Same conventions as V1: ${id_key} never reuses a value, instants are BIGINT
-- microseconds since the epoch, flags are SMALLINT 0/1; ${binary} is the dialect's byte-string type.
-- Sets (charter members and domains, distribution members and communities) are child tables, so that
-- "communities of member X" or "shares addressed to X" can use an index.

-- Members by their global id (identity--<UUIDv5>), never by a local number.
CREATE TABLE members (
    id      TEXT PRIMARY KEY,
    name    TEXT NOT NULL,
    country TEXT NOT NULL, -- ISO 3166-1 alpha-2
    level   TEXT NOT NULL, -- state, ministerial or sectoral
    sector  TEXT NOT NULL
);

-- The member this node acts for: at most one row.
CREATE TABLE local_member (
    id        SMALLINT PRIMARY KEY CHECK (id = 1),
    member_id TEXT     NOT NULL REFERENCES members (id)
);

-- Every public signing key a member ever had, so old signatures stay verifiable after a rotation.
-- seq breaks ties between keys valid from the same instant: the one recorded first is older.
CREATE TABLE member_key_chains (
    member_id TEXT      PRIMARY KEY REFERENCES members (id),
    chain     ${binary} NOT NULL
);

-- Charter members are not required to be known members: a charter may name a member before its
-- descriptor arrives.
CREATE TABLE communities (
    name              TEXT     PRIMARY KEY,
    highest_tlp       TEXT     NOT NULL, -- clear, green, amber, amber+strict or red
    relay_allowed     SMALLINT NOT NULL,
    membership_hidden SMALLINT NOT NULL
);

CREATE TABLE community_members (
    community TEXT NOT NULL REFERENCES communities (name),
    member_id TEXT NOT NULL,
    PRIMARY KEY (community, member_id)
);
CREATE INDEX community_members_member ON community_members (member_id);

-- A charter without domains carries every domain.
CREATE TABLE community_domains (
    community TEXT NOT NULL REFERENCES communities (name),
    domain    TEXT NOT NULL,
    PRIMARY KEY (community, domain)
);

CREATE TABLE peers (
    member_id               TEXT     PRIMARY KEY,
    url                     TEXT     NOT NULL,
    tls_fingerprint         TEXT     NOT NULL,
    signing_key_fingerprint TEXT     NOT NULL,
    paused                  SMALLINT NOT NULL,
    added                   BIGINT   NOT NULL
);

-- Envelopes waiting for a peer, in seq order. A confirmed entry is deleted (its bytes are not kept
-- forever); what state() reports about past deliveries lives in outbox_progress.
CREATE TABLE outbox (
    seq          ${id_key},
    peer         TEXT      NOT NULL REFERENCES peers (member_id),
    envelope_id  TEXT      NOT NULL,
    envelope     ${binary} NOT NULL,
    enqueued     BIGINT    NOT NULL,
    attempts     INTEGER   NOT NULL,
    next_attempt BIGINT, -- null: due now
    last_error   TEXT,
    UNIQUE (peer, envelope_id)
);
-- A peer's pending entries in order.
CREATE INDEX outbox_order ON outbox (peer, seq);

-- Per peer: when a delivery last succeeded, and the error of the most recent attempt if it failed.
CREATE TABLE outbox_progress (
    peer           TEXT   PRIMARY KEY REFERENCES peers (member_id),
    last_delivered BIGINT,
    last_error     TEXT
);

-- Envelopes as received, byte for byte; the primary key is the seen-set against replays.
CREATE TABLE inbox (
    envelope_id TEXT      PRIMARY KEY,
    origin      TEXT      NOT NULL,
    sender      TEXT      NOT NULL,
    received    BIGINT    NOT NULL,
    raw         ${binary} NOT NULL
);

-- One row per sharing of an object version by an envelope. version_key follows object_versions: the
-- object's own version, or the same sentinel for an object without one. seq orders shares as recorded,
-- so the first share of an object id names its origin.
CREATE TABLE shares (
    seq                ${id_key},
    object_id          TEXT     NOT NULL,
    version_key        BIGINT   NOT NULL,
    envelope_id        TEXT     NOT NULL,
    origin             TEXT     NOT NULL,
    tlp                TEXT     NOT NULL, -- clear, green, amber, amber+strict or red
    domain             TEXT     NOT NULL,
    handling_code      TEXT,             -- H0 to H3, or none
    grading            TEXT,             -- Admiralty grading such as B2, or none
    to_all_communities SMALLINT NOT NULL
);
-- Identity of a share; its prefix (object_id, version_key) finds the shares of a version, and
-- (object_id) the first share of an object.
CREATE UNIQUE INDEX shares_key ON shares (object_id, version_key, envelope_id);

CREATE TABLE share_members (
    share_seq BIGINT NOT NULL REFERENCES shares (seq),
    member_id TEXT   NOT NULL,
    PRIMARY KEY (share_seq, member_id)
);
CREATE INDEX share_members_member ON share_members (member_id);

CREATE TABLE share_communities (
    share_seq BIGINT NOT NULL REFERENCES shares (seq),
    community TEXT   NOT NULL,
    PRIMARY KEY (share_seq, community)
);
CREATE INDEX share_communities_community ON share_communities (community);
