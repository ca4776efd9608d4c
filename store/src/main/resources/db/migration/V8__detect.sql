-- The detect stage's progress: the last object-store seq of each collection whose observed-data and
-- sightings were matched, so that a restarted node neither matches them again nor skips any.
CREATE TABLE detect_cursors (
    collection_id TEXT   PRIMARY KEY,
    last_seq      BIGINT NOT NULL
);
