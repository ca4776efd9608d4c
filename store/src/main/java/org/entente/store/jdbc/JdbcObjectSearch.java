package org.entente.store.jdbc;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.entente.store.ObjectSearch;
import org.entente.store.Page;
import org.entente.store.StoredVersion;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/**
 * Candidates of a text search by {@code LIKE} over the stored JSON of the newest versions: plain SQL that
 * both dialects run alike, with no index or table to keep up at write time. It scans the versions of the
 * requested collections, which is fine for interactive searches on the stores a node holds; a full-text
 * index is the next step if searches over millions of objects must be fast.
 *
 * <p>Each object is represented by its matching newest version with the lowest sequence number, so an
 * object held by several collections is a candidate once, and the cursor (that sequence number) is stable
 * between pages.
 */
final class JdbcObjectSearch implements ObjectSearch {
    private final Jdbi reads;

    JdbcObjectSearch(Jdbi reads) {
        this.reads = reads;
    }

    @Override
    public Page candidates(Set<String> collectionIds, Set<String> types, List<String> terms, long afterSeq, int limit) {
        if (limit < 1) throw new IllegalArgumentException("limit must be at least 1");
        if (collectionIds.isEmpty()) return new Page(List.of(), false);
        List<String> like = new ArrayList<>();
        for (int i = 0; i < terms.size(); i++) like.add("LOWER(m.json) LIKE :term" + i);
        String matching = terms.isEmpty() ? "" : "\n    AND (" + String.join(" OR ", like) + ")";
        String sql = "SELECT " + StoredVersionMapper.COLUMNS + " FROM object_versions\n"
                + "WHERE seq IN (SELECT MIN(m.seq) FROM object_versions m JOIN collections c ON c.pk = m.collection_pk\n"
                + "    WHERE c.id IN (<collections>) AND m.is_last = 1"
                + (types.isEmpty() ? "" : " AND m.type IN (<types>)")
                + matching + "\n    GROUP BY m.object_id)\n"
                + "AND seq > :after\nORDER BY seq\nLIMIT :limit";
        return reads.withHandle(handle -> {
            Query query = handle.createQuery(sql)
                    .bindList("collections", List.copyOf(collectionIds))
                    .bind("after", afterSeq)
                    // One row more than asked tells whether another page follows.
                    .bind("limit", limit + 1);
            if (!types.isEmpty()) query.bindList("types", List.copyOf(types));
            for (int i = 0; i < terms.size(); i++) query.bind("term" + i, likePattern(terms.get(i)));
            List<StoredVersion> rows = query.map(StoredVersionMapper.INSTANCE).list();
            boolean more = rows.size() > limit;
            return new Page(more ? rows.subList(0, limit) : rows, more);
        });
    }

    /**
     * A LIKE pattern that matches at least every JSON text containing the term, in both dialects. Only
     * ASCII letters, digits and plain punctuation are kept, lowercased (SQLite's LOWER and LIKE fold ASCII
     * only); anything else becomes the wildcard {@code %}: characters JSON may escape ({@code "}, {@code \},
     * controls, non-ASCII), LIKE's own wildcards and its escape. The caller checks candidates exactly.
     */
    static String likePattern(String term) {
        StringBuilder pattern = new StringBuilder("%");
        for (char ch : term.toLowerCase(Locale.ROOT).toCharArray()) {
            boolean plain = ch >= 0x20 && ch < 0x7f && ch != '"' && ch != '\\' && ch != '%' && ch != '_';
            if (plain) {
                pattern.append(ch);
            } else if (pattern.charAt(pattern.length() - 1) != '%') {
                pattern.append('%');
            }
        }
        if (pattern.charAt(pattern.length() - 1) != '%') pattern.append('%');
        return pattern.toString();
    }
}
