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
