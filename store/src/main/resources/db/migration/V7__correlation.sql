-- The correlation index: which objects and members carry each normalised observable. Its size is linear in
-- the number of observables and occurrences; nothing pairwise is ever stored (a pairwise table of 1.3M
-- attributes grew to 150M rows elsewhere). "Who else has this" reads one observable's occurrences; pairs
-- exist only in query results. Same conventions as V1: ${id_key} never reuses a value, instants are
-- BIGINT microseconds since the epoch.

-- One row per distinct observable. key_hash is a 64-bit hash of "kind|value" (the first 8 bytes of its
-- SHA-256) and keeps the index compact; two observables may share a hash, so lookups compare kind and
-- value as well, and the index is not unique.
CREATE TABLE correlation_observables (
    pk       ${id_key},
    key_hash BIGINT NOT NULL,
    kind     TEXT   NOT NULL, -- ObservableKind label: domain-name, file:hashes.SHA-256, phone-number, ...
    value    TEXT   NOT NULL
);
CREATE INDEX correlation_observables_hash ON correlation_observables (key_hash);

-- Members by a small number, so that an occurrence row stays a few integers.
CREATE TABLE correlation_members (
    pk        ${id_key},
    member_id TEXT NOT NULL UNIQUE
);

-- One row per object id that is indexed or referenced. id_hash as key_hash above. version_key is the
-- newest indexed version (as in object_versions; its shares decide who may see the object) and origin_pk
-- the member it comes from; both are null for an object only referenced so far.
CREATE TABLE correlation_objects (
    pk          ${id_key},
    id_hash     BIGINT NOT NULL,
    object_id   TEXT   NOT NULL,
    type        TEXT   NOT NULL,
    version_key BIGINT,
    origin_pk   BIGINT
);
CREATE INDEX correlation_objects_hash ON correlation_objects (id_hash);

-- One row per (observable, object, member): the object carries the observable, seen by the member (the
-- object's origin, or for a sighting the member where it was sighted), last at seen.
CREATE TABLE correlation_occurrences (
    observable_pk BIGINT NOT NULL,
    object_pk     BIGINT NOT NULL,
    member_pk     BIGINT NOT NULL,
    seen          BIGINT NOT NULL,
    PRIMARY KEY (observable_pk, object_pk, member_pk)
);
-- The observables of an object (neighbourhood).
CREATE INDEX correlation_occurrences_object ON correlation_occurrences (object_pk);
-- Clusters: occurrences within a time window, grouped by observable, without touching older rows.
CREATE INDEX correlation_occurrences_seen ON correlation_occurrences (seen, observable_pk);

-- STIX references between objects (relationship source and target, sighting_of_ref, object_refs, ...):
-- one row per reference, from the object that holds it.
CREATE TABLE correlation_links (
    from_pk BIGINT NOT NULL,
    to_pk   BIGINT NOT NULL,
    PRIMARY KEY (from_pk, to_pk)
);
CREATE INDEX correlation_links_to ON correlation_links (to_pk);

-- How far the index has read each collection of the object store, by seq: indexing resumes from here
-- after a restart, and the cursor moves in the same transaction as the rows it covers.
CREATE TABLE correlation_cursors (
    collection_id TEXT   PRIMARY KEY,
    last_seq      BIGINT NOT NULL
);
