-- A delete that moves the correlation index's position back to an older version (so that it is indexed in the
-- deleted one's place) keeps here the furthest position the index had reached. Everything up to it was read and
-- reported before: the indexer reads that range again only to index the older version, and tells its listeners
-- (the warn stage) nothing of it, so no member is warned twice of what it was warned of already.
ALTER TABLE correlation_position ADD COLUMN reread_to BIGINT NOT NULL DEFAULT 0;
