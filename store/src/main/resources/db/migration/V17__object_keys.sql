-- One number per object id for the whole node, in object_ids, and every table that names an object by its id
-- names it by that number instead: objects (an object in a collection) and shares. ${key} is assigned by the
-- writer (the next after the largest; rows are never deleted, so a number is never reused).
--
-- Why: object ids are random, so an index keyed by an id (or its hash) takes every new id at a random place,
-- and a write transaction rewrites about one page of that index per new id. A bulk sync of 1M objects wrote
-- 3.0M WAL pages on the receiving node, 44 % of them into shares_key (object id text, version, envelope) and
-- 21 % into objects_hash (docs/PERFORMANCE.md, "Where a bulk sync's writes go"). Now one index, object_ids_hash,
-- takes new ids at random places; a new id's number is larger than every other, so the indexes keyed by it
-- (objects_id_key, shares_key) grow at their end and a transaction rewrites only their last pages.
CREATE TABLE object_ids (
    pk        ${key},
    id_hash   BIGINT NOT NULL, -- ObjectIdHash of object_id; ids may share a hash, so lookups compare the text
    object_id TEXT   NOT NULL
);

-- Stored objects first, in the order they were first stored, then ids that only have shares.
INSERT INTO object_ids (pk, id_hash, object_id)
SELECT ROW_NUMBER() OVER (ORDER BY first_pk), id_hash, object_id
FROM (SELECT object_id, MIN(id_hash) AS id_hash, MIN(pk) AS first_pk FROM objects GROUP BY object_id) AS stored;

CREATE INDEX object_ids_hash ON object_ids (id_hash);

INSERT INTO object_ids (pk, id_hash, object_id)
SELECT (SELECT COALESCE(MAX(pk), 0) FROM object_ids) + ROW_NUMBER() OVER (ORDER BY first_seq), id_hash, object_id
FROM (SELECT object_id, ${object_id_hash} AS id_hash, first_seq
      FROM (SELECT object_id, MIN(seq) AS first_seq FROM shares GROUP BY object_id) AS shared_ids) AS shared
WHERE NOT EXISTS (SELECT 1 FROM object_ids i WHERE i.id_hash = shared.id_hash AND i.object_id = shared.object_id);

-- Not NULL for any row: every write sets it (SQLite cannot add a NOT NULL column without a default).
-- No foreign key to object_ids, here and in shares: the writer takes the number from object_ids in the same
-- transaction and numbers are never deleted, while PostgreSQL checks a foreign key row by row (a quarter more
-- time per imported object, measured on 200k objects).
ALTER TABLE objects ADD COLUMN id_key BIGINT;
UPDATE objects
SET id_key = (SELECT i.pk FROM object_ids i WHERE i.id_hash = objects.id_hash AND i.object_id = objects.object_id);
DROP INDEX objects_hash;
-- An object of a collection by its id's number.
CREATE UNIQUE INDEX objects_id_key ON objects (collection_pk, id_key);
ALTER TABLE objects DROP COLUMN id_hash;
ALTER TABLE objects DROP COLUMN object_id;

-- Not NULL for any row, and no foreign key, as above.
ALTER TABLE shares ADD COLUMN object_key BIGINT;
-- Only for this update: shares name their objects by text until now, and object_ids has no index on it.
CREATE INDEX object_ids_text ON object_ids (object_id);
UPDATE shares SET object_key = (SELECT i.pk FROM object_ids i WHERE i.object_id = shares.object_id);
DROP INDEX object_ids_text;
DROP INDEX shares_key;
CREATE UNIQUE INDEX shares_key ON shares (object_key, version_key, envelope_id);
ALTER TABLE shares DROP COLUMN object_id;
