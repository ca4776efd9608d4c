-- The detect stage follows every collection with one cursor: object_versions.seq is one sequence over all of
-- them. It starts just before the first version that V8's per-collection cursors had not matched (or after
-- the last version, when they had matched everything).
CREATE TABLE detect_cursor (
    id       SMALLINT PRIMARY KEY,
    last_seq BIGINT   NOT NULL
);
INSERT INTO detect_cursor (id, last_seq)
SELECT 1, COALESCE(
    (SELECT MIN((SELECT MIN(v.seq) FROM object_versions v
                 WHERE v.collection_pk = c.pk AND v.seq > COALESCE(d.last_seq, 0)))
     FROM collections c LEFT JOIN detect_cursors d ON d.collection_id = c.id) - 1,
    (SELECT MAX(seq) FROM object_versions),
    0);

-- What remains of detect_cursors: collections whose cursor was ahead of the new one. Their versions up to
-- that cursor were matched already and are skipped; a row goes once the new cursor passes it.
DELETE FROM detect_cursors WHERE last_seq <= (SELECT last_seq FROM detect_cursor WHERE id = 1);
