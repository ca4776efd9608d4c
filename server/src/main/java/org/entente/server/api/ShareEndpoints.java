package org.entente.server.api;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.entente.core.policy.Distribution;
import org.entente.core.policy.Grading;
import org.entente.core.policy.HandlingCode;
import org.entente.core.policy.MemberId;
import org.entente.core.stix.StixObject;
import org.entente.core.stix.codec.StixJson;
import org.entente.federation.envelope.EnvelopeMarkings;
import org.entente.server.access.MemberWrites;
import org.entente.server.access.Principal;
import org.entente.server.access.VisibleObjects;
import org.entente.server.share.ShareReport;
import org.entente.server.share.Sharing;

/**
 * {@code POST /api/v1/share}: shares objects with an audience in one call. An admin shares for this node's
 * member (signed, sent to the peers the policy lets receive them); a user bound to a member hosted here
 * shares for that member (labelled and kept on this node, see {@link MemberWrites}).
 * <pre>{"objects": [...], "to": {"communities": ["eu-certs"], "members": [...], "all_communities": false},
 *  "tlp": "amber", "domain": "cyber", "handling_code": "H1", "grading": "B2"}</pre>
 * An absent {@code to} addresses nobody: the objects stay with this member.
 */
final class ShareEndpoints {
    private final ApiGate gate;
    private final Sharing sharing;
    private final VisibleObjects visible;
    private final MemberWrites writes;

    ShareEndpoints(ApiGate gate, Sharing sharing, VisibleObjects visible, MemberWrites writes) {
        this.gate = gate;
        this.sharing = sharing;
        this.visible = visible;
        this.writes = writes;
    }

    void share(Context ctx) {
        Principal principal = gate.enter(ctx);
        Optional<MemberId> hosted = visible.viewerOf(principal).member();
        if (hosted.isEmpty() && !principal.admin()) {
            throw ApiProblem.forbidden("sharing takes an admin of this node, or a user bound to a member hosted here");
        }
        PolicyJson.Fields body = new PolicyJson.Fields(ApiRequest.jsonBody(ctx), "body",
                Set.of("objects", "to", "tlp", "domain", "handling_code", "grading"));
        if (!(body.raw("objects") instanceof List<?> list) || list.isEmpty()) {
            throw ApiProblem.badRequest("body.objects must be a non-empty list of STIX objects");
        }
        List<StixObject> objects = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof Map<?, ?>)) throw ApiProblem.badRequest("body.objects[" + i + "] is not a JSON object");
            objects.add(StixJson.toObject(list.get(i), "objects[" + i + "]"));
        }
        Distribution to = body.raw("to") == null ? Distribution.ORGANISATION : PolicyJson.distribution(castMap(body.raw("to")));
        String domain = body.string("domain", true);
        if (!domain.matches("[a-z][a-z0-9-]{1,63}")) throw ApiProblem.badRequest("body.domain must be a lowercase word such as cyber or health");
        EnvelopeMarkings markings = new EnvelopeMarkings(PolicyJson.tlp(body.string("tlp", true), "body.tlp"), domain,
                handlingCode(body.string("handling_code", false)), grading(body.string("grading", false)));
        ShareReport report = hosted.isPresent() ? writes.share(hosted.get(), objects, to, markings)
                : sharing.share(objects, to, markings);
        ApiResponse.json(ctx, report.objects() > 0 ? 202 : 422, StixJson.object(
                "shared", report.objects(),
                "envelopes", report.envelopes(),
                "queued_for", report.peers(),
                "rejected", report.rejected()));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object o) {
        if (!(o instanceof Map<?, ?>)) throw ApiProblem.badRequest("body.to must be a JSON object");
        return (Map<String, Object>) o;
    }

    private static Optional<HandlingCode> handlingCode(String text) {
        if (text == null) return Optional.empty();
        try {
            return Optional.of(HandlingCode.valueOf(text));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("body.handling_code must be H0, H1, H2 or H3, not '" + text + "'");
        }
    }

    private static Optional<Grading> grading(String text) {
        if (text == null) return Optional.empty();
        try {
            return Optional.of(Grading.parse(text));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("body.grading: " + e.getMessage());
        }
    }
}
