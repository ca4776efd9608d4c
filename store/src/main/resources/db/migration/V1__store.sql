-- One schema for SQLite and PostgreSQL. ${id_key} is the dialect's auto-increment primary key; it never
-- reuses a value, so a sequence number handed out for paging stays unique even after deletes.
-- Instants are BIGINT microseconds since the epoch; flags are SMALLINT 0/1.

CREATE TABLE collections (
    pk          ${id_key},
    id          TEXT NOT NULL UNIQUE,
    title       TEXT NOT NULL,
    description TEXT NOT NULL,
    alias       TEXT UNIQUE
);

-- Every stored version of every object. version_key is the object's own version, or a sentinel for an
-- object without one. is_first / is_last mark the oldest and newest version of (collection, object) and
-- are kept right by every write and delete, so match[version]=first|last needs no grouping.
CREATE TABLE object_versions (
    seq           ${id_key},
    collection_pk BIGINT   NOT NULL REFERENCES collections (pk),
    object_id     TEXT     NOT NULL,
    version_key   BIGINT   NOT NULL,
    type          TEXT     NOT NULL,
    spec_version  TEXT     NOT NULL,
    date_added    BIGINT   NOT NULL,
    is_first      SMALLINT NOT NULL,
    is_last       SMALLINT NOT NULL,
    json          TEXT     NOT NULL
);
-- Identity of a version, and the lookup of an object's versions.
CREATE UNIQUE INDEX object_versions_key ON object_versions (collection_pk, object_id, version_key);
-- Pages in the order versions were added.
CREATE INDEX object_versions_order ON object_versions (collection_pk, seq);

-- The last date_added handed out. Writers update this single row first, which serialises writers across
-- processes (PostgreSQL row lock) and keeps date_added increasing across restarts and deletes.
CREATE TABLE store_clock (
    id              SMALLINT PRIMARY KEY,
    last_date_added BIGINT   NOT NULL
);
INSERT INTO store_clock (id, last_date_added) VALUES (1, 0);

CREATE TABLE statuses (
    id                TEXT    PRIMARY KEY,
    owner             TEXT,
    status            TEXT    NOT NULL,
    request_timestamp BIGINT,
    total_count       INTEGER NOT NULL
);

CREATE TABLE status_details (
    status_id TEXT    NOT NULL REFERENCES statuses (id),
    outcome   TEXT    NOT NULL, -- success, failure or pending
    position  INTEGER NOT NULL,
    object_id TEXT,
    version   TEXT,
    message   TEXT,
    PRIMARY KEY (status_id, outcome, position)
);

CREATE TABLE users (
    name          TEXT     PRIMARY KEY,
    password_hash TEXT,
    admin         SMALLINT NOT NULL
);

CREATE TABLE tokens (
    token_hash TEXT   PRIMARY KEY,
    user_name  TEXT   NOT NULL REFERENCES users (name),
    label      TEXT,
    created    BIGINT NOT NULL
);
CREATE INDEX tokens_user ON tokens (user_name);

-- No foreign key to collections: rights may be prepared before a collection is created.
CREATE TABLE grants (
    user_name     TEXT     NOT NULL REFERENCES users (name),
    collection_id TEXT     NOT NULL,
    can_read      SMALLINT NOT NULL,
    can_write     SMALLINT NOT NULL,
    PRIMARY KEY (user_name, collection_id)
);
