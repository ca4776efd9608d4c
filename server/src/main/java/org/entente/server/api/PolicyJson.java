package org.entente.server.api;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.entente.core.policy.Charter;
import org.entente.core.policy.Community;
import org.entente.core.policy.Distribution;
import org.entente.core.policy.Member;
import org.entente.core.policy.MemberId;
import org.entente.core.policy.Tlp;
import org.entente.core.stix.codec.StixJson;

/**
 * The JSON shapes of members, communities and audiences in the REST API, and strict readers for them:
 * a missing, mistyped or unknown field is a 400 naming it.
 */
final class PolicyJson {
    private PolicyJson() {}

    static Map<String, Object> member(Member m, boolean local) {
        return StixJson.object(
                "id", m.id().value(), "name", m.name(), "country", m.country(),
                "level", m.level().name().toLowerCase(java.util.Locale.ROOT), "sector", m.sector(),
                "local", local ? Boolean.TRUE : null);
    }

    /** A community as a member sees it: members only when the charter does not hide them, or for admins. */
    static Map<String, Object> community(Community c, boolean showMembers) {
        Charter ch = c.charter();
        return StixJson.object(
                "name", c.name(),
                "members", showMembers ? ch.members().stream().map(MemberId::value).sorted().toList() : null,
                "member_count", showMembers ? ch.members().size() : null,
                "domains", ch.domains().stream().sorted().toList(),
                "highest_tlp", ch.highestTlp().toString(),
                "relay_allowed", ch.relayAllowed(),
                "membership_hidden", ch.membershipHidden());
    }

    static Charter charter(Map<String, Object> body) {
        Fields f = new Fields(body, "charter", Set.of("members", "domains", "highest_tlp", "relay_allowed", "membership_hidden"));
        Set<MemberId> members = new LinkedHashSet<>();
        for (String id : f.strings("members", true)) members.add(memberId(id, "members"));
        return new Charter(members, new LinkedHashSet<>(f.strings("domains", false)),
                tlp(f.string("highest_tlp", true), "highest_tlp"),
                f.bool("relay_allowed", false), f.bool("membership_hidden", false));
    }

    static Distribution distribution(Map<String, Object> body) {
        Fields f = new Fields(body, "to", Set.of("members", "communities", "all_communities"));
        Set<MemberId> members = new LinkedHashSet<>();
        for (String id : f.strings("members", false)) members.add(memberId(id, "to.members"));
        return new Distribution(members, new LinkedHashSet<>(f.strings("communities", false)), f.bool("all_communities", false));
    }

    static Tlp tlp(String text, String field) {
        return Tlp.parse(text).orElseThrow(() -> ApiProblem.badRequest(
                field + " must be one of TLP:CLEAR, TLP:GREEN, TLP:AMBER, TLP:AMBER+STRICT, TLP:RED, not '" + text + "'"));
    }

    static MemberId memberId(String text, String field) {
        try {
            return new MemberId(text);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest(field + ": " + e.getMessage());
        }
    }

    /** Typed access to a JSON object's fields that names the field in every error. */
    static final class Fields {
        private final Map<String, Object> body;
        private final String where;

        Fields(Object body, String where, Set<String> allowed) {
            if (!(body instanceof Map<?, ?> map)) throw ApiProblem.badRequest(where + " must be a JSON object");
            @SuppressWarnings("unchecked")
            Map<String, Object> typed = (Map<String, Object>) map;
            for (String key : typed.keySet()) {
                if (!allowed.contains(key)) {
                    throw ApiProblem.badRequest(where + " has an unknown field '" + key + "'; allowed: " + String.join(", ", new java.util.TreeSet<>(allowed)));
                }
            }
            this.body = typed;
            this.where = where;
        }

        String string(String name, boolean required) {
            Object v = body.get(name);
            if (v == null) {
                if (required) throw ApiProblem.badRequest(where + "." + name + " is required");
                return null;
            }
            if (!(v instanceof String s)) throw ApiProblem.badRequest(where + "." + name + " must be a string");
            return s;
        }

        boolean bool(String name, boolean fallback) {
            Object v = body.get(name);
            if (v == null) return fallback;
            if (!(v instanceof Boolean b)) throw ApiProblem.badRequest(where + "." + name + " must be true or false");
            return b;
        }

        List<String> strings(String name, boolean required) {
            Object v = body.get(name);
            if (v == null) {
                if (required) throw ApiProblem.badRequest(where + "." + name + " is required");
                return List.of();
            }
            if (!(v instanceof List<?> list)) throw ApiProblem.badRequest(where + "." + name + " must be a list of strings");
            List<String> out = new ArrayList<>(list.size());
            for (Object item : list) {
                if (!(item instanceof String s)) throw ApiProblem.badRequest(where + "." + name + " must hold only strings");
                out.add(s);
            }
            return out;
        }

        Object raw(String name) {
            return body.get(name);
        }
    }
}
