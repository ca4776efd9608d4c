-- Each object of a collection once, under a compact integer key that its versions refer to.
-- ${key} is a primary key the writer assigns (the next after the largest; rows are never deleted, so a
-- key is never reused). id_hash is the object id's 64-bit ObjectIdHash, computed by ${object_id_hash}.
--
-- Why: object ids are random, so every new id lands at a random place in whatever index is keyed by
-- it, and each write transaction rewrites nearly one index page per new id. Keyed by the object id
-- text (V1's object_versions_key, ~70 bytes an entry) that index made up most of the bytes an import
-- wrote. objects_hash has entries of ~20 bytes, so far fewer pages; the versions are found through
-- object_pk, which a new object takes after every existing one, so their index grows at its end.
CREATE TABLE objects (
    pk            ${key},
    collection_pk BIGINT NOT NULL REFERENCES collections (pk),
    id_hash       BIGINT NOT NULL,
    object_id     TEXT   NOT NULL
);

-- Existing objects, keyed in the order they were first added.
INSERT INTO objects (pk, collection_pk, id_hash, object_id)
SELECT ROW_NUMBER() OVER (ORDER BY first_seq), collection_pk, ${object_id_hash}, object_id
FROM (SELECT collection_pk, object_id, MIN(seq) AS first_seq
      FROM object_versions
      GROUP BY collection_pk, object_id) AS stored_objects;

-- Not NULL for any row: every write sets it (SQLite cannot add a NOT NULL column without a default).
ALTER TABLE object_versions ADD COLUMN object_pk BIGINT REFERENCES objects (pk);

CREATE INDEX objects_by_id_text ON objects (collection_pk, object_id);
UPDATE object_versions
SET object_pk = (SELECT o.pk FROM objects o
                 WHERE o.collection_pk = object_versions.collection_pk AND o.object_id = object_versions.object_id);
DROP INDEX objects_by_id_text;

-- Lookups by id: the hash first, then the id text among the (almost always one) rows found.
CREATE INDEX objects_hash ON objects (collection_pk, id_hash);

-- Identity of a version, and the lookup of an object's versions, now by the object's key.
DROP INDEX object_versions_key;
CREATE UNIQUE INDEX object_versions_key ON object_versions (object_pk, version_key);
