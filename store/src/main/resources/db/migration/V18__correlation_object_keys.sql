-- The correlation index names its objects by their ids' numbers in object_ids (V17): correlation_objects.object_key
-- instead of its own id_hash and object_id. Its pk stays, and occurrences, links and pending references keep it.
--
-- Why: correlation_objects_hash (id_hash) took every new object id at a random place, so a write transaction
-- rewrote about one of its pages per new id (12 % of a 1M bulk sync's WAL pages on the receiving node). Now an
-- id is looked up once, in object_ids_hash, and correlation_objects_key grows at its end: a new row's id was
-- numbered when its object was stored, or just now for an id that is only referenced, after every other.

-- Ids only referenced so far (never stored, so without a number) are numbered after the largest, in the order
-- the index first saw them. correlation_objects has one row per id, and its id_hash is the id's ObjectIdHash.
INSERT INTO object_ids (pk, id_hash, object_id)
SELECT (SELECT COALESCE(MAX(pk), 0) FROM object_ids) + ROW_NUMBER() OVER (ORDER BY c.pk), c.id_hash, c.object_id
FROM correlation_objects c
WHERE NOT EXISTS (SELECT 1 FROM object_ids i WHERE i.id_hash = c.id_hash AND i.object_id = c.object_id);

-- Not NULL for any row: every write sets it (SQLite cannot add a NOT NULL column without a default). No foreign
-- key, as objects.id_key in V17.
ALTER TABLE correlation_objects ADD COLUMN object_key BIGINT;
UPDATE correlation_objects
SET object_key = (SELECT i.pk FROM object_ids i
                  WHERE i.id_hash = correlation_objects.id_hash AND i.object_id = correlation_objects.object_id);
-- SQLite drops no indexed column: the index goes first.
DROP INDEX correlation_objects_hash;
-- An object of the index by its id's number.
CREATE UNIQUE INDEX correlation_objects_key ON correlation_objects (object_key);
ALTER TABLE correlation_objects DROP COLUMN id_hash;
ALTER TABLE correlation_objects DROP COLUMN object_id;
