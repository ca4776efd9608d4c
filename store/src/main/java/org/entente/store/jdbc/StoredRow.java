package org.entente.store.jdbc;

/** The parts of a stored version that decide its identity and its first/last flags. */
record StoredRow(long seq, String objectId, long versionKey, long dateAdded, boolean first, boolean last) {
    static final String COLUMNS = "seq, object_id, version_key, date_added, is_first, is_last";

    VersionRank rank() {
        return new VersionRank(VersionKey.effective(versionKey, dateAdded), seq);
    }
}
