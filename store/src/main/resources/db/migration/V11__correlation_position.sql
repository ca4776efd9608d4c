-- The correlation index follows the whole object store with one cursor instead of V7's cursor per
-- collection: seq is unique across collections, so one position says how far it has read. A version
-- stored in several collections (an origin keeps a shared object in `default` and in the community's
-- collection) is then read once per copy but indexed once: the index skips a version of an object that is
-- not newer than the version it holds.
CREATE TABLE correlation_position (
    id       SMALLINT PRIMARY KEY, -- always 1: a single row
    last_seq BIGINT   NOT NULL
);

-- Carried over from the per-collection cursors: every version before the first one that some collection's
-- cursor had not reached was indexed. Reading again from there adds nothing twice. With nothing left
-- behind, the position is the last seq stored.
INSERT INTO correlation_position (id, last_seq)
SELECT 1, COALESCE(
    (SELECT MIN(v.seq) - 1
     FROM object_versions v
     JOIN collections c ON c.pk = v.collection_pk
     LEFT JOIN correlation_cursors cc ON cc.collection_id = c.id
     WHERE v.seq > COALESCE(cc.last_seq, 0)),
    (SELECT MAX(seq) FROM object_versions),
    0);

DROP TABLE correlation_cursors;

-- Late references: an object that carries the observables of another (a sighting those of the indicator it
-- sights) indexed before that other one. When ref_pk is indexed, its observables are added for object_pk,
-- seen by member_pk at seen, and the row goes. Rows exist only while ref_pk is not indexed.
CREATE TABLE correlation_pending (
    ref_pk    BIGINT NOT NULL,
    object_pk BIGINT NOT NULL,
    member_pk BIGINT NOT NULL,
    seen      BIGINT NOT NULL,
    PRIMARY KEY (ref_pk, object_pk, member_pk)
);
CREATE INDEX correlation_pending_object ON correlation_pending (object_pk);
