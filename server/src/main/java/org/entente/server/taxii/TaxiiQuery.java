package org.entente.server.taxii;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.entente.store.ObjectQuery;
import org.entente.store.VersionSelector;

/**
 * The query parameters of TAXII 2.1 (section 3.4): {@code limit}, {@code next}, {@code added_after} and
 * {@code match[id|type|version|spec_version]}, turned into an {@link ObjectQuery}. Every parameter is
 * checked; one that is malformed or unknown is a 400 naming it, never silently ignored, because a
 * filter that is ignored returns data the client did not ask for.
 */
public final class TaxiiQuery {
    static final int DEFAULT_LIMIT = 100;

    private TaxiiQuery() {}

    /**
     * @param allowed the match fields this endpoint accepts (e.g. the versions endpoint takes only
     *     spec_version)
     * @param defaultVersions the version filter when none is given (last for objects, all for versions)
     */
    public static ObjectQuery parse(Map<String, List<String>> params, Set<String> allowed, VersionSelector defaultVersions) {
        ObjectQuery query = new ObjectQuery(Set.of(), Set.of(), defaultVersions, Set.of(), null, 0, DEFAULT_LIMIT);
        for (Map.Entry<String, List<String>> entry : params.entrySet()) {
            String name = entry.getKey();
            if (entry.getValue().size() != 1) {
                throw TaxiiException.badRequest("parameter " + name + " is given more than once; use a comma-separated list");
            }
            String value = entry.getValue().get(0);
            query = switch (name) {
                case "limit" -> query.withLimit(limit(value));
                case "next" -> query.withAfterSeq(cursor(value));
                case "added_after" -> query.withAddedAfter(TaxiiTime.parse("added_after", value));
                default -> match(query, name, value, allowed);
            };
        }
        return query;
    }

    private static ObjectQuery match(ObjectQuery query, String name, String value, Set<String> allowed) {
        if (!name.startsWith("match[") || !name.endsWith("]")) {
            throw TaxiiException.badRequest("unknown parameter '" + name + "'; this endpoint takes limit, next, added_after"
                    + (allowed.isEmpty() ? "" : " and match[" + String.join("|", allowed) + "]"));
        }
        String field = name.substring(6, name.length() - 1);
        if (!allowed.contains(field)) {
            throw TaxiiException.badRequest("unsupported filter '" + name + "'; this endpoint takes match["
                    + String.join("|", allowed) + "]");
        }
        Set<String> values = list(name, value);
        return switch (field) {
            case "id" -> query.withIds(values);
            case "type" -> query.withTypes(values);
            case "spec_version" -> query.withSpecVersions(values);
            case "version" -> query.withVersions(versions(values));
            default -> throw new IllegalStateException("allowed field without a filter: " + field);
        };
    }

    private static VersionSelector versions(Set<String> values) {
        boolean first = false, last = false, all = false;
        List<Instant> at = new ArrayList<>();
        for (String value : values) {
            switch (value) {
                case "first" -> first = true;
                case "last" -> last = true;
                case "all" -> all = true;
                default -> at.add(TaxiiTime.parse("match[version]", value));
            }
        }
        return new VersionSelector(first, last, all, Set.copyOf(at));
    }

    private static Set<String> list(String name, String value) {
        Set<String> values = new LinkedHashSet<>();
        for (String part : value.split(",", -1)) {
            String v = part.strip();
            if (v.isEmpty()) throw TaxiiException.badRequest(name + " has an empty value in '" + value + "'");
            values.add(v);
        }
        return values;
    }

    private static int limit(String value) {
        int limit;
        try {
            limit = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw TaxiiException.badRequest("limit must be a positive integer, not '" + value + "'");
        }
        if (limit < 1) throw TaxiiException.badRequest("limit must be a positive integer, not " + limit);
        // Section 3.4.1: a server may return fewer than asked; it caps, it does not refuse.
        return Math.min(limit, ObjectQuery.MAX_LIMIT);
    }

    private static long cursor(String value) {
        try {
            long seq = Long.parseLong(value.strip());
            if (seq < 0) throw new NumberFormatException();
            return seq;
        } catch (NumberFormatException e) {
            throw TaxiiException.badRequest("next must be a value returned by this server, not '" + value + "'");
        }
    }
}
